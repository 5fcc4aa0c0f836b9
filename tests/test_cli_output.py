"""The command's output on real consoles and pipes, and its -o/--output files."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import runpy
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import IO

import pytest

from innovasjonspris import load_round
from innovasjonspris.cli import _parser, main  # pyright: ignore[reportPrivateUsage]
from innovasjonspris.cli._output import WriteError, open_output
from innovasjonspris.render import render_round
from innovasjonspris.serialization import from_json, to_json

COMMAND = Path(sys.executable).with_name("innovasjonspris")


def command(
    *argv: str, encoding: str | None = None, stdout: int | IO[bytes] = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.pop("PYTHONUTF8", None)
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run(  # noqa: S603 - our own command, with arguments we chose
        [str(COMMAND), *argv], stdout=stdout, stderr=subprocess.PIPE, check=False, env=env
    )


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("format_", ["text", "toml", "html", "json"])
def test_show_writes_utf8_whatever_the_console(encoding: str, format_: str) -> None:
    result = command("show", "2019", "--format", format_, encoding=encoding)
    assert (result.returncode, result.stderr) == (0, b"")
    shown = result.stdout.decode("utf-8")
    if format_ == "json":
        assert from_json(shown) == load_round(2019)
    elif format_ != "toml":
        assert shown == render_round(load_round(2019), format=format_)  # type: ignore[arg-type]
    assert "Ø" in shown or "ø" in shown


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_converted_file_validates_whatever_the_console(encoding: str, tmp_path: Path) -> None:
    source = tmp_path / "round.toml"
    source.write_bytes(command("show", "2019", "--format", "toml").stdout)
    converted = command("convert", str(source), "--to", "json", encoding=encoding)
    assert (converted.returncode, converted.stderr) == (0, b"")
    target = tmp_path / "round.json"
    target.write_bytes(converted.stdout)
    assert converted.stdout.decode("utf-8") == to_json(load_round(2019))
    checked = command("validate", str(target), encoding=encoding)
    assert (checked.returncode, checked.stderr) == (0, b"")


def test_a_full_disk_is_one_line_and_exit_2() -> None:
    with Path("/dev/full").open("wb") as full:
        result = command("show", "2019", stdout=full)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "innovasjonspris: cannot write to standard output (No space left on device)"
    ]


def test_a_pipe_closed_by_its_reader_ends_quietly() -> None:
    # As `| head` does: the reader goes away before the command has written everything.
    process = subprocess.Popen(  # noqa: S603
        [str(COMMAND), "show", "2019", "--format", "html"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate()
    assert (process.returncode, err) == (141, b"")


def test_head_in_a_shell_pipeline_prints_nothing_on_stderr() -> None:
    result = subprocess.run(  # noqa: S603
        ["/bin/sh", "-c", f"'{COMMAND}' schema | head -n 1"],
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, b"{\n", b"")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"innovasjonspris {version('innovasjonspris')}\n"


@pytest.mark.parametrize(
    "argv", [[str(COMMAND)], [sys.executable, "-m", "innovasjonspris"]], ids=["script", "-m"]
)
def test_version_from_the_console_script_and_python_m(argv: list[str]) -> None:
    result = subprocess.run([*argv, "--version"], capture_output=True, check=False)  # noqa: S603
    assert result.returncode == 0
    assert result.stdout.decode() == f"innovasjonspris {version('innovasjonspris')}\n"


def test_python_m_runs_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["innovasjonspris", "show", "2019", "--format", "json"])
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("innovasjonspris", run_name="__main__")
    assert caught.value.code == 0
    assert from_json(capsys.readouterr().out) == load_round(2019)


def test_importing_the_main_module_runs_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    importlib.import_module("innovasjonspris.__main__")
    assert capsys.readouterr() == ("", "")


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:  # noqa: SLF001
        choices = action.choices
        if isinstance(choices, dict):  # the subcommands' parsers, by name
            subparsers: dict[str, argparse.ArgumentParser] = choices  # pyright: ignore[reportUnknownVariableType]
            for sub in subparsers.values():
                found.extend(_parsers(sub))
    return found


def test_every_argument_has_help_and_every_help_the_exit_statuses() -> None:
    for parser in _parsers(_parser()):
        for action in parser._actions:  # noqa: SLF001
            assert action.help, (parser.prog, action.dest)
        assert "exit status:\n  0    success\n  1    invalid data" in parser.format_help()


def test_help_is_utf8_on_an_ascii_console() -> None:
    result = command("show", "--help", encoding="ascii")
    assert (result.returncode, result.stderr) == (0, b"")
    assert b"--locale" in result.stdout


@pytest.mark.parametrize("locale", ["nb_NO", "nn-NO", "en_GB", "no"])
def test_locale_takes_what_the_library_takes(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "2019", "--locale", locale]) == 0
    assert capsys.readouterr().out == render_round(load_round(2019), locale=locale)


def test_output_to_a_text_only_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["show", "2019", "--format", "json"]) == 0
    assert from_json(stream.getvalue()) == load_round(2019)


def test_a_failed_write_in_process_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Path("/dev/full").open("w", encoding="utf-8") as full:
        monkeypatch.setattr(sys, "stdout", full)
        assert main(["show", "2019"]) == 2
    assert capsys.readouterr().err == (
        "innovasjonspris: cannot write to standard output (No space left on device)\n"
    )


class _Refusing(io.BytesIO):
    def write(self, data: object, /) -> int:
        raise OSError(5, "Input/output error", data)


def test_a_failed_write_to_a_stream_without_a_descriptor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(_Refusing()))
    assert main(["schema"]) == 2
    assert capsys.readouterr().err == (
        "innovasjonspris: cannot write to standard output (Input/output error)\n"
    )


def test_a_closed_pipe_in_process_is_quiet(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, writer = os.pipe()
    os.close(reader)
    with open(writer, "w", encoding="utf-8") as pipe:  # noqa: PTH123
        monkeypatch.setattr(sys, "stdout", pipe)
        assert main(["show", "2019"]) == 141
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("command_", [["show", "2019"], ["schema"], ["convert"]])
def test_output_option_writes_the_file(
    command_: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if command_ == ["convert"]:
        source = tmp_path / "round.json"
        source.write_text(to_json(load_round(2019)), encoding="utf-8")
        command_ = ["convert", str(source), "--to", "toml"]
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    assert main([*command_, "-o", str(target)]) == 0
    main(command_)
    assert target.read_text(encoding="utf-8") == capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.txt", *(["round.json"] if command_[0] == "convert" else [])]
    )


def test_output_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2019", "-o", "-"]) == 0
    assert capsys.readouterr().out == render_round(load_round(2019))


def test_output_into_a_missing_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "out.html"
    assert main(["show", "2019", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"innovasjonspris: {target}: cannot write the file (No such file or directory)\n"
    )


def test_output_that_cannot_replace_its_target_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken"
    (target / "inside").mkdir(parents=True)
    assert main(["show", "2019", "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"innovasjonspris: {target}: cannot write the file")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]


def test_a_failure_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyError), open_output(str(target)) as write:  # noqa: PT012
        write("half of it")
        raise KeyError
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_write_error_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with (  # noqa: PT012
        pytest.raises(WriteError, match=r"out\.json: cannot write the file"),
        open_output(str(target)) as write,
    ):
        write("text")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_output_to_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    # A rename over a device or a pipe (-o /dev/null) would put a plain file in its place.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE)  # noqa: S603, S607
    assert main(["show", "2019", "-o", str(pipe)]) == 0
    out, _ = reader.communicate(timeout=60)
    assert out.decode("utf-8") == render_round(load_round(2019))
    assert pipe.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_output_to_a_full_device_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    assert main(["show", "2019", "-o", "/dev/full"]) == 2
    assert capsys.readouterr().err == (
        "innovasjonspris: /dev/full: cannot write the file (No space left on device)\n"
    )
    assert Path("/dev/full").is_char_device()


def test_output_through_a_link_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["schema", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("{")
