"""Formatting and rendering never raise for a valid object, in Bokmål, Nynorsk and English."""

from __future__ import annotations

import html
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innovasjonspris import AwardRound, Money, Prize, strategies
from innovasjonspris.formatting import (
    AMOUNT_STYLES,
    DATE_STYLES,
    NOUNS,
    AmountStyle,
    DateStyle,
    format_amount,
    format_count,
    format_date,
    format_date_range,
    format_list,
)
from innovasjonspris.render import FORMATS, Format, render_round

pytestmark = pytest.mark.property

LOCALES = st.sampled_from(["nb", "nn", "en"])


@given(strategies.money(hostile=True), LOCALES, st.sampled_from(AMOUNT_STYLES))
def test_every_amount_formats(money: Money, locale: str, style: AmountStyle) -> None:
    text = format_amount(money, locale=locale, style=style)
    assert text.strip() == text
    assert any(character.isdigit() for character in text)


@given(st.dates(), LOCALES, st.sampled_from(DATE_STYLES))
def test_every_date_formats(day: date, locale: str, style: DateStyle) -> None:
    assert str(day.day) in format_date(day, locale=locale, style=style)


@given(st.dates(), st.dates(), LOCALES)
def test_every_date_range_formats(first: date, second: date, locale: str) -> None:
    start, end = min(first, second), max(first, second)
    text = format_date_range(start, end, locale=locale)
    # It ends as the last day does, and names each day once.
    assert text.endswith(format_date(end, locale=locale))
    assert text.count("–") == (start != end)


@given(st.lists(strategies.texts(hostile=True), max_size=5), LOCALES)
def test_every_list_of_names_formats(items: list[str], locale: str) -> None:
    joined = format_list(items, locale=locale)
    assert all(item in joined for item in items)


@given(st.integers(0, 100_000), st.sampled_from(NOUNS), LOCALES)
def test_every_count_formats(count: int, noun: str, locale: str) -> None:
    assert format_count(count, noun, locale=locale)


@given(
    strategies.award_rounds(hostile=True),
    LOCALES,
    st.sampled_from(FORMATS),
    st.none() | strategies.prizes(hostile=True),
)
def test_every_round_renders(
    award_round: AwardRound, locale: str, fmt: Format, prize: Prize | None
) -> None:
    text = render_round(award_round, locale=locale, format=fmt, prize=prize)
    winner = award_round.winner.municipality.name
    if fmt == "text":
        assert winner in text
    elif fmt == "html":
        assert html.escape(winner, quote=False) in text
    else:
        assert text
