"""The rules across the fields of the round, the prize and their parts, one object each.

Each is an :class:`~innovasjonspris._rules.ObjectRule`; :mod:`innovasjonspris._model` gives
them to its classes, and the schema reads them from there.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import TYPE_CHECKING, Final

from innovasjonspris import _validators as v
from innovasjonspris import registry
from innovasjonspris._clauses import Check, unless
from innovasjonspris._errors import brief
from innovasjonspris._parts import Standing
from innovasjonspris._rules import ObjectRule, Problems
from innovasjonspris.registry._table import in_force, in_year, no_municipality, table

if TYPE_CHECKING:
    from innovasjonspris._model import AwardRound, Citation, Jury

__all__ = [
    "AT_MOST_ONE_CHAIR",
    "CITED_ONCE",
    "COUNTS_AGREE",
    "DATES_AGREE",
    "DATES_NEAR_THE_YEAR",
    "ID_OF_THE_YEAR",
    "MEMBERS_OR_SECRETARIAT",
    "MORE_THAN_A_NUMBER",
    "MUNICIPALITIES_OF_THE_YEAR",
    "NUMBERS_OF_THE_YEAR",
    "ONE_WINNER",
    "POSITIVE_PRIZE",
    "PROJECTS_OF_CITED",
    "SOME_COUNT",
    "SOME_SOURCE",
    "date_window",
]


def _projects_of_cited(citation: Citation) -> Problems:
    cited = citation.municipality.number
    return [
        (f"projects[{index}].municipality", f"{project.municipality!r} is not the cited {cited!r}")
        for index, project in enumerate(citation.projects)
        if project.municipality != cited
    ]


PROJECTS_OF_CITED: Final = ObjectRule(
    "projects of the cited",
    "A citation's projects are run by the cited municipality.",
    _projects_of_cited,
)


def _at_most_one_chair(jury: Jury) -> Problems:
    chairs = [index for index, member in enumerate(jury.members) if member.chair]
    if len(chairs) > 1:
        return (
            (f"members[{chairs[1]}].chair", f"a jury has at most one chair, not {len(chairs)}"),
        )
    return ()


MEMBERS_OR_SECRETARIAT: Final = ObjectRule(
    "members or secretariat",
    "A jury has members or a secretariat.",
    unless(
        Check(
            "value.members or value.secretariat is not None",
            "a jury needs members or a secretariat",
        ),
        "members",
    ),
    {
        "anyOf": [
            {"required": ["members"], "properties": {"members": {"minItems": 1}}},
            {"required": ["secretariat"]},
        ]
    },
)
AT_MOST_ONE_CHAIR: Final = ObjectRule(
    "at most one chair",
    "A jury has at most one chair.",
    _at_most_one_chair,
    {
        "properties": {
            "members": {
                "contains": {"required": ["chair"], "properties": {"chair": {"const": True}}},
                "minContains": 0,
                "maxContains": 1,
            }
        }
    },
)


_COUNTS: Final = ("municipalities", "applicants", "projects", "applications")

MORE_THAN_A_NUMBER: Final = ObjectRule(
    "more than a number",
    "«More than» is said of a number of municipalities.",
    unless(
        Check(
            "not value.more_than or value.municipalities is not None",
            "needs a number of municipalities",
        ),
        "more_than",
    ),
    {"anyOf": [{"properties": {"more_than": {"const": False}}}, {"required": ["municipalities"]}]},
)
SOME_COUNT: Final = ObjectRule(
    "some count",
    "Applicants give at least one count.",
    unless(
        Check(
            " or ".join(f"value.{count} is not None" for count in _COUNTS),
            "give at least one count",
        ),
        "municipalities",
    ),
    {"anyOf": [{"required": [count]} for count in _COUNTS]},
)


def _one_winner(award: AwardRound) -> Problems:
    winners = sum(1 for c in award.citations if c.standing is Standing.WINNER)
    if winners != 1:
        return (("citations", f"a round has exactly one winner, not {winners}"),)
    return ()


def _cited_once(award: AwardRound) -> Problems:
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for index, citation in enumerate(award.citations):
        number = citation.municipality.number
        if number in seen:
            found.append((f"citations[{index}].municipality.number", f"{number} is cited twice"))
        seen.add(number)
    return found


def _numbers_of_the_year(award: AwardRound) -> Problems:
    found: list[tuple[str, str]] = []
    for index, citation in enumerate(award.citations):
        cited = citation.municipality
        # The number's form and the year are the fields' own rules, checked before this one.
        record = in_force(cited.number, award.year)
        if record is None:
            message = no_municipality(cited.number, award.year)
            found.append((f"citations[{index}].municipality.number", message))
            continue
        if cited.name not in record.accepted_names:
            others = sorted(record.accepted_names - {record.name})
            accepted = ", ".join(repr(name) for name in [record.name, *others])
            when = in_year(award.year)
            message = (
                f"{cited.number} was {record.name} {when}, not {brief(cited.name)} "
                f"(the names accepted: {accepted})"
            )
            found.append((f"citations[{index}].municipality.name", message))
    return found


def _dates_agree(award: AwardRound) -> Problems:
    found: list[tuple[str, str]] = []
    awarded, announced, event = award.awarded_on, award.announced_on, award.event
    if awarded is None:
        return found
    if awarded.year != award.year:
        found.append(
            ("awarded_on", f"{awarded.isoformat()} is not in the round's year {award.year}")
        )
    if announced is not None and announced < awarded:
        message = f"{announced.isoformat()} is before the award on {awarded.isoformat()}"
        found.append(("announced_on", message))
    start = event.start if event is not None else None
    if event is not None and start is not None and not start <= awarded <= (event.end or start):
        found.append(("awarded_on", f"{awarded.isoformat()} is not during the event"))
    return found


def _counts_agree(award: AwardRound) -> Problems:
    found: list[tuple[str, str]] = []
    if award.applicants is None:
        return found
    honoured = len(award.citations)
    for count in ("municipalities", "applicants"):
        applied: int | None = getattr(award.applicants, count)
        if applied is not None and applied < honoured:
            message = f"{applied} is fewer than the {honoured} municipalities cited"
            found.append((f"applicants.{count}", message))
    named = sum(len(citation.projects) for citation in award.citations)
    for count in ("projects", "applications"):
        entered: int | None = getattr(award.applicants, count)
        if entered is not None and entered < named:
            found.append(
                (f"applicants.{count}", f"{entered} is fewer than the {named} projects named")
            )
    return found


def _municipalities_of_the_year(award: AwardRound) -> Problems:
    counts = award.applicants
    if counts is None or counts.municipalities is None:
        return ()
    division = registry.division_year(award.year)
    existing = len(table().by_year[division])
    # «More than» all of them is as impossible as more of them than there are.
    if counts.municipalities + counts.more_than <= existing:
        return ()
    said = f"more than {counts.municipalities}" if counts.more_than else str(counts.municipalities)
    of = (
        f"{award.year}"
        if division == award.year
        else f"{division}, the division {award.year} is checked by"
    )
    message = f"{said} is more than the {existing} municipalities of {of}"
    return (("applicants.municipalities", message),)


_DATE_WINDOWS: Final = {"announced_on": (1, 1), "event": (1, 1), "sources": (5, 50)}
"""How many years before and after a round's year each kind of its dates may lie."""


