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

The tables have the columns of :data:`COLUMNS`, in order: :func:`to_records` gives typed
records of codes (``pandas.DataFrame(to_records())`` takes them as they are),
:func:`to_csv` and :func:`to_json_lines` the same as text, which :func:`from_csv` and
:func:`from_json_lines` read back.

>>> to_csv().splitlines()[0]
'year,standing,kommunenummer,municipality,county_number,county,kommunenummer_now,...'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from innovasjonspris._errors import ValidationError
from innovasjonspris._model import AwardRound, Standing
from innovasjonspris.data import rounds
from innovasjonspris.history._rows import CitationRow, rows_of
from innovasjonspris.history._table import (
    COLUMNS,
    SEPARATOR,
    Record,
    chosen_columns,
    csv_text,
    json_lines,
    read_csv,
    read_json_lines,
    records,
)
from innovasjonspris.registry import LAST_YEAR, municipalities_named, validate_kommunenummer

__all__ = [
    "COLUMNS",
    "SEPARATOR",
    "CitationRow",
    "Record",
    "appearances",
    "citation_rows",
    "count_by_county",
    "count_by_standing",
    "from_csv",
    "from_json_lines",
    "to_csv",
    "to_json_lines",
    "to_records",
]

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


def to_records(source: RoundsOrRows = None, *, locale: str | None = None) -> list[Record]:
    """Return one :class:`Record` per citation, with the keys of :data:`COLUMNS` in order.

    The values are codes and Python values a DataFrame keeps: ``year`` an int,
    ``standing`` and ``fate`` codes (``winner``, ``merged``), ``projects`` a list,
    ``amount`` a :class:`~decimal.Decimal` on the winner's row, ``awarded_on`` a
    :class:`datetime.date`, ``None`` where there is nothing. Given a ``locale``,
    ``standing`` and ``fate`` are words in it instead (``vinner``, ``slått sammen``).

    >>> record = to_records()[0]
    >>> record["year"], record["standing"], record["amount"], record["awarded_on"]
    (2014, 'winner', Decimal('500000'), datetime.date(2014, 6, 18))

    Raises:
        TypeError: ``source`` holds something other than rounds and rows.
        ValidationError: the locale is unknown or not one of nb, nn and en (``locale``).
    """
    return records(_rows(source), locale)


def to_csv(
    source: RoundsOrRows = None,
    *,
    locale: str | None = None,
    columns: Sequence[str] | None = None,
) -> str:
    """Return the records as CSV: a header row, one line per citation.

    Write it as UTF-8; lines end in CRLF, as RFC 4180 has it. ``None`` is an empty field,
    an amount a decimal number (``500000``), a date ISO 8601 (``2019-06-07``), and the
    projects a JSON array (``["Mat; helse"]``, ``[]`` for none), so that no name is split.
    :func:`from_csv` reads it back. ``columns`` keeps only those, in the order given.

    Raises:
        TypeError: as :func:`to_records` does, or ``columns`` is not a sequence of names.
        ValidationError: as :func:`to_records` does, or a column is unknown or named
            twice (``columns``).
    """
    chosen = chosen_columns(columns)
    return csv_text(to_records(source, locale=locale), chosen)


def to_json_lines(
    source: RoundsOrRows = None,
    *,
    locale: str | None = None,
    columns: Sequence[str] | None = None,
) -> str:
    """Return the records as JSON Lines: one object per citation.

    ``null`` for ``None``, the projects an array, an amount a decimal string
    (``"500000"``, never a float), a date ISO 8601. :func:`from_json_lines` reads it back.
    ``columns`` and the errors are as for :func:`to_csv`.
    """
    chosen = chosen_columns(columns)
    return json_lines(to_records(source, locale=locale), chosen)


def from_csv(text: str) -> list[dict[str, object]]:
    """Read CSV written by :func:`to_csv` back into records equal to :func:`to_records`'s.

    Raises:
        InvalidDataError: a column is unknown or a value is not in its text form; each
            problem is ``"$[<row>].<column>: <message>"``.
    """
    return read_csv(text)


def from_json_lines(text: str) -> list[dict[str, object]]:
    """Read JSON Lines written by :func:`to_json_lines` back into records.

    Raises:
        InvalidDataError: as :func:`from_csv` does, or a line is not a JSON object.
    """
    return read_json_lines(text)
