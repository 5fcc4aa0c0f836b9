"""The tables: codes by default, typed records, lossless projects, text forms that read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings

from factories import award_round, citation, project
from innovasjonspris import AwardRound, InvalidDataError, Standing, ValidationError, rounds
from innovasjonspris.history import (
    COLUMNS,
    citation_rows,
    from_csv,
    from_json_lines,
    to_csv,
    to_json_lines,
    to_records,
)
from innovasjonspris.registry import FateKind
from innovasjonspris.strategies import award_rounds

EXPECTED_COLUMNS = (
    "year",
    "standing",
    "kommunenummer",
    "municipality",
    "county_number",
    "county",
    "kommunenummer_now",
    "municipality_now",
    "county_now",
    "fate",
    "projects",
    "amount",
    "awarded_on",
)
TEXT_COLUMNS = EXPECTED_COLUMNS[1:10]

# Project names that a separator or a quote would tear apart if joined, and one like JSON.
AWKWARD = ("Mat; helse", 'Skole, "barnehage" og SFO', "[1]")


def _awkward_round() -> AwardRound:
    projects = tuple(project(name=name) for name in AWKWARD)
    return award_round(citations=(citation(projects=projects),))


def test_the_columns_in_order() -> None:
    assert COLUMNS == EXPECTED_COLUMNS
    assert all(tuple(record) == COLUMNS for record in to_records())


def test_records_hold_codes_and_python_values() -> None:
    found = to_records()
    assert len(found) == len(citation_rows())
    for record in found:
        assert type(record["year"]) is int
        assert all(type(record[column]) is str for column in TEXT_COLUMNS)  # type: ignore[literal-required]
        assert isinstance(record["projects"], list)
        assert record["amount"] is None or type(record["amount"]) is Decimal
        assert record["awarded_on"] is None or type(record["awarded_on"]) is date
    assert {r["standing"] for r in found} <= {str(s) for s in Standing}
    assert {r["fate"] for r in found} <= {kind.value for kind in FateKind}
    winners = [r for r in found if r["standing"] == "winner"]
    assert len(winners) == len(rounds())
    trondheim = next(r for r in found if r["municipality"] == "Trondheim")
    assert (trondheim["amount"], trondheim["awarded_on"]) == (Decimal(500000), date(2019, 6, 7))
    assert trondheim["projects"] == ["Ledelsesskolen", "Universitetskommunen"]
    fjell = next(r for r in found if r["municipality"] == "Fjell")
    assert (fjell["kommunenummer_now"], fjell["fate"], fjell["amount"]) == ("4626", "merged", None)


def test_which_honoured_municipalities_no_longer_exist_is_one_filter() -> None:
    gone = {r["municipality"] for r in to_records() if r["fate"] in {"merged", "split"}}
    assert {"Fjell", "Asker", "Sandnes"} <= gone
    assert "Trondheim" not in gone
    assert all(not row.fate.exists for row in citation_rows() if row.municipality in gone)


@pytest.mark.parametrize(
    ("locale", "winner", "merged"),
    [("nb", "vinner", "slått sammen"), ("nn", "vinnar", "slått saman"), ("en", "winner", "merged")],
)
def test_words_only_when_a_locale_is_asked_for(locale: str, winner: str, merged: str) -> None:
    found = to_records(locale=locale)
    assert found[0]["standing"] == winner
    assert next(r for r in found if r["municipality"] == "Fjell")["fate"] == merged
    assert found[0]["year"] == to_records()[0]["year"]


def test_csv_writes_the_documented_text_forms() -> None:
    text = to_csv()
    assert text.endswith("\r\n")
    read = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(read[0]) == COLUMNS
    trondheim = next(r for r in read if r["municipality"] == "Trondheim")
    assert (trondheim["standing"], trondheim["amount"], trondheim["awarded_on"]) == (
        "winner",
        "500000",
        "2019-06-07",
    )
    assert json.loads(trondheim["projects"]) == ["Ledelsesskolen", "Universitetskommunen"]
    fjell = next(r for r in read if r["municipality"] == "Fjell")
    assert fjell["amount"] == ""


def test_json_lines_write_the_documented_text_forms() -> None:
    lines = [json.loads(line) for line in to_json_lines().splitlines()]
    assert [list(line) for line in lines] == [list(COLUMNS)] * len(lines)
    trondheim = next(line for line in lines if line["municipality"] == "Trondheim")
    assert (trondheim["year"], trondheim["amount"], trondheim["awarded_on"]) == (
        2019,
        "500000",
        "2019-06-07",
    )
    fjell = next(line for line in lines if line["municipality"] == "Fjell")
    assert fjell["amount"] is None


@pytest.mark.parametrize("locale", [None, "nn"])
def test_both_text_forms_read_back_as_the_records(locale: str | None) -> None:
    assert from_csv(to_csv(locale=locale)) == to_records(locale=locale)
    assert from_json_lines(to_json_lines(locale=locale)) == to_records(locale=locale)


def test_a_project_with_a_separator_in_its_name_stays_whole() -> None:
    award = _awkward_round()
    (record,) = to_records([award])
    assert record["projects"] == list(AWKWARD)
    assert from_csv(to_csv([award])) == [record]
    assert from_json_lines(to_json_lines([award])) == [record]


def test_columns_choose_and_order_the_text_forms() -> None:
    text = to_csv(columns=["kommunenummer", "year"])
    assert text.splitlines()[:2] == ["kommunenummer,year", "0906,2014"]
    first = json.loads(to_json_lines(columns=("fate",)).splitlines()[0])
    assert first == {"fate": "renumbered"}
    assert from_csv(text)[0] == {"kommunenummer": "0906", "year": 2014}


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        (["year", "winner"], "no column is named 'winner'; the columns are year, standing"),
        (["year", "year"], "each column once"),
        ([], "at least one column"),
    ],
)
def test_an_unknown_column_is_refused(columns: list[str], message: str) -> None:
    for write in (to_csv, to_json_lines):
        with pytest.raises(ValidationError, match=message) as caught:
            write(columns=columns)
        assert caught.value.field == "columns"


@pytest.mark.parametrize("columns", ["year", b"year", 3])
def test_columns_that_are_not_a_sequence_of_names_are_a_type_error(columns: object) -> None:
    with pytest.raises(TypeError, match="columns must be a sequence of column names"):
        to_csv(columns=columns)  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", ["de", "xx"])
def test_an_unknown_locale_is_refused_before_any_work(locale: object) -> None:
    for write in (to_records, to_csv, to_json_lines):
        with pytest.raises(ValidationError) as caught:
            write(locale=locale)  # type: ignore[arg-type]
        assert caught.value.field == "locale"


def test_a_locale_that_is_not_text_is_a_type_error() -> None:
    for write in (to_records, to_csv, to_json_lines):
        with pytest.raises(TypeError, match=r"^locale must be"):
            write(locale=7)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        ("year,colour\r\n2019,red\r\n", ["$[0].colour: is no column of the table"]),
        ("year\r\nMMXIX\r\n", ["$[0].year: must be a year ('MMXIX')"]),
        ("amount\r\nmye\r\n", ["$[0].amount: must be a decimal number ('mye')"]),
        ("amount\r\nNaN\r\n", ["$[0].amount: must be a decimal number ('NaN')"]),
        (
            "awarded_on\r\n7.6.2019\r\n",
            ["$[0].awarded_on: Invalid isoformat string: '7.6.2019' ('7.6.2019')"],
        ),
        (
            "projects\r\nMat; helse\r\n",
            ["$[0].projects: Expecting value: line 1 column 1 (char 0) ('Mat; helse')"],
        ),
        ('projects\r\n"[1]"\r\n', ["$[0].projects: must be a list of project names ('[1]')"]),
        ("year,standing\r\n2019\r\n", ["$[0].standing: must be text, not NoneType (None)"]),
    ],
)
def test_csv_that_is_not_a_table_is_refused_with_paths(text: str, errors: list[str]) -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_csv(text)
    assert caught.value.errors == errors


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{\n", "$[0]: is not JSON: Expecting property name enclosed in double quotes"),
        ("[]\n", "$[0]: must be a JSON object"),
        ('{"amount": 500000}\n', "$[0].amount: must be a decimal number as text (500000)"),
        ('{"awarded_on": 20190607}\n', "$[0].awarded_on: must be an ISO date as text (20190607)"),
        ('{"year": true}\n', "$[0].year: must be a year (True)"),
    ],
)
def test_json_lines_that_are_not_a_table_are_refused_with_paths(text: str, error: str) -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json_lines(text)
    assert caught.value.errors == [error]


@pytest.mark.property
@settings(max_examples=40, deadline=None)
@given(award_rounds())
def test_what_is_exported_reads_back_to_the_same_projects(award: AwardRound) -> None:
    records = to_records([award])
    projects = {c.municipality.number: [p.name for p in c.projects] for c in award.citations}
    assert [r["projects"] for r in records] == [projects[r["kommunenummer"]] for r in records]
    assert from_csv(to_csv([award])) == records
    assert from_json_lines(to_json_lines([award])) == records


def test_the_tables_load_into_pandas_with_the_types_kept() -> None:
    pandas = pytest.importorskip("pandas")
    api = pandas.api.types
    frame = pandas.DataFrame(to_records())
    assert api.is_integer_dtype(frame["year"])
    assert all(isinstance(v, Decimal) for v in frame["amount"].dropna())
    assert all(isinstance(v, date) for v in frame["awarded_on"])
    assert len(frame[frame.standing == "winner"]) == len(rounds())
    from_text = pandas.read_csv(
        io.StringIO(to_csv()),
        dtype={"kommunenummer": str, "county_number": str, "kommunenummer_now": str},
        converters={"projects": json.loads},
        parse_dates=["awarded_on"],
    )
    assert api.is_integer_dtype(from_text["year"])
    assert api.is_float_dtype(from_text["amount"])
    assert api.is_datetime64_any_dtype(from_text["awarded_on"])
    assert api.is_string_dtype(from_text["kommunenummer"])
    assert list(from_text["kommunenummer"][:2]) == ["0906", "0806"]
    assert list(from_text["projects"]) == list(frame["projects"])
    lines = pandas.read_json(
        io.StringIO(to_json_lines()),
        lines=True,
        dtype={"kommunenummer": str, "county_number": str, "kommunenummer_now": str},
    )
    assert api.is_integer_dtype(lines["year"])
    assert list(lines["kommunenummer"][:2]) == ["0906", "0806"]
    assert list(lines["projects"]) == list(frame["projects"])
