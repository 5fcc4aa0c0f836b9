"""The bundled municipality table: every kommune in force on 1 January, 1972 to 2026.

The two CSV files beside this module are derived from Statistics Norway's classification
131 by ``scripts/derive_registry.py``; ``README.md`` beside them names the sources. They are
read on the first look-up, not on import.
"""

from __future__ import annotations

import csv
import enum
import functools
import io
import re
from collections import defaultdict
from datetime import date
from importlib import resources

import attrs

from innovasjonspris.registry._counties import COUNTIES, FIRST_YEAR, County

__all__ = [
    "LAST_YEAR",
    "MUNICIPALITY_CLASSIFICATION_SOURCE",
    "Change",
    "ChangeKind",
    "MunicipalityRecord",
    "Table",
    "in_force",
    "in_year",
    "names_in",
    "no_municipality",
    "table",
]

LAST_YEAR = 2026
"""The last year the bundled table knows; its division continues in the years after it."""


def in_year(year: int) -> str:
    """Say "in ``year``" for a message, naming the division used for a year after the last."""
    if year > LAST_YEAR:
        return f"in {year} (by the division of {LAST_YEAR}, the last the registry knows)"
    return f"in {year}"


MUNICIPALITY_CLASSIFICATION_SOURCE = "https://www.ssb.no/klass/klassifikasjoner/131"
"""Where the municipality numbers, names and changes are published."""

_PARALLEL = " - "  # SSB joins a name's Norwegian, Sámi and Kven forms with this
_QUALIFIER = re.compile(r" \([^()]+\)\Z")  # "Herøy (Nordland)", to tell namesakes apart


@attrs.frozen(kw_only=True)
class MunicipalityRecord:
    """A municipality as the classification gives it for a run of years.

    ``name`` is the official name exactly as Statistics Norway writes it, its parallel
    forms joined by `` - `` (``Kárášjohka - Karasjok``); ``names`` holds those forms one by
    one. ``valid_from`` is the first 1 January the registry has this number with this name
    (1 January 1972 for what was already in force then); ``valid_until`` the first 1 January
    it no longer did, or ``None`` while it still does in the registry's last year.
    """

    number: str
    name: str
    names: tuple[str, ...]
    county: County
    valid_from: date
    valid_until: date | None = None

    @property
    def first_year(self) -> int:
        """The first year of the run."""
        return self.valid_from.year

    @property
    def last_year(self) -> int:
        """The last year of the run (the registry's last year while still valid)."""
        return LAST_YEAR if self.valid_until is None else self.valid_until.year - 1

    def is_valid_in(self, year: int) -> bool:
        """Tell whether this number had this name on 1 January of ``year``."""
        return self.first_year <= year <= self.last_year

    @functools.cached_property
    def accepted_names(self) -> frozenset[str]:
        """Every way a data file may write the name: whole, one parallel form, unqualified.

        Worked out on first use and kept: each cited municipality of every round loaded
        is checked against it.
        """
        forms = {self.name, *self.names}
        return frozenset(forms | {_QUALIFIER.sub("", form) for form in forms})


class ChangeKind(enum.Enum):
    """What a change did to a municipality; a change that is part of a merger is a merger.

    The kind of a change recorded in the table, and of one step of a municipality's history
    (a :class:`~innovasjonspris.registry.MunicipalityEvent`).
    """

    MERGER = "merger"
    """It and others became one municipality (which may keep the number of one of them)."""
    SPLIT = "split"
    """It was divided between several municipalities, and its number ended."""
    RENUMBERING = "renumbering"
    """It got another number, as when its county changed."""
    RENAME = "rename"
    """It kept its number and got another name (a parallel name added counts)."""
    BOUNDARY = "boundary"
    """It kept its number and gave land to a neighbour, or took in part of one."""


@attrs.frozen(kw_only=True)
class Change:
    """One step recorded between two years: ``old`` on the day before, ``new`` on ``date``."""

    date: date
    old_number: str
    old_name: str
    new_number: str
    new_name: str
    kind: ChangeKind


@attrs.frozen
class Table:
    """The loaded table, indexed for look-ups that cost a dict access."""

    records: tuple[MunicipalityRecord, ...]
    by_year: dict[int, dict[str, MunicipalityRecord]]
    by_number: dict[str, tuple[MunicipalityRecord, ...]]
    changes: dict[int, tuple[Change, ...]]

    def successors(self, number: str, year: int, to_year: int) -> frozenset[str]:
        """Follow ``number`` from ``year`` forward, change by change, to ``to_year``."""
        current = {number}
        for step in range(year + 1, to_year + 1):
            news: dict[str, set[str]] = defaultdict(set)
            for change in self.changes.get(step, ()):
                news[change.old_number].add(change.new_number)
            current = {n for old in current for n in news.get(old, {old})}
        return frozenset(current)

    def predecessors(self, number: str, year: int, from_year: int) -> frozenset[str]:
        """Follow ``number`` from ``year`` back, change by change, to ``from_year``."""
        current = {number}
        for step in range(year, from_year, -1):
            olds: dict[str, set[str]] = defaultdict(set)
            left: set[str] = set()
            for change in self.changes.get(step, ()):
                olds[change.new_number].add(change.old_number)
                left.add(change.old_number)
            before = self.by_year[step - 1]
            # A municipality that gained land from another kept its own number as well.
            kept: dict[str, set[str]] = {new: {new} - left for new in current if new in before}
            current = {
                n for new in current for n in olds.get(new, set[str]()) | kept.get(new, set[str]())
            }
        return frozenset(current)


