from __future__ import annotations

import copy
import gc
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, assert_type

import jsonschema
import pytest

from factories import award_round
from innovasjonspris import (
    AwardRound,
    InvalidDataError,
    LocalizedText,
    Money,
    Municipality,
    Prize,
    ValidationError,
    prize,
    rounds,
)
from innovasjonspris.serialization import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    from_json_lines,
    from_toml,
    json_schema,
    to_dict,
    to_json,
    to_json_lines,
    to_toml,
)

BUNDLED = rounds()


def errors_of(data: Any, cls: type = AwardRound) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        from_dict(data, cls)
    return caught.value.errors


def valid_document() -> dict[str, Any]:
    return to_dict(award_round())


@pytest.mark.parametrize("award", BUNDLED, ids=lambda r: r.id)
def test_bundled_rounds_round_trip_in_every_format(award: AwardRound) -> None:
    assert from_dict(to_dict(award)) == award
    assert from_json(to_json(award)) == award
    assert from_toml(to_toml(award)) == award
    assert from_json(to_json(award).encode()) == award
    assert from_toml(to_toml(award).encode()) == award


def test_prize_round_trips_and_carries_the_schema_version() -> None:
    document = to_dict(prize())
    assert document["schema_version"] == SCHEMA_VERSION
    assert from_dict(document, Prize) == prize()
    assert from_toml(to_toml(prize()), Prize) == prize()


def test_parts_round_trip_without_a_schema_version() -> None:
    oslo = Municipality(number="0301", name="Oslo")
    assert to_dict(oslo) == {"number": "0301", "name": "Oslo"}
    assert from_json(to_json(oslo), Municipality) == oslo
    assert errors_of({"number": "0301", "name": "Oslo", "schema_version": 1}, Municipality) == [
        "$.schema_version: is not a known field"
    ]


def test_each_loader_is_typed_as_building_the_class_it_is_given_or_a_round() -> None:
    # mypy and pyright check this test: each assert_type is a claim about the signature.
    award, the_prize = BUNDLED[-1], prize()
    built = (
        assert_type(from_dict(to_dict(award)), AwardRound),
        assert_type(from_json(to_json(award)), AwardRound),
        assert_type(from_toml(to_toml(award)), AwardRound),
        assert_type(from_dict(to_dict(the_prize), Prize), Prize),
        assert_type(from_json(to_json(the_prize), Prize), Prize),
        assert_type(from_toml(to_toml(the_prize), Prize), Prize),
    )
    assert built == (award, award, award, the_prize, the_prize, the_prize)
    assert assert_type(from_json_lines(to_json_lines([award])), list[AwardRound]) == [award]
    lines = to_json_lines([the_prize])
    assert assert_type(from_json_lines(lines, Prize), list[Prize]) == [the_prize]


def test_amounts_are_decimal_strings_with_the_currency_always_written() -> None:
    document = to_dict(Money(amount=Decimal("5E+5")))
    assert document == {"amount": "500000", "currency": "NOK"}
    assert to_dict(Money(amount=Decimal("1234.50")))["amount"] == "1234.50"
    assert 'amount = "500000"' in to_toml(award_round())


def test_json_is_readable_utf8() -> None:
    text = to_json(award_round(citations=award_round().citations))
    assert "Rønning" in text
    assert text.endswith("}\n")


def test_every_problem_is_listed_with_its_path() -> None:
    document = valid_document()
    document["year"] = "2019"
    document["citations"][1]["municipality"]["number"] = "０３０１"
    document["citations"][2]["municipality"]["name"] = " Fjell"
    document["citations"][2]["standing"] = "second"
    document["event"]["colour"] = "blue"
    del document["amount"]
    assert errors_of(document) == [
        "$.year: expected a whole number, got text",
        "$.amount: is required",
        "$.event.colour: is not a known field",
        "$.citations[1].municipality.number: must be four digits 0-9, not '０３０１'",
        "$.citations[2].municipality.name: must not start or end with white space",
        (
            "$.citations[2].standing: expected one of 'winner', 'finalist', "
            "'honourable_mention', got 'second'"
        ),
    ]


def test_several_bad_fields_of_one_object_are_all_listed() -> None:
    document = valid_document()
    document["citations"][0]["municipality"] = {"number": "12345", "name": ""}
    assert errors_of(document) == [
        "$.citations[0].municipality.number: must be four digits 0-9, not '12345'",
        "$.citations[0].municipality.name: must not be empty",
    ]


