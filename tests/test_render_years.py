"""render_not_awarded and render_timeline: what they show, and what they refuse."""

from __future__ import annotations

import re
from typing import Any

import pytest

from factories import award_round, citation
from innovasjonspris import (
    LocalizedText,
    Source,
    Standing,
    ValidationError,
    YearNotAwarded,
    load_round,
    timeline,
)
from innovasjonspris.history import appearances
from innovasjonspris.render import render_appearances, render_not_awarded, render_timeline


def record(**overrides: object) -> YearNotAwarded:
    fields: dict[str, object] = {
        "id": "innovasjonsprisen-2021",
        "year": 2021,
        "reason": LocalizedText(nb="Ingen utlysning."),
        "sources": (Source(url="https://example.org/2021", title="Om <2021>"),),
    }
    fields.update(overrides)
    return YearNotAwarded(**fields)  # type: ignore[arg-type]


def test_a_year_not_awarded_in_text() -> None:
    assert render_not_awarded(record()) == (
        "Innovasjonsprisen 2021\n"
        "======================\n\n"
        "Prisen ble ikke delt ut i 2021.\n\n"
        "Ingen utlysning.\n\n"
        "Kilder\n------\n\n"
        "- Om <2021>: https://example.org/2021\n"
    )


def test_a_year_not_awarded_with_notes_in_html() -> None:
    page = render_not_awarded(
        record(notes=LocalizedText(nn="Sjå <kjeldene>.")), locale="en", format="html"
    )
    title = "The Innovation Prize 2021"
    assert f'<h1><a class="innovasjonspris-anchor" href="#round">{title}</a></h1>' in page
    assert '<p><span lang="nb">Ingen utlysning.</span></p>' in page
    assert '<h2>Notes</h2>\n<p><span lang="nn">Sjå &lt;kjeldene&gt;.</span></p>' in page
    assert "Om &lt;2021&gt;" in page


def test_a_year_not_awarded_in_markdown_escapes_the_data() -> None:
    text = render_not_awarded(
        record(reason=LocalizedText(nb="*Ingen* utlysning.")), format="markdown"
    )
    assert "\\*Ingen\\* utlysning." in text


@pytest.mark.parametrize("value", [None, "2020", load_round(2019)])
def test_render_not_awarded_takes_only_a_record(value: object) -> None:
    with pytest.raises(TypeError, match="record must be a YearNotAwarded"):
        render_not_awarded(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", [None, 1])
def test_formats_that_are_not_text_are_refused(shape: Any) -> None:
    with pytest.raises(TypeError, match=r"^format must be one of 'text'"):
        render_not_awarded(record(), format=shape)
    with pytest.raises(TypeError, match=r"^format must be one of 'text'"):
        render_timeline(format=shape)


@pytest.mark.parametrize("shape", ["json", ""])
def test_unknown_formats_are_refused(shape: Any) -> None:
    with pytest.raises(ValidationError, match="must be one of 'text'") as caught:
        render_not_awarded(record(), format=shape)
    assert caught.value.field == "format"
    with pytest.raises(ValidationError, match="must be one of 'text'") as caught:
        render_timeline(format=shape)
    assert caught.value.field == "format"


@pytest.mark.parametrize("locale", ["xx", "de"])
def test_unknown_locales_are_refused(locale: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render_not_awarded(record(), locale=locale)
    assert caught.value.field == "locale"
    with pytest.raises(ValidationError) as caught:
        render_timeline(locale=locale)
    assert caught.value.field == "locale"


def test_the_default_timeline_is_the_bundled_one() -> None:
    assert render_timeline() == render_timeline(timeline())
    assert render_timeline().startswith("Innovasjonsprisen 2014–2020\n")


def test_a_timeline_of_given_entries_is_ordered_by_year() -> None:
    mentioned = award_round(
        citations=(citation(), citation("1516", "Ulstein", Standing.HONOURABLE_MENTION, ())),
    )
    text = render_timeline([record(), mentioned, record(id="x", year=2018)], locale="en")
    assert text.startswith("The Innovation Prize 2018–2021\n")
    assert text.index("2018\n----") < text.index("2019\n----") < text.index("2021\n----")
    assert "Winner: Trondheim Municipality\nHonourable mention: Ulstein Municipality\n" in text


def test_a_timeline_names_the_winner_then_the_finalists_then_the_mentions() -> None:
    mentioned = citation("1516", "Ulstein", Standing.HONOURABLE_MENTION, ())
    finalist = citation("1246", "Fjell", Standing.FINALIST, ())
    award = award_round(citations=(mentioned, finalist, citation()))
    text = render_timeline([award], locale="en")
    assert (
        "Winner: Trondheim Municipality\nFinalist: Fjell Municipality\n"
        "Honourable mention: Ulstein Municipality\n"
    ) in text


def test_a_timeline_of_one_year() -> None:
    text = render_timeline((load_round(2019),), locale="nn")
    assert text.startswith("Innovasjonsprisen 2019\n")
    assert "Finalistar: Ulstein kommune og Fjell kommune" in text


def test_an_empty_timeline_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        render_timeline([])
    assert caught.value.field == "entries"


@pytest.mark.parametrize("entries", ["2019", b"x", 2019, [load_round(2019), "2020"]])
def test_a_timeline_of_something_else_is_a_type_error(entries: object) -> None:
    with pytest.raises(TypeError, match="entries"):
        render_timeline(entries)  # type: ignore[arg-type]


def test_a_record_in_html_is_escaped_and_headed_by_today() -> None:
    page = render_appearances(appearances("Fjell"), locale="en", format="html")
    # The heading links to the page's article, and the name, data, is marked Bokmål.
    heading = page[page.index("<h1>") : page.index("</h1>")]
    assert re.sub(r"<[^>]+>", "", heading) == "Øygarden Municipality"
    assert "<li>2019: finalist, as 1246 Fjell (Hordaland)</li>" in page


def test_a_record_lists_its_years_in_order() -> None:
    rows = appearances("0105")
    assert render_appearances(reversed(rows)) == render_appearances(rows)


def test_an_empty_record_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        render_appearances(())
    assert caught.value.field == "rows"


@pytest.mark.parametrize("rows", ["3105", 3105, [load_round(2019)]])
def test_a_record_of_something_else_is_a_type_error(rows: object) -> None:
    with pytest.raises(TypeError, match="rows"):
        render_appearances(rows)  # type: ignore[arg-type]
