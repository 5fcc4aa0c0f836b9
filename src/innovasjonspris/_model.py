"""The domain: prizes, award rounds, municipalities, projects, juries and citations.

Every class is frozen and slotted, and valid by construction: field validators check each
value, and the rules that tie fields together run once, in ``__attrs_post_init__``. This
module holds the round and the prize and the rules across their parts; the parts
themselves (texts, money, people, places) are in :mod:`innovasjonspris._parts`. The module
knows nothing of files or locales.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Final

import attrs

from innovasjonspris import _validators as v
from innovasjonspris import registry
from innovasjonspris._model_rules import (
    AT_MOST_ONE_CHAIR,
    CITED_ONCE,
    COUNTS_AGREE,
    DATES_AGREE,
    DATES_NEAR_THE_YEAR,
    ID_OF_THE_YEAR,
    MEMBERS_OR_SECRETARIAT,
    MORE_THAN_A_NUMBER,
    MUNICIPALITIES_OF_THE_YEAR,
    NUMBERS_OF_THE_YEAR,
    ONE_WINNER,
    POSITIVE_PRIZE,
    PROJECTS_OF_CITED,
    SOME_COUNT,
    SOME_SOURCE,
)
from innovasjonspris._parts import (
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
from innovasjonspris._references import BY_ID
from innovasjonspris._rules import ObjectRule, check_rules
from innovasjonspris._text import matches

# Exactly the domain types of the public surface, which takes this list as it is.
__all__ = [
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

    _rules: ClassVar[tuple[ObjectRule, ...]] = (PROJECTS_OF_CITED,)
    __attrs_post_init__ = check_rules

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


@attrs.frozen(kw_only=True)
class JuryMember:
    """A person on a jury; ``chair`` marks the one who leads it."""

    person: Person = attrs.field(validator=v.instance_of(Person, "a Person"))
    chair: bool = attrs.field(default=False, validator=v.instance_of(bool, "true or false"))


@attrs.frozen(kw_only=True)
class Jury:
    """The jury of a round: its members and the body that served as its secretariat."""

    _rules: ClassVar[tuple[ObjectRule, ...]] = (MEMBERS_OR_SECRETARIAT, AT_MOST_ONE_CHAIR)
    __attrs_post_init__ = check_rules

    members: tuple[JuryMember, ...] = attrs.field(
        default=(), validator=v.tuple_of(v.instance_of(JuryMember, "a JuryMember"), unique=True)
    )
    secretariat: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )

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

    _rules: ClassVar[tuple[ObjectRule, ...]] = (MORE_THAN_A_NUMBER, SOME_COUNT)
    __attrs_post_init__ = check_rules

    municipalities: int | None = attrs.field(default=None, validator=_COUNT)
    applicants: int | None = attrs.field(default=None, validator=_COUNT)
    """Applicants of every kind together (municipalities, county municipalities, city
    districts), where a source counts them so rather than as municipalities."""
    projects: int | None = attrs.field(default=None, validator=_COUNT)
    applications: int | None = attrs.field(default=None, validator=_COUNT)
    """Applications, where a source counts those rather than municipalities or projects."""
    more_than: bool = attrs.field(default=False, validator=v.instance_of(bool, "true or false"))


# The rules every document states alike: its id, and the year of a round or of a year
# without one (any year the registry answers for: a later one goes by its last division).
_ID: Final = matches(r"[a-z0-9]+(?:-[a-z0-9]+)*", "lower-case words joined by -")
_YEAR: Final = v.integer(registry.FIRST_YEAR, registry.MAX_YEAR)


@attrs.frozen(kw_only=True)
class Prize:
    """A prize: its names, who confers it, its amount and why it exists."""

    _rules: ClassVar[tuple[ObjectRule, ...]] = (POSITIVE_PRIZE,)
    __attrs_post_init__ = check_rules

    id: str = attrs.field(validator=_ID)
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


@attrs.frozen(kw_only=True)
class AwardRound:
    """One year's award of a prize: who was honoured, by whom, when and where.

    ``year`` is the prize year; ``awarded_on`` the day it was presented. The cross-field
    rules (one winner, projects belong to their municipality, counts agree, dates agree,
    kommunenummer and name as the municipality registry has them for the year) run on
    construction.
    """

    _rules: ClassVar[tuple[ObjectRule, ...]] = (
        POSITIVE_PRIZE,
        ONE_WINNER,
        CITED_ONCE,
        NUMBERS_OF_THE_YEAR,
        DATES_AGREE,
        COUNTS_AGREE,
        ID_OF_THE_YEAR,
        MUNICIPALITIES_OF_THE_YEAR,
        DATES_NEAR_THE_YEAR,
    )
    __attrs_post_init__ = check_rules

    id: str = attrs.field(validator=_ID)
    """A stable identifier such as ``innovasjonsprisen-2019``."""
    year: int = attrs.field(validator=_YEAR)
    """The prize year; a year after the registry's last is checked by its last division."""
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
    prize: Prize | None = attrs.field(
        default=None,
        validator=v.optional(v.instance_of(Prize, "a Prize")),
        metadata={BY_ID: True},
    )
    """The prize the round is of; ``None`` where the data does not say.

    A document names a bundled prize by its id (``prize = "kmd-innovasjonspris"``) or
    holds the prize itself.
    """

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
class YearNotAwarded:
    """A year in which the prize was not awarded: why, in nb, nn and en, and who says so.

    A year without a round is recorded as such rather than left out, so that a timeline
    of the prize has no silent gaps; the reason is in the data's own words, and at
    least one source must back it.
    """

    _rules: ClassVar[tuple[ObjectRule, ...]] = (SOME_SOURCE,)
    __attrs_post_init__ = check_rules

    id: str = attrs.field(validator=_ID)
    """A stable identifier, like a round's: ``innovasjonsprisen-2020``."""
    year: int = attrs.field(validator=_YEAR)
    reason: LocalizedText = attrs.field(validator=localized(required=True))
    """Why the prize was not awarded, as far as the sources tell."""
    notes: LocalizedText | None = attrs.field(default=None, validator=localized())
    sources: tuple[Source, ...] = attrs.field(
        validator=v.tuple_of(v.instance_of(Source, "a Source"), unique=True)
    )


DOCUMENTS: Final[tuple[type, ...]] = (AwardRound, Prize, YearNotAwarded)
"""The types that stand alone in a file, and so carry its ``schema_version``."""