def test_cross_field_rules_get_the_path_of_the_field() -> None:
    document = valid_document()
    document["citations"][0]["projects"][0]["municipality"] = "1516"
    assert errors_of(document) == [
        "$.citations[0].projects[0].municipality: '1516' is not the cited '5001'"
    ]
    document = valid_document()
    document["year"] = 2021
    document["id"] = "x-2021"
    for key in ("awarded_on", "announced_on", "event"):
        del document[key]
    assert errors_of(document) == [
        (
            "$.citations[2].municipality.number: 1246 was no municipality's number in 2021 "
            "(it was Fjell in 1972-2019)"
        )
    ]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("id",), None, "expected text, got null"),
        (("notes",), None, "null is not allowed; leave the key out where the value is unknown"),
        (("id",), 42, "expected text, got a whole number"),
        (("year",), 2019.7, "expected a whole number, got a number with a fraction"),
        (("year",), True, "expected a whole number, got a boolean"),
        (
            ("amount", "amount"),
            500000,
            'expected a decimal number written as text, such as "500000", got a whole number',
        ),
        (("amount", "amount"), "5e5", "expected a decimal number written as text"),
        (("amount", "amount"), "0500000", "expected a decimal number written as text"),
        (("amount", "amount"), "1" * 100, "expected a decimal number written as text"),
        (("amount", "amount"), "1.234", "must have at most two decimal places, not 1.234"),
        (("awarded_on",), "20190607", 'expected a date "YYYY-MM-DD"'),
        (("awarded_on",), "2019-02-30", "'2019-02-30' is not a day in the calendar"),
        (("awarded_on",), 20190607, "expected a date written as text"),
        (("citations",), "Trondheim", "expected an array, got text"),
        (("citations",), {"0": {}}, "expected an array, got an object"),
        (("event",), ["Fremtidens kommuner"], "expected an object, got an array"),
        (("jury", "members", 0, "chair"), "yes", "expected true or false, got text"),
        (("citations", 0, "standing"), 1, "expected one of"),
    ],
)
def test_no_silent_coercion(path: tuple[str | int, ...], value: object, message: str) -> None:
    document = valid_document()
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    (error,) = errors_of(document)
    expected_path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    assert error.startswith(f"{expected_path}: {message}")


def test_schema_version_is_required_and_checked() -> None:
    document = valid_document()
    del document["schema_version"]
    assert errors_of(document) == ["$.schema_version: is required"]
    document["schema_version"] = 2
    assert errors_of(document) == ["$.schema_version: this release reads version 1, not 2"]
    document["schema_version"] = "1"
    assert errors_of(document) == ["$.schema_version: expected the number 1, got text"]


def test_odd_keys_get_bracketed_paths() -> None:
    document = valid_document()
    document["two words"] = 1
    assert errors_of(document) == ['$["two words"]: is not a known field']


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000, "$: JSON is nested too deeply"),
        (b"\xff\xfe{}", "$: JSON must be UTF-8; byte 0 is not"),
        ('{"a": 1, "a": 2}', "$: the key 'a' appears twice in one object"),
        ('{"a": NaN}', "$: NaN is not a number JSON allows"),
        ("[1, 2]", "$: expected an object, got an array"),
        ("", "$: not valid JSON: Expecting value: line 1 column 1 (char 0)"),
        ("1" * 5000, "$: not valid JSON"),
    ],
)
def test_hostile_json_gives_invalid_data(text: str | bytes, message: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json(text)
    assert caught.value.errors[0].startswith(message)


def test_a_byte_order_mark_is_ignored() -> None:
    text = to_json(award_round())
    assert from_json("\ufeff" + text) == award_round()
    assert from_toml(("\ufeff" + to_toml(award_round())).encode()) == award_round()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema_version = 1\nid = ", "$: not valid TOML"),
        ("a = " + "[" * 5000 + "]" * 5000, "$: TOML is nested too deeply"),
        ('schema_version = 1\nawarded_on = "2019-06-07"', "$.awarded_on: expected a TOML date"),
        (
            "schema_version = 1\nawarded_on = 2019-06-07T10:00:00",
            "$.awarded_on: expected a TOML date",
        ),
        ("schema_version = 1\nawarded_on = 10:00:00", "$.awarded_on: expected a TOML date"),
    ],
)
def test_hostile_toml_gives_invalid_data(text: str, message: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_toml(text)
    assert any(error.startswith(message) for error in caught.value.errors), caught.value


@pytest.mark.parametrize("data", [None, 42, "text", [], {1: 2}])
def test_wrong_kinds_of_input(data: Any) -> None:
    with pytest.raises(InvalidDataError):
        from_dict(data)
    with pytest.raises(InvalidDataError):
        from_json(data)


def test_unsupported_types_are_a_callers_mistake() -> None:
    with pytest.raises(
        TypeError, match=r"^cls must be of a model type such as AwardRound, not dict$"
    ):
        from_dict({}, dict)
    with pytest.raises(TypeError, match=r"^the object must be of a model type .*, not object$"):
        to_dict(object())
    with pytest.raises(TypeError, match=r"not dict$"):
        json_schema(dict)


def test_invalid_data_error_lists_every_problem() -> None:
    error = InvalidDataError([("$.a", "one"), ("$.b", "two")])
    assert str(error) == "invalid data (2 problems):\n  $.a: one\n  $.b: two"
    assert error.field == "$.a"
    assert isinstance(error, ValidationError)
    assert str(InvalidDataError([])) == "invalid data (1 problem):\n  $: invalid data"


def test_loaders_do_not_change_their_input() -> None:
    document = valid_document()
    before = copy.deepcopy(document)
    from_dict(document)
    assert document == before


@pytest.mark.parametrize("award", BUNDLED, ids=lambda r: r.id)
def test_bundled_rounds_validate_against_the_json_schema(award: AwardRound) -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(to_json(award)), schema, cls=jsonschema.Draft202012Validator)


