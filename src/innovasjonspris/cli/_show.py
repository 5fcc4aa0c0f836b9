"""``innovasjonspris show``: a round as text, Markdown, HTML, TOML or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Final

from innovasjonspris._model import AwardRound
from innovasjonspris.cli._common import EXIT_OK, AddParser, add_locale_argument, read_round
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.render import FORMATS, render_round
from innovasjonspris.serialization import to_json, to_toml

__all__ = ["DATA_WRITERS", "register"]

DATA_WRITERS: Final[dict[str, Callable[[AwardRound], str]]] = {"json": to_json, "toml": to_toml}
"""The data formats a round is written in, by ``--format`` / ``--to`` name."""


def register(add_parser: AddParser) -> None:
    """Add the ``show`` subcommand."""
    parser = add_parser(
        "show",
        help="print a bundled round or a round file",
        description="Print a bundled round, by its year, or a round file.",
    )
    parser.add_argument(
        "round", metavar="YEAR|FILE", help="a bundled year (such as 2019) or a .json/.toml file"
    )
    parser.add_argument(
        "--format",
        choices=[*FORMATS, *DATA_WRITERS],
        default="text",
        help=(
            "text, markdown or html: the round for reading, in --locale; toml or json: "
            "the round as a data file (default: text)"
        ),
    )
    add_locale_argument(parser)
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    award_round = read_round(arguments.round)
    if arguments.format in DATA_WRITERS:
        shown = DATA_WRITERS[arguments.format](award_round)
    else:
        shown = render_round(award_round, locale=arguments.locale, format=arguments.format)
    write_output(arguments.output, shown)
    return EXIT_OK
