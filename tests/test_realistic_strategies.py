"""The realistic mode, the default of every strategy and of ``st.from_type``: what a reader
of a real round would expect holds in every generated one."""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from importlib import resources
from string import Formatter
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.no import orgnr as stdnum_orgnr

from innovasjonspris import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Person,
    Standing,
    prize,
    registry,
    strategies,
)
from innovasjonspris._realistic_parts import body_of_municipality
from innovasjonspris._realistic_values import (
    CITATION_TEXTS,
    TEXTS,
    known_orgnrs,
    municipality_orgnr,
)
from innovasjonspris._value_strategies import ROUND_YEARS, records
from innovasjonspris.serialization import to_dict

pytestmark = pytest.mark.property

KMD = prize().conferred_by.name.get("nb")
# Letters of the Latin script (å, ø, á and Sámi ŋ among them), digits, spaces and the
# punctuation of running text and addresses: nothing a reader would stop at.
LANGUAGES = {"nb", "nn", "en"}
PLAIN_CATEGORIES = frozenset({"Nd", "Zs", "Pc", "Pd", "Po", "Ps", "Pe", "Pi", "Pf"})


def _children(node: object) -> list[object]:
    if isinstance(node, dict):
        return list(cast("dict[str, object]", node).values())
    if isinstance(node, list):
        return list(cast("list[object]", node))
    return []


def _keys(node: object) -> set[str]:
    return set(cast("dict[str, object]", node)) if isinstance(node, dict) else set()


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    for child in _children(node):
        yield from _strings(child)


def _plain(character: str) -> bool:
    if character == "\n":
        return True
    if character.isalpha():
        return unicodedata.name(character).startswith("LATIN")
    return unicodedata.category(character) in PLAIN_CATEGORIES


@given(strategies.money())
def test_money_is_whole_kroner_in_nok(money: Money) -> None:
    assert money.currency == "NOK"
    assert Decimal(10_000) <= money.amount <= Decimal(2_000_000)
    assert str(money.amount) == str(int(money.amount))


@given(st.from_type(AwardRound))
def test_from_type_gives_realistic_rounds(award_round: AwardRound) -> None:
    assert award_round.amount.currency == "NOK"
    assert award_round.id == f"innovasjonsprisen-{award_round.year}"
    text = "".join(_strings(to_dict(award_round)))
    assert all(_plain(character) for character in text), text


@given(strategies.award_rounds())
def test_municipalities_are_real_in_the_rounds_year_with_their_county(
    award_round: AwardRound,
) -> None:
    for citation in award_round.citations:
        cited = citation.municipality
        record = registry.municipality(cited.number, year=award_round.year)
        assert cited.name in record.accepted_names
        assert record.county.number == cited.county_number
        assert registry.county(cited.county_number, year=award_round.year) == record.county


def _localized_texts(node: object) -> Iterator[set[str]]:
    """The languages of every localised text in a tree of plain data."""
    keys = _keys(node)
    if keys and keys <= LANGUAGES:
        yield keys
    for child in _children(node):
        yield from _localized_texts(child)


@given(strategies.award_rounds())
def test_every_text_is_in_bokmal_and_the_criteria_in_the_same_languages(
    award_round: AwardRound,
) -> None:
    assert all("nb" in text for text in _localized_texts(to_dict(award_round)))
    assert len({criterion.languages for criterion in award_round.criteria}) <= 1


def _people(citation: Citation) -> list[Person]:
    given = [citation.accepted_by] if citation.accepted_by is not None else []
    return given + list(citation.representatives)


@given(strategies.citations())
def test_citations_name_their_municipality_and_projects_and_its_people(
    citation: Citation,
) -> None:
    name = citation.municipality.name
    if citation.text is not None:
        for language in citation.text.languages:
            said = citation.text.get(language)
            assert name in said
            assert all(project.name in said for project in citation.projects)
    for project in citation.projects:
        if project.summary is not None:
            assert project.name in project.summary.get("nb")
    for person in _people(citation):
        assert person.organisation in (None, body_of_municipality(citation.municipality))


def test_a_citations_people_work_for_its_municipality_under_its_orgnr() -> None:
    orgnr = municipality_orgnr("1516")
    municipality = Municipality(number="1516", name="Ulstein", orgnr=orgnr)
    assert body_of_municipality(municipality) == Organisation(
        name=LocalizedText(nb="Ulstein kommune", nn="Ulstein kommune", en="Ulstein Municipality"),
        orgnr=orgnr,
    )


