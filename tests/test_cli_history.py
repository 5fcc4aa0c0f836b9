"""``show 2020`` and ``history``: the years not awarded and the timeline, on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from innovasjonspris import RoundNotFoundError, YearNotAwarded, load_round
from innovasjonspris.cli import main
from innovasjonspris.serialization import from_json, from_toml

REASONS = {
    "nb": ("Prisen ble ikke delt ut i 2020.", "utsatt på ubestemt tid"),
    "nn": ("Prisen vart ikkje delt ut i 2020.", "utsett på ubestemt tid"),
    "en": ("The prize was not awarded in 2020.", "postponed indefinitely"),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def record_2020() -> YearNotAwarded:
    with pytest.raises(RoundNotFoundError) as caught:
        load_round(2020)
    assert caught.value.not_awarded is not None
    return caught.value.not_awarded


@pytest.mark.parametrize("locale", list(REASONS))
@pytest.mark.parametrize("shape", ["text", "markdown", "html"])
def test_show_2020_explains_why_it_was_not_awarded(
    capsys: pytest.CaptureFixture[str], locale: str, shape: str
) -> None:
    status, out, err = run(capsys, "show", "2020", "--locale", locale, "--format", shape)
    assert (status, err) == (0, "")
    said, why = REASONS[locale]
    assert said in out
    assert why in out
    assert (
        "https://www.ks.no/fagomrader/innovasjon/innovasjonsledelse/innovasjonsprisen-2020/" in out
    )


def test_show_2020_as_data_gives_the_record(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "2020", "--format", "json")
    assert status == 0
    assert from_json(out, YearNotAwarded) == record_2020()
    status, out, _ = run(capsys, "show", "2020", "--format", "toml")
    assert status == 0
    assert from_toml(out, YearNotAwarded) == record_2020()


def test_show_2020_writes_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "2020.html"
    status, out, _ = run(capsys, "show", "2020", "--format", "html", "-o", str(target))
    assert (status, out) == (0, "")
    assert "<p>Prisen ble ikke delt ut i 2020.</p>" in target.read_text(encoding="utf-8")


def test_other_commands_refuse_a_year_not_awarded(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "convert", "2020", "--to", "json")
    assert (status, out) == (1, "")
    assert err.startswith("innovasjonspris: the prize was not awarded in 2020: ")


@pytest.mark.parametrize("locale", list(REASONS))
def test_history_lists_every_year_and_explains_2020(
    capsys: pytest.CaptureFixture[str], locale: str
) -> None:
    status, out, err = run(capsys, "history", "--locale", locale)
    assert (status, err) == (0, "")
    for year in range(2014, 2021):
        assert f"\n{year}\n----\n" in out
    said, why = REASONS[locale]
    assert said in out
    assert why in out
    assert out.index("2019\n----") < out.index(said)


def test_history_names_winners_and_finalists(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "history", "--locale", "nn")
    assert (
        "2018\n----\n\nVinnar: Træna kommune\nFinalistar: Sarpsborg kommune og Sola kommune\n"
        in out
    )
    _, out, _ = run(capsys, "history", "--locale", "en")
    assert (
        "Winner: Sandnes Municipality\nFinalists: Asker Municipality and Stavanger Municipality\n"
        in out
    )


@pytest.mark.parametrize(
    ("shape", "expected"),
    [
        ("markdown", "## 2020\n\nPrisen ble ikke delt ut i 2020."),
        ("html", "<h2>2020</h2>\n<p>Prisen ble ikke delt ut i 2020.</p>"),
    ],
)
def test_history_in_markdown_and_html(
    capsys: pytest.CaptureFixture[str], shape: str, expected: str
) -> None:
    status, out, _ = run(capsys, "history", "--format", shape)
    assert status == 0
    assert expected in out


def test_history_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["history", "--format", "jsonld"])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
