"""Reference data that never changes for a past date: Norway's counties and kommunenummer.

A kommunenummer is four digits; the first two are the number of the county (fylke) the
municipality belongs to. County numbers were redrawn by the regional reforms that took
effect on 1 January 2018 (Trøndelag), 2020 and 2024, so whether a kommunenummer is valid
depends on the date. The county lists follow Statistics Norway's classification of
counties (SSB Klass 104), whose versions start on those dates.

>>> validate_kommunenummer("1246", year=2019)
'1246'
>>> is_valid_kommunenummer("1246", year=2021)
False
>>> county("50", year=2019).name
'Trøndelag'
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from innovasjonspris._errors import ValidationError
from innovasjonspris._validators import brief

__all__ = [
    "COUNTIES",
    "COUNTY_CLASSIFICATION_SOURCE",
    "County",
    "counties",
    "county",
    "is_valid_kommunenummer",
    "validate_kommunenummer",
]

COUNTY_CLASSIFICATION_SOURCE = "https://www.ssb.no/klass/klassifikasjoner/104"
"""Where the county numbers and their periods are published."""


@attrs.frozen(kw_only=True)
class County:
    """A county (fylke) and the period its number was in use.

    ``valid_until`` is the first day on which the number no longer applied, or ``None``
    while it still does.
    """

    number: str
    name: str
    valid_from: date
    valid_until: date | None = None

    def is_valid_on(self, day: date) -> bool:
        """Tell whether this county number was in use on ``day``."""
        return self.valid_from <= day and (self.valid_until is None or day < self.valid_until)


_FIRST_KNOWN = date(1972, 1, 1)  # Bergen (13) became part of Hordaland; 01-20 from here on
_TRONDELAG = date(2018, 1, 1)
_REFORM_2020 = date(2020, 1, 1)
_REFORM_2024 = date(2024, 1, 1)


def _period(
    start: date, end: date | None, numbered: tuple[tuple[str, str], ...]
) -> tuple[County, ...]:
    return tuple(
        County(number=number, name=name, valid_from=start, valid_until=end)
        for number, name in numbered
    )


COUNTIES: tuple[County, ...] = (
    # In use from 1972 to 2019, apart from the two Trøndelag counties, merged in 2018.
    *_period(
        _FIRST_KNOWN,
        _REFORM_2020,
        (
            ("01", "Østfold"),
            ("02", "Akershus"),
            ("04", "Hedmark"),
            ("05", "Oppland"),
            ("06", "Buskerud"),
            ("07", "Vestfold"),
            ("08", "Telemark"),
            ("09", "Aust-Agder"),
            ("10", "Vest-Agder"),
            ("12", "Hordaland"),
            ("14", "Sogn og Fjordane"),
            ("19", "Troms"),
            ("20", "Finnmark"),
        ),
    ),
    *_period(_FIRST_KNOWN, _TRONDELAG, (("16", "Sør-Trøndelag"), ("17", "Nord-Trøndelag"))),
    # Unchanged by every reform.
    *_period(
        _FIRST_KNOWN,
        None,
        (("03", "Oslo"), ("11", "Rogaland"), ("15", "Møre og Romsdal"), ("18", "Nordland")),
    ),
    *_period(_TRONDELAG, None, (("50", "Trøndelag"),)),
    *_period(
        _REFORM_2020,
        _REFORM_2024,
        (
            ("30", "Viken"),
            ("38", "Vestfold og Telemark"),
            ("54", "Troms og Finnmark"),
        ),
    ),
    *_period(
        _REFORM_2020,
        None,
        (("34", "Innlandet"), ("42", "Agder"), ("46", "Vestland")),
    ),
    *_period(
        _REFORM_2024,
        None,
        (
            ("31", "Østfold"),
            ("32", "Akershus"),
            ("33", "Buskerud"),
            ("39", "Vestfold"),
            ("40", "Telemark"),
            ("55", "Troms"),
            ("56", "Finnmark"),
        ),
    ),
)
"""Every county number from 1972 on, with the period it was in use."""

_KOMMUNENUMMER = re.compile("[0-9]{4}")
_COUNTY_NUMBERS = frozenset(c.number for c in COUNTIES)


def _day(year: int) -> date:
    # County reforms take effect on 1 January, so one day stands for the whole year.
    if type(year) is not int or not _FIRST_KNOWN.year <= year <= date.max.year:
        msg = f"must be a year from {_FIRST_KNOWN.year} on, not {brief(year)}"
        raise ValidationError("year", msg)
    return date(year, 1, 1)


def counties(*, year: int) -> tuple[County, ...]:
    """Return the counties in use in ``year``, ordered by number.

    >>> [c.name for c in counties(year=2024)][:3]
    ['Oslo', 'Rogaland', 'Møre og Romsdal']
    """
    day = _day(year)
    return tuple(sorted((c for c in COUNTIES if c.is_valid_on(day)), key=lambda c: c.number))


def county(number: str, *, year: int) -> County:
    """Return the county numbered ``number`` in ``year``.

    Raises:
        ~innovasjonspris.ValidationError: no county had that number in ``year``.
    """
    day = _day(year)
    for candidate in COUNTIES:
        if candidate.number == number and candidate.is_valid_on(day):
            return candidate
    msg = f"{brief(number)} was not a county number in {year}"
    raise ValidationError("county", msg)


def validate_kommunenummer(number: object, *, year: int | None = None) -> str:
    """Return ``number`` if it is a valid kommunenummer.

    Without ``year``, the county part must have been in use at some time; with it, in that
    year. Only the four ASCII digits are accepted: no spaces, no other digits.

    Raises:
        ~innovasjonspris.ValidationError: ``number`` is not a valid kommunenummer.
    """
    if type(number) is not str:
        msg = f"must be text of four digits, not {type(number).__name__}"
        raise ValidationError("number", msg)
    if _KOMMUNENUMMER.fullmatch(number) is None:
        msg = f"must be four digits 0-9, not {brief(number)}"
        raise ValidationError("number", msg)
    county_number, serial = number[:2], number[2:]
    if serial == "00":
        msg = f"{number!r} has no municipality part (it ends in 00)"
        raise ValidationError("number", msg)
    if year is None:
        if county_number not in _COUNTY_NUMBERS:
            msg = f"{number!r} starts with {county_number}, which is no county number"
            raise ValidationError("number", msg)
        return number
    try:
        county(county_number, year=year)
    except ValidationError as error:
        if error.field == "year":
            raise
        msg = f"{number!r} starts with {county_number}, which was not a county number in {year}"
        raise ValidationError("number", msg) from None
    return number


def is_valid_kommunenummer(number: object, *, year: int | None = None) -> bool:
    """Tell whether ``number`` is a valid kommunenummer (in ``year``, if given); never raises."""
    try:
        validate_kommunenummer(number, year=year)
    except ValidationError:
        return False
    return True
