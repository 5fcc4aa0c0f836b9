"""A municipality's events and fate, checked against the change table for every one since 1972."""

from __future__ import annotations

import csv
from collections import defaultdict
from importlib import resources

import pytest

from innovasjonspris import Municipality, ValidationError
from innovasjonspris.registry import (
    FIRST_YEAR,
    LAST_YEAR,
    ChangeKind,
    EventKind,
    FateKind,
    changes,
    fate,
    namesakes,
    predecessors,
)
from innovasjonspris.registry._table import table

# The change table as the file has it, read here without the library: date -> rows.
_RAW: dict[int, list[tuple[str, str]]] = defaultdict(list)
with (
    resources.files("innovasjonspris.registry")
    .joinpath("endringer.csv")
    .open(encoding="utf-8") as _file
):
    for _row in csv.DictReader(_file):
        _RAW[int(_row["date"][:4])].append((_row["old_number"], _row["new_number"]))


def _news(year: int, old: str) -> set[str]:
    return {new for o, new in _RAW[year] if o == old}


def _olds(year: int, new: str) -> set[str]:
    return {old for old, n in _RAW[year] if n == new}


def test_asker_ended_in_the_merger_of_2020_as_the_change_table_says() -> None:
    asker = fate("0220", year=2015)
    assert (asker.kind, asker.since, asker.exists) == (FateKind.MERGED, 2020, False)
    assert [(e.year, e.kind) for e in asker.events] == [
        (2020, EventKind.MERGER),
        (2024, EventKind.RENUMBERING),
    ]
    assert [m.name for m in asker.events[0].others] == ["Røyken", "Hurum"]
    of_2020 = {c.kind for c in changes(year=2020) if c.old_number == "0220"}
    assert of_2020 == {ChangeKind.MERGER}


def test_a_municipality_that_took_in_its_neighbours_and_kept_its_number_exists() -> None:
    stavanger = fate("1103", year=2019)
    assert stavanger.exists
    assert [(e.year, e.kind) for e in stavanger.events] == [(2020, EventKind.MERGER)]
    trondheim = fate("1601", year=2017)
    assert (trondheim.kind, trondheim.since) == (FateKind.RENUMBERED, 2018)
    assert [(e.year, e.kind) for e in trondheim.events] == [
        (2018, EventKind.RENUMBERING),
        (2020, EventKind.MERGER),
        (2023, EventKind.RENAME),
    ]


def test_boundary_changes_keep_the_municipality_itself() -> None:
    ringsaker = fate("0412", year=1991)
    assert (ringsaker.events[0].year, ringsaker.events[0].kind) == (1992, EventKind.BOUNDARY)
    assert [m.number for m in ringsaker.successors] == ["3411"]
    rakkestad = fate("0128", year=1991, to_year=1992)  # took in part of divided Varteig
    assert [(e.kind, [m.name for m in e.others]) for e in rakkestad.events] == [
        (EventKind.BOUNDARY, ["Varteig"])
    ]
    assert rakkestad.kind is FateKind.UNCHANGED


def test_a_renumbering_with_a_new_name_is_two_events() -> None:
    nes = fate("0616", year=2019, to_year=2020)
    assert [e.kind for e in nes.events] == [EventKind.RENUMBERING, EventKind.RENAME]
    assert nes.successors[0].name == "Nesbyen"


def _check(number: str, year: int) -> None:
    found = fate(number, year=year)
    assert [e.year for e in found.events] == sorted(e.year for e in found.events)
    assert found.successors
    for event in found.events:
        before = event.before.number
        assert event.before.is_valid_in(event.year - 1)
        involved = _news(event.year, before) | _olds(event.year, before)
        assert involved, (number, year, event)
    ending = [e for e in found.events if e.year == found.since]
    if found.kind is FateKind.MERGED:
        merger = next(e for e in ending if e.kind is EventKind.MERGER)
        (new,) = _news(merger.year, merger.before.number)
        assert new != merger.before.number
        assert len(_olds(merger.year, new)) > 1
    elif found.kind is FateKind.SPLIT:
        split = next(e for e in ending if e.kind is EventKind.SPLIT)
        news = _news(split.year, split.before.number)
        assert len(news) > 1
        assert split.before.number not in news
    else:
        # It exists: one municipality, which came from it, and nothing on the way ended it.
        assert found.exists
        (now,) = found.successors
        back = predecessors(now.number, year=found.to_year, from_year=year)
        assert number in {m.number for m in back}
        for event in found.events:
            if event.kind is EventKind.SPLIT:
                pytest.fail(f"{number} of {year} exists after a split: {event}")
            if event.kind is EventKind.MERGER:
                assert _news(event.year, event.before.number) == {event.before.number}
        if found.kind is FateKind.UNCHANGED:
            assert (now.number, found.since) == (number, None)
        else:
            assert found.since is not None


def test_every_municipality_since_1972_has_a_fate_the_change_table_bears_out() -> None:
    checked = 0
    for record in table().records:
        _check(record.number, record.first_year)
        if record.last_year < LAST_YEAR:
            _check(record.number, record.last_year)
        checked += 1
    assert checked == len(table().records) > 900
    assert FIRST_YEAR == 1972


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Bø", [("0821", 2019), ("1867", 2026)]),
        ("karasjok", [("5610", 2026)]),
        ("Asker", [("0220", 2019), ("3203", 2026)]),
        ("Sarpsborg", [("0102", 1991), ("3105", 2026)]),
        ("Våler", [("3114", 2026), ("3419", 2026)]),
        ("Atlantis", []),
    ],
)
def test_namesakes_are_every_municipality_that_had_the_name(
    name: str, found: list[tuple[str, int]]
) -> None:
    assert [(m.number, m.last_year) for m in namesakes(name)] == found


def test_namesakes_of_something_else_than_text_is_refused() -> None:
    with pytest.raises(TypeError, match=r"^name must be text, not int$"):
        namesakes(1246)  # type: ignore[arg-type]


def test_a_municipality_gives_its_county_for_a_year() -> None:
    sarpsborg = Municipality(number="0105", name="Sarpsborg")
    assert sarpsborg.county(year=2019).name == "Østfold"
    assert sarpsborg.county(year=2019).number == "01"
    with pytest.raises(ValidationError, match="0105 was no municipality's number in 2020"):
        sarpsborg.county(year=2020)
