"""``innovasjonspris convert``: a round file from TOML to JSON or back."""

from __future__ import annotations

import argparse

from innovasjonspris.cli._common import EXIT_OK, AddParser, read_round
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.cli._show import DATA_WRITERS

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``convert`` subcommand."""
    parser = add_parser(
        "convert",
        help="convert a round file to JSON or TOML",
        description="Convert a round file to JSON or TOML; the conversion is lossless.",
    )
    parser.add_argument("file", metavar="FILE", help="the .json or .toml file to convert")
    parser.add_argument(
        "--to", choices=sorted(DATA_WRITERS), required=True, help="the format to write"
    )
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    award_round = read_round(arguments.file)
    write_output(arguments.output, DATA_WRITERS[arguments.to](award_round))
    return EXIT_OK
