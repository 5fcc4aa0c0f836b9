"""schema.org JSON-LD: expanded by pyld, checked against the vocabulary, found by extruct."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

from factories import full_round
from innovasjonspris import (
    LocalizedText,
    Money,
    Organisation,
    Prize,
    Source,
    ValidationError,
    load_round,
    rounds,
)
from innovasjonspris.cli import main
from innovasjonspris.jsonld import CONTEXT, script_text, to_jsonld
from innovasjonspris.render import render_round

webtools = pytest.importorskip("webtools")
pytest.importorskip("pyld")
pytest.importorskip("extruct")

SCHEMA = "http://schema.org/"
LOCALES = ("nb", "nn", "en")


def values(expanded: list[dict[str, Any]], *path: str) -> list[Any]:
    """The values at ``path`` (schema.org names) in an expanded document."""
    nodes: list[Any] = expanded
    for name in path:
        nodes = [v for node in nodes for v in node.get(SCHEMA + name, [])]
    return nodes


def literals(expanded: list[dict[str, Any]], *path: str) -> list[Any]:
    """The literal values at ``path``, without their types."""
    return [value["@value"] for value in values(expanded, *path)]


def test_the_2019_round_names_the_winner_the_amount_and_the_date() -> None:
    document = to_jsonld(load_round(2019))
    assert document["@context"] == CONTEXT == "https://schema.org"
    expanded = webtools.expand(document)
    assert literals(expanded, "startDate") == ["2019-06-07"]
    (winner,) = [
        m for m in values(expanded, "about") if literals([m], "award")[0].endswith("(vinner)")
    ]
    assert literals([winner], "name") == ["Trondheim kommune"]
    assert literals([winner], "areaServed", "name") == ["Trondheim"]
    assert literals([winner], "identifier", "value") == ["5001"]
    amount = values([winner], "funding", "amount")
    assert [kind for a in amount for kind in a["@type"]] == [SCHEMA + "MonetaryAmount"]
    assert literals(amount, "value") == [500000]
    assert literals(amount, "currency") == ["NOK"]
    (review,) = literals([winner], "review", "reviewBody")
    assert review.startswith("Trondheim kommune fikk prisen")
    organiser = values(expanded, "organizer")
    assert organiser[0]["@type"] == [SCHEMA + "GovernmentOrganization"]
    assert literals(organiser, "name") == ["Kommunal- og moderniseringsdepartementet"]
    assert literals(expanded, "superEvent", "location", "name") == ["Arendal"]
    assert literals(expanded, "superEvent", "endDate") == ["2019-06-07"]
    assert literals(expanded, "performer", "name") == ["Aase Marthe Horrigmo"]
    assert len(values(expanded, "contributor", "member")) == 4
    assert len(values(expanded, "subjectOf")) == len(load_round(2019).sources)


@pytest.mark.parametrize("year", [r.year for r in rounds()])
def test_every_type_and_property_is_schema_org(year: int) -> None:
    for locale in LOCALES:
        assert webtools.vocabulary_problems(to_jsonld(load_round(year), locale=locale)) == []


def test_a_full_round_and_a_chaired_jury_are_schema_org() -> None:
    document = to_jsonld(full_round(), locale="en")
    assert webtools.vocabulary_problems(document) == []
    chair = document["contributor"]["member"][0]
    assert chair["@type"] == "OrganizationRole"
    assert chair["roleName"] == "chair"
    assert chair["member"]["name"] == "Rolf Rønning"


def test_the_vocabulary_check_finds_what_schema_org_lacks() -> None:
    problems = webtools.vocabulary_problems(
        {
            "@context": CONTEXT,
            "@type": "Prizegiving",
            "name": "x",
            "winner": "y",
            "organizer": {"@type": "Event", "name": "z"},
            "location": {"@type": "Place", "jobTitle": "w"},
            "sameAs": "https://example.org/",
        }
    )
    assert f"no type {SCHEMA}Prizegiving" in problems
    assert any("winner" in p for p in problems)
    assert f"{SCHEMA}organizer cannot point to ['{SCHEMA}Event']" in problems
    assert f"{SCHEMA}jobTitle is not a property of ['{SCHEMA}Place']" in problems


def test_the_context_is_served_from_our_copy_only() -> None:
    with pytest.raises(Exception, match=r"example\.org"):
        webtools.expand({"@context": "https://example.org/context", "name": "x"})


@pytest.mark.parametrize("year", [r.year for r in rounds()])
def test_the_page_embeds_the_same_json_ld(year: int) -> None:
    award = load_round(year)
    for locale in LOCALES:
        page = render_round(award, locale=locale, format="html")
        assert webtools.extract_jsonld(page) == [to_jsonld(award, locale=locale)]


def test_a_fragment_carries_no_script() -> None:
    html = render_round(load_round(2019), format="html", fragment=True)
    assert "<script" not in html
    assert webtools.extract_jsonld(html) == []


HOSTILE = "</script><script>alert(1)</script><!--<script>"


def hostile_round() -> Any:
    award = full_round()
    winner = award.citations[0]
    assert award.event is not None
    return attrs.evolve(
        award,
        event=attrs.evolve(award.event, name=HOSTILE, place=HOSTILE),
        citations=(
            attrs.evolve(winner, text=LocalizedText(nb=HOSTILE, en=HOSTILE)),
            *award.citations[1:],
        ),
        notes=LocalizedText(nb=HOSTILE),
    )


def test_hostile_text_cannot_end_the_json_ld_script() -> None:
    award = hostile_round()
    for locale in LOCALES:
        page = render_round(award, locale=locale, format="html")
        scripts = webtools.script_elements(page)
        assert scripts == [{"type": "application/ld+json"}]
        start = page.index('<script type="application/ld+json">')
        end = page.index("</script>", start)
        inside = page[start:end]
        assert "<" not in inside.removeprefix("<script")
        assert json.loads(inside.split(">", 1)[1]) == to_jsonld(award, locale=locale)
        assert webtools.extract_jsonld(page) == [to_jsonld(award, locale=locale)]
        assert HOSTILE in webtools.text_of(page)


def test_script_text_escapes_what_html_could_read() -> None:
    text = script_text({"a": "<>&\u2028", "b": ["</SCRIPT>"]})
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == {"a": "<>&\u2028", "b": ["</SCRIPT>"]}


def test_texts_in_another_language_say_so() -> None:
    document = to_jsonld(load_round(2016), locale="en")
    people = [m.get("member", m) for m in document["contributor"]["member"]]
    names = [person["affiliation"]["name"] for person in people]
    # Every organisation of 2016's jury has an English name, which needs no mark.
    assert "Lillehammer University College" in names
    assert all(isinstance(name, str) for name in names)
    # 2014's jury chair's company is named only in the data's language.
    chair = to_jsonld(load_round(2014), locale="en")["contributor"]["member"][0]
    assert chair.get("member", chair)["affiliation"]["name"] == {
        "@value": "Microsoft",
        "@language": "nb",
    }
    swedish = Source(
        url="https://sv.wikipedia.org/wiki/Skiens_kommun", title="Skiens kommun", language="sv"
    )
    award = attrs.evolve(load_round(2014), sources=(swedish,))
    (source,) = to_jsonld(award, locale="nb")["subjectOf"]
    assert source["name"] == {"@value": "Skiens kommun", "@language": "sv"}
    assert source["inLanguage"] == "sv"
    assert to_jsonld(load_round(2019), locale="en_GB")["inLanguage"] == "en-GB"


def test_what_the_round_lacks_is_left_out() -> None:
    award = attrs.evolve(
        full_round(),
        event=None,
        jury=None,
        awarded_on=None,
        amount=Money(amount=Decimal("1234.50")),
    )
    document = to_jsonld(award)
    assert not {"superEvent", "location", "contributor", "startDate"} & set(document)
    winner = document["about"][0]
    assert "author" not in winner["review"]
    assert winner["funding"]["amount"]["value"] == 1234.5
    assert "review" not in document["about"][1]
    assert webtools.vocabulary_problems(document) == []


def test_a_prize_of_the_callers_own() -> None:
    prize = Prize(
        id="x",
        name=LocalizedText(nb="Prisen"),
        conferred_by=Organisation(name=LocalizedText(nb="Departementet"), orgnr="974760673"),
        amount=Money(amount=Decimal(1)),
    )
    document = to_jsonld(load_round(2019), prize=prize)
    assert document["name"] == "Prisen 2019"
    assert document["organizer"]["identifier"]["value"] == "974760673"
    assert webtools.vocabulary_problems(document) == []


def test_wrong_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="AwardRound"):
        to_jsonld("2019")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Prize"):
        to_jsonld(load_round(2019), prize="KMD")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised:
        to_jsonld(load_round(2019), locale="xx_XX")
    assert raised.value.field == "locale"


def test_the_command_line_prints_the_json_ld(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2019", "--format", "jsonld", "--locale", "nn"]) == 0
    assert json.loads(capsys.readouterr().out) == to_jsonld(load_round(2019), locale="nn")


def test_a_year_not_awarded_has_no_json_ld(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2020", "--format", "jsonld"]) == 2
    assert "not awarded" in capsys.readouterr().err