def test_prize_validates_against_its_schema() -> None:
    schema = json_schema(Prize)
    jsonschema.validate(to_dict(prize()), schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("year",), "2019"),
        (("id",), None),
        (("amount", "amount"), 500000),
        (("amount", "amount"), "1.234"),
        (("citations", 0, "municipality", "number"), "301"),
        (("citations", 0, "municipality", "name"), " Trondheim"),
        (("citations", 0, "standing"), "second"),
        (("awarded_on",), "20190607"),
        (("event", "colour"), "blue"),
        (("schema_version",), 2),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(
    path: tuple[str | int, ...], value: object
) -> None:
    document = valid_document()
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema(), cls=jsonschema.Draft202012Validator)
    with pytest.raises(InvalidDataError):
        from_dict(document)


def test_localized_text_schema_and_prose() -> None:
    schema = json_schema(LocalizedText)
    assert schema["properties"]["nb"]["type"] == "string"
    assert "required" not in schema


def test_keys_of_any_type_and_length_get_paths() -> None:
    document: dict[object, object] = {}
    document.update(valid_document())
    document[1] = 2
    document["k" * 1000] = 3
    errors = errors_of(document)
    assert errors == ['$["1"]: is not a known field', f'$["{"k" * 59}…"]: is not a known field']


def test_huge_values_are_cut_short_in_messages() -> None:
    document = valid_document()
    document["applicants"]["municipalities"] = 10**5000
    document["id"] = "X" * 10_000
    errors = errors_of(document)
    assert errors == [
        f"$.id: must be lower-case words joined by -, not '{'X' * 58}…",
        "$.applicants.municipalities: must be from 0 to 100000, not a number of about 5000 digits",
    ]


def test_field_rules_are_checked_beside_unknown_keys_and_wrong_types() -> None:
    document = valid_document()
    document["colour"] = "blue"
    document["id"] = "Not An Id"
    document["event"]["name"] = ""
    document["event"]["start"] = 20190606
    # In the order of the fields, whatever kind of problem each is; unknown keys come last.
    assert errors_of(document) == [
        "$.id: must be lower-case words joined by -, not 'Not An Id'",
        "$.event.name: must not be empty",
        '$.event.start: expected a date written as text, "YYYY-MM-DD", got a whole number',
        "$.colour: is not a known field",
    ]


def test_json_lines_round_trip_every_bundled_round() -> None:
    text = to_json_lines(BUNDLED)
    assert text.count("\n") == len(BUNDLED)
    assert all(
        json.loads(line) == to_dict(award)
        for line, award in zip(text.splitlines(), BUNDLED, strict=True)
    )
    assert from_json_lines(text) == list(BUNDLED)
    assert from_json_lines(text.encode()) == list(BUNDLED)
    assert from_json_lines(text.rstrip("\n")) == list(BUNDLED)
    assert from_json_lines("") == []


def test_json_lines_of_parts() -> None:
    oslo = Municipality(number="0301", name="Oslo")
    assert to_json_lines([oslo, oslo]) == '{"number":"0301","name":"Oslo"}\n' * 2
    assert from_json_lines(to_json_lines([oslo]), Municipality) == [oslo]


def test_json_lines_report_every_document_by_index() -> None:
    good = json.dumps(valid_document())
    bad = valid_document()
    bad["year"] = "2019"
    lines = "\n".join([good, json.dumps(bad), "", "{", good]) + "\n"
    with pytest.raises(InvalidDataError) as caught:
        from_json_lines(lines)
    assert caught.value.errors == [
        "$[1].year: expected a whole number, got text",
        "$[2]: not valid JSON: Expecting value: line 1 column 1 (char 0)",
        (
            "$[3]: not valid JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1)"
        ),
    ]


def test_json_lines_take_only_text() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json_lines(42)  # type: ignore[arg-type]
    assert caught.value.errors == ["$: expected JSON Lines as str or bytes, got int"]
    with pytest.raises(TypeError):
        from_json_lines("", dict)


def test_bulk_work_leaves_the_collector_running() -> None:
    # Another thread would see a process-wide switch, so bulk work never touches one.
    enabled: list[bool] = []

    def watched() -> Iterator[object]:
        for award in BUNDLED * 10:
            enabled.append(gc.isenabled())
            yield award

    lines = to_json_lines(watched())
    assert enabled == [True] * len(BUNDLED) * 10
    collections: list[str] = []

    def watch(phase: str, _info: dict[str, int]) -> None:
        collections.append(phase)

    gc.callbacks.append(watch)
    try:
        assert len(from_json_lines(lines)) == len(BUNDLED) * 10
    finally:
        gc.callbacks.remove(watch)
    assert "start" in collections
    assert gc.isenabled()


def test_a_key_that_is_not_text_is_refused_even_when_the_rest_is_valid() -> None:
    document: dict[object, object] = {}
    document.update(valid_document())
    document[("a", "tuple")] = 1
    assert errors_of(document) == ["$[\"('a', 'tuple')\"]: is not a known field"]
