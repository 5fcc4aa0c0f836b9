"""Where a command's output goes: standard output or a file, as UTF-8 whatever the console.

A subcommand that prints a result calls :func:`add_output_argument` on its parser and
writes through :func:`open_output` (or :func:`write_output` for one piece of text). Both
turn a failed write into :class:`WriteError` (exit 2, one line) and a pipe closed by the
reader into :class:`PipeClosedError` (exit quietly), so no command needs its own handling.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "PipeClosedError",
    "WriteError",
    "Writer",
    "add_output_argument",
    "discard_stdout",
    "open_output",
    "write_output",
    "write_stdout",
]

Writer = Callable[[str], object]
"""Writes one piece of a command's output."""


class WriteError(Exception):
    """The output could not be written: exit 2 with the message."""


class PipeClosedError(Exception):
    """The reader of standard output went away (``| head``): stop quietly."""


def add_output_argument(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` the ``-o/--output FILE`` option read by :func:`open_output`."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=(
            "write to FILE instead of standard output; FILE is replaced only once the "
            "whole output is written, so a failed run leaves no broken file"
        ),
    )


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, whatever encoding the console has."""
    stream = sys.stdout
    binary: BinaryIO | None = getattr(stream, "buffer", None)
    try:
        if binary is not None:
            stream.flush()
            binary.write(text.encode("utf-8"))
            binary.flush()
        else:  # a text-only stream such as io.StringIO has no encoding to get wrong
            stream.write(text)
            stream.flush()
    except BrokenPipeError:
        discard_stdout()
        raise PipeClosedError from None
    except OSError as error:
        discard_stdout()
        raise WriteError(f"cannot write to standard output ({_reason(error)})") from None


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
    # The file a link names is the one to replace; the link stays.
    target = Path(path).resolve()
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/null, a FIFO) is written to as it is: renaming a file
        # over it would put a regular file in its place.
        with _opened_as_it_is(path) as write:
            yield write
        return
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 lets the umask decide the permissions, as for any new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise WriteError(f"{path}: cannot write the file ({_reason(error)})") from None
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as file:  # noqa: PTH123
            yield file.write
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write the file ({_reason(error)})") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _opened_as_it_is(path: str) -> Generator[Writer, None, None]:
    try:
        file = open(path, "w", encoding="utf-8", newline="")  # noqa: PTH123, SIM115
    except OSError as error:
        raise WriteError(f"{path}: cannot write the file ({_reason(error)})") from None
    try:
        with file:
            yield file.write
    except OSError as error:
        raise WriteError(f"{path}: cannot write the file ({_reason(error)})") from None


def write_output(path: str | None, text: str) -> None:
    """Write ``text`` to ``path`` as :func:`open_output` does."""
    with open_output(path) as write:
        write(text)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
