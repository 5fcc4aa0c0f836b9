"""The realistic strategies for projects, citations, whole rounds, prizes and years not awarded.

A realistic round reads like one of the bundled ones: ``innovasjonsprisen-2019``, 500 000
kroner, real municipalities of the year with their names of that year, citations that name
the municipality's own projects in nb, nn and en, an award inside its year and inside the
conference where it was given, and news of it published in the days after.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from hypothesis import strategies as st

from innovasjonspris._model import (
    Applicants,
    AwardRound,
    Citation,
    Municipality,
    Prize,
    Project,
    Standing,
    YearNotAwarded,
)
from innovasjonspris._part_strategies import lists
from innovasjonspris._realistic_parts import (
    distinct_people,
    people_of,
    realistic_events_between,
    realistic_juries,
    realistic_persons,
    sources_of_round,
)
from innovasjonspris._realistic_values import (
    CITATION_TEXTS,
    LANGUAGES,
    TEXTS,
    Triple,
    filled,
    localized_in,
    project_names,
    realistic_localized,
    realistic_money,
    realistic_organisations,
)
from innovasjonspris._value_strategies import SMALL, municipalities, optional, years
from innovasjonspris.data import prize as bundled_prize
from innovasjonspris.formatting import format_list

__all__ = [
    "realistic_applicants",
    "realistic_citation",
    "realistic_prizes",
    "realistic_projects",
    "realistic_round",
    "realistic_years_not_awarded",
]

_NOT_WINNING: Final = st.sampled_from([Standing.FINALIST, Standing.HONOURABLE_MENTION])
_MORE: Final = 60  # how many more took part than a round names, at most


@st.composite
def realistic_projects(draw: st.DrawFn, number: str) -> Project:
    """A project of the municipality with kommunenummer ``number``, perhaps summarised."""
    name = draw(project_names())
    summaries = st.sampled_from(TEXTS["summaries"]).map(lambda triple: filled(triple, project=name))
    return Project(
        name=name, municipality=number, summary=draw(optional(realistic_localized(summaries)))
    )


def _citation_text(standing: Standing, municipality: str, projects: list[str]) -> Triple:
    work = (
        [format_list(projects, locale=language) for language in ("nb", "nn", "en")]
        if projects
        else TEXTS["work_as_a_whole"][0]
    )
    template = CITATION_TEXTS[standing.value]
    nb, nn, en = (
        text.format(municipality=municipality, work=done)
        for text, done in zip(template, work, strict=True)
    )
    return nb, nn, en


@st.composite
def realistic_citation(draw: st.DrawFn, municipality: Municipality, standing: Standing) -> Citation:
    """The jury's word on ``municipality``: its own projects, named in the text if any."""
    projects = draw(
        st.lists(realistic_projects(municipality.number), max_size=SMALL, unique_by=_name)
    )
    triple = _citation_text(standing, municipality.name, [p.name for p in projects])
    people = people_of(municipality)
    return Citation(
        municipality=municipality,
        standing=standing,
        text=draw(optional(realistic_localized((triple,)))),
        projects=tuple(projects),
        accepted_by=draw(optional(people)),
        representatives=tuple(draw(distinct_people(people, most=2))),
    )


def _name(project: Project) -> str:
    return project.name


@st.composite
def realistic_applicants(draw: st.DrawFn, municipalities: int, projects: int) -> Applicants:
    """Counts no lower than what a round names, and at most a few dozen more."""
    lowest = max(municipalities, 1)
    counted = draw(optional(st.integers(lowest, lowest + _MORE)))
    entered = draw(optional(st.integers(max(projects, 1), projects + 2 * _MORE)))
    if counted is None and entered is None:
        counted = draw(st.integers(lowest, lowest + _MORE))
    return Applicants(
        municipalities=counted,
        projects=entered,
        more_than=counted is not None and draw(st.booleans()),
    )


_DAYS_BEFORE_OR_AFTER: Final = st.integers(0, 1)
_DAYS_TO_ANNOUNCE: Final = st.integers(0, 14)


def _days(draw: st.DrawFn, days: st.SearchStrategy[int]) -> timedelta:
    return timedelta(days=draw(days))


