"""A cited municipality that has merged, split or been renumbered since says what it is today."""

from __future__ import annotations

import html
import re

import pytest

from factories import award_round, citation
from innovasjonspris import Standing, load_round
from innovasjonspris.render import render_round


@pytest.mark.parametrize(
    ("year", "locale", "expected"),
    [
        (2019, "nb", "Fjell kommune (fra 2020 en del av Øygarden kommune)"),
        (2019, "nn", "Fjell kommune (frå 2020 ein del av Øygarden kommune)"),
        (2019, "en", "Fjell Municipality (part of Øygarden Municipality from 2020)"),
        (2017, "nb", "Oppegård kommune (fra 2020 en del av Nordre Follo kommune)"),
        (2017, "nb", "Horten kommune (kommunenummer 3901 fra 2024)"),
        (2014, "nn", "Arendal kommune (kommunenummer 4203 frå 2020)"),
        (2014, "en", "Arendal Municipality (municipality number 4203 from 2020)"),
    ],
)
def test_the_first_mention_says_what_the_municipality_is_today(
    year: int, locale: str, expected: str
) -> None:
    for format_ in ("text", "markdown", "html"):
        rendered = render_round(load_round(year), locale=locale, format=format_)
        if format_ == "html":
            # The text a reader sees: the names inside carry lang="nb" in nn and en pages.
            body = rendered.split("<body>", 1)[1]
            rendered = html.unescape(re.sub(r"<[^>]+>", "", body))
        assert rendered.count(expected) == 1, format_


def test_a_municipality_that_is_the_same_today_gets_no_note() -> None:
    text = render_round(load_round(2019))
    assert "Trondheim kommune, som" in text
    assert "Ulstein kommune og" in text


def test_a_split_and_a_rename_are_told_too() -> None:
    snillfjord = citation("5012", "Snillfjord", Standing.FINALIST, ())
    text = render_round(award_round(citations=(citation(), snillfjord)), locale="en")
    assert (
        "Snillfjord Municipality (divided between Heim Municipality, Hitra Municipality and "
        "Orkland Municipality from 2020)"
    ) in text
    borre = award_round(
        id="innovasjonsprisen-2002",
        year=2002,
        awarded_on=None,
        announced_on=None,
        event=None,
        citations=(citation("0701", "Borre"),),
    )
    assert "Borre kommune (fra 2003 Horten kommune)" in render_round(borre)
