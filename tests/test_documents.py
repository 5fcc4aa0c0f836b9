"""Every document says what it is, and a reader goes by it."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import award_round
from innovasjonspris import (
    AwardRound,
    InvalidDataError,
    LocalizedText,
    Prize,
    ValidationError,
    YearNotAwarded,
)
from innovasjonspris import prize as bundled_prize
from innovasjonspris.data import timeline
from innovasjonspris.serialization import (
    KINDS,
    Document,
    from_dict,
    from_json,
    from_toml,
    json_schema,
    read_document,
    to_dict,
    to_json,
    to_toml,
)
from innovasjonspris.strategies import award_rounds, prizes, years_not_awarded

VALIDATOR = jsonschema.Draft202012Validator
NOT_AWARDED = next(entry for entry in timeline() if isinstance(entry, YearNotAwarded))


def errors_of(data: object, cls: type = AwardRound) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        from_dict(data, cls)
    return caught.value.errors


@pytest.mark.parametrize(
    ("obj", "kind"),
    [(award_round(), "round"), (bundled_prize(), "prize"), (NOT_AWARDED, "year-not-awarded")],
)
def test_each_document_carries_its_kind_beside_the_version(obj: object, kind: str) -> None:
    document = to_dict(obj)
    assert list(document)[:2] == ["schema_version", "kind"]
    assert document["kind"] == kind == KINDS[type(obj)]
    assert to_toml(obj).startswith(f'schema_version = 1\nkind = "{kind}"\n')


def test_a_part_is_written_without_an_envelope() -> None:
    assert "kind" not in to_dict(award_round().winner.municipality)


@pytest.mark.parametrize("obj", [award_round(), bundled_prize(), NOT_AWARDED])
def test_read_document_goes_by_the_kind_in_either_format(obj: Document) -> None:
    assert read_document(to_json(obj), format="json") == obj
    assert read_document(to_toml(obj), format="toml") == obj


def test_a_document_without_a_kind_is_a_round() -> None:
    document = to_dict(award_round())
    del document["kind"]
    assert read_document(json.dumps(document), format="json") == award_round()
    assert from_dict(document) == award_round()


def test_a_prize_without_a_kind_still_loads_when_a_prize_is_asked_for() -> None:
    document = to_dict(bundled_prize())
    del document["kind"]
    assert from_dict(document, Prize) == bundled_prize()


def test_a_prize_where_a_round_is_expected_is_refused_at_its_kind() -> None:
    assert errors_of(to_dict(bundled_prize())) == [
        "$.kind: this is a prize document, where a round is expected"
    ]
    assert errors_of(to_dict(award_round()), YearNotAwarded) == [
        "$.kind: this is a round document, where a year-not-awarded is expected"
    ]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("poem", "expected one of 'round', 'prize', 'year-not-awarded', got 'poem'"),
        (3, "expected one of 'round', 'prize', 'year-not-awarded', got a whole number"),
        (["round"], "expected one of 'round', 'prize', 'year-not-awarded', got an array"),
    ],
)
def test_a_kind_that_does_not_exist_is_refused(kind: object, message: str) -> None:
    document: dict[str, Any] = {**to_dict(award_round()), "kind": kind}
    assert errors_of(document) == [f"$.kind: {message}"]
    with pytest.raises(InvalidDataError) as caught:
        read_document(json.dumps(document), format="json")
    assert caught.value.errors == [f"$.kind: {message}"]


def test_a_kind_that_disagrees_with_the_fields_names_the_fields() -> None:
    document = {**to_dict(award_round()), "kind": "prize"}
    with pytest.raises(InvalidDataError) as caught:
        read_document(json.dumps(document), format="json")
    assert "$.year: is not a known field" in caught.value.errors


def test_read_document_refuses_a_format_it_does_not_know() -> None:
    with pytest.raises(ValidationError) as caught:
        read_document("{}", format="yaml")  # type: ignore[arg-type]
    assert caught.value.field == "format"


def test_read_document_refuses_what_is_not_an_object() -> None:
    with pytest.raises(InvalidDataError) as caught:
        read_document("[1]", format="json")
    assert caught.value.errors == ["$: expected an object, got an array"]


def test_a_round_names_a_bundled_prize_by_its_id() -> None:
    document = to_dict(award_round())
    assert document["prize"] == "kmd-innovasjonspris"
    assert from_dict(document).prize == bundled_prize()


def test_a_prize_of_ones_own_is_written_inline_and_read_back() -> None:
    own = Prize(
        id="vestfold-innovasjonspris",
        name=LocalizedText(nb="Vestfolds innovasjonspris"),
        conferred_by=bundled_prize().conferred_by,
        amount=bundled_prize().amount,
    )
    award = award_round(prize=own)
    document = to_dict(award)
    assert document["prize"]["id"] == "vestfold-innovasjonspris"
    assert "kind" not in document["prize"]
    assert from_dict(document) == award
    assert from_toml(to_toml(award)) == award
    assert from_json(to_json(award)) == award


def test_a_bundled_id_changed_inline_is_written_out_in_full() -> None:
    changed = attrs.evolve(bundled_prize(), purpose=None)
    document = to_dict(award_round(prize=changed))
    assert isinstance(document["prize"], dict)
    assert from_dict(document).prize == changed


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "vestfold",
            (
                "'vestfold' is not the id of a bundled prize ('kmd-innovasjonspris'); "
                "write the prize out"
            ),
        ),
        (3, "expected an object, got a whole number"),
    ],
)
def test_a_prize_the_round_cannot_name_is_refused_at_its_path(value: object, message: str) -> None:
    document = {**to_dict(award_round()), "prize": value}
    assert errors_of(document) == [f"$.prize: {message}"]


def test_nothing_in_a_refused_inline_prize_goes_unsaid() -> None:
    document = to_dict(award_round())
    document["prize"] = {**to_dict(bundled_prize()), "amount": {"amount": "0"}}
    del document["prize"]["schema_version"], document["prize"]["kind"]
    assert errors_of(document) == ["$.prize.amount.amount: a prize amount must be positive, not 0"]


# --- the JSON Schema of every kind ----------------------------------------------------------


def valid(document: Any) -> bool:
    checker = VALIDATOR(json_schema(Document), format_checker=VALIDATOR.FORMAT_CHECKER)
    return bool(checker.is_valid(document))  # pyright: ignore[reportUnknownMemberType]


def test_the_schema_of_every_kind_is_a_valid_schema_told_apart_by_kind() -> None:
    schema = json_schema(Document)
    VALIDATOR.check_schema(schema)
    assert schema["title"] == "Document"
    kinds = [alternative["properties"]["kind"] for alternative in schema["oneOf"]]
    assert kinds == [{"const": "round"}, {"const": "prize"}, {"const": "year-not-awarded"}]
    required = [alternative["required"][:2] for alternative in schema["oneOf"]]
    assert required == [
        ["schema_version", "id"],
        ["schema_version", "kind"],
        ["schema_version", "kind"],
    ]


def test_the_schema_of_a_round_names_the_bundled_prizes() -> None:
    assert json_schema()["properties"]["prize"] == {
        "anyOf": [{"enum": ["kmd-innovasjonspris"]}, {"$ref": "#/$defs/Prize"}]
    }


@pytest.mark.property
@settings(max_examples=25, deadline=None)
@given(st.one_of(award_rounds(), prizes(), years_not_awarded()))
def test_every_document_validates_against_the_schema_of_every_kind(obj: Document) -> None:
    document = json.loads(to_json(obj))
    assert valid(document)
    del document["kind"]
    # Without its kind, only a round is still a document.
    assert valid(document) is isinstance(obj, AwardRound)


@pytest.mark.property
@settings(max_examples=25, deadline=None)
@given(award_rounds(), st.none() | prizes() | st.just(bundled_prize()))
def test_a_round_with_any_prize_round_trips_in_every_format(
    award: AwardRound, prize: Prize | None
) -> None:
    ours = attrs.evolve(award, prize=prize)
    assert read_document(to_json(ours), format="json") == ours
    assert read_document(to_toml(ours), format="toml") == ours
    assert valid(json.loads(to_json(ours)))
