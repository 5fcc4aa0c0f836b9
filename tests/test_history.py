"""Questions across rounds and the tables: rows, appearances, counts, records, CSV, JSONL."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import award_round, citation
from innovasjonspris import Standing, ValidationError, load_round, rounds
from innovasjonspris.history import (
    SEPARATOR,
    CitationRow,
    appearances,
    citation_rows,
    count_by_county,
    count_by_standing,
    to_csv,
    to_records,
)
from innovasjonspris.registry import LAST_YEAR
from innovasjonspris.strategies import award_rounds


def _row(year: int, name: str) -> CitationRow:
    return next(r for r in citation_rows() if r.year == year and r.municipality == name)


def test_every_citation_of_every_bundled_round_is_a_row() -> None:
    rows = citation_rows()
    assert len(rows) == sum(len(award.citations) for award in rounds())
    assert [row.year for row in rows] == sorted(row.year for row in rows)
    for award in rounds():
        of_year = [row for row in rows if row.year == award.year]
        assert of_year[0].standing is Standing.WINNER
        assert [row.standing for row in of_year] == sorted(
            (row.standing for row in of_year), key=lambda s: s.rank
        )


def test_a_row_holds_the_municipality_then_and_now() -> None:
    fjell = _row(2019, "Fjell")
    assert (fjell.kommunenummer, fjell.county_number, fjell.county) == ("1246", "12", "Hordaland")
    assert fjell.kommunenummer_now == ("4626",)
    assert fjell.municipality_now == ("Øygarden",)
    assert fjell.county_now == ("Vestland",)
    assert fjell.numbers == {"1246", "4626"}
    assert fjell.amount is None
    assert fjell.awarded_on == date(2019, 6, 7)
    trondheim = _row(2019, "Trondheim")
    assert trondheim.amount is not None
    assert trondheim.amount.amount == Decimal(500000)
    assert trondheim.projects == ("Ledelsesskolen", "Universitetskommunen")


@pytest.mark.parametrize("number", ["0105", "3003", "3105"])
def test_sarpsborg_is_found_by_every_number_it_has_had(number: str) -> None:
    found = appearances(number)
    assert [(row.year, row.standing) for row in found] == [
        (2016, Standing.FINALIST),
        (2018, Standing.FINALIST),
    ]
    assert {row.kommunenummer for row in found} == {"0105"}
    assert {row.kommunenummer_now for row in found} == {("3105",)}


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Sarpsborg", [(2016, "0105"), (2018, "0105")]),
        ("sarpsborg", [(2016, "0105"), (2018, "0105")]),
        ("Fjell", [(2019, "1246")]),
        ("Øygarden", [(2019, "1246")]),
        ("Nordre Follo", [(2017, "0217")]),
        ("Tråante", [(2019, "5001")]),
        ("Asker", [(2015, "0220"), (2017, "0220")]),
        ("Oslo", []),
    ],
)
def test_a_municipality_is_found_by_its_name_then_or_now(
    name: str, found: list[tuple[int, str]]
) -> None:
    assert [(row.year, row.kommunenummer) for row in appearances(name)] == found


def test_a_number_it_never_had_finds_nothing() -> None:
    assert appearances("0301") == ()


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("0999", "0999 was no municipality's number in any year"),
        ("12", "must be four digits"),
        ("Atlantis", "no municipality was named 'Atlantis'"),
        ("", "no municipality was named ''"),
    ],
)
def test_an_unknown_municipality_is_a_validation_error(asked: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        appearances(asked)
    assert caught.value.field == "municipality"


@pytest.mark.parametrize("asked", [105, None, b"0105", ["0105"]])
def test_a_municipality_that_is_not_text_is_a_type_error(asked: object) -> None:
    with pytest.raises(TypeError, match="municipality must be text"):
        appearances(asked)  # type: ignore[arg-type]


def test_counts_by_standing_follow_the_rank() -> None:
    counts = count_by_standing()
    assert list(counts) == list(Standing)
    assert counts[Standing.WINNER] == len(rounds())
    assert sum(counts.values()) == len(citation_rows())
    assert count_by_standing(appearances("3105")) == {
        Standing.WINNER: 0,
        Standing.FINALIST: 2,
        Standing.HONOURABLE_MENTION: 0,
    }


def test_wins_per_county_then_and_now() -> None:
    assert count_by_county(standing=Standing.WINNER) == {
        "Akershus": 2,
        "Aust-Agder": 1,
        "Rogaland": 1,
        "Nordland": 1,
        "Trøndelag": 1,
    }
    assert count_by_county(standing="winner", now=True) == {
        "Rogaland": 1,
        "Nordland": 1,
        "Akershus": 2,
        "Agder": 1,
        "Trøndelag": 1,
    }


def test_citations_per_county_then_and_now() -> None:
    then = count_by_county()
    now = count_by_county(now=True)
    assert then["Hordaland"] == 2
    assert "Hordaland" not in now
    assert now["Vestland"] == 2
    assert sum(then.values()) == sum(now.values()) == len(citation_rows())


def test_a_county_name_under_two_numbers_counts_as_one() -> None:
    # Østfold was county 01 until 2019 and is 31 again from 2024.
    halden_2025 = award_round(
        id="innovasjonsprisen-2025",
        year=2025,
        awarded_on=None,
        announced_on=None,
        event=None,
        citations=(citation("3101", "Halden", Standing.WINNER, ()),),
    )
    counts = count_by_county([*rounds(), halden_2025], standing=Standing.WINNER)
    assert counts["Østfold"] == 1
    counts = count_by_county([load_round(2016), halden_2025])
    assert counts == {"Østfold": 2, "Akershus": 1, "Hordaland": 1}


@pytest.mark.parametrize("standing", [1, b"winner"])
def test_counting_by_something_else_is_a_type_error(standing: object) -> None:
    with pytest.raises(TypeError, match="standing must be a Standing"):
        count_by_county(standing=standing)  # type: ignore[arg-type]


def test_counting_by_an_unknown_standing_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        count_by_county(standing="second")
    assert caught.value.field == "standing"


def test_a_split_municipality_has_its_successors_joined() -> None:
    snillfjord = award_round(
        citations=(
            citation(),
            citation("5012", "Snillfjord", Standing.FINALIST, ()),
        ),
    )
    (row,) = [r for r in citation_rows([snillfjord]) if r.kommunenummer == "5012"]
    assert row.kommunenummer_now == ("5055", "5056", "5059")
    assert row.county_now == ("Trøndelag",)
    (record,) = to_records([row])
    assert record["kommunenummer_now"] == "5055;5056;5059"
    assert record["municipality_now"] == SEPARATOR.join(row.municipality_now)
    assert str(record["municipality_now"]).count(SEPARATOR) == 2
    assert count_by_county([row], now=True) == {"Trøndelag": 1}


@pytest.mark.parametrize("source", ["2019", b"x", 2019, [load_round(2019), "2020"]])
def test_a_source_of_something_else_is_a_type_error(source: object) -> None:
    with pytest.raises(TypeError, match=r"rounds or rows|AwardRound or a CitationRow"):
        to_records(source)  # type: ignore[arg-type]


def test_a_round_of_today_is_its_own_now() -> None:
    today = award_round(
        id="innovasjonsprisen-2026",
        year=LAST_YEAR,
        awarded_on=None,
        announced_on=None,
        event=None,
        citations=(citation("5001", "Trondheim", Standing.WINNER, ()),),
    )
    (row,) = citation_rows([today])
    assert row.numbers == {"5001"}
    assert row.kommunenummer_now == ("5001",)


@pytest.mark.property
@settings(max_examples=50, deadline=None)
@given(award_rounds(hostile=True))
def test_any_valid_round_flattens_to_one_row_per_citation(award: object) -> None:
    rows = citation_rows([award])  # type: ignore[list-item]
    assert len(rows) == len(award.citations)  # type: ignore[attr-defined]
    for row in rows:
        assert row.now
        assert row.kommunenummer in row.numbers
        assert set(row.kommunenummer_now) <= row.numbers
        assert row.municipality in row.then.accepted_names
    read = list(csv.DictReader(io.StringIO(to_csv(rows), newline="")))
    assert [r["kommunenummer"] for r in read] == [row.kommunenummer for row in rows]
    assert all(row.fate.successors == row.now for row in rows)


RANK_ORDER = (Standing.WINNER, Standing.FINALIST, Standing.HONOURABLE_MENTION)


def test_the_rows_of_a_round_follow_the_rank_not_the_order_of_the_citations() -> None:
    mentioned = citation("1516", "Ulstein", Standing.HONOURABLE_MENTION, ())
    finalist = citation("1246", "Fjell", Standing.FINALIST, ())
    award = award_round(citations=(mentioned, finalist, citation()))
    rows = citation_rows([award])
    assert [row.municipality for row in rows] == ["Trondheim", "Fjell", "Ulstein"]


@pytest.mark.property
@settings(max_examples=50, deadline=None)
@given(award_rounds())
def test_any_round_flattens_winner_first_then_finalists_then_mentions(award: object) -> None:
    standings = [row.standing for row in citation_rows([award])]  # type: ignore[list-item]
    assert standings == [s for s in RANK_ORDER for _ in range(standings.count(s))]


@pytest.mark.property
@given(st.text(max_size=12) | st.from_regex(r"[0-9]{1,5}", fullmatch=True))
def test_any_text_asked_for_is_found_or_refused_by_our_error(asked: str) -> None:
    field = None
    try:
        found = appearances(asked)
    except ValidationError as error:
        field, found = error.field, ()
    assert field in {None, "municipality"}
    assert all(isinstance(row, CitationRow) for row in found)
