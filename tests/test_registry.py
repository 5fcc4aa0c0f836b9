from __future__ import annotations

from datetime import date

import pytest

from innovasjonspris import ValidationError
from innovasjonspris.registry import (
    COUNTIES,
    counties,
    county,
    is_valid_kommunenummer,
    municipalities_named,
    validate_kommunenummer,
)


@pytest.mark.parametrize(
    ("year", "count", "present", "absent"),
    [
        (2017, 19, {"16": "Sør-Trøndelag", "12": "Hordaland"}, {"50"}),
        (2018, 18, {"50": "Trøndelag", "12": "Hordaland"}, {"16", "17", "46"}),
        (2019, 18, {"50": "Trøndelag", "15": "Møre og Romsdal"}, {"46"}),
        (2020, 11, {"30": "Viken", "46": "Vestland", "03": "Oslo"}, {"12", "01"}),
        (2023, 11, {"54": "Troms og Finnmark"}, {"55", "31"}),
        (2024, 15, {"31": "Østfold", "55": "Troms", "56": "Finnmark"}, {"30", "54"}),
    ],
)
def test_counties_follow_the_reforms(
    year: int, count: int, present: dict[str, str], absent: set[str]
) -> None:
    by_number = {c.number: c.name for c in counties(year=year)}
    assert len(by_number) == count
    assert present.items() <= by_number.items()
    assert not absent & by_number.keys()
    assert list(by_number) == sorted(by_number)


def test_every_period_is_well_formed() -> None:
    for entry in COUNTIES:
        assert entry.valid_until is None or entry.valid_from < entry.valid_until
        assert entry.is_valid_on(entry.valid_from)
        assert entry.valid_until is None or not entry.is_valid_on(entry.valid_until)


def test_county_lookup() -> None:
    assert county("46", year=2020).name == "Vestland"
    with pytest.raises(ValidationError, match="'46' was not a county number in 2019") as caught:
        county("46", year=2019)
    assert caught.value.field == "county"


@pytest.mark.parametrize("year", ["2019", True, 2019.0, [2019]])
def test_years_that_are_not_ints_are_type_errors(year: object) -> None:
    with pytest.raises(TypeError, match=r"^year must be an int, not "):
        counties(year=year)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^year must be an int, not "):
        validate_kommunenummer("0301", year=year)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^name must be text, not int$"):
        municipalities_named(1, year=2019)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^number must be text, not int$"):
        validate_kommunenummer(301)
    assert not is_valid_kommunenummer(301)
    assert not is_valid_kommunenummer("0301", year=year)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "year",
    [1971, 10000, pytest.param(10**5000, id="huge"), pytest.param(-(10**5000), id="-huge")],
)
def test_years_outside_the_registry_are_refused(year: object) -> None:
    with pytest.raises(ValidationError) as caught:
        counties(year=year)  # type: ignore[arg-type]
    assert caught.value.field == "year"
    assert "sys." not in caught.value.message  # no advice on Python's own settings
    with pytest.raises(ValidationError):
        validate_kommunenummer("0301", year=year)  # type: ignore[arg-type]


def test_kommunenummer_by_year() -> None:
    assert validate_kommunenummer("1246", year=2019) == "1246"
    assert not is_valid_kommunenummer("1246", year=2020)
    assert is_valid_kommunenummer("4626", year=2020)
    assert not is_valid_kommunenummer("4626", year=2019)
    assert is_valid_kommunenummer("1601", year=2017)
    assert not is_valid_kommunenummer("1601", year=2018)
    assert is_valid_kommunenummer("0301")
    assert not is_valid_kommunenummer("4701")
    assert not is_valid_kommunenummer(None)
    assert COUNTIES[0].is_valid_on(date(2019, 12, 31))
