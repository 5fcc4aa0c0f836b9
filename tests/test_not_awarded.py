"""Years in which the prize was not awarded: the model, the data, the timeline, the errors."""

from __future__ import annotations

import pickle

import attrs
import pytest

from innovasjonspris import (
    AwardRound,
    InnovasjonsprisError,
    InvalidDataError,
    LocalizedText,
    RoundNotFoundError,
    Source,
    ValidationError,
    YearNotAwarded,
    load_round,
    registry,
    rounds,
    timeline,
)
from innovasjonspris.serialization import from_json, from_toml, json_schema, to_json, to_toml

KS_2020 = "https://www.ks.no/fagomrader/innovasjon/innovasjonsledelse/innovasjonsprisen-2020/"
POSTPONED = (
    "https://www.offentliginnovasjon.no/aktuelt/na-kan-du-soke-om-kmds-innovasjonspris-2020/"
)


def not_awarded(**overrides: object) -> YearNotAwarded:
    fields: dict[str, object] = {
        "id": "innovasjonsprisen-2021",
        "year": 2021,
        "reason": LocalizedText(en="No call went out."),
        "sources": (Source(url="https://example.org/2021"),),
    }
    fields.update(overrides)
    return YearNotAwarded(**fields)  # type: ignore[arg-type]


def test_2020_was_not_awarded_and_says_why() -> None:
    with pytest.raises(RoundNotFoundError) as caught:
        load_round(2020)
    error = caught.value
    assert isinstance(error, LookupError)
    assert isinstance(error, InnovasjonsprisError)
    assert error.year == 2020
    record = error.not_awarded
    assert record is not None
    assert record.year == 2020
    assert record.id == "innovasjonsprisen-2020"
    assert str(error).startswith("the prize was not awarded in 2020: ")
    assert "postponed indefinitely" in str(error)


def test_the_reason_for_2020_is_in_three_languages_with_its_sources() -> None:
    record = _record(2020)
    assert record.reason.languages == ("nb", "nn", "en")
    assert "utsatt på ubestemt tid" in record.reason.get("nb")
    assert "utsett på ubestemt tid" in record.reason.get("nn")
    assert "postponed indefinitely" in record.reason.get("en")
    for language in ("nb", "nn", "en"):
        assert "20" in record.reason.get(language)
        assert "Arendal" in record.reason.get(language)
    assert [source.url for source in record.sources] == [KS_2020, POSTPONED]


def _record(year: int) -> YearNotAwarded:
    entry = next(entry for entry in timeline() if entry.year == year)
    assert isinstance(entry, YearNotAwarded)
    return entry


@pytest.mark.parametrize("year", [1972, 2013, 2021, 2026, 9999, -1, 0, 10**100])
def test_a_year_without_data_is_a_lookup_error_that_lists_the_known_years(year: int) -> None:
    with pytest.raises(RoundNotFoundError) as caught:
        load_round(year)
    assert caught.value.not_awarded is None
    assert caught.value.year == year
    message = str(caught.value)
    assert message.startswith(f"no round of {year}")
    assert "2014, 2015, 2016, 2017, 2018, 2019" in message
    assert "not awarded in 2020" in message


@pytest.mark.parametrize("year", ["2019", 2019.0, True, None, [2019]])
def test_a_year_that_is_not_an_int_is_a_type_error(year: object) -> None:
    with pytest.raises(TypeError, match="year must be an int"):
        load_round(year)  # type: ignore[arg-type]


def test_the_error_pickles_with_its_record() -> None:
    with pytest.raises(RoundNotFoundError) as caught:
        load_round(2020)
    again = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
    assert type(again) is RoundNotFoundError
    assert str(again) == str(caught.value)
    assert again.year == 2020
    assert again.not_awarded == caught.value.not_awarded


def test_the_timeline_has_every_year_from_the_first_to_the_last() -> None:
    entries = timeline()
    years = [entry.year for entry in entries]
    assert years == list(range(2014, 2021))
    assert [type(entry) for entry in entries] == [AwardRound] * 6 + [YearNotAwarded]
    assert tuple(e for e in entries if isinstance(e, AwardRound)) == rounds()


def test_a_year_not_awarded_round_trips_through_json_and_toml() -> None:
    record = _record(2020)
    assert from_json(to_json(record), YearNotAwarded) == record
    assert from_toml(to_toml(record), YearNotAwarded) == record
    assert to_toml(record).startswith("schema_version = 1\n")


def test_a_year_not_awarded_file_is_checked_like_a_round() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_toml('schema_version = 1\nid = "x"\nyear = 2020\n', YearNotAwarded)
    assert caught.value.errors == ["$.reason: is required", "$.sources: is required"]
    with pytest.raises(InvalidDataError) as caught:
        from_toml('id = "x"\n', YearNotAwarded)
    assert caught.value.errors == ["$.schema_version: is required"]
    schema = json_schema(YearNotAwarded)
    assert set(schema["required"]) >= {"schema_version", "id", "year", "reason", "sources"}


def test_a_year_not_awarded_needs_a_source() -> None:
    with pytest.raises(ValidationError) as caught:
        not_awarded(sources=())
    assert caught.value.field == "sources"
    assert "needs a source" in caught.value.message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Innovasjonsprisen 2021"),
        ("year", 1900),
        ("year", True),
        ("reason", "No call."),
        ("reason", None),
        ("notes", "text"),
        ("sources", [Source(url="https://example.org/")]),
        ("sources", (Source(url="https://example.org/"), Source(url="https://example.org/"))),
    ],
)
def test_a_year_not_awarded_checks_its_fields(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        not_awarded(**{field: value})
    assert caught.value.field.split("[")[0] == field


def test_a_year_not_awarded_may_carry_notes() -> None:
    record = not_awarded(notes=LocalizedText(nb="Ingen utlysning er kjent."))
    assert record.notes is not None
    assert record.notes.get("en") == "Ingen utlysning er kjent."


@pytest.mark.parametrize("year", [registry.FIRST_YEAR, registry.LAST_YEAR + 1, registry.MAX_YEAR])
def test_a_year_not_awarded_takes_every_year_the_registry_answers_for(year: int) -> None:
    assert not_awarded(year=year).year == year


@pytest.mark.parametrize("year", [registry.FIRST_YEAR - 1, registry.MAX_YEAR + 1])
def test_a_year_not_awarded_refuses_the_years_a_round_refuses(year: int) -> None:
    expected = f"must be from {registry.FIRST_YEAR} to {registry.MAX_YEAR}, not {year}"
    for make in (lambda: not_awarded(year=year), lambda: attrs.evolve(load_round(2019), year=year)):
        with pytest.raises(ValidationError) as caught:
            make()
        assert (caught.value.field, caught.value.message) == ("year", expected)
