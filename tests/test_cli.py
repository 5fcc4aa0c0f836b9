from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factories import award_round
from innovasjonspris import load_round
from innovasjonspris.cli import main
from innovasjonspris.serialization import from_json, from_toml, to_dict, to_json, to_toml


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_show_a_bundled_year_as_json_and_toml(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "show", "2019", "--format", "json")
    assert (status, err) == (0, "")
    assert from_json(out) == load_round(2019)
    status, out, _ = run(capsys, "show", "2019", "--format", "toml")
    assert status == 0
    assert from_toml(out) == load_round(2019)


def test_show_an_unknown_year_says_which_years_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "show", "2013", "--format", "json")
    assert (status, out) == (1, "")
    assert err == (
        "innovasjonspris: no round of 2013 is known; "
        "the bundled rounds are 2014, 2015, 2016, 2017, 2018, 2019; "
        "the prize was not awarded in 2020\n"
    )


def test_validate_lists_every_problem_one_per_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.toml"
    good.write_text(to_toml(award_round()), encoding="utf-8")
    document = to_dict(award_round())
    document["year"] = "2019"
    document["citations"][0]["municipality"]["number"] = "301"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(good), str(bad))
    assert status == 1
    assert out == f"{good}: ok\n2 files: 1 valid, 1 invalid, 0 unreadable\n"
    assert err.splitlines() == [
        f"{bad}: $.year: expected a whole number, got text",
        f"{bad}: $.citations[0].municipality.number: must be four digits 0-9, not '301'",
    ]
    assert "Traceback" not in err


def test_show_a_broken_file_reports_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    status, out, err = run(capsys, "show", str(broken))
    assert (status, out) == (1, "")
    assert err.startswith(f"{broken}: $: not valid JSON")


@pytest.mark.parametrize("target", ["json", "toml"])
def test_convert(capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str) -> None:
    source = tmp_path / "round.toml"
    source.write_text(to_toml(award_round()), encoding="utf-8")
    status, out, _ = run(capsys, "convert", str(source), "--to", target)
    assert status == 0
    assert out == (to_json if target == "json" else to_toml)(award_round())


def test_convert_a_broken_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "round.toml"
    source.write_text("schema_version = 1\n", encoding="utf-8")
    status, _, err = run(capsys, "convert", str(source), "--to", "json")
    assert status == 1
    assert f"{source}: $.id: is required" in err.splitlines()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "missing.toml"], "missing.toml: cannot read the file"),
        (["show", "round.yaml"], "round.yaml: expected a year or a .json or .toml file"),
        (["validate", "missing.json"], "missing.json: cannot read the file"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert err.startswith(f"innovasjonspris: {message}")


def test_argparse_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "show", "2019", "--format", "yaml")[0] == 2


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out)["title"] == "AwardRound"


def test_the_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "innovasjonspris", "show", "2019", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert from_json(result.stdout).year == 2019


def test_schema_works_first_thing_in_a_fresh_process() -> None:
    # The model's annotations are strings until resolved; nothing may rely on a load
    # having resolved them first.
    result = subprocess.run(
        [sys.executable, "-m", "innovasjonspris", "schema"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "AwardRound"
