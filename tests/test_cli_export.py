"""``export`` and ``history MUNICIPALITY``: the tables and one municipality's record."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from innovasjonspris import load_round, rounds
from innovasjonspris.cli import main
from innovasjonspris.history import COLUMNS, from_csv, from_json_lines, to_records
from innovasjonspris.serialization import to_toml


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_export_csv_reads_back_one_row_per_citation(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "export", "--format", "csv")
    assert (status, err) == (0, "")
    reader = csv.DictReader(io.StringIO(out, newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    read = list(reader)
    assert len(read) == sum(len(award.citations) for award in rounds())
    sarpsborg = [(r["year"], r["standing"]) for r in read if r["municipality"] == "Sarpsborg"]
    assert sarpsborg == [("2016", "finalist"), ("2018", "finalist")]
    (fjell,) = [r for r in read if r["municipality"] == "Fjell"]
    assert fjell["kommunenummer_now"] == "4626"
    assert fjell["municipality_now"] == "Øygarden"


def test_export_writes_codes_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "export")
    assert out.splitlines()[1].startswith("2014,winner,0906,Arendal,")
    assert from_csv(out) == to_records()


def test_export_json_lines_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--format", "jsonl", "--locale", "en")
    assert status == 0
    assert from_json_lines(out) == to_records(locale="en")
    assert json.loads(out.splitlines()[0])["amount"] == "500000"


def test_export_chosen_columns(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "2019", "--columns", "municipality, fate")
    assert status == 0
    assert out.splitlines() == [
        "municipality,fate",
        "Trondheim,unchanged",
        "Ulstein,unchanged",
        "Fjell,merged",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--columns", "year,colour"], "argument --columns: no column is named 'colour'"),
        (["--columns", "year,,fate"], "argument --columns: no column is named ''"),
        (["--locale", "xx"], "argument --locale: 'xx' is not a known locale"),
    ],
)
def test_export_with_an_unknown_column_or_locale_exits_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", *argv])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_export_given_rounds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # A round file of its own, so that the test runs against an installed wheel too.
    round_file = tmp_path / "round-2018.toml"
    round_file.write_text(to_toml(load_round(2018)), encoding="utf-8")
    status, out, _ = run(capsys, "export", "2019", str(round_file), "--locale", "nn")
    assert status == 0
    read = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["year"] for r in read] == ["2019", "2019", "2019", "2018", "2018", "2018"]
    assert read[0]["standing"] == "vinnar"
    target = tmp_path / "prisen.csv"
    status, out, _ = run(capsys, "export", "2019", "-o", str(target))
    assert (status, out) == (0, "")
    assert target.read_bytes().decode("utf-8").count("\r\n") == 4


def test_export_of_an_unknown_year_or_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "export", "2013")
    assert (status, out) == (1, "")
    assert "no round of 2013 is known" in err
    status, out, err = run(capsys, "export", "missing.toml")
    assert (status, out) == (2, "")
    assert "cannot read the file" in err


@pytest.mark.parametrize("number", ["3105", "0105", "3003", "Sarpsborg"])
def test_history_of_sarpsborg_by_any_of_its_numbers(
    capsys: pytest.CaptureFixture[str], number: str
) -> None:
    status, out, err = run(capsys, "history", number, "--locale", "en")
    assert (status, err) == (0, "")
    assert out == (
        "Sarpsborg Municipality\n"
        "======================\n\n"
        "- 2016: finalist, as 0105 Sarpsborg (Østfold)\n"
        "- 2018: finalist, as 0105 Sarpsborg (Østfold)\n"
    )


def test_history_of_a_municipality_merged_since(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "history", "1246", "--locale", "nn", "--format", "markdown")
    assert status == 0
    assert out == "# Øygarden kommune\n\n- 2019: finalist, som 1246 Fjell (Hordaland)\n"


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("0999", "0999: 0999 was no municipality's number in any year from 1972 to 2026"),
        ("Atlantis", "Atlantis: no municipality was named 'Atlantis'"),
        ("0301", "0301: no citation in the bundled rounds names this municipality"),
    ],
)
def test_history_of_an_unknown_municipality_exits_1(
    capsys: pytest.CaptureFixture[str], asked: str, message: str
) -> None:
    status, out, err = run(capsys, "history", asked)
    assert (status, out) == (1, "")
    assert err.startswith(f"innovasjonspris: {message}")
    assert err.count("\n") == 1
