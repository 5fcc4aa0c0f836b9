"""The command under faults of its surroundings: no traceback, ever, and nothing widened.

Each test runs the real command in its own process, as a shell would, with a symlink
loop, a file name that is not UTF-8, closed standard streams, an interrupt, a console
that is not UTF-8, or an ``-o`` target with its own permissions and links.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from innovasjonspris import load_round
from innovasjonspris.cli import main
from innovasjonspris.cli._common import text_argument
from innovasjonspris.cli._output import WriteError, open_output, write_stderr
from innovasjonspris.render import render_round
from innovasjonspris.serialization import to_json

COMMAND = Path(sys.executable).with_name("innovasjonspris")
LATIN1_NAME = b"lat\xe6.toml"  # «latæ.toml» in Latin-1: not UTF-8
ROUND_2019 = render_round(load_round(2019)).encode("utf-8")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX shells and links")


def run(
    *argv: str | bytes, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    environment.pop("PYTHONUTF8", None)
    return subprocess.run(  # noqa: S603 - our own command, with arguments we chose
        [os.fsencode(COMMAND), *(os.fsencode(a) if isinstance(a, str) else a for a in argv)],
        capture_output=True,
        check=False,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def in_shell(script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 - a fixed script of our own
        ["/bin/sh", "-c", script.replace("$CMD", f"'{COMMAND}'")],
        capture_output=True,
        check=False,
        cwd=cwd,
        timeout=120,
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    return text


def test_output_onto_a_loop_of_links_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = run("show", "2019", "-o", "a", cwd=tmp_path)
    assert result.returncode == 2
    assert one_line(result.stderr).startswith("innovasjonspris: a: cannot write the file (")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    missing = run("validate", b"missing-" + LATIN1_NAME, cwd=tmp_path)
    assert missing.returncode == 2
    assert "missing-lat\\xe6.toml: cannot read the file" in one_line(missing.stderr)
    (tmp_path / os.fsdecode(LATIN1_NAME)).write_bytes(
        run("show", "2019", "--format", "toml").stdout
    )
    for argv in (
        ("validate", LATIN1_NAME),
        ("validate", "--format", "json", LATIN1_NAME),
        ("validate", "."),
        ("show", LATIN1_NAME),
        ("convert", LATIN1_NAME, "--to", "json"),
    ):
        result = run(*argv, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, b""), argv
        result.stdout.decode("utf-8")  # valid UTF-8, whatever the name
    listed = run("validate", "--format", "json", ".", cwd=tmp_path).stdout.decode("utf-8")
    assert '"./lat\\\\xe6.toml"' in listed or '"lat\\\\xe6.toml"' in listed


def test_closed_standard_input_is_one_line() -> None:
    result = in_shell("$CMD validate - <&-")
    assert result.returncode == 2
    assert "<stdin>: cannot read standard input" in result.stderr.decode("utf-8")
    assert b"Traceback" not in result.stderr
    shown = in_shell("$CMD show - <&-")
    assert shown.returncode == 2
    assert one_line(shown.stderr) == "innovasjonspris: cannot read standard input (it is closed)\n"


def test_closed_standard_output_is_one_line() -> None:
    result = in_shell("$CMD show 2019 >&-")
    assert result.returncode == 2
    assert (
        one_line(result.stderr)
        == "innovasjonspris: cannot write to standard output (it is closed)\n"
    )


def test_closed_standard_error_keeps_the_status() -> None:
    result = in_shell("$CMD show 1900 2>&-")
    assert (result.returncode, result.stdout) == (1, b"")


def test_an_interrupt_exits_130_with_one_line_and_no_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "round.html"
    target.write_text("the old page\n", encoding="utf-8")
    # A real SIGINT, sent while the output is being written.
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from innovasjonspris import cli
        from innovasjonspris.cli import _output
        real = _output.open_output
        def interrupted(path):
            manager = real(path)
            class Slow:
                def __enter__(self):
                    write = manager.__enter__()
                    def half(text):
                        write(text[: len(text) // 2])
                        os.kill(os.getpid(), signal.SIGINT)
                        write(text[len(text) // 2 :])
                    return half
                def __exit__(self, *exc):
                    return manager.__exit__(*exc)
            return Slow()
        _output.open_output = interrupted
        sys.exit(cli.main(["show", "2019", "--format", "html", "-o", {str(target)!r}]))
        """
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], capture_output=True, check=False, timeout=120
    )
    assert result.returncode == 130
    assert one_line(result.stderr) == "innovasjonspris: interrupted\n"
    assert target.read_text(encoding="utf-8") == "the old page\n"
    assert [p.name for p in tmp_path.iterdir()] == ["round.html"]


