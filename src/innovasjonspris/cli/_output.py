"""Where a command's output goes: standard output or a file, as UTF-8 whatever the console.

A subcommand that prints a result takes :data:`OUTPUT_ARGUMENT` among its arguments and
writes through :func:`open_output` (or :func:`write_output` for one piece of text). Both
turn a failed write into :class:`WriteError` (exit 2, one line) and a pipe closed by the
reader into :class:`PipeClosedError` (exit quietly), so no command needs its own handling.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import BinaryIO, Final

from innovasjonspris.cli._command import argument

__all__ = [
    "OUTPUT_ARGUMENT",
    "PipeClosedError",
    "WriteError",
    "Writer",
    "discard_stdout",
    "displayable",
    "open_output",
    "reason",
    "write_output",
    "write_stderr",
    "write_stdout",
]

Writer = Callable[[str], object]
"""Writes one piece of a command's output."""


class WriteError(Exception):
    """The output could not be written: exit 2 with the message."""


class PipeClosedError(Exception):
    """The reader of standard output went away (``| head``): stop quietly."""


OUTPUT_ARGUMENT: Final = argument(
    "-o",
    "--output",
    metavar="FILE",
    help=(
        "write to FILE instead of standard output; FILE is replaced only once the "
        "whole output is written, so a failed run leaves no broken file; a replaced "
        "FILE keeps its permissions (and its owner and group where allowed), and a "
        "FILE with other hard links is replaced under this name only"
    ),
)
"""The ``-o/--output FILE`` option read by :func:`open_output`."""


def displayable(text: str) -> str:
    r"""Return ``text`` with the bytes of a name that is not UTF-8 shown as ``\xe6``.

    Python keeps such bytes of a file name as lone surrogates, which no stream can write.
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # only a name that is not UTF-8 pays for the detour
        return displayable(text).encode("utf-8")


def write_stderr(text: str) -> None:
    """Write ``text`` to standard error as UTF-8, as standard output is; never raises.

    An error message is as readable as the output on a console of any encoding, and a
    closed or broken standard error loses the message, not the exit status.
    """
    stream = sys.stderr
    if stream is None:  # started with standard error closed
        return
    binary: BinaryIO | None = getattr(stream, "buffer", None)
    with contextlib.suppress(OSError, ValueError):
        if binary is not None:
            stream.flush()
            binary.write(_utf8(text))
            binary.flush()
        else:
            stream.write(displayable(text))
            stream.flush()


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, whatever encoding the console has."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (>&-)
        raise WriteError("cannot write to standard output (it is closed)")
    binary: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        if binary is not None:
            stream.flush()
            binary.write(_utf8(text))
            binary.flush()
        else:  # a text-only stream such as io.StringIO has no encoding to get wrong
            stream.write(displayable(text))
            stream.flush()
    except BrokenPipeError:
        discard_stdout()
        raise PipeClosedError from None
    except OSError as error:
        discard_stdout()
        raise WriteError(f"cannot write to standard output ({reason(error)})") from None


def discard_stdout() -> None:
    """Point standard output at the null device after a failed write.

    What is still buffered would otherwise fail again in the interpreter's last flush at
    exit, and print a traceback-like warning after our one line.
    """
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


@contextlib.contextmanager
def open_output(path: str | None) -> Generator[Writer, None, None]:
    """Yield a writer to ``path``, or to standard output when ``path`` is ``None`` or ``-``.

    A file is written beside its final name and renamed into place when the block ends
    without an exception; on any failure it is removed and ``path`` is left as it was.
    """
    if path is None or path == "-":
        yield write_stdout
        return
    existing = _status(path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe (/dev/null, /dev/stdout into a pipe, a FIFO) is written to as
        # it is: renaming a file over it would put a regular file in its place.
        with _opened_as_it_is(path) as write:
            yield write
        return
    # The file a link names is the one to replace; the link stays. (A loop of links
    # has failed in _status already.)
    target = Path(path).resolve()
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 lets the umask decide the permissions, as for any new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise _cannot_write(path, reason(error)) from None
    try:
        if existing is not None:
            _keep_access(descriptor, existing)
        with open(descriptor, "w", encoding="utf-8", newline="") as file:  # noqa: PTH123
            yield file.write
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _cannot_write(path, reason(error)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _status(path: str) -> os.stat_result | None:
    """The status of the file ``path`` names, links followed; ``None`` if there is none."""
    try:
        return Path(path).stat()
    except FileNotFoundError:
        return None
    except OSError as error:  # a loop of links, a name too long, a directory not searchable
        raise _cannot_write(path, reason(error)) from None
    except ValueError:  # a NUL in the name
        raise _cannot_write(path, "a NUL in its name") from None


def _keep_access(descriptor: int, existing: os.stat_result) -> None:
    """Give the new file the mode of the one it replaces, and its owner and group if allowed.

    The new file must never be readable by more people than the old one was.
    """
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))
    for owner, group in ((existing.st_uid, existing.st_gid), (-1, existing.st_gid)):
        try:
            os.fchown(descriptor, owner, group)
        except OSError:
            continue  # only root may give a file away; a member may still set the group
        return


@contextlib.contextmanager
def _opened_as_it_is(path: str) -> Generator[Writer, None, None]:
    try:
        file = open(path, "w", encoding="utf-8", newline="")  # noqa: PTH123, SIM115
    except OSError as error:
        raise _cannot_write(path, reason(error)) from None
    try:
        with file:
            yield file.write
    except OSError as error:
        raise _cannot_write(path, reason(error)) from None


def write_output(path: str | None, text: str) -> None:
    """Write ``text`` to ``path`` as :func:`open_output` does."""
    with open_output(path) as write:
        write(text)


def _cannot_write(path: str, why: str) -> WriteError:
    return WriteError(f"{path}: cannot write the file ({why})")


def reason(error: OSError) -> str:
    """Why a file could not be read or written, as the system says it."""
    return error.strerror or str(error)
