"""``innovasjonspris history``: every year of the prize, or one municipality's record."""

from __future__ import annotations

import argparse

from innovasjonspris.cli._common import EXIT_OK, AddParser, add_locale_argument
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.render import FORMATS, render_timeline

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``history`` subcommand."""
    parser = add_parser(
        "history",
        help="print every year of the prize, with its winner and finalists",
        description=(
            "Print every year of the prize, oldest first: its winner and finalists, or, "
            "for a year the prize was not awarded, why not."
        ),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="text, markdown or html (default: text)"
    )
    add_locale_argument(parser)
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    write_output(
        arguments.output, render_timeline(locale=arguments.locale, format=arguments.format)
    )
    return EXIT_OK
