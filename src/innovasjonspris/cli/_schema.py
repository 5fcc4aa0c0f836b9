"""``innovasjonspris schema``: the JSON Schema of a round file."""

from __future__ import annotations

import argparse
import json

from innovasjonspris.cli._common import EXIT_OK, AddParser
from innovasjonspris.cli._output import add_output_argument, write_output
from innovasjonspris.serialization import json_schema

__all__ = ["register"]


def register(add_parser: AddParser) -> None:
    """Add the ``schema`` subcommand."""
    parser = add_parser(
        "schema",
        help="print the JSON Schema of a round file",
        description="Print the JSON Schema that a round file in JSON satisfies.",
    )
    add_output_argument(parser)
    parser.set_defaults(run=_run)


def _run(arguments: argparse.Namespace) -> int:
    schema = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    write_output(arguments.output, f"{schema}\n")
    return EXIT_OK
