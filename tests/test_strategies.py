"""The strategies yield valid objects, reach every corner of the valid space in their
hostile mode, and are registered with Hypothesis through the entry point.

What the realistic mode promises beyond validity is in ``test_realistic_strategies.py``.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import innovasjonspris
from factories import model_types
from innovasjonspris import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Standing,
    ValidationError,
    registry,
    strategies,
)
from innovasjonspris._public_types import public_types
from innovasjonspris._text import HIDDEN, scripts_of
from innovasjonspris.registry import is_valid_kommunenummer
from innovasjonspris.strategies import STRATEGY_OF

pytestmark = pytest.mark.property

T = TypeVar("T")

MODEL_TYPES = model_types()


# Searching for a rare example may take many tries; the search stops at the first hit and
# shrinks it. The explain phase is left out: it only annotates failures, at great cost.
SEARCH = settings(
    max_examples=5_000,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
REACH = settings(SEARCH, phases=[Phase.generate])
# Both modes promise validity, cross-field rules and good shrinking alike.
MODES = pytest.mark.parametrize("hostile", [False, True], ids=["realistic", "hostile"])


def minimal(strategy: st.SearchStrategy[T], condition: Callable[[T], bool]) -> T:
    return find(strategy, condition, settings=SEARCH)


def reach(strategy: st.SearchStrategy[T], condition: Callable[[T], bool]) -> T:
    """Find any example that meets ``condition``; raise if none turns up."""
    return find(strategy, condition, settings=REACH)


def test_the_public_types_are_the_exported_classes_but_the_errors() -> None:
    exported = [getattr(innovasjonspris, name) for name in innovasjonspris.__all__]
    classes = [value for value in exported if isinstance(value, type)]
    assert AwardRound in public_types()
    assert Standing in public_types()
    assert ValidationError in classes
    assert ValidationError not in public_types()
    assert set(MODEL_TYPES) == set(public_types()) - {Standing}


def test_every_public_type_has_its_own_public_strategy() -> None:
    assert set(STRATEGY_OF) == set(public_types())
    drawing = list(STRATEGY_OF.values())
    assert len(set(drawing)) == len(drawing)
    assert all(getattr(strategies, strategy.__name__) is strategy for strategy in drawing)
    assert {strategy.__name__ for strategy in drawing} <= set(strategies.__all__)


@MODES
@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_strategies_yield_valid_objects(
    cls: type[Any], data: st.DataObject, *, hostile: bool
) -> None:
    value = data.draw(STRATEGY_OF[cls](hostile=hostile))
    assert type(value) is cls
    # evolve() builds a new object, running every validator and cross-field rule again.
    assert attrs.evolve(value) == value


@pytest.mark.parametrize("cls", public_types(), ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_from_type_uses_the_registered_strategies(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(st.from_type(cls))
    assert type(value) is cls


IMPORT_ORDERS = {
    # The strategies module imports Hypothesis, which runs our hook while it is half loaded.
    "strategies first": "import innovasjonspris.strategies",
    "hypothesis first": "import hypothesis; import innovasjonspris.strategies",
    # Registering the types builds no strategy: that waits until a type is asked for.
    "hypothesis, then the package": (
        "import sys, hypothesis, innovasjonspris; "
        "assert 'innovasjonspris.strategies' not in sys.modules; "
        "assert 'babel' not in sys.modules"
    ),
    # Hypothesis alone loads neither the strategies nor Babel, only the model's types.
    "hypothesis alone": (
        "import sys, hypothesis; "
        "assert 'innovasjonspris.strategies' not in sys.modules; "
        "assert 'babel' not in sys.modules"
    ),
}


@pytest.mark.parametrize("code", IMPORT_ORDERS.values(), ids=IMPORT_ORDERS.keys())
def test_the_hook_works_in_any_import_order(code: str) -> None:
    check = "from hypothesis import find, strategies as st; import innovasjonspris as i; "
    check += "assert find(st.from_type(i.Municipality), lambda m: True).number == '0301'"
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-W", "error", "-c", f"{code}\n{check}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_registration_replaces_what_hypothesis_would_infer() -> None:
    (entry,) = (
        entry
        for entry in importlib.metadata.entry_points(group="hypothesis")
        if entry.name == "innovasjonspris"
    )
    # Hypothesis ran the hook on import already; running it again must do no harm.
    entry.load()()
    smallest = minimal(st.from_type(AwardRound), lambda _: True)
    assert smallest.id == "innovasjonsprisen-2019"
    assert smallest.winner.municipality == Municipality(number="0301", name="Oslo")


@MODES
def test_award_rounds_shrink_to_a_readable_round(*, hostile: bool) -> None:
    smallest = minimal(strategies.award_rounds(hostile=hostile), lambda _: True)
    assert smallest == AwardRound(
        id="innovasjonsprisen-2019",
        year=2019,
        amount=Money(amount=Decimal(500000)),
        citations=(
            Citation(
                municipality=Municipality(number="0301", name="Oslo"), standing=Standing.WINNER
            ),
        ),
    )


@given(strategies.award_rounds() | strategies.award_rounds(hostile=True))
def test_award_rounds_keep_the_cross_field_rules(award_round: AwardRound) -> None:
    assert [c.standing for c in award_round.citations].count(Standing.WINNER) == 1
    numbers = [c.municipality.number for c in award_round.citations]
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_kommunenummer(n, year=award_round.year) for n in numbers)
    assert award_round.amount.amount > 0


@pytest.mark.parametrize(
    ("year", "county"),
    [
        (1972, "16"),  # Sør-Trøndelag, until 2018
        (2017, "17"),  # Nord-Trøndelag
        (2018, "50"),  # Trøndelag, from 2018
        (2019, "12"),  # Hordaland, until 2020
        (2020, "30"),  # Viken, 2020 to 2023
        (2023, "54"),  # Troms og Finnmark, 2020 to 2023
        (2024, "31"),  # Østfold again, from 2024
        (2024, "56"),  # Finnmark again
    ],
)
@MODES
def test_municipalities_reach_every_county_period(year: int, county: str, *, hostile: bool) -> None:
    strategy = strategies.municipalities(year=year, hostile=hostile)
    found = reach(strategy, lambda m: m.county_number == county)
    assert is_valid_kommunenummer(found.number, year=year)


def test_kommunenummer_shrinks_to_oslo_with_its_leading_zero() -> None:
    assert minimal(strategies.kommunenummer(), lambda _: True) == "0301"
    assert minimal(strategies.kommunenummer(year=2024), lambda _: True) == "0301"


@given(
    strategies.years().flatmap(
        lambda year: st.tuples(st.just(year), strategies.kommunenummer(year=year))
    )
)
def test_kommunenummer_is_valid_in_its_year(year_and_number: tuple[int, str]) -> None:
    year, number = year_and_number
    assert is_valid_kommunenummer(number, year=year)
    assert not number.endswith("00")


@MODES
@pytest.mark.parametrize("year", [1972, 2017, 2018, 2019, 2020, 2023, 2024, 2026])
def test_award_rounds_can_be_held_in_every_county_period(year: int, *, hostile: bool) -> None:
    found = reach(strategies.award_rounds(year=year, hostile=hostile), lambda _: True)
    assert found.year == year


NAME_FORMS: list[Callable[[str], bool]] = [
    lambda name: not name.isascii(),  # Bø, Ås, Hábmer
    lambda name: " - " in name,  # Deatnu - Tana, official with its parallel forms
    lambda name: name.endswith(")"),  # Herøy (Nordland), told apart by its county
]


@pytest.mark.parametrize(
    "kind",
    NAME_FORMS,
    ids=["non-ASCII", "parallel names", "with its county"],
)
@MODES
def test_municipality_names_take_every_form(kind: Callable[[str], bool], *, hostile: bool) -> None:
    strategy = strategies.municipalities(hostile=hostile)
    assert kind(reach(strategy, lambda m: kind(m.name)).name)


@given(
    strategies.years().flatmap(
        lambda year: st.tuples(st.just(year), strategies.municipalities(year=year))
    )
)
def test_municipalities_are_the_registrys_of_their_year(
    year_and_municipality: tuple[int, Municipality],
) -> None:
    year, drawn = year_and_municipality
    record = registry.municipality(drawn.number, year=year)
    assert drawn.name in record.accepted_names


OUT_OF_RANGE = [registry.FIRST_YEAR - 1, registry.MAX_YEAR + 1]
ASKING_FOR_A_YEAR: list[Callable[[Any], object]] = [
    lambda year: strategies.municipalities(year=year),
    lambda year: strategies.municipalities(year=year, hostile=True),
    lambda year: strategies.kommunenummer(year=year),
    lambda year: strategies.citations(year=year),
    lambda year: strategies.award_rounds(year=year),
    lambda year: strategies.award_rounds(year=year, hostile=True),
]


@pytest.mark.parametrize("year", OUT_OF_RANGE)
@pytest.mark.parametrize("ask", ASKING_FOR_A_YEAR)
def test_a_year_no_round_may_have_is_refused_when_asked_for(
    ask: Callable[[Any], object], year: int
) -> None:
    expected = f"must be a year from {registry.FIRST_YEAR} on, not {year}"
    with pytest.raises(ValidationError, match=expected):
        ask(year)


@pytest.mark.parametrize("year", ["2019", 2019.0, True])
@pytest.mark.parametrize("ask", ASKING_FOR_A_YEAR)
def test_a_year_of_the_wrong_type_is_a_type_error(
    ask: Callable[[Any], object], year: object
) -> None:
    # The int first: a cache that took 2019.0 for 2019 would answer from it, unchecked.
    ask(2019)
    with pytest.raises(TypeError, match="year must be an int or None"):
        ask(year)


@MODES
@pytest.mark.parametrize("standing", list(Standing))
def test_citations_reach_every_standing(standing: Standing, *, hostile: bool) -> None:
    drawn = strategies.citations(hostile=hostile)
    assert minimal(drawn, lambda c: c.standing is standing).standing is standing
    fixed = strategies.citations(standing=standing, year=2019, hostile=hostile)
    assert minimal(fixed, lambda _: True).standing is standing


@MODES
def test_rounds_name_finalists_and_honourable_mentions(*, hostile: bool) -> None:
    found = reach(
        strategies.award_rounds(hostile=hostile),
        lambda r: {c.standing for c in r.citations} == set(Standing),
    )
    assert len(found.citations) >= len(Standing)


def _exponent(money: Money) -> int:
    exponent = money.amount.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


MONEY_CORNERS: list[tuple[Callable[[Money], bool], Decimal]] = [
    (lambda m: m.amount != m.amount.to_integral_value(), Decimal("1234.50")),
    (lambda m: m.amount < 0, Decimal(-1)),
    (lambda m: m.currency != "NOK", Decimal(500000)),
    (lambda m: _exponent(m) == -1, Decimal("0.0")),
    (lambda m: _exponent(m) > 0, Decimal("0E+1")),
]


@pytest.mark.parametrize(("condition", "expected"), MONEY_CORNERS)
def test_money_reaches_amounts_with_and_without_ore(
    condition: Callable[[Money], bool], expected: Decimal
) -> None:
    found = minimal(strategies.money(hostile=True), condition)
    assert found.amount == expected
    assert str(found.amount) == str(expected)


@given(strategies.money(positive=True, hostile=True) | strategies.money())
def test_positive_money_is_above_zero(money: Money) -> None:
    assert money.amount > 0


def test_money_may_carry_an_uncommon_currency() -> None:
    found = reach(
        strategies.money(hostile=True),
        lambda m: m.currency not in {"NOK", "SEK", "DKK", "EUR", "USD"},
    )
    assert len(found.currency) == 3


OPTIONAL_ROUND_FIELDS = [f.name for f in attrs.fields(AwardRound) if f.default is not attrs.NOTHING]


@MODES
@pytest.mark.parametrize("field", OPTIONAL_ROUND_FIELDS)
def test_optional_fields_are_filled_in_as_well_as_left_out(field: str, *, hostile: bool) -> None:
    # The smallest round leaves them all out (see above); each is also given.
    found = reach(
        strategies.award_rounds(hostile=hostile), lambda r: getattr(r, field) not in (None, ())
    )
    assert getattr(found, field) not in (None, ())


def test_localized_texts_use_any_set_of_languages() -> None:
    hostile = strategies.localized_texts(hostile=True)
    assert minimal(hostile, lambda _: True).languages == ("nb",)
    assert minimal(hostile, lambda t: "nb" not in t.languages).languages == ("nn",)
    every = minimal(hostile, lambda t: len(t.languages) == 3)
    assert every.languages == ("nb", "nn", "en")
    multiline = minimal(hostile, lambda t: "\n" in t.get("nb"))
    assert "\n" in multiline.get("nb")


@MODES
def test_juries_have_a_chair_or_not_and_may_be_just_a_secretariat(*, hostile: bool) -> None:
    juries = strategies.juries(hostile=hostile)
    assert minimal(juries, lambda j: j.chair is not None).chair is not None
    secretariat_only = minimal(juries, lambda _: True)
    assert secretariat_only.members == ()
    assert secretariat_only.secretariat is not None
    assert minimal(strategies.jury_members(hostile=hostile), lambda m: m.chair).chair


@MODES
def test_events_span_days_or_have_none(*, hostile: bool) -> None:
    events = strategies.events(hostile=hostile)
    assert reach(events, lambda e: e.start is None).end is None
    spanning = reach(
        events, lambda e: e.start is not None and e.end is not None and e.end > e.start
    )
    assert spanning.start is not None


@MODES
def test_rounds_put_the_award_inside_the_event(*, hostile: bool) -> None:
    found = reach(
        strategies.award_rounds(hostile=hostile),
        lambda r: (
            r.awarded_on is not None
            and r.event is not None
            and r.event.end is not None
            and r.event.start != r.event.end
        ),
    )
    assert found.awarded_on is not None
    assert found.event is not None
    assert found.event.start is not None
    assert found.event.end is not None
    assert found.event.start <= found.awarded_on <= found.event.end


@MODES
def test_rounds_may_be_announced_after_the_award(*, hostile: bool) -> None:
    found = reach(
        strategies.award_rounds(hostile=hostile),
        lambda r: (
            r.awarded_on is not None
            and r.announced_on is not None
            and r.announced_on > r.awarded_on
        ),
    )
    assert found.announced_on is not None


def _named_projects(award_round: AwardRound) -> int:
    return sum(len(citation.projects) for citation in award_round.citations)


@MODES
def test_counts_reach_down_to_what_a_round_names(*, hostile: bool) -> None:
    # The boundary of the counting rule: exactly as many projects as the citations name.
    found = reach(
        strategies.award_rounds(hostile=hostile),
        lambda r: r.applicants is not None and r.applicants.projects == _named_projects(r) > 0,
    )
    assert found.applicants is not None
    assert found.applicants.projects == _named_projects(found)


COUNTS = ("municipalities", "projects", "applications")


def _only_count(applicants: Applicants) -> str | None:
    given = [name for name in COUNTS if getattr(applicants, name) is not None]
    return given[0] if len(given) == 1 else None


@pytest.mark.parametrize("name", COUNTS)
def test_applicants_may_give_any_single_count(name: str) -> None:
    applicants = strategies.applicants(hostile=True)
    only = minimal(applicants, lambda a: _only_count(a) == name)
    assert getattr(only, name) == 0
    assert minimal(applicants, lambda a: a.more_than).more_than


@MODES
def test_projects_belong_to_the_municipality_asked_for(*, hostile: bool) -> None:
    asked = strategies.projects(municipality="1516", hostile=hostile)
    assert minimal(asked, lambda _: True).municipality == "1516"
    assert minimal(strategies.projects(hostile=hostile), lambda _: True).municipality == "0301"


def test_sources_have_addresses_of_every_kind() -> None:
    sources = strategies.sources(hostile=True)
    assert reach(sources, lambda s: not s.url.isascii()).url.startswith("http")
    assert reach(sources, lambda s: s.url.startswith("https://")).url


@MODES
def test_orgnrs_carry_a_valid_check_digit(*, hostile: bool) -> None:
    generated = minimal(strategies.orgnrs(hostile=hostile), lambda n: n != "972417858")
    assert Organisation(name=LocalizedText(nb="KS"), orgnr=generated).orgnr == generated


@given(
    strategies.texts(hostile=True) | strategies.texts(),
    strategies.texts(multiline=True, hostile=True) | strategies.texts(multiline=True),
)
def test_texts_are_clean(line: str, prose: str) -> None:
    assert Event(name=line).name == line
    assert LocalizedText(nn=prose).nn == prose
    assert "\n" not in line


@MODES
def test_prizes_shrink_to_the_innovation_prize(*, hostile: bool) -> None:
    smallest = minimal(strategies.prizes(hostile=hostile), lambda _: True)
    assert smallest.id == "innovasjonsprisen"
    assert smallest.name == LocalizedText(nb="Innovasjonsprisen")


def _scripts_in(value: str) -> set[str]:
    return {next(iter(s)) for c in value if (s := scripts_of(c)) is not None and len(s) == 1}


def test_hostile_names_keep_each_word_to_one_script_but_not_the_name() -> None:
    # Strange names still turn up: one in another script than Latin, and one whose words
    # are in two scripts, which TR39 allows, as a name is refused only within a word.
    names = strategies.persons(hostile=True).map(lambda person: person.name)
    assert reach(names, lambda name: bool(_scripts_in(name) - {"LATIN"}))
    assert reach(names, lambda name: len(_scripts_in(name)) > 1)


@given(strategies.texts(hostile=True), strategies.texts(multiline=True, hostile=True))
def test_hostile_texts_hold_no_hidden_characters(line: str, prose: str) -> None:
    assert not HIDDEN & set(line + prose)


def test_hostile_texts_keep_the_format_characters_that_hide_nothing() -> None:
    # The soft hyphen (U+00AD) and the Arabic number sign (U+0600) are format characters
    # that show, or break a line; only the invisible ones are refused.
    found = reach(strategies.texts(hostile=True), lambda text: any(c in text for c in "\xad\u0600"))
    assert any(c in found for c in "\xad\u0600")
