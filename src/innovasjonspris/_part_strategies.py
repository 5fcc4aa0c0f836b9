"""The strategies for the parts of a round: organisations, people, juries, events, sources.

:mod:`innovasjonspris.strategies` exports the public ones; the strategies for whole rounds
and documents draw their parts from here. Each is realistic unless asked to be ``hostile``;
the hostile ones are here, the realistic ones in :mod:`innovasjonspris._realistic_parts`.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import TypeVar

from hypothesis import strategies as st

from innovasjonspris._model import Event, Jury, JuryMember, Organisation, Person, Source
from innovasjonspris._realistic_parts import (
    realistic_events,
    realistic_juries,
    realistic_jury_members,
    realistic_persons,
    realistic_sources,
)
from innovasjonspris._realistic_values import realistic_organisations
from innovasjonspris._text import ADDRESS
from innovasjonspris._typed_cache import cached
from innovasjonspris._value_strategies import (
    EVENT_NAMES,
    ORGANISATION_NAMES,
    PERSON_NAMES,
    PLACES,
    PUBLISHERS,
    SMALL,
    TITLES,
    URLS,
    is_clean,
    line_characters,
    localized,
    named,
    optional,
    orgnrs,
    proper_names,
    texts,
)

__all__ = [
    "events",
    "events_between",
    "juries",
    "jury_members",
    "lists",
    "organisations",
    "persons",
    "sources",
    "sources_between",
]

_T = TypeVar("_T")


@cached
def organisations(*, hostile: bool = False) -> st.SearchStrategy[Organisation]:
    """Generate an :class:`~innovasjonspris.Organisation`, with or without short name, orgnr.

    A real body (the ministry, KS, a directorate, a university) with its names in nb, nn
    and en; only the ministry's real orgnr is ever given. With ``hostile``, any names and any
    valid orgnr.
    """
    if not hostile:
        return realistic_organisations()
    return st.builds(
        Organisation,
        name=localized(ORGANISATION_NAMES),
        short_name=optional(proper_names(("KMD", "KS", "DFØ", "NTNU"))),
        orgnr=optional(orgnrs()),
    )


@cached
def persons(*, hostile: bool = False) -> st.SearchStrategy[Person]:
    """Generate a :class:`~innovasjonspris.Person`, with or without a title and organisation.

    A Norwegian name (``Kari Nordmann``), a title such as ``ordfører``. With ``hostile``,
    any clean text as a name.
    """
    if not hostile:
        return realistic_persons()
    return st.builds(
        Person,
        name=proper_names(PERSON_NAMES),
        title=optional(localized(TITLES)),
        organisation=optional(organisations(hostile=True)),
    )


@cached
def jury_members(*, hostile: bool = False) -> st.SearchStrategy[JuryMember]:
    """Generate a :class:`~innovasjonspris.JuryMember`, chair or not."""
    if not hostile:
        return realistic_jury_members()
    return st.builds(JuryMember, person=persons(hostile=True), chair=st.booleans())


def lists(strategy: st.SearchStrategy[_T], *, most: int = SMALL) -> st.SearchStrategy[list[_T]]:
    """Lists of distinct items, at most ``most`` of them."""
    return st.lists(strategy, max_size=most, unique=True)


@st.composite
def _jury(draw: st.DrawFn) -> Jury:
    people = draw(lists(persons(hostile=True)))
    chair = draw(optional(st.integers(0, len(people) - 1))) if people else None
    members = tuple(JuryMember(person=p, chair=i == chair) for i, p in enumerate(people))
    bodies = organisations(hostile=True)
    secretariat = bodies if not members else optional(bodies)
    return Jury(members=members, secretariat=draw(secretariat))


def juries(*, hostile: bool = False) -> st.SearchStrategy[Jury]:
    """Generate a :class:`~innovasjonspris.Jury`: members or a secretariat, at most one chair."""
    return _jury() if hostile else realistic_juries()


@st.composite
def events_between(draw: st.DrawFn, start: date | None, end: date | None) -> Event:
    """Events from ``start`` to ``end``, as given (a round's dates decide them)."""
    return Event(
        name=draw(named(EVENT_NAMES)),
        place=draw(optional(proper_names(PLACES))),
        start=start,
        end=end,
        organizer=draw(optional(organisations(hostile=True))),
    )


@st.composite
def _any_event(draw: st.DrawFn) -> Event:
    start = draw(optional(st.dates()))
    end = None if start is None else draw(optional(st.dates(min_value=start)))
    return draw(events_between(start, end))


def events(*, hostile: bool = False) -> st.SearchStrategy[Event]:
    """Generate an :class:`~innovasjonspris.Event`; an end only with a start, never before it.

    A conference named for its year, of one to three days. With ``hostile``, any name and
    any dates from year 1 to 9999.
    """
    return _any_event() if hostile else realistic_events()


_URL_PATTERN = r"https?://[a-z0-9-]{1,12}(\.[a-z0-9-]{1,12}){1,3}(/[A-Za-z0-9_.~%-]{0,12}){0,3}"


@cached
def _urls() -> st.SearchStrategy[str]:
    # Any address the model accepts: the pattern's \S admits non-ASCII paths too.
    anything = st.from_regex(ADDRESS, fullmatch=True, alphabet=line_characters).filter(
        functools.partial(is_clean, multiline=False)
    )
    return st.one_of(st.sampled_from(URLS), st.from_regex(_URL_PATTERN, fullmatch=True), anything)


@cached
def sources_between(first: date = date.min, last: date = date.max) -> st.SearchStrategy[Source]:
    """Hostile sources, each published (if its day is known) from ``first`` to ``last``."""
    return st.builds(
        Source,
        url=_urls(),
        title=optional(texts(multiline=False)),
        publisher=optional(proper_names(PUBLISHERS)),
        published_on=optional(st.dates(first, last)),
    )


def sources(*, hostile: bool = False) -> st.SearchStrategy[Source]:
    """Generate a :class:`~innovasjonspris.Source`: an http(s) address and what else is known.

    A news page about a round, at an address made from its title. With ``hostile``, any
    address the model accepts, non-ASCII ones included, and any clean text.
    """
    return sources_between() if hostile else realistic_sources()
