"""Small valid objects for tests, built in code so they do not depend on the bundled data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from innovasjonspris import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    Jury,
    JuryMember,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Person,
    Project,
    Source,
    Standing,
    prize,
)
from innovasjonspris._public_types import public_types


def model_types() -> tuple[type[Any], ...]:
    """The public attrs classes: every public type but the enum Standing."""
    return tuple(cls for cls in public_types() if attrs.has(cls))


KMD = Organisation(
    name=LocalizedText(
        nb="Kommunal- og moderniseringsdepartementet",
        en="Ministry of Local Government and Modernisation",
    ),
    short_name="KMD",
)


def municipality(number: str = "5001", name: str = "Trondheim") -> Municipality:
    return Municipality(number=number, name=name)


def project(name: str = "Ledelsesskolen", number: str = "5001") -> Project:
    return Project(name=name, municipality=number, summary=LocalizedText(nb="Om prosjektet."))


def citation(
    number: str = "5001",
    name: str = "Trondheim",
    standing: Standing = Standing.WINNER,
    projects: tuple[Project, ...] | None = None,
) -> Citation:
    return Citation(
        municipality=municipality(number, name),
        standing=standing,
        text=LocalizedText(nb="Juryen la vekt på arbeidet.", nn="Juryen la vekt på arbeidet."),
        projects=(project(number=number),) if projects is None else projects,
    )


def award_round(**overrides: Any) -> AwardRound:
    fields: dict[str, Any] = {
        "id": "innovasjonsprisen-2019",
        "year": 2019,
        "prize": prize(),
        "awarded_on": date(2019, 6, 7),
        "announced_on": date(2019, 6, 11),
        "amount": Money(amount=Decimal(500000)),
        "event": Event(
            name="Fremtidens kommuner 2019",
            place="Arendal",
            start=date(2019, 6, 6),
            end=date(2019, 6, 7),
        ),
        "presented_by": (
            Person(
                name="Aase Marthe Horrigmo",
                title=LocalizedText(nb="statssekretær", en="State Secretary"),
                organisation=KMD,
            ),
        ),
        "applicants": Applicants(municipalities=20, projects=40),
        "jury": Jury(
            members=(
                JuryMember(person=Person(name="Katinka Greve Leiner"), chair=True),
                JuryMember(person=Person(name="Rolf Rønning")),
            ),
        ),
        "criteria": (LocalizedText(nb="nyhetsverdi", en="novelty"),),
        "citations": (
            citation(),
            citation("1516", "Ulstein", Standing.FINALIST, ()),
            citation("1246", "Fjell", Standing.FINALIST, ()),
        ),
        "sources": (Source(url="https://www.regjeringen.no/no/aktuelt/id1/"),),
    }
    fields.update(overrides)
    return AwardRound(**fields)


def full_round() -> AwardRound:
    """A round with every section filled in, close to the 2019 round."""
    trondheim = Municipality(number="5001", name="Trondheim")
    ulstein = Municipality(number="1516", name="Ulstein")
    fjell = Municipality(number="1246", name="Fjell")
    return AwardRound(
        id="innovasjonsprisen-2019",
        year=2019,
        prize=prize(),
        amount=Money(amount=Decimal(500000)),
        awarded_on=date(2019, 6, 7),
        announced_on=date(2019, 6, 11),
        event=Event(
            name="Fremtidens kommuner 2019",
            place="Arendal",
            start=date(2019, 6, 6),
            end=date(2019, 6, 7),
        ),
        presented_by=(
            Person(
                name="Aase Marthe Horrigmo",
                title=LocalizedText(nb="statssekretær", en="State Secretary"),
            ),
        ),
        applicants=Applicants(municipalities=20, projects=40),
        citations=(
            Citation(
                municipality=trondheim,
                standing=Standing.WINNER,
                text=LocalizedText(
                    nb="Trondheim arbeider helhetlig.", nn="Trondheim arbeider heilskapleg."
                ),
                projects=(
                    Project(name="Ledelsesskolen", municipality="5001"),
                    Project(name="Universitetskommunen", municipality="5001"),
                ),
                accepted_by=Person(
                    name="Elin Rognes Solbu",
                    title=LocalizedText(nb="kommunaldirektør", en="executive director"),
                ),
            ),
            Citation(
                municipality=ulstein,
                standing=Standing.FINALIST,
                projects=(Project(name="Teknologiskolen", municipality="1516"),),
            ),
            Citation(municipality=fjell, standing=Standing.FINALIST),
        ),
        jury=Jury(
            members=(
                JuryMember(
                    person=Person(
                        name="Rolf Rønning",
                        title=LocalizedText(nb="professor", en="professor"),
                        organisation=Organisation(name=LocalizedText(nb="Høgskolen i Lillehammer")),
                    ),
                    chair=True,
                ),
                JuryMember(person=Person(name="Jan Erik Innvær")),
            ),
            secretariat=Organisation(
                name=LocalizedText(nb="Direktoratet for forvaltning og IKT"), short_name="Difi"
            ),
        ),
        criteria=(LocalizedText(nb="Nyhetsverdi", nn="Nyheitsverdi", en="Novelty"),),
        notes=LocalizedText(nb="Første avsnitt.\n\nAndre avsnitt."),
        sources=(
            Source(
                url="https://www.regjeringen.no/no/aktuelt/innovasjonsprisen/id0/",
                title="Innovasjonsprisen 2019",
                publisher="KMD",
                published_on=date(2019, 6, 11),
            ),
        ),
    )
