"""What became of a municipality: the one sentence a page about an earlier year needs."""

from __future__ import annotations

import enum

import attrs

from innovasjonspris.registry._table import ChangeKind, MunicipalityRecord, table

__all__ = ["Fate", "FateKind", "fate_of"]


class FateKind(enum.Enum):
    """How a municipality of one year relates to what it is in a later one."""

    UNCHANGED = "unchanged"
    """The same number, and the name it had is still one of its names."""
    RENUMBERED = "renumbered"
    """The same name under another number (even if it took in neighbours on the way)."""
    MERGED = "merged"
    """Part of a municipality with another name, by a merger."""
    RENAMED = "renamed"
    """Another name, with no merger."""
    SPLIT = "split"
    """Divided between several municipalities."""


@attrs.frozen(kw_only=True)
class Fate:
    """What municipality ``number`` of ``year`` had become by ``to_year``.

    ``since`` is the year from which the relation holds: the year of the merger, the split,
    the rename or the last renumbering (``None`` when unchanged).
    """

    number: str
    year: int
    to_year: int
    kind: FateKind
    since: int | None
    successors: tuple[MunicipalityRecord, ...]


def fate_of(record: MunicipalityRecord, year: int, to_year: int) -> Fate:
    """Follow ``record`` of ``year`` to ``to_year`` and tell what it became, and since when."""
    loaded = table()
    names = record.accepted_names
    current = frozenset({record.number})
    # The last year in which the set of successors changed, and whether a step on the way
    # merged the municipality into one that does not carry its name.
    changed_in: int | None = None
    lost_name_in: int | None = None
    split_in: int | None = None
    merged = False
    for step in range(year + 1, to_year + 1):
        following = frozenset(
            n for number in current for n in loaded.successors(number, step - 1, step)
        )
        if following != current:
            changed_in = step
        if split_in is None and len(following) > 1:
            split_in = step
        in_step = loaded.by_year[step]
        if lost_name_in is None and not any(names & in_step[n].accepted_names for n in following):
            lost_name_in = step
            merged = any(
                change.kind is ChangeKind.MERGER
                for change in loaded.changes.get(step, ())
                if change.old_number in current
            )
        current = following
    successors = tuple(loaded.by_year[to_year][n] for n in sorted(current))
    first = successors[0]  # a municipality always becomes at least one
    if len(successors) > 1:
        kind = FateKind.SPLIT
    elif lost_name_in is not None:
        kind = FateKind.MERGED if merged else FateKind.RENAMED
    elif first.number != record.number:
        kind = FateKind.RENUMBERED
    else:
        kind = FateKind.UNCHANGED
    since = {
        FateKind.UNCHANGED: None,
        FateKind.RENUMBERED: changed_in,
        FateKind.MERGED: lost_name_in,
        FateKind.RENAMED: lost_name_in,
        FateKind.SPLIT: split_in,
    }[kind]
    return Fate(
        number=record.number,
        year=year,
        to_year=to_year,
        kind=kind,
        since=since,
        successors=successors,
    )
