"""``innovasjonspris convert``: a data file of any kind from TOML to JSON or back."""

from __future__ import annotations

import argparse

from innovasjonspris.cli._common import EXIT_OK, AddParser, read_any
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.cli._show import DATA_WRITERS, add_prize_argument, with_prize

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``convert`` subcommand."""
    parser = add_parser(
        "convert",
        help="convert a data file to JSON or TOML",
        description=(
            "Convert a data file (a round, a prize or a year not awarded) to JSON or TOML; "
            "the conversion is lossless."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE|-", help="the .json or .toml file to convert, or - for standard input"
    )
    parser.add_argument(
        "--to", choices=sorted(DATA_WRITERS), required=True, help="the format to write"
    )
    add_prize_argument(parser)
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    document = with_prize(read_any(arguments.file), arguments)
    write_output(arguments.output, DATA_WRITERS[arguments.to](document))
    return EXIT_OK
