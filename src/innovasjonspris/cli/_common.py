"""What the subcommands share: exit statuses, reading a round, reporting its problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final

from innovasjonspris._errors import InvalidDataError, ValidationError
from innovasjonspris._i18n import catalog_language, parse_locale
from innovasjonspris._model import AwardRound
from innovasjonspris.data import load_round
from innovasjonspris.serialization import from_json, from_toml

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_PIPE_CLOSED",
    "EXIT_USAGE",
    "AddParser",
    "InvalidFileError",
    "NotFoundError",
    "UsageError",
    "add_locale_argument",
    "read_round",
    "report",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_PIPE_CLOSED: Final = 141
"""What a shell reports for a program ended by SIGPIPE, as ``cat`` is by ``| head``."""

AddParser = Callable[..., argparse.ArgumentParser]
"""``add_parser`` of the subcommands: each command module's ``register`` calls it once."""


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


_YEAR_DIGITS: Final = 4


def read_round(name: str) -> AwardRound:
    """Return the round named on the command line: a bundled year or a file."""
    if name.isascii() and name.isdigit() and len(name) <= _YEAR_DIGITS:
        # A year without a round raises RoundNotFoundError, which says why.
        return load_round(int(name))
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in {".json", ".toml"}:
        msg = f"{name}: expected a year or a .json or .toml file"
        raise UsageError(msg)
    try:
        data = path.read_bytes()
    except OSError as error:
        msg = f"{name}: cannot read the file ({error.strerror or error})"
        raise UsageError(msg) from None
    try:
        return from_json(data) if suffix == ".json" else from_toml(data)
    except InvalidDataError as error:
        raise InvalidFileError(name, error) from None


def report(name: str, error: InvalidDataError) -> None:
    """Print each problem of ``error`` on its own line on standard error."""
    for line in error.errors:
        print(f"{name}: {line}", file=sys.stderr)


def add_locale_argument(
    parser: argparse.ArgumentParser, *, default: str | None = "nb", without: str = ""
) -> None:
    """Give ``parser`` a ``--locale`` option that takes what the library's texts take.

    ``without`` says what is written when no locale is given and ``default`` is ``None``.
    """
    parser.add_argument(
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
