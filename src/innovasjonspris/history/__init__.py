r"""Questions across rounds, and the rounds as flat tables for analysts.

Every citation of every round becomes one :class:`CitationRow`: the year, the standing,
the municipality as it was then (number, name, county) and what it is today, in the
registry's last year (:data:`~innovasjonspris.registry.LAST_YEAR`). A municipality can be
asked for by any number it has had, or by its name then or now; the counts group by
standing or by county, then or now.

>>> [(row.year, str(row.standing)) for row in appearances("3105")]
[(2016, 'finalist'), (2018, 'finalist')]
>>> [(row.year, row.kommunenummer) for row in appearances("0105")]
[(2016, '0105'), (2018, '0105')]
>>> count_by_county(standing=Standing.WINNER)["Aust-Agder"]
1
>>> count_by_county(standing=Standing.WINNER, now=True)["Agder"]
1

The tables have the columns of :data:`COLUMNS`, in order: :func:`to_records` gives plain
dicts (``pandas.DataFrame(to_records())`` takes them as they are), :func:`to_csv` and
:func:`to_json_lines` the same as text.

>>> to_csv().splitlines()[0]
'year,standing,kommunenummer,municipality,county_number,county,kommunenummer_now,...'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Final, cast

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import catalog_language, parse_locale
from innovasjonspris._model import AwardRound, Standing
from innovasjonspris.data import rounds
from innovasjonspris.formatting import format_standing
from innovasjonspris.history._rows import CitationRow, rows_of
from innovasjonspris.registry import LAST_YEAR, municipalities_named, validate_kommunenummer

__all__ = [
    "COLUMNS",
    "SEPARATOR",
    "CitationRow",
    "appearances",
    "citation_rows",
    "count_by_county",
    "count_by_standing",
    "to_csv",
    "to_json_lines",
    "to_records",
]

COLUMNS: Final = (
    "year",
    "standing",
    "kommunenummer",
    "municipality",
    "county_number",
    "county",
    "kommunenummer_now",
    "municipality_now",
    "county_now",
    "projects",
    "amount",
    "awarded_on",
)
"""The columns of a table, in order."""

SEPARATOR: Final = ";"
"""Joins the values of a column that has several: the successors of a split, projects."""

RoundsOrRows = Iterable[AwardRound | CitationRow] | None
"""Rounds, rows or both; ``None`` means the bundled rounds."""


def _rows(source: object) -> tuple[CitationRow, ...]:
    if source is None:
        return rows_of(rounds())
    if isinstance(source, (str, bytes)) or not isinstance(source, Iterable):
        msg = f"expected rounds or rows, not {type(source).__name__}"
        raise TypeError(msg)
    found: list[CitationRow] = []
    for index, item in enumerate(cast("Iterable[object]", source)):
        if isinstance(item, CitationRow):
            found.append(item)
        elif isinstance(item, AwardRound):
            found.extend(rows_of((item,)))
        else:
            msg = f"item {index} is a {type(item).__name__}, not an AwardRound or a CitationRow"
            raise TypeError(msg)
    return tuple(found)


def citation_rows(source: RoundsOrRows = None) -> tuple[CitationRow, ...]:
    """Return a row for every citation of ``source`` (by default the bundled rounds).

    Rounds are taken by year, and within a year the winner first, then the finalists,
    then the honourable mentions; rows given as rows stay where they are.

    Raises:
        TypeError: ``source`` holds something other than rounds and rows.
    """
    return _rows(source)


def _matches_name(row: CitationRow, name: str) -> bool:
    then = {m.number for m in municipalities_named(name, year=row.year)}
    now = {m.number for m in municipalities_named(name, year=LAST_YEAR)}
    return row.kommunenummer in then or not now.isdisjoint(row.kommunenummer_now)


def appearances(municipality: str, source: RoundsOrRows = None) -> tuple[CitationRow, ...]:
    """Return the rows of one municipality, asked for by number or by name.

    A number finds the municipality whatever number it had then and has had since:
    Sarpsborg was 0105 until 2019, 3003 until 2023 and is 3105, and all three find its
    finalist rows of 2016 and 2018. A name matches the name a municipality had in the
    round's year or has today, in any of its official forms, whatever the case.

    Raises:
        TypeError: ``municipality`` is not text.
        ValidationError: ``municipality`` looks like a number that no municipality ever
            had, or is a name no municipality had in any year of the rows nor has today
            (field ``municipality``).
    """
    given = cast("object", municipality)  # callers without a type checker pass anything
    if type(given) is not str:
        msg = f"municipality must be text, not {type(given).__name__}"
        raise TypeError(msg)
    rows = _rows(source)
    if given.isascii() and given.isdigit():
        try:
            validate_kommunenummer(given)
        except ValidationError as error:
            raise ValidationError("municipality", error.message) from None
        return tuple(row for row in rows if given in row.numbers)
    years = {row.year for row in rows} | {LAST_YEAR}
    if not any(municipalities_named(given, year=year) for year in years):
        msg = f"no municipality was named {given!r:.60} in the rounds' years, nor is today"
        raise ValidationError("municipality", msg)
    return tuple(row for row in rows if _matches_name(row, given))


def count_by_standing(source: RoundsOrRows = None) -> dict[Standing, int]:
    """Count the citations by standing, the winner first; a standing no one had counts 0.

    >>> {str(standing): count for standing, count in count_by_standing().items()}
    {'winner': 6, 'finalist': 12, 'honourable_mention': 0}
    """
    rows = _rows(source)
    return {standing: sum(row.standing is standing for row in rows) for standing in Standing}


def _standing(value: object) -> Standing | None:
    if value is None or isinstance(value, Standing):
        return value
    if not isinstance(value, str):
        msg = f"standing must be a Standing, its value or None, not {type(value).__name__}"
        raise TypeError(msg)
    try:
        return Standing(value)
    except ValueError:
        allowed = ", ".join(repr(str(known)) for known in Standing)
        msg = f"must be one of {allowed}, not {value!r:.60}"
        raise ValidationError("standing", msg) from None


def count_by_county(
    source: RoundsOrRows = None, *, standing: Standing | str | None = None, now: bool = False
) -> dict[str, int]:
    """Count the citations by county: as it was in the round's year, or today (``now``).

    ``standing`` counts only that standing (``Standing.WINNER`` or ``"winner"``: wins per
    county). The counties come in order of their number. Today, a municipality split
    between counties counts once in each.

    Raises:
        TypeError: ``standing`` is not a :class:`~innovasjonspris.Standing`, its value or
            ``None``.
        ValidationError: ``standing`` is text that is no standing's value (``standing``).
    """
    wanted = _standing(standing)
    counted: dict[str, int] = {}
    first_number: dict[str, str] = {}
    for row in _rows(source):
        if wanted is not None and row.standing is not wanted:
            continue
        counties = [r.county for r in row.now] if now else [row.then.county]
        # A name counts once per row; a name used under two numbers (Østfold was 01 and
        # is 31) is one county to a reader, and sorts by the lower number.
        for name, number in {c.name: c.number for c in counties}.items():
            counted[name] = counted.get(name, 0) + 1
            first_number[name] = min(number, first_number.get(name, number))
    return {name: counted[name] for name in sorted(counted, key=lambda n: (first_number[n], n))}


def _record(row: CitationRow, locale: str) -> dict[str, str | int | None]:
    return {
        "year": row.year,
        "standing": format_standing(row.standing, locale=locale),
        "kommunenummer": row.kommunenummer,
        "municipality": row.municipality,
        "county_number": row.county_number,
        "county": row.county,
        "kommunenummer_now": SEPARATOR.join(row.kommunenummer_now),
        "municipality_now": SEPARATOR.join(row.municipality_now),
        "county_now": SEPARATOR.join(row.county_now),
        "projects": SEPARATOR.join(row.projects) or None,
        "amount": None if row.amount is None else str(row.amount.amount),
        "awarded_on": None if row.awarded_on is None else row.awarded_on.isoformat(),
    }


def _records(rows: tuple[CitationRow, ...], locale: str) -> list[dict[str, str | int | None]]:
    """Return ``rows`` as records whose text is in ``locale``."""
    catalog_language(parse_locale(locale))  # refuse a locale without texts before any work
    return [_record(row, locale) for row in rows]


def _csv_text(rows: tuple[CitationRow, ...], locale: str) -> str:
    """Return ``rows`` as CSV: a header row, then one line per row, ``None`` left empty."""
    out = io.StringIO()
    writer: csv.DictWriter[str] = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_records(rows, locale))
    return out.getvalue()


def _json_lines(rows: tuple[CitationRow, ...], locale: str) -> str:
    """Return ``rows`` as JSON Lines: one compact object per line, in column order."""
    return "".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        for record in _records(rows, locale)
    )


def to_records(
    source: RoundsOrRows = None, *, locale: str = "nb"
) -> list[dict[str, str | int | None]]:
    """Return one plain dict per citation, with the keys of :data:`COLUMNS` in order.

    The values are what JSON holds: ``year`` an int, ``amount`` a decimal string on the
    winner's row, ``awarded_on`` an ISO date, several values joined by :data:`SEPARATOR`,
    ``None`` where there is nothing. ``standing`` is a word in ``locale``.

    Raises:
        TypeError: ``source`` holds something other than rounds and rows.
        ValidationError: the locale is unknown or not one of nb, nn and en (``locale``).
    """
    return _records(_rows(source), locale)


def to_csv(source: RoundsOrRows = None, *, locale: str = "nb") -> str:
    """Return the records as CSV: a header row, one line per citation, empty for ``None``.

    Write it as UTF-8; lines end in CRLF, as RFC 4180 has it.
    """
    return _csv_text(_rows(source), locale)


def to_json_lines(source: RoundsOrRows = None, *, locale: str = "nb") -> str:
    """Return the records as JSON Lines: one object per citation, ``null`` for ``None``."""
    return _json_lines(_rows(source), locale)
