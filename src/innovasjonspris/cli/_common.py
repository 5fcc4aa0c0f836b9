"""What the subcommands share: exit statuses, reading a document, reporting its problems."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Final, TypeVar, get_args

from innovasjonspris import registry
from innovasjonspris._converters import Format
from innovasjonspris._errors import InvalidDataError, ValidationError
from innovasjonspris._i18n import catalog_language, parse_locale
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris.cli._command import Argument, argument
from innovasjonspris.cli._output import reason, write_output, write_stderr
from innovasjonspris.data import load_round
from innovasjonspris.serialization import (
    MAX_DOCUMENT_SIZE,
    Document,
    from_json,
    from_toml,
    read_document,
)

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_PIPE_CLOSED",
    "EXIT_USAGE",
    "FORMATS",
    "STDIN",
    "InvalidFileError",
    "NotFoundError",
    "UnreadableError",
    "UsageError",
    "is_data_file",
    "locale_argument",
    "printing",
    "read_any",
    "read_input",
    "read_prize",
    "read_round",
    "report",
    "text_argument",
]

T = TypeVar("T")

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
"""What a shell reports for a program ended by SIGINT (Ctrl-C)."""
EXIT_PIPE_CLOSED: Final = 141
"""What a shell reports for a program ended by SIGPIPE, as ``cat`` is by ``| head``."""


class UsageError(Exception):
    """The command was called wrongly, or a file cannot be read: exit 2 with the message."""


class NotFoundError(Exception):
    """What the command was asked for is not in the data: exit 1 with the message."""


class InvalidFileError(Exception):
    """A file was read but holds invalid data: exit 1, each problem on its own line."""

    def __init__(self, name: str, error: InvalidDataError) -> None:
        """Remember the file's ``name`` and the ``error`` its loader raised."""
        super().__init__(name, error)
        self.name = name
        self.error = error


_YEAR_DIGITS: Final = len(str(registry.MAX_YEAR))
STDIN: Final = "-"
"""The name that stands for standard input on the command line."""


def _is_year(name: str) -> bool:
    return name.isascii() and name.isdigit() and len(name) <= _YEAR_DIGITS


def read_stdin(limit: int) -> bytes:
    """Read up to ``limit`` bytes of standard input, as bytes whatever the stream is.

    Raises:
        OSError: standard input cannot be read.
    """
    if sys.stdin is None:  # started with standard input closed (<&-)
        raise OSError(errno.EBADF, "it is closed")
    binary: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if binary is None:  # a text-only stream such as io.StringIO
        return sys.stdin.read(limit).encode("utf-8")
    return binary.read(limit)


def told_from(data: bytes) -> Format:
    """The format of a document without a name to tell it by: JSON if it starts with '{'."""
    # A JSON document is an object; a TOML document never starts with a brace.
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    return "json" if start.startswith(b"{") else "toml"


FORMATS: Final[tuple[Format, ...]] = get_args(Format)
"""The formats a data file may be in, each the suffix of its files' names."""


class UnreadableError(Exception):
    """A file or standard input could not be read, or is of no format we know."""


def _format_of(path: Path) -> Format | None:
    suffix = path.suffix.lower().removeprefix(".")
    return next((fmt for fmt in FORMATS if fmt == suffix), None)


def is_data_file(path: Path) -> bool:
    """Whether ``path``'s suffix names a format a data file may be in."""
    return _format_of(path) is not None


def read_input(name: str, fmt: Format | None = None) -> tuple[bytes, Format]:
    """Read the document ``name`` holds, - for standard input, with its format.

    A file's format is its suffix's; ``fmt`` is that of standard input and of a file
    without a known suffix, and without it standard input's is told from its start.

    Raises:
        UnreadableError: ``name`` cannot be read, or has no format; the message says why.
    """
    # One byte more than a loader takes is enough for it to refuse the document.
    limit = MAX_DOCUMENT_SIZE + 1
    if name == STDIN:
        try:
            data = read_stdin(limit)
        except OSError as error:
            msg = f"cannot read standard input ({reason(error)})"
            raise UnreadableError(msg) from None
        return data, fmt or told_from(data)
    path = Path(name)
    known = _format_of(path) or fmt
    if known is None:
        msg = "expected a .json or .toml file (or --from json|toml)"
        raise UnreadableError(msg)
    try:
        with path.open("rb") as file:
            return file.read(limit), known
    except OSError as error:
        msg = f"cannot read the file ({reason(error)})"
        raise UnreadableError(msg) from None


def _read(name: str) -> tuple[bytes, Format]:
    if name != STDIN and not is_data_file(Path(name)):
        msg = f"{name}: expected a year or a .json or .toml file, or - for standard input"
        raise UsageError(msg)
    try:
        return read_input(name)
    except UnreadableError as error:
        raise UsageError(str(error) if name == STDIN else f"{name}: {error}") from None


def _load(data: bytes, fmt: Format, cls: type[T]) -> T:
    return from_json(data, cls) if fmt == "json" else from_toml(data, cls)


def _shown_name(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def read_round(name: str) -> AwardRound:
    """Return the round named on the command line: a bundled year, a file, or - (stdin)."""
    if _is_year(name):
        # A year without a round raises RoundNotFoundError, which says why.
        return load_round(int(name))
    data, fmt = _read(name)
    try:
        return _load(data, fmt, AwardRound)
    except InvalidDataError as error:
        raise InvalidFileError(_shown_name(name), error) from None


def read_any(name: str) -> Document:
    """Return the document named on the command line, whatever its kind.

    A bundled year gives its round; a file or - (standard input) gives what its ``kind``
    says it is.
    """
    if _is_year(name):
        return load_round(int(name))
    data, fmt = _read(name)
    try:
        return read_document(data, format=fmt)
    except InvalidDataError as error:
        raise InvalidFileError(_shown_name(name), error) from None


def read_prize(name: str) -> Prize:
    """Return the prize in the file named on the command line (or - for standard input)."""
    data, fmt = _read(name)
    try:
        return _load(data, fmt, Prize)
    except InvalidDataError as error:
        raise InvalidFileError(_shown_name(name), error) from None


def report(name: str, error: InvalidDataError) -> None:
    """Print each problem of ``error`` on its own line on standard error."""
    for line in error.errors:
        write_stderr(f"{name}: {line}\n")


def text_argument(value: str) -> str:
    """Return a command-line argument that is text, not a file's name, as text.

    Python keeps the bytes of an argument that is not UTF-8 as lone surrogates (under
    ``LC_ALL=C``, ``Øygarden`` typed on a Latin-1 console); such an argument is read as
    Latin-1, the encoding that decodes any bytes and that such consoles use.
    """
    raw = os.fsencode(value)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def locale_argument(*, default: str | None = "nb", without: str = "") -> Argument:
    """A ``--locale`` option that takes what the library's texts take.

    ``without`` says what is written when no locale is given and ``default`` is ``None``.
    """
    return argument(
        "--locale",
        type=_locale,
        default=default,
        help=(
            "language of the text: nb, nn or en, or a regional form such as nb_NO or "
            f"en-GB (default: {default or without})"
        ),
    )


def _locale(identifier: str) -> str:
    try:
        catalog_language(parse_locale(identifier))
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None
    return identifier


def printing(text_of: Callable[[argparse.Namespace], str]) -> Callable[[argparse.Namespace], int]:
    """The run of a command that prints one text, which ``text_of`` makes from the arguments.

    The text goes where the command's ``--output`` says, and the command exits 0.
    """

    def run(arguments: argparse.Namespace) -> int:
        write_output(arguments.output, text_of(arguments))
        return EXIT_OK

    return run
