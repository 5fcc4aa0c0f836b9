"""``innovasjonspris export``: every citation as one row of CSV or JSON Lines."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Final

from innovasjonspris._errors import ValidationError
from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import locale_argument, printing, read_round
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.data import rounds
from innovasjonspris.history import COLUMNS, to_csv, to_json_lines
from innovasjonspris.history._table import chosen_columns

__all__ = ["COMMAND"]

_TABLES: Final[dict[str, Callable[..., str]]] = {"csv": to_csv, "jsonl": to_json_lines}


def _columns(text: str) -> tuple[str, ...]:
    try:
        return chosen_columns(tuple(name.strip() for name in text.split(",")))
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _table(arguments: argparse.Namespace) -> str:
    chosen = tuple(read_round(name) for name in arguments.rounds) or rounds()
    return _TABLES[arguments.format](chosen, locale=arguments.locale, columns=arguments.columns)


COMMAND: Final = Command(
    name="export",
    help="write every citation as a row of CSV or JSON Lines, for analysis",
    description=(
        "Write one row per citation of the bundled rounds (or of the rounds given), "
        f"with the columns {', '.join(COLUMNS)}. Standings and fates are codes "
        "(winner, merged) unless a locale is given."
    ),
    arguments=(
        argument(
            "rounds",
            nargs="*",
            metavar="FILE",
            help="round files or bundled years (default: every bundled round)",
        ),
        argument(
            "--format",
            choices=sorted(_TABLES),
            default="csv",
            help="csv: a header row, then one line per citation; jsonl: one object per line "
            "(default: csv)",
        ),
        argument(
            "--columns",
            type=_columns,
            metavar="NAME,...",
            help="only these columns, in this order, separated by commas (default: every column)",
        ),
        locale_argument(default=None, without="codes such as winner and merged, not words"),
        OUTPUT_ARGUMENT,
    ),
    run=printing(_table),
)