def test_validate_walks_a_directory_with_loops_once(tmp_path: Path) -> None:
    (tmp_path / "round.toml").write_bytes(run("show", "2019", "--format", "toml").stdout)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "sub" / "same.toml").symlink_to("../round.toml")
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "here").symlink_to(".")
    result = run("validate", str(tmp_path))
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("utf-8").splitlines() == [
        f"{tmp_path / 'round.toml'}: ok",
        "1 file: 1 valid, 0 invalid, 0 unreadable",
    ]


def test_output_to_dev_stdout_goes_into_the_pipe() -> None:
    result = run("show", "2019", "-o", "/dev/stdout")
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == ROUND_2019


def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    assert run("show", "2019", "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == ROUND_2019
    target.chmod(0o640)
    assert run("show", "2018", "-o", str(target)).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    status = target.stat()
    assert (status.st_uid, status.st_gid) == (os.getuid(), os.getgid())


def test_output_replaces_a_hard_link_under_its_own_name_only(tmp_path: Path) -> None:
    target = tmp_path / "round.txt"
    target.write_text("old\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.hardlink_to(target)
    assert run("show", "2019", "-o", str(target)).returncode == 0
    assert target.read_bytes() == ROUND_2019
    assert other.read_text(encoding="utf-8") == "old\n"  # as the help of -o says
    assert target.stat().st_nlink == 1


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_standard_error_is_utf8_whatever_the_console(encoding: str) -> None:
    result = run("kommune", "Fjell", "--year", "2021", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1
    assert "4626 Øygarden" in one_line(result.stderr)


def test_an_argument_that_is_not_utf8_is_read_as_latin1() -> None:
    env = {"LC_ALL": "C", "LANG": "C"}
    result = run("kommune", b"\xd8ygarden", "--year", "2019", env=env)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("utf-8").startswith("1259 Øygarden (2019)")
    history = run("history", b"\xd8ygarden", env=env)
    assert (history.returncode, history.stderr) == (0, b"")
    assert "Øygarden" in history.stdout.decode("utf-8")


# --- The same faults in process, where coverage sees them ----------------------------------


def test_in_process_closed_streams(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["show", "-"]) == 2
    assert capsys.readouterr().err == "innovasjonspris: cannot read standard input (it is closed)\n"
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["show", "2019"]) == 2
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["show", "2019"]) == 2  # the message is lost, the status is not


def test_in_process_standard_error_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw, encoding="ascii"))
    write_stderr("Øygarden lat" + os.fsdecode(b"\xe6") + "\n")
    assert raw.getvalue() == "Øygarden lat\\xe6\n".encode()

    class Broken(io.StringIO):
        def write(self, _text: str) -> int:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(sys, "stderr", Broken())
    write_stderr("lost\n")  # never raises
    text_only = io.StringIO()
    monkeypatch.setattr(sys, "stderr", text_only)
    write_stderr("lat" + os.fsdecode(b"\xe6") + "\n")
    assert text_only.getvalue() == "lat\\xe6\n"


def test_in_process_interrupt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "round.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupt(_self: Path, _target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", interrupt)
    assert main(["show", "2019", "-o", str(target)]) == 130
    assert capsys.readouterr().err == "innovasjonspris: interrupted\n"
    assert [p.name for p in tmp_path.iterdir()] == ["round.txt"]
    assert target.read_text(encoding="utf-8") == "old\n"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("loop", "Too many levels of symbolic links"), ("a\0b", "a NUL in its name")],
)
def test_in_process_output_that_cannot_be_looked_at(name: str, reason: str, tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(WriteError, match=reason), open_output(str(tmp_path / name)):
        pass


def test_in_process_owner_and_group_as_far_as_allowed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "round.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o604)
    calls: list[tuple[int, int]] = []
    refused = {"group": False}

    def refuse_owner(_descriptor: int, owner: int, group: int) -> None:
        calls.append((owner, group))
        if owner != -1 or refused["group"]:
            raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse_owner)
    for refuse_group in (False, True):
        refused["group"] = refuse_group
        calls.clear()
        with open_output(str(target)) as write:
            write("new\n")
        status = target.stat()
        assert calls == [(status.st_uid, status.st_gid), (-1, status.st_gid)]
        assert stat.S_IMODE(status.st_mode) == 0o604


def test_in_process_directories_with_loops_and_broken_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "round.json").write_text(to_json(load_round(2019)), encoding="utf-8")
    (tmp_path / "up").symlink_to(".")
    (tmp_path / "again.json").symlink_to("round.json")
    (tmp_path / "broken.json").symlink_to("nowhere.json")
    (tmp_path / "loop").symlink_to("loop")
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{tmp_path / 'again.json'}: ok",
        "1 file: 1 valid, 0 invalid, 0 unreadable",
    ]


def test_in_process_text_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert text_argument("Øygarden") == "Øygarden"
    assert text_argument(os.fsdecode(b"\xd8ygarden")) == "Øygarden"
    assert main(["kommune", os.fsdecode(b"\xd8ygarden"), "--year", "2019"]) == 0
    assert capsys.readouterr().out.startswith("1259 Øygarden (2019)")
