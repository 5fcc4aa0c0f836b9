"""The round as msgspec structs, with the library's rules; for the benchmarks only.

msgspec checks types, patterns and bounds while decoding; what it cannot express (NFC,
checksums, registry look-ups, cross-field rules) runs in ``__post_init__``, which msgspec
calls after decoding each struct. As in the pydantic models, an optional field is typed
without ``None`` and defaults to ``None``, so an explicit ``null`` is refused.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import force_setattr

from benchmarks import _rules as r

Line = Annotated[str, Meta(pattern=r.LINE)]
Prose = Annotated[str, Meta(pattern=r.PROSE)]
Count = Annotated[int, Meta(ge=0, le=r.MAX_COUNT)]


class Standing(Enum):
    WINNER = "winner"
    FINALIST = "finalist"
    HONOURABLE_MENTION = "honourable_mention"


class Model(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    pass


def _nfc(*values: str | None) -> None:
    for value in values:
        if value is not None:
            r.nfc(value)


class LocalizedText(Model):
    nb: Prose = None  # type: ignore[assignment]
    nn: Prose = None  # type: ignore[assignment]
    en: Prose = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        _nfc(self.nb, self.nn, self.en)
        r.localized(self.nb, self.nn, self.en)


class Money(Model):
    # Decoded as checked text, then stored as the Decimal it spells.
    amount: Annotated[str, Meta(pattern=r.DECIMAL)]
    currency: Line = "NOK"

    def __post_init__(self) -> None:
        force_setattr(self, "amount", r.amount(self.amount))
        r.currency(self.currency)


class Organisation(Model):
    name: LocalizedText
    short_name: Line = None  # type: ignore[assignment]
    orgnr: str = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        _nfc(self.short_name)
        if self.orgnr is not None:
            r.orgnr(self.orgnr)


class Person(Model):
    name: Line
    title: LocalizedText = None  # type: ignore[assignment]
    organisation: Organisation = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        _nfc(self.name)


class Municipality(Model):
    number: str
    name: Line
    orgnr: str = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        r.kommunenummer(self.number)
        _nfc(self.name)
        if self.orgnr is not None:
            r.orgnr(self.orgnr)


class Project(Model):
    name: Line
    municipality: str
    summary: LocalizedText = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        _nfc(self.name)
        r.kommunenummer(self.municipality)


class Citation(Model):
    municipality: Municipality
    standing: Standing
    text: LocalizedText = None  # type: ignore[assignment]
    projects: tuple[Project, ...] = ()
    accepted_by: Person = None  # type: ignore[assignment]
    representatives: tuple[Person, ...] = ()

    def __post_init__(self) -> None:
        r.unique(self.projects)
        r.unique(self.representatives)
        r.citation(self.municipality.number, [p.municipality for p in self.projects])


class JuryMember(Model):
    person: Person
    chair: bool = False


class Jury(Model):
    members: tuple[JuryMember, ...] = ()
    secretariat: Organisation = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        r.unique(self.members)
        r.jury(
            sum(m.chair for m in self.members),
            has_members=bool(self.members),
            has_secretariat=self.secretariat is not None,
        )


class Event(Model):
    name: Line
    place: Line = None  # type: ignore[assignment]
    start: date = None  # type: ignore[assignment]
    end: date = None  # type: ignore[assignment]
    organizer: Organisation = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        _nfc(self.name, self.place)
        r.event(self.start, self.end)


class Source(Model):
    url: Annotated[str, Meta(pattern=r.URL)]
    title: Line = None  # type: ignore[assignment]
    publisher: Line = None  # type: ignore[assignment]
    published_on: date = None  # type: ignore[assignment]
    language: Annotated[str, Meta(pattern=r.LANGUAGE_TAG)] | None = None

    def __post_init__(self) -> None:
        _nfc(self.title, self.publisher)


class Applicants(Model):
    municipalities: Count = None  # type: ignore[assignment]
    projects: Count = None  # type: ignore[assignment]
    applications: Count = None  # type: ignore[assignment]
    more_than: bool = False

    def __post_init__(self) -> None:
        r.applicants(self.municipalities, self.projects, self.applications, more=self.more_than)


class AwardRound(Model):
    schema_version: Literal[1]
    id: Annotated[str, Meta(pattern=r.ROUND_ID)]
    year: int
    amount: Money
    citations: tuple[Citation, ...]
    awarded_on: date = None  # type: ignore[assignment]
    announced_on: date = None  # type: ignore[assignment]
    event: Event = None  # type: ignore[assignment]
    presented_by: tuple[Person, ...] = ()
    applicants: Applicants = None  # type: ignore[assignment]
    jury: Jury = None  # type: ignore[assignment]
    criteria: tuple[LocalizedText, ...] = ()
    notes: LocalizedText = None  # type: ignore[assignment]
    sources: tuple[Source, ...] = ()
    kind: Literal["round"] = None  # type: ignore[assignment]
    # The benchmark's rounds name the bundled prize by its id.
    prize: Literal["kmd-innovasjonspris"] = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        for items in (self.presented_by, self.criteria, self.sources):
            r.unique(items)
        r.award_round(self)


_DECODER = msgspec.json.Decoder(AwardRound)
_ENCODER = msgspec.json.Encoder(decimal_format="string")


def load(data: bytes) -> AwardRound:
    return _DECODER.decode(data)


def dump(obj: AwardRound) -> str:
    return msgspec.json.format(_ENCODER.encode(obj), indent=2).decode()


def load_lines(data: bytes) -> list[AwardRound]:
    return _DECODER.decode_lines(data)


def dump_lines(objs: list[AwardRound]) -> str:
    return _ENCODER.encode_lines(objs).decode()
