"""Hypothesis strategies that generate valid domain objects, for tests of your own code.

Install the extra to use them: ``pip install "innovasjonspris[strategies]"``. Every
strategy yields only objects that pass the model's validation, cross-field rules included.

By default the values are realistic, as a test of a web page or report wants them: NOK in
whole kroner, real municipalities of the round's year from every county period since 1972
(``0301`` included), Norwegian names and titles, text in Bokmål with its Nynorsk and
English versions, citations that name their own municipality's projects, organisation
numbers no other body has, and dates close together. With ``hostile=True``, every strategy
covers the whole valid space instead, for tests of robustness: any ISO 4217 currency,
amounts with and without øre and in any exponent, zero and negative amounts, any Unicode
text the model accepts, any valid orgnr, dates from year 1 to 9999. Either way realistic
values come first, so failing examples shrink to something a person can read.

Without Hypothesis, importing this module raises :class:`ModuleNotFoundError` (an
:class:`ImportError`) that names the command above.

The same strategies are registered with Hypothesis when it is installed, so
``st.from_type(AwardRound)`` works without importing this module, for every public type
of :mod:`innovasjonspris`, in the realistic mode. The registry's ``County`` is not among
them: it is reference data, not something a round holds, and ``st.from_type(County)`` is
not supported; draw from :func:`kommunenummer` or :func:`municipalities` instead.

>>> from hypothesis import given
>>> @given(award_rounds())
... def test_one_winner(award_round):
...     assert award_round.winner.standing is Standing.WINNER

This module and the private ones it draws values and parts from are the only ones of the
library that import Hypothesis.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final

import innovasjonspris

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:
    # Still a ModuleNotFoundError, so code that catches one keeps working.
    _MISSING = (
        'innovasjonspris.strategies needs Hypothesis: pip install "innovasjonspris[strategies]"'
    )
    raise ModuleNotFoundError(_MISSING, name=missing.name) from missing

from innovasjonspris._model import (
    MAX_COUNT,
    Applicants,
    AwardRound,
    Citation,
    Event,
    Municipality,
    Prize,
    Project,
    Standing,
    YearNotAwarded,
)
from innovasjonspris._model_rules import date_window
from innovasjonspris._part_strategies import (
    events,
    events_between,
    juries,
    jury_members,
    lists,
    organisations,
    persons,
    sources,
    sources_between,
)
from innovasjonspris._realistic_rounds import (
    realistic_applicants,
    realistic_citation,
    realistic_prizes,
    realistic_projects,
    realistic_round,
    realistic_years_not_awarded,
)
from innovasjonspris._typed_cache import cached
from innovasjonspris._value_strategies import (
    PROJECT_NAMES,
    SMALL,
    check_round_year,
    kommunenummer,
    localized,
    localized_texts,
    money,
    municipalities,
    named,
    optional,
    orgnrs,
    records,
    standings,
    texts,
    years,
)
from innovasjonspris.data import prize as bundled_prize

__all__ = [
    "applicants",
    "award_rounds",
    "citations",
    "events",
    "juries",
    "jury_members",
    "kommunenummer",
    "localized_texts",
    "money",
    "municipalities",
    "organisations",
    "orgnrs",
    "persons",
    "prizes",
    "projects",
    "sources",
    "standings",
    "texts",
    "years",
    "years_not_awarded",
]


@st.composite
def _applicants(
    draw: st.DrawFn, municipalities: int, projects: int, existing: int = MAX_COUNT
) -> Applicants:
    # ``existing``: how many municipalities there are in the round's year, an upper bound.
    bounds = {
        "municipalities": (municipalities, existing),
        "applicants": (municipalities, MAX_COUNT),
        "projects": (projects, MAX_COUNT),
        "applications": (projects, MAX_COUNT),
    }
    counts = {name: draw(optional(st.integers(*bound))) for name, bound in bounds.items()}
    if all(count is None for count in counts.values()):
        name = draw(st.sampled_from(sorted(bounds)))
        counts[name] = draw(st.integers(*bounds[name]))
    # «More than» the count only while one more would still be a municipality of the year.
    counted = counts["municipalities"]
    more_than = counted is not None and counted < existing and draw(st.booleans())
    return Applicants(**counts, more_than=more_than)


def applicants(*, hostile: bool = False) -> st.SearchStrategy[Applicants]:
    """Generate :class:`~innovasjonspris.Applicants` with at least one count.

    A few dozen municipalities and projects; with ``hostile``, any count up to the limit.
    """
    return _applicants(0, 0) if hostile else realistic_applicants(0, 0)


@st.composite
def _project(draw: st.DrawFn, number: str) -> Project:
    return Project(
        name=draw(named(PROJECT_NAMES)),
        municipality=number,
        summary=draw(optional(localized())),
    )


@st.composite
def _any_project(draw: st.DrawFn, municipality: str | None, *, hostile: bool) -> Project:
    number = municipality if municipality is not None else draw(kommunenummer())
    return draw(_project(number) if hostile else realistic_projects(number))


def projects(
    *, municipality: str | None = None, hostile: bool = False
) -> st.SearchStrategy[Project]:
    """Generate a :class:`~innovasjonspris.Project`, run by the kommunenummer ``municipality``.

    Named like ``Velferdslaben``, summarised in nb, nn and en; with ``hostile``, any text.
    """
    return _any_project(municipality, hostile=hostile)


def _draw_citation(draw: st.DrawFn, municipality: Municipality, standing: Standing) -> Citation:
    return Citation(
        municipality=municipality,
        standing=standing,
        text=draw(optional(localized())),
        projects=tuple(draw(lists(_project(municipality.number)))),
        accepted_by=draw(optional(persons(hostile=True))),
        representatives=tuple(draw(lists(persons(hostile=True)))),
    )


@st.composite
def _citation(
    draw: st.DrawFn, standing: Standing | None, year: int | None, *, hostile: bool
) -> Citation:
    cited = draw(municipalities(year=year, hostile=hostile))
    drawn = standing if standing is not None else draw(standings())
    if hostile:
        return _draw_citation(draw, cited, drawn)
    return draw(realistic_citation(cited, drawn))


def citations(
    *, standing: Standing | None = None, year: int | None = None, hostile: bool = False
) -> st.SearchStrategy[Citation]:
    """Generate a :class:`~innovasjonspris.Citation` whose projects belong to its municipality.

    ``standing`` fixes the standing; ``year`` keeps the kommunenummer valid in that year.
    The text names the municipality and its projects, and its people work for it; with
    ``hostile``, any text and any people.
    """
    check_round_year(year)
    return _citation(standing, year, hostile=hostile)


def _round_ids(year: int) -> st.SearchStrategy[str]:
    # A round's id ends in its year (the rule ID_OF_THE_YEAR); what comes before is free.
    return st.one_of(st.just(f"innovasjonsprisen-{year}"), _IDS.map(lambda id_: f"{id_}-{year}"))


_IDS: Final = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True)
_NOT_WINNING: Final = st.sampled_from([Standing.FINALIST, Standing.HONOURABLE_MENTION])
_EVENT_SHAPES: Final = st.sampled_from(["undated", "that day", "span"])
_DAYS_AROUND: Final = st.integers(0, 3)


def _shifted(day: date, days: int) -> date:
    # Past the end of year 9999 the last representable day will do.
    return date.fromordinal(min(day.toordinal() + days, date.max.toordinal()))


def _dates_of(year: int, part: str, *, first: date | None = None) -> st.SearchStrategy[date]:
    # Any day the rule DATES_NEAR_THE_YEAR allows for this part of a round of ``year``.
    earliest, latest = date_window(year, part)
    return st.dates(max(earliest, first or earliest), latest)


@st.composite
def _events_of(draw: st.DrawFn, year: int) -> Event:
    start = draw(optional(_dates_of(year, "event")))
    end = None if start is None else draw(optional(_dates_of(year, "event", first=start)))
    return draw(events_between(start, end))


def _draw_round_dates(draw: st.DrawFn, year: int) -> tuple[date | None, date | None, Event | None]:
    awarded = draw(optional(st.dates(date(year, 1, 1), date(year, 12, 31))))
    if awarded is None:
        announced = draw(optional(_dates_of(year, "announced_on")))
        return None, announced, draw(optional(_events_of(year)))
    announced = draw(optional(_dates_of(year, "announced_on", first=awarded)))
    # An event with dates must include the day of the award: none, that day, or a span.
    shape = draw(_EVENT_SHAPES)
    start: date | None = None
    end: date | None = None
    if shape == "that day":
        start, end = awarded, draw(st.sampled_from([None, awarded]))
    elif shape == "span":
        start = _shifted(awarded, -draw(_DAYS_AROUND))
        end = _shifted(awarded, draw(_DAYS_AROUND))
    event = draw(optional(events_between(start, end)))
    return awarded, announced, event


@st.composite
def _award_round(draw: st.DrawFn, year: int | None) -> AwardRound:
    round_year = year if year is not None else draw(years())
    cited = draw(
        st.lists(
            municipalities(year=round_year, hostile=True),
            min_size=1,
            max_size=SMALL + 1,
            unique_by=lambda municipality: municipality.number,
        )
    )
    winner = draw(st.integers(0, len(cited) - 1))
    round_citations = tuple(
        _draw_citation(draw, m, Standing.WINNER if i == winner else draw(_NOT_WINNING))
        for i, m in enumerate(cited)
    )
    named = sum(len(citation.projects) for citation in round_citations)
    awarded, announced, event = _draw_round_dates(draw, round_year)
    return AwardRound(
        id=draw(_round_ids(round_year)),
        year=round_year,
        amount=draw(money(positive=True, hostile=True)),
        citations=round_citations,
        awarded_on=awarded,
        announced_on=announced,
        event=event,
        presented_by=tuple(draw(lists(persons(hostile=True), most=2))),
        applicants=draw(
            optional(
                _applicants(
                    len(round_citations),
                    named,
                    len(records(round_year)),
                )
            )
        ),
        jury=draw(optional(juries(hostile=True))),
        criteria=tuple(draw(lists(localized()))),
        notes=draw(optional(localized())),
        sources=tuple(draw(lists(sources_between(*date_window(round_year, "sources"))))),
        # The bundled prize, named by its id in a document, or one written out in full.
        prize=draw(optional(st.builds(bundled_prize) | prizes(hostile=True))),
    )


def award_rounds(
    *, year: int | None = None, hostile: bool = False
) -> st.SearchStrategy[AwardRound]:
    """Generate an :class:`~innovasjonspris.AwardRound` that keeps every cross-field rule.

    Exactly one winner; distinct municipalities whose numbers are valid in the round's
    year; projects under their own municipality; counts no lower than what is named; the
    award inside the year and the event, and announced no earlier. ``year`` fixes the year.

    Realistic: ``innovasjonsprisen-2019``, whole kroner in NOK, citations that name their
    municipality's projects, an event around the day of the award, news in the month
    after. With ``hostile``, any valid value in every field (see the module's docstring).

    Raises:
        ValidationError: ``year`` is one no round may have (before 1972, or after the
            registry's last year).
    """
    check_round_year(year)
    return _award_round(year) if hostile else realistic_round(year)


@cached
def prizes(*, hostile: bool = False) -> st.SearchStrategy[Prize]:
    """Generate a :class:`~innovasjonspris.Prize` with a positive amount.

    The innovation prize, conferred by a real body; with ``hostile``, any valid prize.
    """
    if not hostile:
        return realistic_prizes()
    return st.builds(
        Prize,
        id=st.one_of(st.just("innovasjonsprisen"), _IDS),
        name=localized(("Innovasjonsprisen", "Innovation prize")),
        conferred_by=organisations(hostile=True),
        amount=money(positive=True, hostile=True),
        full_name=optional(localized()),
        short_name=optional(localized()),
        purpose=optional(localized()),
        eligibility=optional(localized()),
        sources=lists(sources(hostile=True)).map(tuple),
    )


@st.composite
def _year_not_awarded(draw: st.DrawFn) -> YearNotAwarded:
    year = draw(years())
    return YearNotAwarded(
        id=draw(_round_ids(year)),
        year=year,
        reason=draw(localized()),
        notes=draw(optional(localized())),
        sources=tuple(
            draw(st.lists(sources(hostile=True), min_size=1, max_size=SMALL, unique=True))
        ),
    )


def years_not_awarded(*, hostile: bool = False) -> st.SearchStrategy[YearNotAwarded]:
    """Generate a :class:`~innovasjonspris.YearNotAwarded`: a reason and at least one source.

    With ``hostile``, any clean text as the reason and any valid sources.
    """
    return _year_not_awarded() if hostile else realistic_years_not_awarded()


STRATEGY_OF: Final[Mapping[type[Any], Callable[..., st.SearchStrategy[Any]]]] = {
    innovasjonspris.Applicants: applicants,
    innovasjonspris.AwardRound: award_rounds,
    innovasjonspris.Citation: citations,
    innovasjonspris.Event: events,
    innovasjonspris.Jury: juries,
    innovasjonspris.JuryMember: jury_members,
    innovasjonspris.LocalizedText: localized_texts,
    innovasjonspris.Money: money,
    innovasjonspris.Municipality: municipalities,
    innovasjonspris.Organisation: organisations,
    innovasjonspris.Person: persons,
    innovasjonspris.Prize: prizes,
    innovasjonspris.Project: projects,
    innovasjonspris.Source: sources,
    innovasjonspris.Standing: standings,
    innovasjonspris.YearNotAwarded: years_not_awarded,
}
"""The strategy that draws each public type: what ``st.from_type`` uses, with no arguments.

Not part of the public API (it is not in ``__all__``): the registration with Hypothesis
reads it, and so do the tests. A public type added to :mod:`innovasjonspris` gets its line
here; the tests fail until it has one.
"""
