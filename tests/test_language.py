"""The forms a Norwegian or British editor checks, in the data and in every rendered round.

Amounts keep their digit groups and unit together with no-break spaces, and a Norwegian day
its month; English dates and ranges are British; apostrophes are typographic; Nynorsk has
its own plurals; no sentence opens with a numeral; and no text of the data is recased.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

import attrs
import pytest

from innovasjonspris import AwardRound, LocalizedText, prize, rounds, timeline
from innovasjonspris.formatting import format_count
from innovasjonspris.render import (
    FORMATS,
    Format,
    render_not_awarded,
    render_round,
    render_timeline,
)

LOCALES = ("nb", "nn", "en")

# An amount whose digit groups, or whose number and unit, an ordinary space separates.
BROKEN_AMOUNT = re.compile(
    r"[0-9] [0-9]{3}\b|[0-9] (?:kroner|krone|kr|kronene|Norwegian)\b|\bNOK [0-9]"
)

NORWEGIAN_MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
)
# A Norwegian day and its month parted by an ordinary space, where a line may break.
LOOSE_DAY = re.compile(rf"\b[0-9]{{1,2}}\. (?:{NORWEGIAN_MONTHS})\b")

# A straight apostrophe beside a letter: «KS's», «users'», «KS' side» want U+2019.
STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Mon|Tues|Wednes|Thurs|Fri|Satur|Sun"
AMERICAN_DATE = re.compile(rf"\b(?:{MONTHS}) [0-9]{{1,2}}\b|\b(?:{WEEKDAYS})day,")

# Bokmål forms that have no place in Nynorsk text (the Nynorsk forms in brackets).
BOKMAL_ONLY = re.compile(
    r"\b(?:kommuner|prosjekter|finalister|representanter|kilder|kriterier|innbyggere"
    r"|ledere|flyktninger|elever|lærere|vinnere|jurymedlemene|begrunnelser|søkere)\b"
)

# A sentence that opens with a numeral: at the start of a line, or after a full stop.
# A date's day ("3. februar") is not a sentence end, so what follows a full stop after a
# number alone is not checked.
NUMERAL_OPENING = re.compile(r"(?:^|(?<![0-9])[.!?] )[0-9]", re.MULTILINE)


def _texts(value: object) -> Iterator[tuple[str, str]]:
    """Every (language, text) of every LocalizedText inside ``value``."""
    if isinstance(value, LocalizedText):
        for language in value.languages:
            yield language, value.get(language)
    elif isinstance(value, tuple):
        for item in cast("tuple[object, ...]", value):
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            yield from _texts(getattr(value, field.name))


def _data_texts() -> list[tuple[str, str]]:
    found = list(_texts(prize()))
    for entry in timeline():  # the rounds, and the years not awarded
        found.extend(_texts(entry))
    return found


def _rendered() -> Iterator[tuple[int, str, Format, str]]:
    for award in rounds():
        for locale in LOCALES:
            for format_ in FORMATS:
                text = render_round(award, locale=locale, format=format_)
                yield award.year, locale, format_, text


def _every_text() -> Iterator[tuple[str, str]]:
    """Every round, year not awarded and the timeline, rendered in every locale and format."""
    for entry in timeline():
        for locale in LOCALES:
            for format_ in FORMATS:
                if isinstance(entry, AwardRound):
                    yield (
                        f"{entry.year} {locale} {format_}",
                        render_round(entry, locale=locale, format=format_),
                    )
                else:
                    yield (
                        f"{entry.year} {locale} {format_}",
                        render_not_awarded(entry, locale=locale, format=format_),
                    )
    for locale in LOCALES:
        yield f"timeline {locale}", render_timeline(locale=locale)


def _prose(text: str) -> str:
    """The rendered text without its sources, whose titles are quoted as published.

    The conference «Fremtidens kommuner» keeps its own (Bokmål) name.
    """
    # In HTML, the prose is the body (the head's JSON-LD lists the sources too), up to
    # the sources' section.
    text = text.split("<body>", 1)[-1].split('<section class="innovasjonspris-sources"', 1)[0]
    prose = re.split(r"\n(?:## |<h2>)?(?:Sources|Kilder|Kjelder)(?:</h2>)?\n", text, maxsplit=1)[0]
    return prose.replace("Fremtidens kommuner", "")


def test_every_amount_in_the_data_stays_on_one_line() -> None:
    for language, text in _data_texts():
        assert not BROKEN_AMOUNT.search(text), (language, text)


def test_every_rendered_amount_stays_on_one_line() -> None:
    for year, locale, format_, text in _rendered():
        found = BROKEN_AMOUNT.search(_prose(text))
        assert found is None, (year, locale, format_, found)


def test_english_is_british() -> None:
    for language, text in _data_texts():
        if language == "en":
            assert not AMERICAN_DATE.search(text), text
    for year, locale, format_, text in _rendered():
        if locale == "en":
            assert not AMERICAN_DATE.search(text), (year, format_)
    for award in rounds():
        # The lists the rendering joins (finalists, presenters) have no serial comma.
        text = render_round(award, locale="en")
        facts = [line for line in text.splitlines() if re.match(r"[A-Z][\w ']*: ", line)]
        assert all(", and " not in line for line in facts), facts
    assert "(9–10 June 2016)" in render_round(rounds()[2], locale="en")
    assert "Awarded: Wednesday 18 June 2014" in render_round(rounds()[0], locale="en")


def test_nynorsk_has_nynorsk_plurals() -> None:
    for language, text in _data_texts():
        if language == "nn":
            assert not BOKMAL_ONLY.search(_prose(text)), text
    for year, locale, format_, text in _rendered():
        if locale == "nn":
            found = BOKMAL_ONLY.search(_prose(text))
            assert found is None, (year, format_, found)
    for count in (0, 2, 13, 40, 1000):
        assert format_count(count, "project", locale="nn").endswith(" prosjekt")
        assert format_count(count, "municipality", locale="nn").endswith(" kommunar")


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sentence_opens_with_a_numeral(locale: str) -> None:
    for award in rounds():
        text = _prose(render_round(award, locale=locale))
        # Labelled facts ("Kunngjort: 11. juni 2019") are not sentences.
        lines = [line for line in text.splitlines() if not re.match(r"[^-][^:]*: ", line)]
        found = NUMERAL_OPENING.search("\n".join(lines))
        assert found is None, (award.year, found)


def test_every_norwegian_day_keeps_its_month() -> None:
    for language, text in _data_texts():
        assert not LOOSE_DAY.search(text), (language, text)
    for where, text in _every_text():
        found = LOOSE_DAY.search(text)
        assert found is None, (where, found)
    # Source titles too, which are plain text of the data.
    titles = [s.title or "" for record in (prize(), *timeline()) for s in record.sources]
    assert not [title for title in titles if LOOSE_DAY.search(title)]


def test_apostrophes_are_typographic() -> None:
    for language, text in _data_texts():
        assert not STRAIGHT_APOSTROPHE.search(text), (language, text)
    for where, text in _every_text():
        if "html" not in where:  # HTML carries the same words, and quotes its attributes
            found = STRAIGHT_APOSTROPHE.search(text)
            assert found is None, (where, text[max(found.start() - 40, 0) : found.end() + 40])
    assert "The jury’s citations" in render_round(rounds()[-1], locale="en")
    assert "KS’s page" in render_round(rounds()[-1], locale="en")
    assert "KS’ side" in render_round(rounds()[-1])


def test_english_changes_no_title_of_the_data() -> None:
    for award in rounds():
        text = render_round(award, locale="en")
        people = [*award.presented_by]
        for citation in award.citations:
            people.extend(citation.representatives)
            if citation.accepted_by is not None:
                people.append(citation.accepted_by)
        for person in people:
            if person.title is not None and person.title.en is not None:
                assert f"{person.title.en} {person.name}" in text, (award.year, person)
    received = render_round(rounds()[-1], locale="en")
    assert "The prize was received by: executive director Elin Rognes Solbu" in received