def name_key(name: str) -> str:
    """Fold a name for a tolerant look-up: case and surrounding space do not count."""
    return " ".join(name.split()).casefold()


def _read(name: str) -> list[list[str]]:
    text = resources.files("innovasjonspris.registry").joinpath(name).read_text(encoding="utf-8")
    header, *rows = csv.reader(io.StringIO(text))
    del header  # the columns are fixed by scripts/derive_registry.py
    return rows


def _kinds(rows: list[list[str]]) -> list[ChangeKind]:
    olds: dict[tuple[str, str], int] = defaultdict(int)
    news: dict[tuple[str, str], int] = defaultdict(int)
    kept = {
        (day, old_number) for day, old_number, _, new_number, _ in rows if old_number == new_number
    }
    for day, old_number, _, new_number, _ in rows:
        olds[day, old_number] += 1
        news[day, new_number] += 1
    kinds: list[ChangeKind] = []
    for day, old_number, _, new_number, _ in rows:
        if news[day, new_number] > 1:
            kinds.append(ChangeKind.MERGER)
        elif olds[day, old_number] > 1:
            # Divided, but still there under its own number: it gave land away.
            kinds.append(ChangeKind.BOUNDARY if (day, old_number) in kept else ChangeKind.SPLIT)
        elif old_number != new_number:
            kinds.append(ChangeKind.RENUMBERING)
        else:
            kinds.append(ChangeKind.RENAME)
    return kinds


@functools.cache
def table() -> Table:
    """Read and index the bundled table, once."""
    county_of = {
        (c.number, year): c
        for c in COUNTIES
        for year in range(c.valid_from.year, (c.valid_until or date(LAST_YEAR + 1, 1, 1)).year)
    }
    records: list[MunicipalityRecord] = []
    by_year: dict[int, dict[str, MunicipalityRecord]] = {year: {} for year in year_range()}
    by_number: dict[str, list[MunicipalityRecord]] = defaultdict(list)
    # The file is ordered by number, so every index below comes out ordered by number too.
    for number, name, first_year, last_year in _read("kommuner.csv"):
        first, last = int(first_year), int(last_year)
        record = MunicipalityRecord(
            number=number,
            name=name,
            names=tuple(name.split(_PARALLEL)),
            county=county_of[number[:2], first],
            valid_from=date(first, 1, 1),
            valid_until=None if last == LAST_YEAR else date(last + 1, 1, 1),
        )
        records.append(record)
        by_number[number].append(record)
        for year in range(first, last + 1):
            by_year[year][number] = record
    rows = _read("endringer.csv")
    changes: dict[int, list[Change]] = defaultdict(list)
    for (day, old_number, old_name, new_number, new_name), kind in zip(
        rows, _kinds(rows), strict=True
    ):
        when = date.fromisoformat(day)
        changes[when.year].append(
            Change(
                date=when,
                old_number=old_number,
                old_name=old_name,
                new_number=new_number,
                new_name=new_name,
                kind=kind,
            )
        )
    return Table(
        records=tuple(records),
        by_year=by_year,
        by_number={number: tuple(found) for number, found in by_number.items()},
        changes={year: tuple(found) for year, found in changes.items()},
    )


def in_force(number: str, year: int) -> MunicipalityRecord | None:
    """The municipality numbered ``number`` on 1 January of ``year``, or ``None``.

    A year after :data:`LAST_YEAR` has that year's division. Neither the number's form nor
    the year is checked: the caller has.
    """
    return table().by_year[min(year, LAST_YEAR)].get(number)


def no_municipality(number: str, year: int) -> str:
    """Say that no municipality had ``number`` in ``year``, and when one had, if ever."""
    others = table().by_number.get(number)
    if others is None:
        return (
            f"{number} was no municipality's number {in_year(year)}, "
            f"nor in any year since {FIRST_YEAR}"
        )
    spans = [
        f"{r.first_year}" if r.first_year == r.last_year else f"{r.first_year}-{r.last_year}"
        for r in others
    ]
    was = f"it was {others[-1].name} in {', '.join(dict.fromkeys(spans))}"
    return f"{number} was no municipality's number {in_year(year)} ({was})"


@functools.cache
def names_in(year: int) -> dict[str, tuple[MunicipalityRecord, ...]]:
    """Index the municipalities of ``year`` by every folded form of their names."""
    keyed: dict[str, list[MunicipalityRecord]] = defaultdict(list)
    for record in table().by_year[year].values():
        for key in {name_key(form) for form in record.accepted_names}:
            keyed[key].append(record)
    return {key: tuple(found) for key, found in keyed.items()}


def year_range() -> range:
    """The years the table covers."""
    return range(FIRST_YEAR, LAST_YEAR + 1)
