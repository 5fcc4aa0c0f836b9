"""Messages in the library's own words: suggestions, organisation numbers, versions, locales."""

from __future__ import annotations

from datetime import date

import pytest

from factories import award_round
from innovasjonspris import InvalidDataError, LocalizedText, Organisation, ValidationError
from innovasjonspris.formatting import format_date
from innovasjonspris.serialization import from_dict, to_dict


def errors_of(document: object) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        from_dict(document)
    return caught.value.errors


def test_an_unknown_key_close_to_a_field_gets_a_suggestion() -> None:
    document = to_dict(award_round())
    document["anounced_on"] = document.pop("announced_on", "2019-06-01")
    document["event"]["plase"] = document["event"].pop("place")
    document["unrelated"] = 1
    assert errors_of(document) == [
        "$.event.plase: is not a known field; did you mean 'place'?",
        "$.anounced_on: is not a known field; did you mean 'announced_on'?",
        "$.unrelated: is not a known field",
    ]


def test_a_key_one_letter_off_awarded_on() -> None:
    document = to_dict(award_round())
    document["awarded_om"] = "2019-06-07"
    assert errors_of(document) == ["$.awarded_om: is not a known field; did you mean 'awarded_on'?"]


@pytest.mark.parametrize(
    ("orgnr", "fault"),
    [
        ("974760674", "its last digit is not the check digit of the first eight"),
        ("97476067", "it has 8 characters where nine digits are needed"),
        ("97476067x", "it must be nine digits 0-9"),
    ],
)
def test_organisation_number_messages_are_our_own(orgnr: str, fault: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Organisation(name=LocalizedText(nb="KMD"), orgnr=orgnr)
    assert caught.value.message == f"{orgnr!r} is not a valid organisation number: {fault}"


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1", "expected the number 1, got text"),
        (1.0, "expected the number 1, got a number with a fraction"),
        (True, "expected the number 1, got a boolean"),
        (2, "this release reads version 1, not 2"),
    ],
)
def test_schema_version_of_a_wrong_type_is_said_as_a_wrong_type(
    version: object, message: str
) -> None:
    document = to_dict(award_round())
    document["schema_version"] = version
    assert errors_of(document) == [f"$.schema_version: {message}"]


@pytest.mark.parametrize(
    "identifier", ["nb_NO.utf8", "nb_NO.UTF-8", "nb_NO@euro", "nb.NO", "nb_NO-x", " nb", ""]
)
def test_malformed_locales_are_refused_like_unknown_ones(identifier: str) -> None:
    with pytest.raises(ValidationError) as caught:
        format_date(date(2019, 6, 7), locale=identifier)
    assert caught.value.field == "locale"
    assert caught.value.message.startswith(f"{identifier!r} is not a known locale")


@pytest.mark.parametrize("identifier", ["NB", "nb_no", "nb-NO", "en_150", "zh_Hant_TW"])
def test_well_formed_locales_in_any_case_are_taken(identifier: str) -> None:
    assert format_date(date(2019, 6, 7), locale=identifier)
