"""``innovasjonspris validate`` in pipelines: every file, directories, stdin, a summary."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factories import award_round
from innovasjonspris.cli import main
from innovasjonspris.serialization import MAX_DOCUMENT_SIZE, to_json, to_toml

COMMAND = Path(sys.executable).with_name("innovasjonspris")
BAD_YEAR = "$.year: expected a whole number, got text"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.toml"
    good.write_text(to_toml(award_round()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(to_json(award_round()).replace('"year": 2019', '"year": "2019"'), "utf-8")
    return {"good": good, "bad": bad, "missing": tmp_path / "missing.toml"}


def test_every_file_is_checked_and_summed_up(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    good, missing, bad = files["good"], files["missing"], files["bad"]
    status, out, err = run(capsys, "validate", str(good), str(missing), str(bad))
    assert status == 2
    assert out.splitlines() == [f"{good}: ok", "3 files: 1 valid, 1 invalid, 1 unreadable"]
    assert err.splitlines() == [
        f"innovasjonspris: {missing}: cannot read the file (No such file or directory)",
        f"{bad}: {BAD_YEAR}",
    ]


def test_the_same_from_the_shell(files: dict[str, Path]) -> None:
    names = [str(files[key]) for key in ("good", "missing", "bad")]
    result = subprocess.run(  # noqa: S603
        [str(COMMAND), "validate", *names], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout.endswith("3 files: 1 valid, 1 invalid, 1 unreadable\n")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 2


def test_invalid_without_unreadable_is_exit_1(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    status, out, _ = run(capsys, "validate", str(files["bad"]), str(files["good"]))
    assert status == 1
    assert out.endswith("\n2 files: 1 valid, 1 invalid, 0 unreadable\n")


def test_all_valid_is_exit_0(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    assert run(capsys, "validate", str(files["good"])) == (
        0,
        f"{files['good']}: ok\n1 file: 1 valid, 0 invalid, 0 unreadable\n",
        "",
    )


def test_standard_input_from_the_shell(files: dict[str, Path]) -> None:
    with files["good"].open("rb") as good:
        result = subprocess.run(  # noqa: S603
            [str(COMMAND), "validate", "--from", "toml", "-"],
            stdin=good,
            capture_output=True,
            text=True,
            check=False,
        )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "<stdin>: ok\n1 file: 1 valid, 0 invalid, 0 unreadable\n"


@pytest.mark.parametrize("content", ["toml", "json", "json with a byte order mark", "bad json"])
def test_the_format_of_standard_input_is_told_from_its_content(
    content: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = to_toml(award_round()) if content == "toml" else "\n " + to_json(award_round())
    if content == "json with a byte order mark":
        text = "\ufeff" + text
    if content == "bad json":
        text = text.replace('"year": 2019', '"year": "2019"')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, out, err = run(capsys, "validate", "-")
    if content == "bad json":
        assert (status, err) == (1, f"<stdin>: {BAD_YEAR}\n")
    else:
        assert (status, out, err) == (
            0,
            "<stdin>: ok\n1 file: 1 valid, 0 invalid, 0 unreadable\n",
            "",
        )


def test_standard_input_as_a_text_only_stream(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(to_json(award_round())))
    assert run(capsys, "validate", "--from", "json", "-")[0] == 0


class _Failing(io.BytesIO):
    def read(self, size: int | None = -1, /) -> bytes:
        raise OSError(5, "Input/output error", size)


def test_standard_input_that_cannot_be_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_Failing()))
    status, _, err = run(capsys, "validate", "-")
    assert status == 2
    assert err == "innovasjonspris: <stdin>: cannot read standard input (Input/output error)\n"


def test_a_directory_is_searched_below_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "rounds" / "2025" / "drafts").mkdir(parents=True)
    (tmp_path / "rounds" / ".git").mkdir()
    found = [
        tmp_path / "rounds" / "a.json",
        tmp_path / "rounds" / "2025" / "b.TOML",
        tmp_path / "rounds" / "2025" / "drafts" / "c.toml",
    ]
    for path in found:
        text = to_json(award_round()) if path.suffix == ".json" else to_toml(award_round())
        path.write_text(text, encoding="utf-8")
    (tmp_path / "rounds" / "notes.md").write_text("not a round", encoding="utf-8")
    (tmp_path / "rounds" / ".git" / "hidden.toml").write_text("broken", encoding="utf-8")
    status, out, err = run(capsys, "validate", str(tmp_path / "rounds"))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        *(f"{path}: ok" for path in sorted(found)),
        "3 files: 3 valid, 0 invalid, 0 unreadable",
    ]


def test_a_directory_without_round_files_is_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "validate", str(tmp_path))
    assert status == 2
    assert err == f"innovasjonspris: {tmp_path}: no .json or .toml files below it\n"
    assert out == "1 file: 0 valid, 0 invalid, 1 unreadable\n"


def test_a_directory_that_cannot_be_searched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", refuse)
    status, _, err = run(capsys, "validate", str(tmp_path))
    assert status == 2
    assert err == (
        f"innovasjonspris: {tmp_path}: cannot search the directory (Permission denied)\n"
    )


def test_another_suffix_needs_from(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "round.txt"
    path.write_text(to_json(award_round()), encoding="utf-8")
    status, _, err = run(capsys, "validate", str(path))
    assert status == 2
    assert err == (
        f"innovasjonspris: {path}: expected a .json or .toml file (or --from json|toml)\n"
    )
    assert run(capsys, "validate", "--from", "json", str(path))[0] == 0


def test_a_huge_file_is_refused_without_reading_it_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as file:
        file.truncate(MAX_DOCUMENT_SIZE * 4)
    status, _, err = run(capsys, "validate", str(path))
    assert status == 1
    assert err == (
        f"{path}: $: the document is {MAX_DOCUMENT_SIZE + 1} bytes, over the limit of "
        f"{MAX_DOCUMENT_SIZE}; pass a larger max_size to read it\n"
    )


def test_json_output_lists_every_problem(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    good, missing, bad = (str(files[key]) for key in ("good", "missing", "bad"))
    status, out, err = run(capsys, "validate", "--format", "json", good, missing, bad)
    assert (status, err) == (2, "")
    assert json.loads(out) == {
        "files": 3,
        "valid": 1,
        "invalid": 1,
        "unreadable": 1,
        "results": [
            {"file": good, "status": "valid"},
            {"file": missing, "status": "unreadable"},
            {"file": bad, "status": "invalid"},
        ],
        "problems": [
            {
                "file": missing,
                "path": None,
                "message": "cannot read the file (No such file or directory)",
            },
            {"file": bad, "path": "$.year", "message": "expected a whole number, got text"},
        ],
    }
