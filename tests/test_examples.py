"""Run each script in examples/ as a reader would, and compare what it prints.

The expected output of ``examples/NAME.py`` is ``examples/output/NAME.txt``; the docs
include both, so what the docs show is what the tests checked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"


def run_example(name: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(  # noqa: S603 - runs this interpreter on our own example files
        [sys.executable, str(EXAMPLES / f"{name}.py"), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def expected_output(name: str) -> str:
    return (EXAMPLES / "output" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("show_round", 0),
        ("build_round", 0),
        ("validate_file", 1),
        ("property_test", 0),
        ("analyse_history", 0),
    ],
)
def test_example_prints_its_expected_output(name: str, status: int, tmp_path: Path) -> None:
    result = run_example(name, cwd=tmp_path)
    assert result.stderr == ""
    assert result.stdout == expected_output(name)
    assert result.returncode == status


def test_export_json_writes_a_file_per_round(tmp_path: Path) -> None:
    result = run_example("export_json", "out", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected_output("export_json")
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert written == [line.split(":")[0] for line in result.stdout.splitlines()]


def test_validate_file_accepts_a_valid_file(tmp_path: Path) -> None:
    run_example("export_json", "out", cwd=tmp_path)
    result = run_example("validate_file", "out/round-2019.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "round-2019.json: ok, Trondheim won in 2019\n"


def test_every_example_has_a_test() -> None:
    scripts = {path.stem for path in EXAMPLES.glob("*.py")}
    assert scripts == {
        "show_round",
        "build_round",
        "validate_file",
        "export_json",
        "property_test",
        "analyse_history",
    }
