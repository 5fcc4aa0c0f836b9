"""The domain: prizes, award rounds, municipalities, projects, juries and citations.

Every class is frozen and slotted, and valid by construction: field validators check each
value, and the rules that tie fields together run once, in ``__attrs_post_init__``. This
module holds the round and the prize and the rules across their parts; the parts
themselves (texts, money, people, places) are in :mod:`innovasjonspris._parts`. The module
knows nothing of files or locales.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Final

import attrs

from innovasjonspris import _validators as v
from innovasjonspris import registry
from innovasjonspris._errors import ValidationError
from innovasjonspris._parts import (
    LANGUAGES,
    Event,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Person,
    Project,
    Source,
    Standing,
    localized,
)

__all__ = [
    "DOCUMENTS",
    "LANGUAGES",
    "Applicants",
    "AwardRound",
    "Citation",
    "Event",
    "Jury",
    "JuryMember",
    "LocalizedText",
    "Money",
    "Municipality",
    "Organisation",
    "Person",
    "Prize",
    "Project",
    "Source",
    "Standing",
    "YearNotAwarded",
]

MAX_COUNT: Final = 100_000
"""The largest count of applicants or projects a round may state."""


@attrs.frozen(kw_only=True)
class Citation:
    """The jury's word on one municipality it honoured: standing, reasons and projects."""

    municipality: Municipality = attrs.field(
        validator=v.instance_of(Municipality, "a Municipality")
    )
    standing: Standing = attrs.field(validator=v.instance_of(Standing, "a Standing"))
    text: LocalizedText | None = attrs.field(default=None, validator=localized())
    """A summary of the jury's reasons."""
    projects: tuple[Project, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Project, "a Project"), unique=True)
    )
    accepted_by: Person | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Person, "a Person"))
    )
    """Who received the prize or diploma on the municipality's behalf."""
    representatives: tuple[Person, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Person, "a Person"), unique=True)
    )
    """Others who stood for the municipality at the award."""

    def __attrs_post_init__(self) -> None:
        problems = [
            (
                f"projects[{index}].municipality",
                f"{project.municipality!r} is not the cited {self.municipality.number!r}",
            )
            for index, project in enumerate(self.projects)
            if project.municipality != self.municipality.number
        ]
        error = ValidationError.from_problems(problems)
        if error is not None:
            raise error


@attrs.frozen(kw_only=True)
class JuryMember:
    """A person on a jury; ``chair`` marks the one who leads it."""

    person: Person = attrs.field(validator=v.instance_of(Person, "a Person"))
    chair: bool = attrs.field(default=False, validator=v.instance_of(bool, "true or false"))


@attrs.frozen(kw_only=True)
class Jury:
    """The jury of a round: its members and the body that served as its secretariat."""

    members: tuple[JuryMember, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(JuryMember, "a JuryMember"), unique=True)
    )
    secretariat: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )

    def __attrs_post_init__(self) -> None:
        if not self.members and self.secretariat is None:
            raise ValidationError("members", "a jury needs members or a secretariat")
        chairs = [index for index, member in enumerate(self.members) if member.chair]
        if len(chairs) > 1:
            msg = f"a jury has at most one chair, not {len(chairs)}"
            raise ValidationError(f"members[{chairs[1]}].chair", msg)

    @property
    def chair(self) -> JuryMember | None:
        """The member who chairs the jury, if the sources name one."""
        return next((member for member in self.members if member.chair), None)


_COUNT = v.optional(v.integer(0, MAX_COUNT))


@attrs.frozen(kw_only=True)
class Applicants:
    """How many took part in a round, as the sources count it.

    ``more_than`` marks a source that says «more than» ``municipalities``.
    """

    municipalities: int | None = attrs.field(default=None, validator=_COUNT)
    projects: int | None = attrs.field(default=None, validator=_COUNT)
    applications: int | None = attrs.field(default=None, validator=_COUNT)
    """Applications, where a source counts those rather than municipalities or projects."""
    more_than: bool = attrs.field(default=False, validator=v.instance_of(bool, "true or false"))

    def __attrs_post_init__(self) -> None:
        if self.more_than and self.municipalities is None:
            raise ValidationError("more_than", "needs a number of municipalities")
        if self.municipalities is None and self.projects is None and self.applications is None:
            raise ValidationError("municipalities", "give at least one count")