@functools.cache
def date_window(year: int, part: str) -> tuple[date, date]:
    """The first and last day a date of ``part`` (a key of _DATE_WINDOWS) may have in ``year``."""
    before, after = _DATE_WINDOWS[part]
    return date(max(year - before, date.min.year), 1, 1), date(
        min(year + after, date.max.year), 12, 31
    )


def _dates_near_the_year(award: AwardRound) -> Problems:
    event = award.event
    dated: list[tuple[str, str | int, date | None]] = [
        ("announced_on", "announced_on", award.announced_on)
    ]
    if event is not None:
        dated += [("event", "event.start", event.start), ("event", "event.end", event.end)]
    # A source is named by its index: its path is written only for a date that is out.
    dated += [("sources", index, source.published_on) for index, source in enumerate(award.sources)]
    windows = {part: date_window(award.year, part) for part in _DATE_WINDOWS}
    found: list[tuple[str, str]] = []
    for part, field, day in dated:
        first, last = windows[part]
        if day is not None and not first <= day <= last:
            message = f"{day.isoformat()} is not from {first.year} to {last.year}"
            path = field if isinstance(field, str) else f"sources[{field}].published_on"
            found.append((path, f"{message}, near the round's year"))
    return found


POSITIVE_PRIZE: Final = ObjectRule(
    "positive prize",
    "A prize's amount is more than zero.",
    unless(
        Check(
            "value.amount.amount > 0",
            lambda thing: f"a prize amount must be positive, not {thing.amount.amount}",
        ),
        "amount.amount",
    ),
    # Not negative and not zero, said of the amount as the data writes it.
    {
        "properties": {
            "amount": {"properties": {"amount": {"not": {"pattern": v.anchored("-.*|[0.]*")}}}}
        }
    },
)
ONE_WINNER: Final = ObjectRule(
    "one winner",
    "A round has exactly one winner among its citations.",
    _one_winner,
    {
        "properties": {
            "citations": {
                "contains": {
                    "required": ["standing"],
                    "properties": {"standing": {"const": Standing.WINNER.value}},
                },
                "minContains": 1,
                "maxContains": 1,
            }
        }
    },
)
CITED_ONCE: Final = ObjectRule(
    "cited once", "A round cites a municipality at most once.", _cited_once
)
NUMBERS_OF_THE_YEAR: Final = ObjectRule(
    "numbers of the year",
    "Each cited municipality has the number and a name that Statistics Norway's"
    " classification gives it for the round's year.",
    _numbers_of_the_year,
)
DATES_AGREE: Final = ObjectRule(
    "dates agree",
    "A round is awarded in its year and during its event, and announced no earlier.",
    _dates_agree,
)
COUNTS_AGREE: Final = ObjectRule(
    "counts agree",
    "A round's counts of applicants are no fewer than the municipalities it cites, and its"
    " counts of projects and applications no fewer than the projects it names.",
    _counts_agree,
)
ID_OF_THE_YEAR: Final = ObjectRule(
    "id of the year",
    "A round's id ends in its year, as innovasjonsprisen-2019 does.",
    unless(
        Check(
            "value.id.rsplit('-', 1)[-1] == str(value.year)",
            lambda award: f"{brief(award.id)} does not end in -{award.year}, the round's year",
        ),
        "id",
    ),
)
MUNICIPALITIES_OF_THE_YEAR: Final = ObjectRule(
    "municipalities of the year",
    "A round's count of municipalities that applied is no more than the municipalities"
    " of its year.",
    _municipalities_of_the_year,
)
DATES_NEAR_THE_YEAR: Final = ObjectRule(
    "dates near the year",
    "A round is announced, and its event held, from the year before its year to the year"
    " after; its sources are published from five years before its year to fifty after.",
    _dates_near_the_year,
)


SOME_SOURCE: Final = ObjectRule(
    "some source",
    "A year not awarded has a source that says so.",
    unless(Check("value.sources", "a year not awarded needs a source that says so"), "sources"),
    {"properties": {"sources": {"minItems": 1}}},
)
