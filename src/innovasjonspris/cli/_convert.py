"""``innovasjonspris convert``: a data file of any kind from TOML to JSON or back."""

from __future__ import annotations

import argparse
from typing import Final

from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import printing, read_any
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.cli._show import DATA_WRITERS, PRIZE_ARGUMENT, with_prize

__all__ = ["COMMAND"]


def _converted(arguments: argparse.Namespace) -> str:
    document = with_prize(read_any(arguments.file), arguments)
    return DATA_WRITERS[arguments.to](document)


COMMAND: Final = Command(
    name="convert",
    help="convert a data file to JSON or TOML",
    description=(
        "Convert a data file (a round, a prize or a year not awarded) to JSON or TOML; "
        "the conversion is lossless."
    ),
    arguments=(
        argument(
            "file",
            metavar="FILE|-",
            help="the .json or .toml file to convert, or - for standard input",
        ),
        argument("--to", choices=sorted(DATA_WRITERS), required=True, help="the format to write"),
        PRIZE_ARGUMENT,
        OUTPUT_ARGUMENT,
    ),
    run=printing(_converted),
)
