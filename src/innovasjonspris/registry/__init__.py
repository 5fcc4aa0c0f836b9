"""Reference data that never changes for a past date: Norway's counties and municipalities.

A kommunenummer is four digits; the first two are the number of the county (fylke) the
municipality belongs to. The registry holds every municipality in force on 1 January of
every year from 1972 to 2026, with its official name and county, and every change between
two years (mergers, splits, renumberings, renames), as Statistics Norway's classification of
municipalities (Klass 131) and of counties (Klass 104) give them. It is read on the first
look-up, not on import.

A division of municipalities holds from the day it takes effect until a later one replaces
it, so a year after the last the registry knows (:data:`LAST_YEAR`) is answered with that
last division; :func:`division_year` tells which year's division answers for a year, and
every message about a later year names it.

>>> municipality("1246", year=2019).name
'Fjell'
>>> [m.name for m in successors("1246", year=2019, to_year=2020)]
['Øygarden']
>>> municipality("2021", year=2019).names
('Kárášjohka', 'Karasjok')
>>> is_valid_kommunenummer("1601", year=2018)
False
>>> county("50", year=2019).name
'Trøndelag'
>>> municipality("3905", year=2031).name, division_year(2031) == LAST_YEAR
('Tønsberg', True)
"""

from __future__ import annotations

from datetime import date
from typing import Final, cast

from innovasjonspris._errors import ValidationError, brief
from innovasjonspris.registry._counties import (
    COUNTIES,
    COUNTY_CLASSIFICATION_SOURCE,
    FIRST_YEAR,
    County,
)
from innovasjonspris.registry._fate import EventKind, Fate, FateKind, MunicipalityEvent, fate_of
from innovasjonspris.registry._form import KOMMUNENUMMER
from innovasjonspris.registry._names import namesakes
from innovasjonspris.registry._table import (
    LAST_YEAR,
    MUNICIPALITY_CLASSIFICATION_SOURCE,
    Change,
    ChangeKind,
    MunicipalityRecord,
    in_force,
    in_year,
    name_key,
    names_in,
    no_municipality,
    table,
)

__all__ = [
    "COUNTIES",
    "COUNTY_CLASSIFICATION_SOURCE",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_YEAR",
    "MUNICIPALITY_CLASSIFICATION_SOURCE",
    "Change",
    "ChangeKind",
    "County",
    "EventKind",
    "Fate",
    "FateKind",
    "MunicipalityEvent",
    "MunicipalityRecord",
    "changes",
    "counties",
    "county",
    "division_year",
    "fate",
    "is_valid_kommunenummer",
    "municipalities",
    "municipalities_named",
    "municipality",
    "namesakes",
    "predecessors",
    "successors",
    "validate_kommunenummer",
]


MAX_YEAR: Final = 9999
"""The last year a look-up takes: the last a :class:`datetime.date` can hold."""


def _checked_year(year: object, field: str = "year") -> int:
    """Return the year whose division answers for ``year``, once ``year`` is checked."""
    if type(year) is not int:
        msg = f"{field} must be an int, not {type(year).__name__}"
        raise TypeError(msg)
    if not FIRST_YEAR <= year <= MAX_YEAR:
        msg = f"must be a year from {FIRST_YEAR} on, not {brief(year)}"
        raise ValidationError(field, msg)
    return min(year, LAST_YEAR)


def division_year(year: int) -> int:
    """Return the year whose division of municipalities holds in ``year``.

    That is ``year`` itself up to :data:`LAST_YEAR`, the last year the registry knows, and
    :data:`LAST_YEAR` after it: a division holds until a later one replaces it.

    >>> division_year(2019), division_year(LAST_YEAR + 5) == LAST_YEAR
    (2019, True)

    Raises:
        TypeError: ``year`` is not an int.
        ~innovasjonspris.ValidationError: ``year`` is not from :data:`FIRST_YEAR` to
            :data:`MAX_YEAR`.
    """
    return _checked_year(year)


