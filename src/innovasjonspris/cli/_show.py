"""``innovasjonspris show``: a round as text, Markdown, HTML, JSON-LD, TOML or JSON.

A file may hold any kind of document: a year not awarded is rendered as a round is, a
prize is written as data only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Final

import attrs

from innovasjonspris._errors import RoundNotFoundError
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import UsageError, locale_argument, printing, read_any, read_prize
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.jsonld import to_jsonld
from innovasjonspris.render import FORMATS, render_not_awarded, render_round
from innovasjonspris.serialization import Document, to_json, to_toml

__all__ = ["COMMAND", "DATA_WRITERS", "PRIZE_ARGUMENT", "with_prize"]

DATA_WRITERS: Final[dict[str, Callable[[object], str]]] = {"json": to_json, "toml": to_toml}
"""The data formats a document is written in, by ``--format`` / ``--to``."""


PRIZE_ARGUMENT: Final = argument(
    "--prize",
    metavar="FILE",
    help=(
        "a prize file (.json or .toml, or - for standard input): the prize the round is "
        "of, in place of the one the round names"
    ),
)
"""The ``--prize FILE`` option: the prize the round is of, read by :func:`with_prize`."""


def with_prize(document: Document, arguments: argparse.Namespace) -> Document:
    """Return ``document`` as of the prize ``--prize`` names, if it names one."""
    if arguments.prize is None:
        return document
    if not isinstance(document, AwardRound):
        msg = "--prize goes with a round; this document is no round"
        raise UsageError(msg)
    return attrs.evolve(document, prize=read_prize(arguments.prize))


def _shown_document(arguments: argparse.Namespace) -> str:
    try:
        document = read_any(arguments.round)
    except RoundNotFoundError as error:
        if error.not_awarded is None:
            raise
        # A year the prize was not awarded is an answer, not an error: say why.
        document = error.not_awarded
    return _shown(with_prize(document, arguments), arguments)


COMMAND: Final = Command(
    name="show",
    help="print a bundled round or a data file",
    description=(
        "Print a bundled round, by its year, or a data file: a round, a prize or a "
        "year not awarded, as its 'kind' says."
    ),
    arguments=(
        argument(
            "round",
            metavar="YEAR|FILE|-",
            help=(
                "a bundled year (such as 2019; for a year the prize was not awarded, such as "
                "2020, why not), a .json/.toml file, or - for standard input"
            ),
        ),
        argument(
            "--format",
            choices=[*FORMATS, "jsonld", *DATA_WRITERS],
            default="text",
            help=(
                "text, markdown or html: the round for reading, in --locale; jsonld: its "
                "schema.org structured data, in --locale; toml or json: the document as a data "
                "file (default: text)"
            ),
        ),
        PRIZE_ARGUMENT,
        locale_argument(),
        OUTPUT_ARGUMENT,
    ),
    run=printing(_shown_document),
)


def _shown(value: Document, arguments: argparse.Namespace) -> str:
    if arguments.format in DATA_WRITERS:
        return DATA_WRITERS[arguments.format](value)
    if isinstance(value, Prize):
        msg = "a prize is shown as data only: use --format toml or --format json"
        raise UsageError(msg)
    if arguments.format == "jsonld":
        if not isinstance(value, AwardRound):
            msg = "a year the prize was not awarded has no event to describe as JSON-LD"
            raise UsageError(msg)
        document = to_jsonld(value, locale=arguments.locale)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if isinstance(value, AwardRound):
        return render_round(value, locale=arguments.locale, format=arguments.format)
    return render_not_awarded(value, locale=arguments.locale, format=arguments.format)
