"""HTML for web pages: fragments, heading levels, ids, classes, times, lang, alternates.

Pages are read back with html5lib, the WHATWG parser, not by looking at strings.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element

import attrs
import pytest

from factories import full_round
from innovasjonspris import AwardRound, Source, ValidationError, _phrases, load_round, rounds
from innovasjonspris.render import CLASS_PREFIX, render_round

html5lib = pytest.importorskip("html5lib")
webtools = pytest.importorskip("webtools")

LOCALES = ("nb", "nn", "en")
PARTS_WITH_IDS = ("round", "facts", "citations", "jury", "criteria", "notes", "sources")


def parse(markup: str, *, fragment: bool = False) -> Element:
    if fragment:
        tree: Element = html5lib.parseFragment(markup, container="div", namespaceHTMLElements=False)
        return tree
    document: Element = html5lib.parse(markup, namespaceHTMLElements=False)
    return document


def fragment(award: AwardRound, **options: Any) -> str:
    return render_round(award, format="html", fragment=True, **options)


def dates_of(award: AwardRound) -> set[date]:
    found = {award.awarded_on, award.announced_on}
    if award.event is not None:
        found |= {award.event.start, award.event.end}
    found |= {source.published_on for source in award.sources}
    return {day for day in found if day is not None}


def langs_around(tree: Element, text: str) -> list[set[str]]:
    """For each text node of the body that holds ``text``, the nearest ``lang`` around it."""
    parents = {child: parent for parent in tree.iter() for child in parent}
    body = tree.find("body")
    holders: list[Element] = []
    for element in (tree if body is None else body).iter():
        if text in (element.text or ""):
            holders.append(element)
        holders.extend(element for child in element if text in (child.tail or ""))
    found: list[set[str]] = []
    for holder in holders:
        here: Element | None = holder
        while here is not None and "lang" not in here.attrib:
            here = parents.get(here)
        found.append(set() if here is None else {here.attrib["lang"]})
    return found


def test_a_fragment_is_one_article_at_the_level_asked() -> None:
    award = load_round(2019)
    html = fragment(award, heading_level=2, id_prefix="r2019-")
    assert "<html" not in html
    assert "<head" not in html
    assert "<body" not in html
    assert html.startswith("<article")
    tree = parse(html, fragment=True)
    assert [child.tag for child in tree] == ["article"]
    headings = [e.tag for e in tree.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert headings[0] == "h2"
    assert set(headings) == {"h2", "h3", "h4"}
    ids = [e.attrib["id"] for e in tree.iter() if "id" in e.attrib]
    assert ids
    assert all(i.startswith("r2019-") for i in ids)
    assert len(ids) == len(set(ids))
    times = list(tree.iter("time"))
    assert {date.fromisoformat(t.attrib["datetime"]) for t in times} == dates_of(award)
    assert all(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", t.attrib["datetime"]) for t in times)
    # The article says its own language, as the page it goes into may be in another.
    assert tree[0].attrib["lang"] == "nb"


@pytest.mark.parametrize("year", [r.year for r in rounds()])
def test_every_date_written_is_a_time_element(year: int) -> None:
    award = load_round(year)
    for locale in LOCALES:
        tree = parse(fragment(award, locale=locale), fragment=True)
        days = {date.fromisoformat(t.attrib["datetime"]) for t in tree.iter("time")}
        # The award date stands with the event's dates where they are one day.
        assert days == dates_of(award)


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_nest_below_the_level_asked(level: int) -> None:
    tree = parse(fragment(full_round(), heading_level=level), fragment=True)
    levels = [int(str(e.tag)[1]) for e in tree.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
    assert levels[0] == level
    if level < 6:
        assert levels.count(level) == 1
    assert set(levels) == {min(6, level + step) for step in range(3)}


def test_every_part_has_a_class_and_an_id_and_every_heading_an_anchor() -> None:
    tree = parse(fragment(load_round(2019), id_prefix="p-"), fragment=True)
    ids = {e.attrib["id"] for e in tree.iter() if "id" in e.attrib}
    assert {f"p-{part}" for part in PARTS_WITH_IDS} <= ids
    assert {"p-citation-5001", "p-citation-1516", "p-citation-1246"} <= ids
    classes = {c for e in tree.iter() for c in e.attrib.get("class", "").split()}
    assert all(c.startswith(CLASS_PREFIX) for c in classes)
    expected = {
        "round",
        "anchor",
        "lead",
        "facts",
        "applicants",
        "citations",
        "citation",
        "citation--winner",
        "citation--finalist",
        "citation-text",
        "citation-facts",
        "projects",
        "project",
        "jury",
        "jury-members",
        "jury-member",
        "secretariat",
        "criteria",
        "criteria-list",
        "notes",
        "notes-text",
        "sources",
        "sources-list",
        "source",
    }
    assert {CLASS_PREFIX + name for name in expected} == classes
    parents = {child: parent for parent in tree.iter() for child in parent}
    for heading in (e for e in tree.iter() if re.fullmatch(r"h[1-6]", str(e.tag))):
        (anchor,) = list(heading)
        assert anchor.tag == "a"
        assert anchor.attrib["class"] == f"{CLASS_PREFIX}anchor"
        # The anchor links to the part the heading heads.
        assert anchor.attrib["href"] == "#" + parents[heading].attrib["id"]


def test_two_rounds_share_a_page_without_sharing_an_id() -> None:
    both = fragment(load_round(2019), id_prefix="r2019-") + fragment(
        load_round(2018), id_prefix="r2018-"
    )
    assert webtools.html5_parse_errors(both, fragment=True) == []
    tree = parse(both, fragment=True)
    ids = [e.attrib["id"] for e in tree.iter() if "id" in e.attrib]
    assert len(ids) == len(set(ids))


def test_norwegian_names_in_the_english_page_are_marked_bokmal() -> None:
    page = render_round(load_round(2014), locale="en", format="html")
    tree = parse(page)
    assert tree.attrib["lang"] == "en-GB"
    assert langs_around(tree, "Arendalskonferansen") == [{"nb"}]
    assert langs_around(tree, "Kommunal- og moderniseringsdepartementet")
    assert all(langs == {"nb"} for langs in langs_around(tree, "Kommunal- og"))
    # The English text of the page is not marked.
    assert langs_around(tree, "Ministry of Local Government and Modernisation") == [{"en-GB"}]
    # A source in Swedish says so, in every page.
    swedish = Source(url="https://sv.wikipedia.org/wiki/Skiens_kommun", title="Skiens kommun")
    award = attrs.evolve(load_round(2014), sources=(attrs.evolve(swedish, language="sv"),))
    for locale in LOCALES:
        tree = parse(render_round(award, locale=locale, format="html"))
        assert langs_around(tree, "Skiens kommun") == [{"sv"}]


def test_lang_carries_the_region_of_the_locale() -> None:
    award = load_round(2019)
    assert '<html lang="en-GB">' in render_round(award, locale="en_GB", format="html")
    assert '<html lang="nb-NO">' in render_round(award, locale="nb_NO", format="html")
    assert '<html lang="nn">' in render_round(award, locale="nn", format="html")
    assert fragment(award, locale="en_GB").startswith(
        '<article class="innovasjonspris-round" id="round" lang="en-GB">'
    )
    # In a Bokmål page, Bokmål data needs no mark: only the English source titles have one.
    marked = re.findall(r"<span lang=\"([^\"]+)\">([^<]*)<", render_round(award, format="html"))
    assert marked == [("en", "School history"), ("en", "KS in English")]


def test_the_whole_page_has_a_viewport_and_alternates() -> None:
    page = render_round(
        load_round(2019),
        locale="nn",
        format="html",
        alternates={"nb": "https://example.org/nb/2019", "en-GB": "http://x.example/en?a=1&b=2"},
    )
    head = page[: page.index("</head>")]
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in head
    assert '<link rel="alternate" hreflang="nb" href="https://example.org/nb/2019">' in head
    assert '<link rel="alternate" hreflang="en-GB" href="http://x.example/en?a=1&amp;b=2">' in head
    assert webtools.html5_parse_errors(page) == []
    links = [e.attrib for e in parse(page).iter("link")]
    assert links[1]["href"] == "http://x.example/en?a=1&b=2"


def test_defaults_give_the_whole_page_with_the_round_as_its_article() -> None:
    award = load_round(2019)
    page = render_round(award, format="html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nb">\n<head>\n')
    main = page[page.index("<main>\n") + len("<main>\n") : page.index("\n</main>")]
    assert main + "\n" == fragment(award).replace(' lang="nb"', "", 1)


@pytest.mark.parametrize("year", [r.year for r in rounds()])
def test_every_page_and_fragment_parses_without_errors(year: int) -> None:
    award = load_round(year)
    for locale in LOCALES:
        assert webtools.html5_parse_errors(render_round(award, locale=locale, format="html")) == []
        for level in (1, 3, 6):
            html = fragment(award, locale=locale, heading_level=level, id_prefix="x-")
            assert webtools.html5_parse_errors(html, fragment=True) == []


def test_the_parse_check_finds_errors() -> None:
    assert webtools.html5_parse_errors("<p>no doctype</p>")
    assert webtools.html5_parse_errors("<article><p></div></article>", fragment=True)


def test_the_text_formats_ignore_the_html_keywords() -> None:
    award = load_round(2019)
    for format_ in ("text", "markdown"):
        plain = render_round(award, format=format_)
        assert render_round(award, format=format_, heading_level=3, id_prefix="x") == plain


def test_a_range_whose_dash_cannot_be_found_is_one_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def undashed(*_arguments: object, **_keywords: object) -> str:
        return "early June 2019"

    monkeypatch.setattr(_phrases, "range_text", undashed)
    html = fragment(load_round(2019))
    assert "Fremtidens kommuner 2019 (early June 2019)" in html


@pytest.mark.parametrize(
    ("options", "error", "field"),
    [
        ({"fragment": "yes"}, TypeError, None),
        ({"heading_level": 2.0}, TypeError, None),
        ({"heading_level": True}, TypeError, None),
        ({"heading_level": 0}, ValidationError, "heading_level"),
        ({"heading_level": 7}, ValidationError, "heading_level"),
        ({"id_prefix": 1}, TypeError, None),
        ({"id_prefix": "a b"}, ValidationError, "id_prefix"),
        ({"id_prefix": '"><script>'}, ValidationError, "id_prefix"),
        ({"id_prefix": "1x"}, ValidationError, "id_prefix"),
        ({"alternates": [("nb", "https://example.org/")]}, TypeError, None),
        ({"alternates": {"nb": 1}}, TypeError, None),
        (
            {"alternates": {"nb": "https://x.example/"}, "fragment": True},
            ValidationError,
            "alternates",
        ),
        ({"alternates": {"not a tag": "https://x.example/"}}, ValidationError, "alternates"),
        ({"alternates": {"nb": "https://x.example/ a"}}, ValidationError, "alternates"),
        ({"alternates": {"nb": ""}}, ValidationError, "alternates"),
        ({"alternates": {"nn": "javascript:alert(1)"}}, ValidationError, "alternates"),
        (
            {"alternates": {"nn": "JavaScript://a.b/%0a1"}},
            ValidationError,
            "alternates",
        ),
        ({"alternates": {"nn": "data:text/html,<script>"}}, ValidationError, "alternates"),
        ({"alternates": {"nn": "file:///etc/passwd"}}, ValidationError, "alternates"),
        ({"alternates": {"nn": "/nn/2019"}}, ValidationError, "alternates"),
        ({"alternates": {"nn": "https://a.b/\u202egnp.exe"}}, ValidationError, "alternates"),
    ],
)
def test_wrong_html_keywords_are_refused(
    options: dict[str, Any], error: type[Exception], field: str | None
) -> None:
    with pytest.raises(error) as raised:
        render_round(load_round(2019), format="html", **options)
    if field is not None:
        assert isinstance(raised.value, ValidationError)
        assert raised.value.field == field


def test_a_source_language_must_be_a_language_tag() -> None:
    assert Source(url="https://sv.wikipedia.org/wiki/X", language="sv").language == "sv"
    with pytest.raises(ValidationError):
        Source(url="https://sv.wikipedia.org/wiki/X", language="Swedish")
    award = attrs.evolve(
        load_round(2019),
        sources=(Source(url="https://example.org/x", title="Title", language="en"),),
    )
    tree = parse(render_round(award, locale="en", format="html"))
    assert langs_around(tree, "Title") == [{"en-GB"}]