def counties(*, year: int) -> tuple[County, ...]:
    """Return the counties in use in ``year``, ordered by number.

    >>> [c.name for c in counties(year=2024)][:3]
    ['Oslo', 'Rogaland', 'Møre og Romsdal']
    """
    day = date(_checked_year(year), 1, 1)
    return tuple(sorted((c for c in COUNTIES if c.is_valid_on(day)), key=lambda c: c.number))


def county(number: str, *, year: int) -> County:
    """Return the county numbered ``number`` in ``year``.

    Raises:
        ~innovasjonspris.ValidationError: no county had that number in ``year``.
    """
    for candidate in counties(year=year):
        if candidate.number == number:
            return candidate
    msg = f"{brief(number)} was not a county number {in_year(year)}"
    raise ValidationError("county", msg)


def check_form(number: object) -> str:
    """Return ``number`` if it has the form of a kommunenummer in a county that existed.

    This is the check that needs no year: four ASCII digits, not ending in 00, whose first
    two were a county's number at some time since 1972. A number that is not text is a
    caller's mistake, a :class:`TypeError`.
    """
    if type(number) is not str:
        msg = f"number must be text, not {type(number).__name__}"
        raise TypeError(msg)
    return cast("str", KOMMUNENUMMER.check(number, "number"))


def municipality(number: str, *, year: int) -> MunicipalityRecord:
    """Return the municipality numbered ``number`` on 1 January of ``year``.

    >>> municipality("1601", year=2017).name
    'Trondheim'

    Raises:
        ~innovasjonspris.ValidationError: ``number`` is not a kommunenummer, ``year`` is
            not a year the registry covers, or no municipality had the number that year.
    """
    check_form(number)
    found = in_force(number, _checked_year(year))
    if found is None:
        raise ValidationError("number", no_municipality(number, year))
    return found


def municipalities(*, year: int) -> tuple[MunicipalityRecord, ...]:
    """Return every municipality in force on 1 January of ``year``, ordered by number.

    >>> len(municipalities(year=2019)), len(municipalities(year=2020))
    (422, 356)
    """
    return tuple(table().by_year[_checked_year(year)].values())


def municipalities_named(name: str, *, year: int) -> tuple[MunicipalityRecord, ...]:
    """Return the municipalities of ``year`` that go by ``name``, ordered by number.

    The official name, any one of its parallel forms, and the name without the county
    that SSB adds to tell namesakes apart all match; case does not count. Namesakes give
    more than one.

    >>> [m.number for m in municipalities_named("Fjell", year=2019)]
    ['1246']
    >>> [m.name for m in municipalities_named("herøy", year=2019)]
    ['Herøy (Møre og Romsdal)', 'Herøy (Nordland)']
    """
    if type(name) is not str:
        msg = f"name must be text, not {type(name).__name__}"
        raise TypeError(msg)
    return names_in(_checked_year(year)).get(name_key(name), ())


def _follow(number: str, year: int, other: int, *, forward: bool) -> tuple[MunicipalityRecord, ...]:
    municipality(number, year=year)
    year, other = _checked_year(year), _checked_year(other)
    found = (
        table().successors(number, year, other)
        if forward
        else table().predecessors(number, year, other)
    )
    records = table().by_year[other]
    return tuple(records[n] for n in sorted(found))


def _checked_span(year: int, to_year: int) -> tuple[int, int]:
    """The divisions of ``year`` and ``to_year``, once both are checked and in order."""
    # Compared as divisions: a year after the registry's last is its last year's division.
    end, start = _checked_year(to_year, "to_year"), _checked_year(year)
    if end < start:
        msg = f"must not be before year {year}, not {to_year}"
        raise ValidationError("to_year", msg)
    return start, end


