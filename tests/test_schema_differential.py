"""The JSON Schema against the loader, on documents generated from the schema itself.

hypothesis-jsonschema writes documents that the schema accepts; the loader may refuse some,
but only for a rule that the schema's description lists as one JSON Schema cannot state.
The figures (documents, refusals and their reasons) go to test-artefacts/.

hypothesis-jsonschema needs a Hypothesis older than the one the project pins, so this file
runs in an environment of its own (see scripts/check) and is skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, cast

import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from innovasjonspris import AwardRound, InvalidDataError, Prize, YearNotAwarded
from innovasjonspris.serialization import from_dict, json_schema

hypothesis_jsonschema = pytest.importorskip("hypothesis_jsonschema")

ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artefacts"
# Generating is slow (a second or more per round); CI writes a few dozen of each type,
# and SCHEMA_DOCUMENTS asks for more.
DOCUMENTS = int(os.environ.get("SCHEMA_DOCUMENTS", "30"))

# What each rule the schema cannot state says when it refuses, by the start of the rule's
# sentence in the schema's description.
REASONS: dict[str, re.Pattern[str]] = {
    "A text is in Unicode normal form NFC": re.compile("must be in Unicode normal form NFC"),
    "A name keeps each of its words to one script": re.compile("must not mix scripts in one word"),
    "A date is a day in the calendar": re.compile("is not a day in the calendar"),
    "An organisation number's last digit": re.compile("is not a valid organisation number"),
    "An event does not end before it starts": re.compile("is before the start on"),
    "A citation's projects are run by the cited": re.compile("is not the cited"),
    "A round cites a municipality at most once": re.compile("is cited twice"),
    "Each cited municipality has the number and a name": re.compile(
        r"was no municipality's number in|^\d{4} was .* in \d{4}, not "
    ),
    "A round is awarded in its year and during its event": re.compile(
        "is not in the round's year|is before the award on|is not during the event"
    ),
    "A round's counts of applicants are no fewer": re.compile("is fewer than the"),
    "A round's id ends in its year": re.compile("does not end in -"),
    "A round's count of municipalities that applied": re.compile(
        r"is more than the \d+ municipalities of"
    ),
    "A round is announced, and its event held,": re.compile("near the round's year"),
    "Items of a list are distinct": re.compile("is listed twice"),
}


def for_the_generator(schema: Any) -> Any:
    """``schema`` rewritten into terms the generator knows, accepting no more than before.

    The generator writes UTF-8 text, which has no lone surrogates, and it refuses a class
    with a range of them; a class that excludes them excludes nothing it could write. It
    does not know ``minContains`` and ``maxContains`` either, and most rounds it wrote had
    two winners or none: "at most one" becomes a first item that may match and others that
    do not, "exactly one" a first item that must. The documents still go to the loader
    only once the reference validator has checked them against the schema as it is.
    """
    if isinstance(schema, list):
        return [for_the_generator(item) for item in cast("list[object]", schema)]
    if not isinstance(schema, dict):
        return schema
    rewritten = {
        key: (
            value.replace(SURROGATES, "")
            if key == "pattern" and isinstance(value, str)
            else for_the_generator(value)
        )
        for key, value in cast("dict[str, Any]", schema).items()
    }
    if rewritten.get("maxContains") != 1:
        return rewritten
    item = rewritten.pop("items")
    one = rewritten.pop("contains")
    first = {"allOf": [item, one]} if rewritten.pop("minContains") == 1 else item
    return {
        **rewritten,
        "minItems": max(rewritten.get("minItems", 0), 1 if first is not item else 0),
        "items": [first],
        "additionalItems": {"allOf": [item, {"not": one}]},
    }


SURROGATES = r"\ud800-\udfff"
DRAFT_7 = "http://json-schema.org/draft-07/schema#"


def rule_behind(message: str, listed: str) -> str:
    """The listed rule that ``message`` comes from; fails if it is none of them."""
    for rule, says in REASONS.items():
        if says.search(message):
            assert rule in listed, f"{rule!r} is not listed in the schema's description"
            return rule
    pytest.fail(f"refused for a rule the schema states, or should list: {message}")


@pytest.mark.parametrize("cls", [AwardRound, Prize, YearNotAwarded], ids=lambda c: c.__name__)
def test_every_refusal_of_a_document_the_schema_accepts_is_a_listed_rule(cls: type) -> None:
    schema = json_schema(cls)
    listed: str = schema["description"]
    figures: Counter[str] = Counter()
    reference = jsonschema.Draft202012Validator(schema)
    # The rewritten array keywords are draft 7's, the generator's own draft.
    for_generator = for_the_generator(schema) | {"$schema": DRAFT_7}

    @settings(
        max_examples=DOCUMENTS,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[
            Phase.explicit,
            Phase.generate,
        ],  # a failure is shown as found: shrinking takes minutes
        suppress_health_check=list(HealthCheck),  # pyright: ignore[reportArgumentType]
    )
    @given(hypothesis_jsonschema.from_schema(for_generator))
    def check(document: dict[str, Any]) -> None:
        figures["documents"] += 1
        if not reference.is_valid(document):  # pyright: ignore[reportUnknownMemberType]
            # The generator does not know every keyword (maxContains among them); what it
            # writes counts only where the reference validator agrees with it.
            figures["written, but refused by the schema itself"] += 1
            return
        try:
            from_dict(json.loads(json.dumps(document)), cls)
        except InvalidDataError as error:
            figures["refused"] += 1
            for rule in {rule_behind(message, listed) for _, message in error.problems}:
                figures[f"refused for: {rule}"] += 1
        else:
            figures["accepted"] += 1

    check()
    ARTEFACTS.mkdir(exist_ok=True)
    lines = [f"{count:5d}  {what}" for what, count in sorted(figures.items())]
    report = f"{cls.__name__}: documents generated from json_schema()\n" + "\n".join(lines)
    (ARTEFACTS / f"schema-differential-{cls.__name__}.txt").write_text(report + "\n", "utf-8")
    print(report)  # noqa: T201 - the figures, shown with -s
    assert figures["accepted"] + figures["refused"] >= DOCUMENTS // 3
