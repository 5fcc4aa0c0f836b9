"""``innovasjonspris validate``: check round files and list every problem."""

from __future__ import annotations

import argparse

from innovasjonspris.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    AddParser,
    InvalidFileError,
    read_round,
    report,
)
from innovasjonspris.cli._output import write_stdout

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``validate`` subcommand."""
    parser = add_parser(
        "validate",
        help="check round files, listing every problem",
        description="Check round files and list every problem, one per line.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .json or .toml round file")
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in arguments.files:
        try:
            read_round(name)
        except InvalidFileError as invalid:
            report(invalid.name, invalid.error)
            status = EXIT_INVALID
        else:
            write_stdout(f"{name}: ok\n")
    return status