def successors(number: str, *, year: int, to_year: int) -> tuple[MunicipalityRecord, ...]:
    """Return what municipality ``number`` of ``year`` had become by ``to_year``.

    Every step between is followed, across mergers and splits, so a municipality divided
    between several gives them all:

    >>> [m.number for m in successors("1662", year=2017, to_year=2020)]
    ['5001']
    >>> [m.number for m in successors("5012", year=2019, to_year=2020)]
    ['5055', '5056', '5059']

    Raises:
        ~innovasjonspris.ValidationError: no municipality had ``number`` in ``year``, or
            ``to_year`` is outside the registry or before ``year``.
    """
    _checked_span(year, to_year)
    return _follow(number, year, to_year, forward=True)


def predecessors(number: str, *, year: int, from_year: int) -> tuple[MunicipalityRecord, ...]:
    """Return the municipalities of ``from_year`` that ``number`` of ``year`` came from.

    >>> [m.number for m in predecessors("5001", year=2020, from_year=2017)]
    ['1601', '1662']

    Raises:
        ~innovasjonspris.ValidationError: no municipality had ``number`` in ``year``, or
            ``from_year`` is outside the registry or after ``year``.
    """
    if _checked_year(from_year, "from_year") > _checked_year(year):
        msg = f"must not be after year {year}, not {from_year}"
        raise ValidationError("from_year", msg)
    return _follow(number, year, from_year, forward=False)


def fate(number: str, *, year: int, to_year: int = LAST_YEAR) -> Fate:
    """Tell what municipality ``number`` of ``year`` had become by ``to_year``, and since when.

    The default ``to_year`` is the registry's last year: what the municipality is today.

    >>> found = fate("1246", year=2019)
    >>> found.kind.value, found.since, [m.name for m in found.successors]
    ('merged', 2020, ['Øygarden'])
    >>> found = fate("0105", year=2016)
    >>> found.kind.value, found.since, [m.number for m in found.successors]
    ('renumbered', 2024, ['3105'])

    A merger into a new municipality ends one, even when the new one takes its name; the
    events tell each step, oldest first:

    >>> found = fate("0220", year=2015)
    >>> found.kind.value, found.since, found.exists
    ('merged', 2020, False)
    >>> [(event.year, event.kind.value) for event in found.events]
    [(2020, 'merger'), (2024, 'renumbering')]

    Raises:
        ~innovasjonspris.ValidationError: as :func:`successors` does.
    """
    start, end = _checked_span(year, to_year)
    return fate_of(municipality(number, year=year), start, end)


def changes(*, year: int) -> tuple[Change, ...]:
    """Return the changes that took effect on 1 January of ``year``.

    >>> [(c.old_name, c.new_name, c.kind.value) for c in changes(year=2019)][-1]
    ('Rindal', 'Rindal', 'renumbering')

    No change is known after :data:`LAST_YEAR`.
    """
    if _checked_year(year) != year:
        return ()
    return table().changes.get(year, ())


def validate_kommunenummer(number: object, *, year: int | None = None) -> str:
    """Return ``number`` if a municipality had it in ``year`` (without one: in any year).

    Only the four ASCII digits are accepted: no spaces, no other digits.

    Raises:
        TypeError: ``number`` is not text, or ``year`` not an int.
        ~innovasjonspris.ValidationError: ``number`` is not a valid kommunenummer.
    """
    checked = check_form(number)
    if year is None:
        if checked not in table().by_number:
            years = f"{FIRST_YEAR} to {LAST_YEAR}"
            msg = f"{number} was no municipality's number in any year from {years}"
            raise ValidationError("number", msg)
        return checked
    municipality(checked, year=year)
    return checked


def is_valid_kommunenummer(number: object, *, year: int | None = None) -> bool:
    """Tell whether ``number`` is a valid kommunenummer (in ``year``, if given); never raises."""
    try:
        validate_kommunenummer(number, year=year)
    except (TypeError, ValidationError):
        return False
    return True
