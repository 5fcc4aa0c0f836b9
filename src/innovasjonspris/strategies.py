"""Hypothesis strategies that generate valid domain objects, for tests of your own code.

Install the extra to use them: ``pip install "innovasjonspris[strategies]"``. Every
strategy yields only objects that pass the model's validation, cross-field rules included,
and covers the whole valid space: kommunenummer from every county period since 1972
(``0301`` included), amounts with and without øre, every standing, absent optional fields
and names such as ``Bø``, ``Ås``, ``Hábmer`` and ``Deatnu – Tana``. Realistic values come
first, so failing examples shrink to something a person can read.

Without Hypothesis, importing this module raises :class:`ModuleNotFoundError` (an
:class:`ImportError`) that names the command above.

The same strategies are registered with Hypothesis when it is installed, so
``st.from_type(AwardRound)`` works without importing this module, for every public type
of :mod:`innovasjonspris`. The registry's ``County`` is not among them: it is reference
data, not something a round holds, and ``st.from_type(County)`` is not supported; draw
from :func:`kommunenummer` or :func:`municipalities` instead.

>>> from hypothesis import given
>>> @given(award_rounds())
... def test_one_winner(award_round):
...     assert award_round.winner.standing is Standing.WINNER

This module and the private one it draws values from are the only ones of the library that
import Hypothesis.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Final, TypeVar

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
    Jury,
    JuryMember,
    Municipality,
    Organisation,
    Person,
    Prize,
    Project,
    Source,
    Standing,
    YearNotAwarded,
)
from innovasjonspris._value_strategies import (
    EVENT_NAMES,
    ORGANISATION_NAMES,
    PERSON_NAMES,
    PLACES,
    PROJECT_NAMES,
    PUBLISHERS,
    SMALL,
    TITLES,
    URLS,
    is_clean,
    kommunenummer,
    line_characters,
    localized,
    localized_texts,
    money,
    named,
    optional,
    orgnrs,
    records,
    standings,
    texts,
    years,
)

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

_T = TypeVar("_T")


@functools.cache
def _organisations() -> st.SearchStrategy[Organisation]:
    return st.builds(
        Organisation,
        name=localized(ORGANISATION_NAMES),
        short_name=optional(named(("KMD", "KS", "DFØ", "NTNU"))),
        orgnr=optional(orgnrs()),
    )


def organisations() -> st.SearchStrategy[Organisation]:
    """Generate an :class:`~innovasjonspris.Organisation`, with or without short name, orgnr."""
    return _organisations()


@functools.cache
def _persons() -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        name=named(PERSON_NAMES),
        title=optional(localized(TITLES)),
        organisation=optional(_organisations()),
    )


def persons() -> st.SearchStrategy[Person]:
    """Generate a :class:`~innovasjonspris.Person`, with or without a title and organisation."""
    return _persons()


def jury_members() -> st.SearchStrategy[JuryMember]:
    """Generate a :class:`~innovasjonspris.JuryMember`, chair or not."""
    return st.builds(JuryMember, person=_persons(), chair=st.booleans())


def _lists(strategy: st.SearchStrategy[_T], *, most: int = SMALL) -> st.SearchStrategy[list[_T]]:
    return st.lists(strategy, max_size=most, unique=True)


@st.composite
def _jury(draw: st.DrawFn) -> Jury:
    people = draw(_lists(_persons()))
    chair = draw(optional(st.integers(0, len(people) - 1))) if people else None
    members = tuple(JuryMember(person=p, chair=i == chair) for i, p in enumerate(people))
    secretariat = _organisations() if not members else optional(_organisations())
    return Jury(members=members, secretariat=draw(secretariat))


def juries() -> st.SearchStrategy[Jury]:
    """Generate a :class:`~innovasjonspris.Jury`: members or a secretariat, at most one chair."""
    return _jury()


@st.composite
def _event(draw: st.DrawFn, start: date | None = None, end: date | None = None) -> Event:
    return Event(
        name=draw(named(EVENT_NAMES)),
        place=draw(optional(named(PLACES))),
        start=start,
        end=end,
        organizer=draw(optional(_organisations())),
    )


@st.composite
def _any_event(draw: st.DrawFn) -> Event:
    start = draw(optional(st.dates()))
    end = None if start is None else draw(optional(st.dates(min_value=start)))
    return draw(_event(start, end))


def events() -> st.SearchStrategy[Event]:
    """Generate an :class:`~innovasjonspris.Event`; an end only with a start, never before it."""
    return _any_event()


_URL_PATTERN = r"https?://[a-z0-9-]{1,12}(\.[a-z0-9-]{1,12}){1,3}(/[A-Za-z0-9_.~%-]{0,12}){0,3}"


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    # Any address the model accepts: the pattern's \S admits non-ASCII paths too.
    anything = st.from_regex(
        r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", fullmatch=True, alphabet=line_characters
    ).filter(functools.partial(is_clean, multiline=False))
    return st.one_of(st.sampled_from(URLS), st.from_regex(_URL_PATTERN, fullmatch=True), anything)


@functools.cache
def _sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        url=_urls(),
        title=optional(texts(multiline=False)),
        publisher=optional(named(PUBLISHERS)),
        published_on=optional(st.dates()),
    )


def sources() -> st.SearchStrategy[Source]:
    """Generate a :class:`~innovasjonspris.Source`: an http(s) address and what else is known."""
    return _sources()


@st.composite
def _applicants(draw: st.DrawFn, municipalities: int, projects: int) -> Applicants:
    lowest = {"municipalities": municipalities, "projects": projects, "applications": 0}
    counts = {name: draw(optional(st.integers(low, MAX_COUNT))) for name, low in lowest.items()}
    if all(count is None for count in counts.values()):
        name = draw(st.sampled_from(sorted(lowest)))
        counts[name] = draw(st.integers(lowest[name], MAX_COUNT))
    more_than = counts["municipalities"] is not None and draw(st.booleans())
    return Applicants(**counts, more_than=more_than)


def applicants() -> st.SearchStrategy[Applicants]:
    """Generate :class:`~innovasjonspris.Applicants` with at least one count."""
    return _applicants(0, 0)


@st.composite
def _municipality(draw: st.DrawFn, year: int | None) -> Municipality:
    record = draw(st.sampled_from(records(year)))
    name = record.name
    # Drawn for every municipality, so that examples shrink to Oslo's official name and not
    # to whichever municipality has no other form of its name to choose from.
    other_forms = sorted(record.accepted_names - {name})
    if draw(st.booleans()) and other_forms:
        name = draw(st.sampled_from(other_forms))
    return Municipality(number=record.number, name=name, orgnr=draw(optional(orgnrs())))


@functools.cache
def _municipalities(year: int | None) -> st.SearchStrategy[Municipality]:
    return _municipality(year)


def municipalities(*, year: int | None = None) -> st.SearchStrategy[Municipality]:
    """Generate a real :class:`~innovasjonspris.Municipality` of ``year``, from the registry.

    Number and name agree as the registry has them that year; the name is the official one
    or another form the model accepts (one parallel name, or without the county). Without
    ``year``, a municipality of any year the registry covers.
    """
    return _municipalities(year)


@st.composite
def _project(draw: st.DrawFn, number: str) -> Project:
    return Project(
        name=draw(named(PROJECT_NAMES)),
        municipality=number,
        summary=draw(optional(localized())),
    )


@st.composite
def _any_project(draw: st.DrawFn, municipality: str | None) -> Project:
    number = municipality if municipality is not None else draw(kommunenummer())
    return draw(_project(number))


def projects(*, municipality: str | None = None) -> st.SearchStrategy[Project]:
    """Generate a :class:`~innovasjonspris.Project`, run by the kommunenummer ``municipality``."""
    return _any_project(municipality)


def _draw_citation(draw: st.DrawFn, municipality: Municipality, standing: Standing) -> Citation:
    return Citation(
        municipality=municipality,
        standing=standing,
        text=draw(optional(localized())),
        projects=tuple(draw(_lists(_project(municipality.number)))),
        accepted_by=draw(optional(_persons())),
        representatives=tuple(draw(_lists(_persons()))),
    )


@st.composite
def _citation(draw: st.DrawFn, standing: Standing | None, year: int | None) -> Citation:
    cited = draw(municipalities(year=year))
    return _draw_citation(draw, cited, standing if standing is not None else draw(standings()))


def citations(
    *, standing: Standing | None = None, year: int | None = None
) -> st.SearchStrategy[Citation]:
    """Generate a :class:`~innovasjonspris.Citation` whose projects belong to its municipality.

    ``standing`` fixes the standing; ``year`` keeps the kommunenummer valid in that year.
    """
    return _citation(standing, year)


def _round_ids(year: int) -> st.SearchStrategy[str]:
    return st.one_of(st.just(f"innovasjonsprisen-{year}"), _IDS)


_IDS: Final = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True)
_NOT_WINNING: Final = st.sampled_from([Standing.FINALIST, Standing.HONOURABLE_MENTION])
_EVENT_SHAPES: Final = st.sampled_from(["undated", "that day", "span"])
_DAYS_AROUND: Final = st.integers(0, 3)


def _shifted(day: date, days: int) -> date:
    # Past the end of year 9999 the last representable day will do.
    return date.fromordinal(min(day.toordinal() + days, date.max.toordinal()))


def _draw_round_dates(draw: st.DrawFn, year: int) -> tuple[date | None, date | None, Event | None]:
    awarded = draw(optional(st.dates(date(year, 1, 1), date(year, 12, 31))))
    if awarded is None:
        return None, draw(optional(st.dates())), draw(optional(_any_event()))
    announced = draw(optional(st.dates(min_value=awarded)))
    # An event with dates must include the day of the award: none, that day, or a span.
    shape = draw(_EVENT_SHAPES)
    start: date | None = None
    end: date | None = None
    if shape == "that day":
        start, end = awarded, draw(st.sampled_from([None, awarded]))
    elif shape == "span":
        start = _shifted(awarded, -draw(_DAYS_AROUND))
        end = _shifted(awarded, draw(_DAYS_AROUND))
    event = draw(optional(_event(start, end)))
    return awarded, announced, event


@st.composite
def _award_round(draw: st.DrawFn, year: int | None) -> AwardRound:
    round_year = year if year is not None else draw(years())
    cited = draw(
        st.lists(
            municipalities(year=round_year),
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
        amount=draw(money(positive=True)),
        citations=round_citations,
        awarded_on=awarded,
        announced_on=announced,
        event=event,
        presented_by=tuple(draw(_lists(_persons(), most=2))),
        applicants=draw(optional(_applicants(len(round_citations), named))),
        jury=draw(optional(_jury())),
        criteria=tuple(draw(_lists(localized()))),
        notes=draw(optional(localized())),
        sources=tuple(draw(_lists(_sources()))),
    )


def award_rounds(*, year: int | None = None) -> st.SearchStrategy[AwardRound]:
    """Generate an :class:`~innovasjonspris.AwardRound` that keeps every cross-field rule.

    Exactly one winner; distinct municipalities whose numbers are valid in the round's
    year; projects under their own municipality; counts no lower than what is named; the
    award inside the year and the event, and announced no earlier. ``year`` fixes the year.
    """
    return _award_round(year)


@functools.cache
def _prizes() -> st.SearchStrategy[Prize]:
    return st.builds(
        Prize,
        id=st.one_of(st.just("innovasjonsprisen"), _IDS),
        name=localized(("Innovasjonsprisen", "Innovation prize")),
        conferred_by=_organisations(),
        amount=money(positive=True),
        full_name=optional(localized()),
        short_name=optional(localized()),
        purpose=optional(localized()),
        eligibility=optional(localized()),
        sources=_lists(_sources()).map(tuple),
    )


def prizes() -> st.SearchStrategy[Prize]:
    """Generate a :class:`~innovasjonspris.Prize` with a positive amount."""
    return _prizes()


@st.composite
def _year_not_awarded(draw: st.DrawFn) -> YearNotAwarded:
    year = draw(years())
    return YearNotAwarded(
        id=draw(_round_ids(year)),
        year=year,
        reason=draw(localized()),
        notes=draw(optional(localized())),
        sources=tuple(draw(st.lists(_sources(), min_size=1, max_size=SMALL, unique=True))),
    )


def years_not_awarded() -> st.SearchStrategy[YearNotAwarded]:
    """Generate a :class:`~innovasjonspris.YearNotAwarded`: a reason and at least one source."""
    return _year_not_awarded()
