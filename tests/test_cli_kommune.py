"""``innovasjonspris kommune``: the registry on the command line."""

from __future__ import annotations

import pytest

from test_cli import run


def test_a_number_in_a_year_shows_its_county_and_what_it_became(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "kommune", "1246", "--year", "2019")
    assert (status, err) == (0, "")
    assert out.replace("\xa0", " ") == (
        "1246 Fjell (2019)\n"
        "Fylke: Hordaland (12)\n"
        "Nummer og navn gjaldt: 1972–2019\n"
        "Ble til: 4626 Øygarden (sammenslåing 1. januar 2020)\n"
        "I dag (2026): 4626 Øygarden\n"
    )


@pytest.mark.parametrize(
    ("locale", "lines"),
    [
        ("nn", ["Fylke: Trøndelag (50)", "Tok opp i seg: 5030 Klæbu (samanslåing 1. januar 2020)"]),
        (
            "en",
            [
                "Came from: 1601 Trondheim (new number on 1 January 2018)",
                "Became: 5001 Trondheim - Tråante (new name on 1 January 2023)",
                "Today (2026): 5001 Trondheim - Tråante",
            ],
        ),
    ],
)
def test_what_it_came_from_took_in_and_became_in_each_language(
    capsys: pytest.CaptureFixture[str], locale: str, lines: list[str]
) -> None:
    status, out, _ = run(capsys, "kommune", "5001", "--year", "2019", "--locale", locale)
    assert status == 0
    assert set(lines) <= set(out.replace("\xa0", " ").splitlines())


def test_a_name_finds_every_namesake_and_the_parallel_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "kommune", "Herøy", "--year", "2019")
    assert status == 0
    assert [line for line in out.splitlines() if line[:1].isdigit()] == [
        "1515 Herøy (Møre og Romsdal) (2019)",
        "1818 Herøy (Nordland) (2019)",
    ]
    status, out, _ = run(capsys, "kommune", "karasjok", "--locale", "nn")
    assert status == 0
    assert out.splitlines()[:2] == [
        "5610 Kárášjohka - Karasjok (2026)",
        "Namn: Kárášjohka og Karasjok",
    ]


def test_without_a_year_a_number_is_shown_in_its_last_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "kommune", "1601")
    assert status == 0
    assert out.startswith("1601 Trondheim (2017)\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["0999", "--year", "2014"], "0999 was no municipality's number in 2014"),
        (["1246", "--year", "2020"], "1246 was no municipality's number in 2020"),
        (["0999"], "0999 was no municipality's number in any year from 1972 to 2026"),
        (["12x6"], "no municipality named '12x6' in any year from 1972 to 2026"),
        (["Atlantis"], "no municipality named 'Atlantis' in any year"),
        (
            ["Fjell", "--year", "2021"],
            (
                "no municipality named 'Fjell' in 2021; 1246 Fjell had the name in 1972–2019, "
                "was merged in 2020 and is now 4626 Øygarden\n"
            ),
        ),
        (
            ["Hammerfest", "--year", "1985"],
            "2004 Hammerfest - Hámmerfeasta had the name in 1992–2019, was merged in 2020",
        ),
        (["Atlantis", "--year", "2019"], "no municipality named 'Atlantis' in 2019\n"),
    ],
)
def test_nothing_found_is_exit_1_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, "kommune", *argv)
    assert (status, out) == (1, "")
    assert err.startswith("innovasjonspris: ")
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("year", ["1971", "10000", "x", "２０１９"])
def test_a_year_outside_the_registry_is_bad_usage(
    capsys: pytest.CaptureFixture[str], year: str
) -> None:
    status, _, err = run(capsys, "kommune", "1246", "--year", year)
    assert status == 2
    assert "expected a year from 1972 to 9999" in err


def test_a_name_spelt_anew_without_a_recorded_change_shows_no_step(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # SSB's 2002 version alone writes Flå without its county; no change is recorded.
    status, out, _ = run(capsys, "kommune", "0615", "--year", "2002")
    assert status == 0
    assert out.splitlines()[1:] == [
        "Fylke: Buskerud (06)",
        "Nummer og navn gjaldt: 2002–2002",
        "I dag (2026): 3320 Flå",
    ]


def test_a_name_without_a_year_finds_every_municipality_that_had_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "kommune", "Bø")
    assert status == 0
    assert [line for line in out.splitlines() if line[:1].isdigit()] == [
        "0821 Bø (Telemark) (2019)",
        "1867 Bø (2026)",
    ]
    assert "I dag (2026): 4020 Midt-Telemark" in out
    # The Asker of 2020 is a new municipality, not the old one renumbered.
    status, out, _ = run(capsys, "kommune", "Asker", "--locale", "en")
    assert [line for line in out.splitlines() if line[:1].isdigit()] == [
        "0220 Asker (2019)",
        "3203 Asker (2026)",
    ]