def _holders(award_round: AwardRound) -> dict[str, set[str]]:
    holders: dict[str, set[str]] = {}
    people: list[Person] = list(award_round.presented_by)
    for citation in award_round.citations:
        cited = citation.municipality
        if cited.orgnr is not None:
            holders.setdefault(cited.orgnr, set()).add(f"{cited.name} kommune")
        people += _people(citation)
    if award_round.jury is not None:
        people += [member.person for member in award_round.jury.members]
    bodies = [person.organisation for person in people]
    if award_round.jury is not None:
        bodies.append(award_round.jury.secretariat)
    if award_round.event is not None:
        bodies.append(award_round.event.organizer)
    for body in bodies:
        if body is not None and body.orgnr is not None:
            holders.setdefault(body.orgnr, set()).add(body.name.get("nb"))
    return holders


@given(strategies.award_rounds())
def test_no_body_borrows_anothers_orgnr(award_round: AwardRound) -> None:
    for number, names in _holders(award_round).items():
        assert len(names) == 1, (number, names)
        assert (number in known_orgnrs()) == (names == {KMD}), (number, names)


def test_municipality_orgnrs_are_made_up_valid_and_each_their_own() -> None:
    numbers = {record.number for year in ROUND_YEARS for record in records(year)}
    made_up = {municipality_orgnr(number) for number in numbers}
    assert len(made_up) == len(numbers)
    assert all(stdnum_orgnr.is_valid(orgnr) for orgnr in made_up)
    assert not made_up & known_orgnrs()
    assert municipality_orgnr("0301").startswith("960301")


@given(strategies.orgnrs())
def test_orgnrs_look_real_and_are_nobodys(orgnr: str) -> None:
    assert orgnr[0] in "89"
    assert stdnum_orgnr.is_valid(orgnr)
    assert orgnr not in known_orgnrs()


@given(strategies.award_rounds())
def test_the_dates_of_a_round_are_close_together(award_round: AwardRound) -> None:
    awarded, published = award_round.awarded_on, [s.published_on for s in award_round.sources]
    if awarded is None:
        assert all(day is None or day.year == award_round.year for day in published)
        return
    if award_round.announced_on is not None:
        assert award_round.announced_on - awarded <= timedelta(days=14)
    event = award_round.event
    if event is not None:
        assert event.start is not None
        assert event.end is not None
        assert awarded - event.start <= timedelta(days=1)
        assert event.end - awarded <= timedelta(days=1)
        assert str(event.start.year) in event.name
    assert all(day is None or awarded <= day <= awarded + timedelta(30) for day in published)


@given(strategies.events())
def test_events_are_conferences_of_a_few_days(event: Event) -> None:
    if event.start is not None and event.end is not None:
        assert event.end - event.start <= timedelta(days=2)
    if event.start is None:
        assert not any(character.isdigit() for character in event.name)


@given(strategies.applicants())
def test_applicants_are_a_few_dozen(applicants: Applicants) -> None:
    counts = [applicants.municipalities, applicants.projects, applicants.applications]
    assert all(count is None or 1 <= count <= 121 for count in counts)


def test_the_years_of_rounds_begin_with_the_registrys_first() -> None:
    assert ROUND_YEARS.start == registry.FIRST_YEAR
    assert registry.LAST_YEAR in ROUND_YEARS
    # After its last year, the registry's last division holds.
    assert registry.division_year(registry.LAST_YEAR + 1) == registry.LAST_YEAR
    assert registry.division_year(2019) == 2019


@given(strategies.award_rounds(year=ROUND_YEARS[-1]))
def test_rounds_of_the_last_year_are_valid(award_round: AwardRound) -> None:
    assert award_round.year == ROUND_YEARS[-1]
    for citation in award_round.citations:
        year = registry.division_year(award_round.year)
        assert (
            citation.municipality.name
            in registry.municipality(citation.municipality.number, year=year).accepted_names
        )


def _texts_in_the_file() -> list[dict[str, Any]]:
    read = resources.files("innovasjonspris").joinpath("_realistic_texts.toml").read_text()
    document = tomllib.loads(read)
    kinds: list[list[dict[str, Any]]] = list(document["texts"].values())
    return [*(text for kind in kinds for text in kind), *document["citation_texts"].values()]


def test_each_realistic_text_is_written_in_nb_nn_and_en_alike() -> None:
    texts = _texts_in_the_file()
    assert len(texts) == sum(map(len, TEXTS.values())) + len(CITATION_TEXTS)
    for text in texts:
        assert set(text) == LANGUAGES, text
        assert all(isinstance(version, str) and version for version in text.values()), text
        # A placeholder left out of one language would leave that version unfilled.
        fields = [
            {field for _, field, _, _ in Formatter().parse(v) if field} for v in text.values()
        ]
        assert fields[0] == fields[1] == fields[2], text


def test_a_jury_has_a_text_for_each_standing() -> None:
    assert set(CITATION_TEXTS) == {standing.value for standing in Standing}
