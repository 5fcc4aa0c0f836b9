"""The round as pydantic v2 models, with the library's rules; for the benchmarks only.

Written the way a speed-minded pydantic user would: strict mode, unknown keys forbidden,
string rules as (Rust) pattern constraints, Python only where pydantic has no built-in
(NFC, checksums, registry look-ups, cross-field rules). An optional field is typed without
``None`` and defaults to ``None``, so a missing key is allowed and an explicit ``null`` is
refused, as in the library.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from benchmarks import _rules as r

Line = Annotated[str, StringConstraints(pattern=r.LINE), AfterValidator(r.nfc)]
Prose = Annotated[str, StringConstraints(pattern=r.PROSE), AfterValidator(r.nfc)]
Kommunenummer = Annotated[str, AfterValidator(r.kommunenummer)]
Orgnr = Annotated[str, AfterValidator(r.orgnr)]
# Lax only after the text check: strict mode would refuse the string the check passed on.
Day = Annotated[date, Field(strict=False), BeforeValidator(r.iso_date_text)]
Count = Annotated[int, Field(ge=0, le=r.MAX_COUNT)]
Amount = Annotated[
    Decimal,
    PlainValidator(r.amount),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
]

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


class Standing(Enum):
    WINNER = "winner"
    FINALIST = "finalist"
    HONOURABLE_MENTION = "honourable_mention"


class Model(BaseModel):
    model_config = _STRICT


class LocalizedText(Model):
    nb: Prose = None  # type: ignore[assignment]
    nn: Prose = None  # type: ignore[assignment]
    en: Prose = None  # type: ignore[assignment]

    @model_validator(mode="after")
    def _one_language(self) -> LocalizedText:
        r.localized(self.nb, self.nn, self.en)
        return self


class Money(Model):
    amount: Amount
    currency: Annotated[Line, AfterValidator(r.currency)] = "NOK"


class Organisation(Model):
    name: LocalizedText
    short_name: Line = None  # type: ignore[assignment]
    orgnr: Orgnr = None  # type: ignore[assignment]


class Person(Model):
    name: Line
    title: LocalizedText = None  # type: ignore[assignment]
    organisation: Organisation = None  # type: ignore[assignment]


class Municipality(Model):
    number: Kommunenummer
    name: Line
    orgnr: Orgnr = None  # type: ignore[assignment]


class Project(Model):
    name: Line
    municipality: Kommunenummer
    summary: LocalizedText = None  # type: ignore[assignment]


class Citation(Model):
    municipality: Municipality
    standing: Standing
    text: LocalizedText = None  # type: ignore[assignment]
    projects: Annotated[tuple[Project, ...], AfterValidator(r.unique)] = ()
    accepted_by: Person = None  # type: ignore[assignment]
    representatives: Annotated[tuple[Person, ...], AfterValidator(r.unique)] = ()

    @model_validator(mode="after")
    def _projects_are_its_own(self) -> Citation:
        r.citation(self.municipality.number, [p.municipality for p in self.projects])
        return self


class JuryMember(Model):
    person: Person
    chair: bool = False


class Jury(Model):
    members: Annotated[tuple[JuryMember, ...], AfterValidator(r.unique)] = ()
    secretariat: Organisation = None  # type: ignore[assignment]

    @model_validator(mode="after")
    def _members(self) -> Jury:
        r.jury(
            sum(m.chair for m in self.members),
            has_members=bool(self.members),
            has_secretariat=self.secretariat is not None,
        )
        return self


class Event(Model):
    name: Line
    place: Line = None  # type: ignore[assignment]
    start: Day = None  # type: ignore[assignment]
    end: Day = None  # type: ignore[assignment]
    organizer: Organisation = None  # type: ignore[assignment]

    @model_validator(mode="after")
    def _dates(self) -> Event:
        r.event(self.start, self.end)
        return self


class Source(Model):
    url: Annotated[str, StringConstraints(pattern=r.URL)]
    title: Line = None  # type: ignore[assignment]
    publisher: Line = None  # type: ignore[assignment]
    published_on: Day = None  # type: ignore[assignment]
    language: Annotated[str, StringConstraints(pattern=r.LANGUAGE_TAG)] | None = None


class Applicants(Model):
    municipalities: Count = None  # type: ignore[assignment]
    projects: Count = None  # type: ignore[assignment]
    applications: Count = None  # type: ignore[assignment]
    more_than: bool = False

    @model_validator(mode="after")
    def _counts(self) -> Applicants:
        r.applicants(self.municipalities, self.projects, self.applications, more=self.more_than)
        return self


class AwardRound(Model):
    schema_version: Annotated[int, Field(ge=1, le=1)]  # Literal[1] would let `true` in
    kind: Literal["round"] = None  # type: ignore[assignment]
    id: Annotated[str, StringConstraints(pattern=r.ROUND_ID)]
    year: int
    awarded_on: Day = None  # type: ignore[assignment]
    announced_on: Day = None  # type: ignore[assignment]
    amount: Money
    event: Event = None  # type: ignore[assignment]
    presented_by: Annotated[tuple[Person, ...], AfterValidator(r.unique)] = ()
    applicants: Applicants = None  # type: ignore[assignment]
    jury: Jury = None  # type: ignore[assignment]
    criteria: Annotated[tuple[LocalizedText, ...], AfterValidator(r.unique)] = ()
    citations: tuple[Citation, ...]
    notes: LocalizedText = None  # type: ignore[assignment]
    sources: Annotated[tuple[Source, ...], AfterValidator(r.unique)] = ()
    # The benchmark's rounds name the bundled prize by its id.
    prize: Literal["kmd-innovasjonspris"] = None  # type: ignore[assignment]

    @model_validator(mode="after")
    def _cross_field(self) -> AwardRound:
        r.award_round(self)
        return self


def load(data: bytes) -> AwardRound:
    return AwardRound.model_validate_json(data)


def dump(obj: AwardRound) -> str:
    return obj.model_dump_json(indent=2, exclude_defaults=True)


_LINE_ADAPTER = TypeAdapter(AwardRound)


def load_lines(data: bytes) -> list[AwardRound]:
    return [_LINE_ADAPTER.validate_json(line) for line in data.splitlines()]


def dump_lines(objs: list[AwardRound]) -> str:
    # Bytes joined and decoded once: quicker than joining each model_dump_json().
    return b"".join(
        obj.__pydantic_serializer__.to_json(obj, exclude_defaults=True) + b"\n" for obj in objs
    ).decode()