@st.composite
def realistic_round(draw: st.DrawFn, year: int | None) -> AwardRound:
    """A round of ``year`` (any, if ``None``), honouring real municipalities of that year."""
    round_year = year if year is not None else draw(years())
    cited = municipalities(year=round_year)
    honoured = draw(st.lists(cited, min_size=1, max_size=SMALL + 1, unique_by=lambda m: m.number))
    winner = draw(st.integers(0, len(honoured) - 1))
    citations = tuple(
        draw(realistic_citation(m, Standing.WINNER if i == winner else draw(_NOT_WINNING)))
        for i, m in enumerate(honoured)
    )
    named = sum(len(citation.projects) for citation in citations)
    # The award, its announcement, the conference and the news of it are close together,
    # as in the bundled rounds: announced within two weeks, news within a month.
    awarded = draw(optional(st.dates(date(round_year, 1, 1), date(round_year, 12, 31))))
    announced = event = None
    if awarded is not None:
        announced = draw(optional(st.just(awarded + _days(draw, _DAYS_TO_ANNOUNCE))))
        start = awarded - _days(draw, _DAYS_BEFORE_OR_AFTER)
        end = awarded + _days(draw, _DAYS_BEFORE_OR_AFTER)
        event = draw(optional(realistic_events_between(start, end)))
    published = (
        st.dates(awarded, awarded + timedelta(days=30))
        if awarded is not None
        else st.dates(date(round_year, 1, 1), date(round_year, 12, 31))
    )
    languages = draw(LANGUAGES)
    criteria = draw(lists(st.sampled_from(TEXTS["criteria"]), most=len(TEXTS["criteria"])))
    return AwardRound(
        id=f"innovasjonsprisen-{round_year}",
        year=round_year,
        amount=draw(realistic_money()),
        citations=citations,
        awarded_on=awarded,
        announced_on=announced,
        event=event,
        presented_by=tuple(draw(distinct_people(realistic_persons(), most=2))),
        applicants=draw(optional(realistic_applicants(len(citations), named))),
        jury=draw(optional(realistic_juries())),
        criteria=tuple(localized_in(triple, languages) for triple in criteria),
        notes=draw(optional(realistic_localized(TEXTS["notes"]))),
        sources=tuple(
            draw(
                st.lists(
                    sources_of_round(round_year, citations[winner].municipality, published),
                    max_size=SMALL,
                    unique_by=lambda source: source.url,
                )
            )
        ),
        # A round of the innovation prize names it, by the bundled prize's id in a document.
        prize=draw(optional(st.builds(bundled_prize))),
    )


@st.composite
def realistic_prizes(draw: st.DrawFn) -> Prize:
    """The innovation prize, by a real body, with a realistic amount."""
    year = draw(years())
    published = st.dates(date(year, 1, 1), date(year, 12, 31))
    return Prize(
        id="innovasjonsprisen",
        name=draw(realistic_localized(TEXTS["prize_names"])),
        conferred_by=draw(realistic_organisations()),
        amount=draw(realistic_money()),
        full_name=draw(optional(realistic_localized(TEXTS["full_prize_names"]))),
        purpose=draw(optional(realistic_localized(TEXTS["purpose"]))),
        eligibility=draw(optional(realistic_localized(TEXTS["eligibility"]))),
        sources=tuple(
            draw(
                st.lists(
                    sources_of_round(year, None, published),
                    max_size=SMALL,
                    unique_by=lambda source: source.url,
                )
            )
        ),
    )


@st.composite
def realistic_years_not_awarded(draw: st.DrawFn) -> YearNotAwarded:
    """A year without a round: a reason, and news of it from that year."""
    year = draw(years())
    published = st.dates(date(year, 1, 1), date(year, 12, 31))
    return YearNotAwarded(
        id=f"innovasjonsprisen-{year}",
        year=year,
        reason=draw(realistic_localized(TEXTS["reasons_not_awarded"])),
        sources=tuple(
            draw(
                st.lists(
                    sources_of_round(year, None, published),
                    min_size=1,
                    max_size=SMALL,
                    unique_by=lambda source: source.url,
                )
            )
        ),
    )
