"""``innovasjonspris schema``: the JSON Schema of a round file, or of any kind of document."""

from __future__ import annotations

import argparse
import json
from typing import Final

from innovasjonspris.cli._command import Command, argument
from innovasjonspris.cli._common import printing
from innovasjonspris.cli._output import OUTPUT_ARGUMENT
from innovasjonspris.serialization import KINDS, Document, json_schema

__all__ = ["COMMAND"]

_ANY: Final = "any"
_BY_KIND: Final = {name: kind for kind, name in KINDS.items()}


def _schema(arguments: argparse.Namespace) -> str:
    chosen = Document if arguments.kind == _ANY else _BY_KIND[arguments.kind]
    return json.dumps(json_schema(chosen), ensure_ascii=False, indent=2) + "\n"


COMMAND: Final = Command(
    name="schema",
    help="print the JSON Schema of a round file, or of any kind of document",
    description="Print the JSON Schema that a data file in JSON satisfies.",
    arguments=(
        argument(
            "--kind",
            choices=[*_BY_KIND, _ANY],
            default="round",
            help="the kind of document; any: every kind, told apart by its 'kind' (default: round)",
        ),
        OUTPUT_ARGUMENT,
    ),
    run=printing(_schema),
)
