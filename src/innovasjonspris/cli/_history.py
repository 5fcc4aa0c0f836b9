"""``innovasjonspris history``: every year of the prize, or one municipality's record."""

from __future__ import annotations

import argparse
from typing import Final

from innovasjonspris._errors import ValidationError
from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import NotFoundError, locale_argument, printing, text_argument
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.history import appearances
from innovasjonspris.render import FORMATS, render_appearances, render_timeline

__all__ = ["COMMAND"]


def _history(arguments: argparse.Namespace) -> str:
    asked: str | None = arguments.municipality
    if asked is None:
        return render_timeline(locale=arguments.locale, format=arguments.format)
    try:
        rows = appearances(asked)
    except ValidationError as error:
        raise NotFoundError(f"{asked}: {error.message}") from None
    if not rows:
        msg = f"{asked}: no citation in the bundled rounds names this municipality"
        raise NotFoundError(msg)
    return render_appearances(rows, locale=arguments.locale, format=arguments.format)


COMMAND: Final = Command(
    name="history",
    help="print every year of the prize, or one municipality's record",
    description=(
        "Print every year of the prize, oldest first: its winner and finalists, or, "
        "for a year the prize was not awarded, why not. Given a municipality, print "
        "each year it was honoured instead."
    ),
    arguments=(
        argument(
            "municipality",
            nargs="?",
            metavar="MUNICIPALITY",
            type=text_argument,
            help=(
                "a kommunenummer it had then or since (0105, 3105) or its name then or now "
                "(Fjell, Øygarden)"
            ),
        ),
        argument(
            "--format",
            choices=FORMATS,
            default="text",
            help="text, markdown or html (default: text)",
        ),
        locale_argument(),
        OUTPUT_ARGUMENT,
    ),
    run=printing(_history),
)
