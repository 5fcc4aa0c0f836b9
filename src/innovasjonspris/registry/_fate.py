"""What became of a municipality: its events year by year, and whether it still exists.

A municipality of one year is followed through the change table to a later year. Each step
that touches it, or what it has become, is an event (a merger, a split, a renumbering, a
rename, a change of boundary); the first merger that gives it a new number, or the first
split that ends its number, ends it. A municipality that took in its neighbours and kept
its number goes on, as Stavanger did in 2020; one that formed a new municipality with them
ended, even when the new one took its name, as Asker did in 2020.
"""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator

import attrs

from innovasjonspris.registry._table import ChangeKind, MunicipalityRecord, Table, table

__all__ = ["EventKind", "Fate", "FateKind", "MunicipalityEvent", "fate_of"]


class FateKind(enum.Enum):
    """How a municipality of one year relates to what it is in a later one.

    The first three mean it still exists (:attr:`Fate.exists`); the last two that it ended.
    """

    UNCHANGED = "unchanged"
    """It exists with the same number, and the name it had is still one of its names."""
    RENUMBERED = "renumbered"
    """It exists under another number (it may have taken in neighbours and kept it)."""
    RENAMED = "renamed"
    """It exists under another name (and perhaps another number)."""
    MERGED = "merged"
    """It ended in a merger: it is part of a new municipality, which may carry its name."""
    SPLIT = "split"
    """It ended in a split: it was divided between several municipalities."""


_EXISTING = frozenset({FateKind.UNCHANGED, FateKind.RENUMBERED, FateKind.RENAMED})


EventKind = ChangeKind
"""What one step of a municipality's history did to it: the kinds of change of the table."""


@attrs.frozen(kw_only=True)
class MunicipalityEvent:
    """One step in a municipality's history: ``before`` on 31 December of ``year - 1``.

    ``after`` is what ``before`` became on 1 January of ``year`` (several after a split);
    ``others`` are the other municipalities of the year before that took part: the partners
    of a merger, the neighbours that gave or took land.
    """

    year: int
    kind: EventKind
    before: MunicipalityRecord
    after: tuple[MunicipalityRecord, ...]
    others: tuple[MunicipalityRecord, ...] = ()


@attrs.frozen(kw_only=True)
class Fate:
    """What municipality ``number`` of ``year`` had become by ``to_year``.

    ``since`` is the year from which the relation holds: the year of the merger or split
    that ended it, or of the last renumbering or rename (``None`` when unchanged).
    ``events`` are every step that touched it or what it had become, oldest first.
    """

    number: str
    year: int
    to_year: int
    kind: FateKind
    since: int | None
    successors: tuple[MunicipalityRecord, ...]
    events: tuple[MunicipalityEvent, ...] = ()

    @property
    def exists(self) -> bool:
        """Tell whether the municipality still exists in ``to_year``, under any number."""
        return self.kind in _EXISTING


def _records(loaded: Table, year: int, numbers: Iterable[str]) -> tuple[MunicipalityRecord, ...]:
    in_year = loaded.by_year[year]
    return tuple(in_year[n] for n in sorted(set(numbers)))


def _events_of(number: str, year: int, loaded: Table) -> Iterator[MunicipalityEvent]:
    """The events of ``year`` for the municipality numbered ``number`` the year before."""
    found = loaded.changes.get(year, ())
    news: dict[str, set[str]] = defaultdict(set)
    olds: dict[str, set[str]] = defaultdict(set)
    for change in found:
        news[change.old_number].add(change.new_number)
        olds[change.new_number].add(change.old_number)
    before = loaded.by_year[year - 1][number]
    mine = news.get(number)
    if mine is None:
        # Not changed itself; it may have taken in part of a neighbour that was divided.
        givers = olds.get(number, set[str]()) - {number}
        if givers:
            yield _event(loaded, year, EventKind.BOUNDARY, before, {number}, givers)
        return
    if len(mine) > 1:
        kind = EventKind.BOUNDARY if number in mine else EventKind.SPLIT
        yield _event(
            loaded, year, kind, before, mine, set[str]().union(*(olds[n] for n in mine)) - {number}
        )
        return
    (new,) = mine
    partners = olds[new] - {number}
    if partners:
        # Taking in only parts of divided neighbours, and keeping its number, is a change of
        # boundary; taking in a whole municipality is a merger.
        whole = {p for p in partners if len(news[p]) == 1}
        kind = EventKind.MERGER if whole or new != number else EventKind.BOUNDARY
        yield _event(loaded, year, kind, before, {new}, partners)
        return
    after = loaded.by_year[year][new]
    if new != number:
        yield _event(loaded, year, EventKind.RENUMBERING, before, {new}, set())
    if after.name != before.name:
        yield _event(loaded, year, EventKind.RENAME, before, {new}, set())


def _event(  # noqa: PLR0917 - a private constructor, called with the values in order
    loaded: Table,
    year: int,
    kind: EventKind,
    before: MunicipalityRecord,
    after: set[str],
    others: set[str],
) -> MunicipalityEvent:
    return MunicipalityEvent(
        year=year,
        kind=kind,
        before=before,
        after=_records(loaded, year, after),
        others=_records(loaded, year - 1, others),
    )


_ENDINGS = {EventKind.MERGER: FateKind.MERGED, EventKind.SPLIT: FateKind.SPLIT}


# Pages ask again and again about the few municipalities they name: each fate is worked
# out once. The table is fixed, and a Fate is frozen.
@functools.lru_cache(maxsize=4096)
def fate_of(record: MunicipalityRecord, year: int, to_year: int) -> Fate:
    """Follow ``record`` of ``year`` to ``to_year`` and tell what it became, and since when."""
    loaded = table()
    current = frozenset({record.number})
    events: list[MunicipalityEvent] = []
    ended: tuple[FateKind, int] | None = None
    renumbered_in: int | None = None
    renamed_in: int | None = None
    for step in range(year + 1, to_year + 1):
        following: set[str] = set()
        for number in sorted(current):
            # A municipality that only gave or took land is still itself alone.
            following.add(number)
            for event in _events_of(number, step, loaded):
                events.append(event)
                if event.kind is not EventKind.BOUNDARY:
                    following.discard(number)
                    following.update(m.number for m in event.after)
                if ended is not None:
                    continue
                (after, *_) = event.after
                if event.kind in _ENDINGS and (len(event.after) > 1 or after.number != number):
                    ended = (_ENDINGS[event.kind], step)
                elif event.kind is EventKind.RENUMBERING:
                    renumbered_in = step
                elif event.kind is EventKind.RENAME:
                    renamed_in = step
        current = frozenset(following)
    successors = _records(loaded, to_year, current)
    kind, since = ended or _kept(record, successors[0], renumbered_in, renamed_in)
    return Fate(
        number=record.number,
        year=year,
        to_year=to_year,
        kind=kind,
        since=since,
        successors=successors,
        events=tuple(events),
    )


def _kept(
    record: MunicipalityRecord,
    now: MunicipalityRecord,
    renumbered_in: int | None,
    renamed_in: int | None,
) -> tuple[FateKind, int | None]:
    """The fate of a municipality that still exists, as ``now``."""
    if not record.accepted_names & now.accepted_names:
        return FateKind.RENAMED, renamed_in
    if now.number != record.number:
        return FateKind.RENUMBERED, renumbered_in
    return FateKind.UNCHANGED, None
