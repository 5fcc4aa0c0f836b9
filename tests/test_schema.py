"""The JSON Schema states every rule JSON Schema can state, and lists the others."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any, cast

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import award_round
from innovasjonspris import (
    AwardRound,
    InvalidDataError,
    Money,
    Person,
    Prize,
    ValidationError,
    YearNotAwarded,
    _model,
    _schema,
)
from innovasjonspris import _validators as v
from innovasjonspris._rules import rules_of
from innovasjonspris.serialization import from_dict, json_schema, to_dict, to_json
from innovasjonspris.strategies import award_rounds, prizes, years_not_awarded

VALIDATOR = jsonschema.Draft202012Validator


def valid(document: Any, cls: type = AwardRound) -> bool:
    schema = json_schema(cls)
    checker = VALIDATOR(schema, format_checker=VALIDATOR.FORMAT_CHECKER)
    return bool(checker.is_valid(document))  # pyright: ignore[reportUnknownMemberType]


@pytest.mark.parametrize("cls", [AwardRound, Prize, YearNotAwarded], ids=lambda c: c.__name__)
def test_the_schema_is_a_valid_2020_12_schema(cls: type) -> None:
    VALIDATOR.check_schema(json_schema(cls))


@pytest.mark.property
@settings(max_examples=25, deadline=None)
@given(st.one_of(award_rounds(hostile=True), prizes(hostile=True), years_not_awarded(hostile=True)))
def test_every_document_the_library_writes_validates(obj: object) -> None:
    # Through JSON text, as a file holds it: dates and amounts as text.
    assert valid(json.loads(to_json(obj)), type(obj))


def at(document: Any, *path: str | int) -> Any:
    for step in path:
        document = document[step]
    return document


def round_with(change: str) -> dict[str, Any]:  # noqa: C901, PLR0912 - one change a branch
    document = to_dict(award_round())
    citations = document["citations"]
    if change == "two winners":
        citations[1]["standing"] = "winner"
    elif change == "no winner":
        citations[0]["standing"] = "finalist"
    elif change == "a text in no language":
        citations[0]["text"] = {}
    elif change == "a control character":
        citations[0]["municipality"]["name"] = "Trond\x07heim"
    elif change == "white space around a name":
        citations[0]["municipality"]["name"] = "Trondheim "
    elif change == "a line break in a name":
        citations[0]["municipality"]["name"] = "Trondheim\n"
    elif change == "no count":
        document["applicants"] = {}
    elif change == "«more than» no number":
        document["applicants"] = {"projects": 40, "more_than": True}
    elif change == "a jury of nobody":
        document["jury"] = {"members": []}
    elif change == "two chairs":
        members = document["jury"]["members"]
        members[0]["chair"] = members[1]["chair"] = True
    elif change == "an unknown currency":
        document["amount"]["currency"] = "XYZ"
    elif change == "a number without a county":
        citations[0]["municipality"]["number"] = "9901"
    elif change == "a number ending in 00":
        citations[0]["municipality"]["number"] = "5000"
    elif change == "a prize of nothing":
        document["amount"]["amount"] = "0.00"
    elif change == "a negative prize":
        document["amount"]["amount"] = "-5"
    elif change == "an end without a start":
        del document["event"]["start"]
    elif change == "a source twice":
        document["sources"].append(copy.deepcopy(document["sources"][0]))
    elif change == "an address that is no address":
        document["sources"][0]["url"] = "mailto:post@kmd.dep.no"
    return document


STATED = [
    "two winners",
    "no winner",
    "a text in no language",
    "a control character",
    "white space around a name",
    "a line break in a name",
    "no count",
    "«more than» no number",
    "a jury of nobody",
    "two chairs",
    "an unknown currency",
    "a number without a county",
    "a number ending in 00",
    "a prize of nothing",
    "a negative prize",
    "an end without a start",
    "a source twice",
    "an address that is no address",
]


@pytest.mark.parametrize("change", STATED)
def test_the_schema_refuses_what_the_loader_refuses_for_a_rule_it_states(change: str) -> None:
    assert valid(to_dict(award_round()))
    document = round_with(change)
    with pytest.raises(InvalidDataError):
        from_dict(document)
    assert not valid(document), change


def test_a_year_not_awarded_needs_a_source_in_the_schema_too() -> None:
    schema = json_schema(YearNotAwarded)
    assert schema["properties"]["sources"]["minItems"] == 1


def descriptions(schema: object) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in cast("dict[str, Any]", schema).items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from descriptions(value)
    elif isinstance(schema, list):
        for item in cast("list[object]", schema):
            yield from descriptions(item)


def test_descriptions_are_plain_text() -> None:
    found = list(descriptions(json_schema()))
    assert len(found) > 10
    for text in found:
        assert "``" not in text
        assert ":class:" not in text
        assert ":data:" not in text
    money = json_schema()["$defs"]["Money"]["description"]
    assert money.startswith("An amount of money in a currency; Money(amount=Decimal(")


def test_the_description_lists_each_rule_the_schema_cannot_state() -> None:
    listed = json_schema()["description"]
    unstated = [
        rule.statement
        for name in _model.__all__
        for rule in rules_of(getattr(_model, name))
        if rule.schema is None
    ]
    assert len(unstated) >= 6
    for statement in unstated:
        assert f"\n- {statement}" in listed
    for words in ("NFC", "check digit", "a day in the calendar", "distinct"):
        assert words in listed
    assert "one winner" not in listed  # stated by the schema itself


def test_building_the_schema_leaves_the_rules_as_they_were() -> None:
    before = [copy.deepcopy(rule.schema) for rule in rules_of(AwardRound)]
    first = json_schema()
    assert json_schema() == first
    assert [rule.schema for rule in rules_of(AwardRound)] == before


@attrs.frozen
class Thing:
    size: float


def test_a_field_type_without_a_schema_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"^Thing\.size: .* the type <class 'float'>"):
        _schema._Builder().object(Thing)  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001


def positive(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value <= 0:
        raise ValidationError(attribute.name, "must be positive")


@attrs.frozen
class Loose:
    name: str


@attrs.frozen
class Checked:
    count: int = attrs.field(validator=positive)


def test_a_field_without_a_rule_has_its_types_schema_and_a_function_is_a_type_error() -> None:
    loose = _schema._Builder().object(Loose)  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001
    assert loose["properties"] == {"name": {"type": "string"}}
    with pytest.raises(
        TypeError, match=r"^Checked\.count: .* a validator that is not one of the model's rules"
    ):
        _schema._Builder().object(Checked)  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001


def test_a_part_with_no_rule_beyond_the_schema_lists_none() -> None:
    schema = json_schema(Money)
    assert schema["description"].startswith("An amount of money in a currency")
    assert "also enforces" not in schema["description"]
    assert schema["properties"]["currency"]["enum"][:2] == ["ADP", "AED"]
    assert "NOK" in schema["properties"]["currency"]["enum"]


def test_a_tuple_rule_states_its_items_and_their_distinctness() -> None:
    assert v.tuple_of(v.integer(0, 9), unique=True).schema() == {
        "type": "array",
        "items": {"type": "integer", "minimum": 0, "maximum": 9},
        "uniqueItems": True,
    }
    assert v.tuple_of(v.instance_of(Person)).schema() == {"type": "array"}
