"""A round of the user's own prize, of a year after the registry, in every output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

from factories import award_round
from innovasjonspris import (
    AwardRound,
    InvalidDataError,
    LocalizedText,
    Organisation,
    Prize,
    ValidationError,
    load_round,
    registry,
)
from innovasjonspris import prize as bundled_prize
from innovasjonspris.cli import main
from innovasjonspris.jsonld import to_jsonld
from innovasjonspris.render import render_round
from innovasjonspris.serialization import from_json, from_toml, to_json, to_toml

TUTORIAL = Path(__file__).parent.parent / "docs" / "tutorial" / "vestfold-2025.toml"
HOW_TO = Path(__file__).parent.parent / "docs" / "how-to"

# What would present a round as KMD's prize: its names, short name and orgnr.
KMD_MARKS = ("Kommunal- og moderniseringsdepartementet", "KMD", "972417858", "Ministry of Local")


def vestfold() -> AwardRound:
    return from_toml(TUTORIAL.read_bytes())


def without_prize() -> AwardRound:
    return attrs.evolve(vestfold(), prize=None)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- the round's own prize, everywhere --------------------------------------------------


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_the_tutorials_prize_is_shown_as_its_own(locale: str, format_: str) -> None:
    shown = render_round(vestfold(), locale=locale, format=format_)  # type: ignore[arg-type]
    name = "The Vestfold Innovation Prize" if locale == "en" else "Vestfolds innovasjonspris"
    giver = "Vestfold County Municipality" if locale == "en" else "Vestfold fylkeskommune"
    assert f"{name} 2025" in shown
    assert giver in shown
    assert "100" in shown
    for mark in KMD_MARKS:
        assert mark not in shown


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_the_tutorials_prize_is_its_own_in_json_ld(locale: str) -> None:
    document = to_jsonld(vestfold(), locale=locale)
    giver: object = {
        "nb": "Vestfold fylkeskommune",
        # The data has no Nynorsk name; the Bokmål one says which language it is in.
        "nn": {"@value": "Vestfold fylkeskommune", "@language": "nb"},
        "en": "Vestfold County Municipality",
    }[locale]
    assert document["organizer"]["@type"] == "Organization"
    assert document["organizer"]["name"] == giver
    funding = document["about"][0]["funding"]
    assert funding["amount"]["value"] == 100_000
    assert funding["funder"] == {"@id": document["organizer"]["@id"]}
    for mark in KMD_MARKS:
        assert mark not in json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_a_round_of_no_known_prize_is_never_presented_as_kmds(format_: str) -> None:
    for locale, title in (
        ("nb", "Prisutdeling 2025"),
        ("nn", "Prisutdeling 2025"),
        ("en", "Prize award 2025"),
    ):
        shown = render_round(without_prize(), locale=locale, format=format_)  # type: ignore[arg-type]
        assert title in shown
        assert "Innovasjonsprisen" not in shown
        assert "Innovation Prize" not in shown
        for mark in KMD_MARKS:
            assert mark not in shown


def test_a_round_of_no_known_prize_has_no_organiser_in_json_ld() -> None:
    document = to_jsonld(without_prize())
    assert document["name"] == "Prisutdeling 2025"
    assert "organizer" not in document
    assert "funder" not in document["about"][0]["funding"]
    assert "Innovasjonsprisen" not in json.dumps(document, ensure_ascii=False)


def test_a_prize_given_to_the_renderers_takes_the_place_of_the_rounds_own() -> None:
    assert render_round(vestfold(), prize=bundled_prize()).startswith("Innovasjonsprisen 2025")
    assert to_jsonld(vestfold(), prize=bundled_prize())["name"] == "Innovasjonsprisen 2025"


def test_who_confers_the_prize_is_said_unless_a_presenter_speaks_for_them() -> None:
    bundled = render_round(load_round(2019), locale="en")
    assert "Conferred by" not in bundled
    giver = Organisation(name=LocalizedText(nb="Vestfold fylkeskommune"))
    presenter = attrs.evolve(award_round().presented_by[0], organisation=giver)
    own = Prize(
        id="vestfold-innovasjonspris",
        name=LocalizedText(nb="Vestfolds innovasjonspris"),
        conferred_by=giver,
        amount=bundled_prize().amount,
    )
    assert "Prisgiver: Vestfold fylkeskommune" in render_round(award_round(prize=own))
    spoken_for = award_round(prize=own, presented_by=(presenter,))
    assert "Prisgiver" not in render_round(spoken_for)


def test_the_bundled_rounds_are_of_the_bundled_prize() -> None:
    assert load_round(2019).prize == bundled_prize()
    assert to_jsonld(load_round(2019))["organizer"]["@type"] == "GovernmentOrganization"


# --- years after the registry -----------------------------------------------------------


def test_a_round_of_a_year_after_the_registry_is_checked_by_its_last_division() -> None:
    later = registry.LAST_YEAR + 1
    award = from_toml((HOW_TO / "vestfold-2027.toml").read_bytes())
    assert award.year == later
    assert registry.division_year(later) == registry.LAST_YEAR
    assert registry.division_year(2019) == 2019
    text = (HOW_TO / "vestfold-2027.toml").read_text(encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        from_toml(text.replace('name = "Larvik"', 'name = "Larvik by"'))
    assert caught.value.errors == [
        (
            f"$.citations[0].municipality.name: 3909 was Larvik in {later} (by the division of "
            f"{registry.LAST_YEAR}, the last the registry knows), not 'Larvik by' "
            "(the names accepted: 'Larvik')"
        )
    ]


def test_the_registry_answers_a_later_year_with_its_last_division() -> None:
    later = registry.LAST_YEAR + 4
    assert registry.municipalities(year=later) == registry.municipalities(year=registry.LAST_YEAR)
    assert registry.municipality("3905", year=later).name == "Tønsberg"
    assert registry.changes(year=later) == ()
    assert [m.number for m in registry.successors("1246", year=2019, to_year=later)] == ["4626"]
    assert registry.predecessors("4626", year=later, from_year=2019) == registry.predecessors(
        "4626", year=registry.LAST_YEAR, from_year=2019
    )
    assert registry.fate("3905", year=later).kind is registry.FateKind.UNCHANGED
    assert registry.county("39", year=later).name == "Vestfold"
    with pytest.raises(ValidationError) as caught:
        registry.county("07", year=later)
    assert caught.value.message == (
        f"'07' was not a county number in {later} (by the division of {registry.LAST_YEAR}, "
        "the last the registry knows)"
    )
    with pytest.raises(ValidationError) as caught:
        registry.municipality("3905", year=registry.MAX_YEAR + 1)
    assert caught.value.field == "year"


def test_kommune_takes_a_year_after_the_registry_and_says_which_division_it_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    later = registry.LAST_YEAR + 1
    status, out, err = run(capsys, "kommune", "3905", "--year", str(later), "--locale", "en")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        f"3905 Tønsberg ({later}, by the division of {registry.LAST_YEAR})"
    )
    status, out, _ = run(capsys, "kommune", "Tønsberg", "--year", str(later))
    assert status == 0
    assert out.splitlines()[0] == (
        f"3905 Tønsberg ({later}, etter inndelingen for {registry.LAST_YEAR})"
    )


# --- the command line reads back whatever it writes --------------------------------------


def test_show_reads_back_a_year_not_awarded_it_wrote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "show", "2020", "--format", "toml")
    assert status == 0
    written = tmp_path / "na.toml"
    written.write_text(out, encoding="utf-8")
    status, shown, err = run(capsys, "show", str(written))
    assert (status, err) == (0, "")
    assert shown.startswith("Innovasjonsprisen 2020")
    assert run(capsys, "show", str(written), "--format", "json")[0] == 0


@pytest.mark.parametrize("to", ["json", "toml"])
def test_validate_and_convert_take_the_bundled_prize(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, to: str
) -> None:
    source = tmp_path / "prize.toml"
    source.write_text(to_toml(bundled_prize()), encoding="utf-8")
    assert run(capsys, "validate", str(source))[0] == 0
    status, out, err = run(capsys, "convert", str(source), "--to", to)
    assert (status, err) == (0, "")
    loaded = from_json(out, Prize) if to == "json" else from_toml(out, Prize)
    assert loaded == bundled_prize()
    status, out, _ = run(capsys, "show", str(source), "--format", to)
    assert status == 0


def test_a_prize_is_shown_as_data_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "prize.json"
    source.write_text(to_json(bundled_prize()), encoding="utf-8")
    status, out, err = run(capsys, "show", str(source))
    assert (status, out) == (2, "")
    assert "a prize is shown as data only" in err


@pytest.mark.parametrize("command", ["show", "convert"])
def test_show_and_convert_read_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(to_json(load_round(2019))))
    status, out, err = run(
        capsys, command, "-", *(["--to"] if command == "convert" else ["--format"]), "toml"
    )
    assert (status, err) == (0, "")
    assert from_toml(out) == load_round(2019)


def test_invalid_standard_input_is_named_as_such(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"schema_version": 1, "kind": "poem"}'))
    status, out, err = run(capsys, "show", "-")
    assert (status, out) == (1, "")
    assert err == (
        "<stdin>: $.kind: expected one of 'round', 'prize', 'year-not-awarded', got 'poem'\n"
    )


def test_unreadable_standard_input_is_bad_usage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(io.StringIO):
        def read(self, _size: int | None = -1) -> str:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr("sys.stdin", Broken())
    status, _, err = run(capsys, "show", "-")
    assert status == 2
    assert "cannot read standard input (Input/output error)" in err


def test_show_takes_a_prize_file_for_the_round(capsys: pytest.CaptureFixture[str]) -> None:
    round_file = str(HOW_TO / "vestfold-2027.toml")
    prize_file = str(HOW_TO / "vestfold-prize.toml")
    status, out, err = run(capsys, "show", round_file, "--prize", prize_file, "--locale", "en")
    assert (status, err) == (0, "")
    assert out.startswith("The Vestfold Innovation Prize 2027\n")
    assert "Conferred by: Vestfold County Municipality" in out
    status, out, _ = run(capsys, "show", round_file, "--prize", prize_file, "--format", "jsonld")
    assert status == 0
    document = json.loads(out)
    assert document["organizer"]["name"] == "Vestfold fylkeskommune"
    for mark in KMD_MARKS:
        assert mark not in out


def test_convert_writes_the_prize_into_the_round(capsys: pytest.CaptureFixture[str]) -> None:
    round_file = str(HOW_TO / "vestfold-2027.toml")
    prize_file = str(HOW_TO / "vestfold-prize.toml")
    status, out, _ = run(capsys, "convert", round_file, "--prize", prize_file, "--to", "json")
    assert status == 0
    assert from_json(out).prize == from_toml((HOW_TO / "vestfold-prize.toml").read_bytes(), Prize)


def test_a_round_given_as_the_prize_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.toml"
    round_file = str(HOW_TO / "vestfold-2027.toml")
    status, out, err = run(
        capsys, "convert", round_file, "--prize", round_file, "--to", "toml", "-o", str(target)
    )
    assert (status, out) == (1, "")
    assert err == f"{round_file}: $.kind: this is a round document, where a prize is expected\n"
    assert not target.exists()


def test_a_prize_for_what_is_no_round_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    prize_file = str(HOW_TO / "vestfold-prize.toml")
    status, _, err = run(capsys, "show", "2020", "--prize", prize_file)
    assert status == 2
    assert "--prize goes with a round" in err


def test_a_file_of_an_unknown_suffix_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "round.yaml")
    assert status == 2
    assert "expected a year or a .json or .toml file, or - for standard input" in err


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("round", "AwardRound"),
        ("prize", "Prize"),
        ("year-not-awarded", "YearNotAwarded"),
        ("any", "Document"),
    ],
)
def test_schema_prints_the_schema_of_each_kind(
    capsys: pytest.CaptureFixture[str], kind: str, title: str
) -> None:
    status, out, _ = run(capsys, "schema", "--kind", kind)
    assert status == 0
    assert json.loads(out)["title"] == title


def test_export_refuses_a_prize_where_a_round_is_expected(
    capsys: pytest.CaptureFixture[str],
) -> None:
    prize_file = str(HOW_TO / "vestfold-prize.toml")
    status, out, err = run(capsys, "export", prize_file)
    assert (status, out) == (1, "")
    assert err == f"{prize_file}: $.kind: this is a prize document, where a round is expected\n"


def test_a_kind_of_null_is_refused() -> None:
    with pytest.raises(InvalidDataError) as caught:
        from_json('{"schema_version": 1, "kind": null}')
    assert caught.value.errors == [
        "$.kind: expected one of 'round', 'prize', 'year-not-awarded', got null"
    ]