_ROUND_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@attrs.frozen(kw_only=True)
class AwardRound:
    """One year's award of a prize: who was honoured, by whom, when and where.

    ``year`` is the prize year; ``awarded_on`` the day it was presented. The cross-field
    rules (one winner, projects belong to their municipality, counts agree, dates agree,
    kommunenummer and name as the municipality registry has them for the year) run on
    construction.
    """

    id: str = attrs.field(validator=v.matches(_ROUND_ID, "lower-case words joined by -"))
    """A stable identifier such as ``innovasjonsprisen-2019``."""
    year: int = attrs.field(validator=v.integer(registry.FIRST_YEAR, registry.LAST_YEAR))
    """The prize year; the municipality registry must cover it."""
    awarded_on: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    announced_on: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    amount: Money = attrs.field(validator=v.instance_of(Money, "a Money"))
    event: Event | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Event, "an Event"))
    )
    presented_by: tuple[Person, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Person, "a Person"), unique=True)
    )
    """Who handed over the prize, the main presenter first."""
    applicants: Applicants | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Applicants, "an Applicants"))
    )
    jury: Jury | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Jury, "a Jury"))
    )
    criteria: tuple[LocalizedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(localized(required=True), unique=True)
    )
    citations: tuple[Citation, ...] = attrs.field(
        validator=v.tuple_of(v.instance_of(Citation, "a Citation"))
    )
    notes: LocalizedText | None = attrs.field(default=None, validator=localized())
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Source, "a Source"), unique=True)
    )

    def __attrs_post_init__(self) -> None:
        error = ValidationError.from_problems(self._problems())
        if error is not None:
            raise error

    def _problems(self) -> Iterator[tuple[str, str]]:
        if self.amount.amount <= 0:
            yield "amount.amount", f"a prize amount must be positive, not {self.amount.amount}"
        yield from self._standing_problems()
        yield from self._date_problems()
        yield from self._count_problems()

    def _standing_problems(self) -> Iterator[tuple[str, str]]:
        winners = [i for i, c in enumerate(self.citations) if c.standing is Standing.WINNER]
        if len(winners) != 1:
            yield "citations", f"a round has exactly one winner, not {len(winners)}"
        seen: set[str] = set()
        for index, citation in enumerate(self.citations):
            number = citation.municipality.number
            if number in seen:
                yield f"citations[{index}].municipality.number", f"{number} is cited twice"
            seen.add(number)
            yield from self._registry_problems(f"citations[{index}]", citation)

    def _registry_problems(self, at: str, citation: Citation) -> Iterator[tuple[str, str]]:
        cited = citation.municipality
        try:
            found = registry.municipality(cited.number, year=self.year)
        except ValidationError as error:
            yield f"{at}.municipality.number", error.message
            return
        if cited.name not in found.accepted_names:
            yield (
                f"{at}.municipality.name",
                f"{cited.number} was {found.name} in {self.year}, not {v.brief(cited.name)}",
            )

    def _date_problems(self) -> Iterator[tuple[str, str]]:
        awarded = self.awarded_on
        if awarded is not None and awarded.year != self.year:
            yield "awarded_on", f"{awarded.isoformat()} is not in the round's year {self.year}"
        announced = self.announced_on
        if awarded is not None and announced is not None and announced < awarded:
            yield (
                "announced_on",
                (f"{announced.isoformat()} is before the award on {awarded.isoformat()}"),
            )
        event = self.event
        if awarded is not None and event is not None and event.start is not None:
            last = event.end or event.start
            if not event.start <= awarded <= last:
                yield "awarded_on", f"{awarded.isoformat()} is not during the event"

    def _count_problems(self) -> Iterator[tuple[str, str]]:
        if self.applicants is None:
            return
        honoured = len(self.citations)
        applied = self.applicants.municipalities
        if applied is not None and applied < honoured:
            yield (
                "applicants.municipalities",
                (f"{applied} is fewer than the {honoured} municipalities cited"),
            )
        named = sum(len(citation.projects) for citation in self.citations)
        entered = self.applicants.projects
        if entered is not None and entered < named:
            yield "applicants.projects", f"{entered} is fewer than the {named} projects named"

    @property
    def winner(self) -> Citation:
        """The citation of the winning municipality."""
        return next(c for c in self.citations if c.standing is Standing.WINNER)

    @property
    def finalists(self) -> tuple[Citation, ...]:
        """The citations of the finalists, in the order the data gives them."""
        return tuple(c for c in self.citations if c.standing is Standing.FINALIST)

    @property
    def honourable_mentions(self) -> tuple[Citation, ...]:
        """The citations of the honourable mentions, in the order the data gives them."""
        return tuple(c for c in self.citations if c.standing is Standing.HONOURABLE_MENTION)


@attrs.frozen(kw_only=True)
class Prize:
    """A prize: its names, who confers it, its amount and why it exists."""

    id: str = attrs.field(validator=v.matches(_ROUND_ID, "lower-case words joined by -"))
    name: LocalizedText = attrs.field(validator=localized(required=True))
    full_name: LocalizedText | None = attrs.field(default=None, validator=localized())
    short_name: LocalizedText | None = attrs.field(default=None, validator=localized())
    conferred_by: Organisation = attrs.field(
        validator=v.instance_of(Organisation, "an Organisation")
    )
    amount: Money = attrs.field(validator=v.instance_of(Money, "a Money"))
    purpose: LocalizedText | None = attrs.field(default=None, validator=localized())
    eligibility: LocalizedText | None = attrs.field(default=None, validator=localized())
    """Who may apply."""
    sources: tuple[Source, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(Source, "a Source"), unique=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.amount.amount <= 0:
            msg = f"a prize amount must be positive, not {self.amount.amount}"
            raise ValidationError("amount.amount", msg)


@attrs.frozen(kw_only=True)
class YearNotAwarded:
    """A year in which the prize was not awarded: why, in nb, nn and en, and who says so.

    A year without a round is recorded as such rather than left out, so that a timeline
    of the prize has no silent gaps; the reason is in the data's own words, and at
    least one source must back it.
    """

    id: str = attrs.field(validator=v.matches(_ROUND_ID, "lower-case words joined by -"))
    """A stable identifier, like a round's: ``innovasjonsprisen-2020``."""
    year: int = attrs.field(validator=v.integer(1972, 9999))
    reason: LocalizedText = attrs.field(validator=localized(required=True))
    """Why the prize was not awarded, as far as the sources tell."""
    notes: LocalizedText | None = attrs.field(default=None, validator=localized())
    sources: tuple[Source, ...] = attrs.field(
        validator=v.tuple_of(v.instance_of(Source, "a Source"), unique=True)
    )

    def __attrs_post_init__(self) -> None:
        if not self.sources:
            raise ValidationError("sources", "a year not awarded needs a source that says so")


DOCUMENTS: Final[tuple[type, ...]] = (AwardRound, Prize, YearNotAwarded)
"""The types that stand alone in a file, and so carry its ``schema_version``."""
