"""The realistic strategies for the parts of a round: people, juries, events and sources.

Parts that belong together are drawn together: a municipality's representatives work for
that municipality (``Ulstein kommune``, with its orgnr), an event is named for its year,
and a source about a round is published on or after the day of the award.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Final

from hypothesis import strategies as st

from innovasjonspris._model import Jury, JuryMember
from innovasjonspris._parts import Event, LocalizedText, Municipality, Organisation, Person, Source
from innovasjonspris._realistic_values import (
    EVENT_NAMES,
    PLACES,
    PUBLISHERS,
    person_names,
    realistic_organisations,
    realistic_titles,
)
from innovasjonspris._typed_cache import cached
from innovasjonspris._value_strategies import ROUND_YEARS, SMALL, optional

__all__ = [
    "body_of_municipality",
    "distinct_people",
    "people_of",
    "realistic_events",
    "realistic_events_between",
    "realistic_juries",
    "realistic_jury_members",
    "realistic_persons",
    "realistic_sources",
    "sources_of_round",
]


def body_of_municipality(municipality: Municipality) -> Organisation:
    """The municipality as an organisation: ``Ulstein kommune``, with its orgnr if it has one."""
    name = municipality.name
    return Organisation(
        name=LocalizedText(nb=f"{name} kommune", nn=f"{name} kommune", en=f"{name} Municipality"),
        orgnr=municipality.orgnr,
    )


def _persons_of(organisations: st.SearchStrategy[Organisation]) -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        name=person_names(),
        title=optional(realistic_titles()),
        organisation=optional(organisations),
    )


@cached
def realistic_persons() -> st.SearchStrategy[Person]:
    """People with Norwegian names, a title perhaps, and an organisation perhaps."""
    return _persons_of(realistic_organisations())


def people_of(municipality: Municipality) -> st.SearchStrategy[Person]:
    """People who stand for ``municipality``: if they name an organisation, it is that one."""
    return _persons_of(st.just(body_of_municipality(municipality)))


def distinct_people(
    people: st.SearchStrategy[Person], *, most: int = SMALL
) -> st.SearchStrategy[list[Person]]:
    """A few people, no two of one name."""
    return st.lists(people, max_size=most, unique_by=lambda person: person.name)


@cached
def realistic_jury_members() -> st.SearchStrategy[JuryMember]:
    """A realistic person on a jury, chair or not."""
    return st.builds(JuryMember, person=realistic_persons(), chair=st.booleans())


@cached
@st.composite
def realistic_juries(draw: st.DrawFn) -> Jury:
    """Up to five people with Norwegian names, at most one chair, perhaps a secretariat."""
    people = draw(distinct_people(realistic_persons(), most=5))
    chair = draw(optional(st.integers(0, len(people) - 1))) if people else None
    members = tuple(JuryMember(person=p, chair=i == chair) for i, p in enumerate(people))
    organisations = realistic_organisations()
    secretariat = organisations if not members else optional(organisations)
    return Jury(members=members, secretariat=draw(secretariat))


@st.composite
def realistic_events_between(draw: st.DrawFn, start: date | None, end: date | None) -> Event:
    """A conference named for its year, from ``start`` to ``end``, as a round's dates decide."""
    name = draw(st.sampled_from(EVENT_NAMES))
    return Event(
        name=name.format(year=start.year) if start is not None else name.format(year="").strip(),
        place=draw(optional(st.sampled_from(PLACES))),
        start=start,
        end=end,
        organizer=draw(optional(realistic_organisations())),
    )


_DAYS_OF_A_CONFERENCE: Final = st.integers(0, 2)


@cached
@st.composite
def realistic_events(draw: st.DrawFn) -> Event:
    """A conference of one to three days in a year a round may have, or undated."""
    first, last = date(ROUND_YEARS[0], 1, 1), date(ROUND_YEARS[-1], 12, 31)
    start = draw(optional(st.dates(first, last)))
    end = None
    if start is not None and draw(st.booleans()):
        end = start + timedelta(days=draw(_DAYS_OF_A_CONFERENCE))
    return draw(realistic_events_between(start, end))


_NOT_IN_A_PATH: Final = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    # As Norwegian sites write addresses: æ as ae, ø as o, å as a, and the rest plain.
    plain = text.lower().replace("æ", "ae").replace("ø", "o")
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return _NOT_IN_A_PATH.sub("-", plain).strip("-")


@st.composite
def sources_of_round(
    draw: st.DrawFn, year: int, winner: Municipality | None, published: st.SearchStrategy[date]
) -> Source:
    """News of the round of ``year``: from the government, KS, the press or the winner."""
    titles = [f"Innovasjonsprisen {year}"]
    publishers = list(PUBLISHERS)
    if winner is not None:
        titles.append(f"Innovasjonspris til {winner.name} kommune")
        site = f"https://www.{_slug(winner.name)}.kommune.no/aktuelt/"
        publishers.append((f"{winner.name} kommune", site))
    title = draw(st.sampled_from(titles))
    publisher, site = draw(st.sampled_from(publishers))
    return Source(
        url=f"{site}{_slug(title)}/",
        title=title,
        publisher=publisher,
        published_on=draw(optional(published)),
    )


@cached
@st.composite
def realistic_sources(draw: st.DrawFn) -> Source:
    """A news page about a round, with its title and publisher, perhaps its date."""
    year = draw(st.integers(ROUND_YEARS[0], ROUND_YEARS[-1]))
    return draw(sources_of_round(year, None, st.dates(date(year, 1, 1), date(year, 12, 31))))
