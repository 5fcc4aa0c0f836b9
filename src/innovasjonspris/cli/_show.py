"""``innovasjonspris show``: a round as text, Markdown, HTML, JSON-LD, TOML or JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Final

from innovasjonspris._errors import RoundNotFoundError
from innovasjonspris._model import AwardRound
from innovasjonspris.cli._common import (
    EXIT_OK,
    AddParser,
    UsageError,
    add_locale_argument,
    read_round,
)
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.jsonld import to_jsonld
from innovasjonspris.render import FORMATS, render_not_awarded, render_round
from innovasjonspris.serialization import to_json, to_toml

__all__ = ["DATA_WRITERS", "register"]

DATA_WRITERS: Final[dict[str, Callable[[object], str]]] = {"json": to_json, "toml": to_toml}
"""The data formats a round (or a year not awarded) is written in, by ``--format`` / ``--to``."""


def register(add_parser: AddParser) -> None:
    """Add the ``show`` subcommand."""
    parser = add_parser(
        "show",
        help="print a bundled round or a round file",
        description="Print a bundled round, by its year, or a round file.",
    )
    parser.add_argument(
        "round",
        metavar="YEAR|FILE",
        help=(
            "a bundled year (such as 2019; for a year the prize was not awarded, such as "
            "2020, why not) or a .json/.toml file"
        ),
    )
    parser.add_argument(
        "--format",
        choices=[*FORMATS, "jsonld", *DATA_WRITERS],
        default="text",
        help=(
            "text, markdown or html: the round for reading, in --locale; jsonld: its "
            "schema.org structured data, in --locale; toml or json: the round as a data "
            "file (default: text)"
        ),
    )
    add_locale_argument(parser)
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    try:
        award_round = read_round(arguments.round)
    except RoundNotFoundError as error:
        if error.not_awarded is None:
            raise
        # A year the prize was not awarded is an answer, not an error: say why.
        shown = _shown(error.not_awarded, arguments, render_not_awarded)
    else:
        shown = _shown(award_round, arguments, render_round)
    write_output(arguments.output, shown)
    return EXIT_OK


def _shown(value: object, arguments: argparse.Namespace, render: Callable[..., str]) -> str:
    if arguments.format in DATA_WRITERS:
        return DATA_WRITERS[arguments.format](value)
    if arguments.format == "jsonld":
        if not isinstance(value, AwardRound):
            msg = "a year the prize was not awarded has no event to describe as JSON-LD"
            raise UsageError(msg)
        document = to_jsonld(value, locale=arguments.locale)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return render(value, locale=arguments.locale, format=arguments.format)
