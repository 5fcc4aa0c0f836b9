"""The bundled data carries the documented facts and nothing the sources do not give."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from innovasjonspris import Money, Standing, load_round, prize, rounds
from innovasjonspris.data import available_years, timeline


def test_rounds_are_the_documented_years_oldest_first() -> None:
    assert available_years() == (2014, 2015, 2016, 2017, 2018, 2019)
    assert [r.year for r in rounds()] == [2014, 2015, 2016, 2017, 2018, 2019]
    assert load_round(2019) is load_round(2019)


def test_unknown_year() -> None:
    with pytest.raises(LookupError, match="no round of 2013 is known"):
        load_round(2013)
    with pytest.raises(LookupError, match="no round of a number of about 5000 digits is known"):
        load_round(10**5000)


def test_the_prize() -> None:
    kmd_prize = prize()
    assert kmd_prize.name.nb == "Innovasjonsprisen"
    assert kmd_prize.full_name is not None
    assert kmd_prize.full_name.nb == "Kommunal- og moderniseringsdepartementets innovasjonspris"
    assert kmd_prize.short_name is not None
    assert kmd_prize.short_name.nb == "KMDs innovasjonspris"
    assert kmd_prize.conferred_by.short_name == "KMD"
    assert kmd_prize.amount == Money(amount=Decimal(500000), currency="NOK")


def test_every_round_is_worth_500_000_kroner_and_has_sources() -> None:
    for award in rounds():
        assert award.amount == Money(amount=Decimal(500000), currency="NOK")
        assert award.sources
        assert award.id == f"innovasjonsprisen-{award.year}"


# The copies of Oppegård's 2017 page and of LNK's page on the 2014 call on record begin at
# their body text, so their titles are not known, and a title is never made up; Oppegård's
# stays cited because it alone names Oppegård's two projects, LNK's because it alone gives
# the 2014 call's words on who may apply and who would join the jury. Any other source
# without a title fails the test below.
_UNTITLED = {
    "https://www.oppegard.kommune.no/asker-vant-innovasjonsprisen-vi-gratulerer.6039360-430199.html",
    "https://lnk.no/nyhende/premierer-innovasjon-i-kommunane",
}


def test_every_source_names_its_publisher_and_its_title() -> None:
    sources = [s for record in (prize(), *timeline()) for s in record.sources]
    assert all(s.publisher for s in sources)
    assert {s.url for s in sources if s.title is None} == _UNTITLED


def test_2019_facts() -> None:
    award = load_round(2019)
    assert award.awarded_on == date(2019, 6, 7)
    assert award.announced_on == date(2019, 6, 11)
    assert award.event is not None
    assert (award.event.name, award.event.place) == ("Fremtidens kommuner 2019", "Arendal")
    assert (award.event.start, award.event.end) == (date(2019, 6, 6), date(2019, 6, 7))
    (presenter,) = award.presented_by
    assert presenter.name == "Aase Marthe Horrigmo"
    assert presenter.title is not None
    assert presenter.title.nb == "statssekretær"
    assert award.applicants is not None
    assert (award.applicants.municipalities, award.applicants.projects) == (20, 40)
    standings = [(c.municipality.name, c.municipality.number, c.standing) for c in award.citations]
    assert standings == [
        ("Trondheim", "5001", Standing.WINNER),
        ("Ulstein", "1516", Standing.FINALIST),
        ("Fjell", "1246", Standing.FINALIST),
    ]
    projects = {c.municipality.name: [p.name for p in c.projects] for c in award.citations}
    assert projects == {
        "Trondheim": ["Ledelsesskolen", "Universitetskommunen"],
        "Ulstein": ["Teknologiskolen"],
        "Fjell": ["Rett i jobb i Fjell kommune", "Integreringsrådslag"],
    }
    for citation in award.citations:
        assert citation.text is not None
        assert citation.text.languages == ("nb", "nn", "en")
    winner = award.winner
    assert winner.accepted_by is not None
    assert winner.accepted_by.name == "Elin Rognes Solbu"
    people = {winner.accepted_by.name, *(p.name for p in winner.representatives)}
    assert people == {"Randi Torvik", "Elin Rognes Solbu", "Tone Merethe Aasen"}
    assert award.jury is not None
    assert award.jury.chair is None
    assert len(award.criteria) == 6


@pytest.mark.parametrize(
    ("year", "winner", "finalists", "awarded_on"),
    [
        (2014, "Arendal", ["Skien", "Narvik"], date(2014, 6, 18)),
        (2015, "Sandnes", ["Asker", "Stavanger"], date(2015, 6, 12)),
        (2016, "Bærum", ["Bergen", "Sarpsborg"], date(2016, 6, 9)),
        (2017, "Asker", ["Horten", "Oppegård"], date(2017, 6, 15)),
        (2018, "Træna", ["Sarpsborg", "Sola"], date(2018, 6, 8)),
    ],
)
def test_earlier_rounds(year: int, winner: str, finalists: list[str], awarded_on: date) -> None:
    award = load_round(year)
    assert award.winner.municipality.name == winner
    assert [c.municipality.name for c in award.finalists] == finalists
    assert award.awarded_on == awarded_on


@pytest.mark.parametrize(
    ("year", "members"),
    [
        (
            2015,
            [
                "Katinka Greve Leiner",
                "Anne Cathrine Haugland",
                "Rolf Rønning",
                "Gustav Weiberg Aurdal",
            ],
        ),
        (2019, ["Katinka Greve Leiner", "Rolf Rønning", "Jan Erik Innvær", "Moa Björnson"]),
    ],
)
def test_jury_and_its_secretariat(year: int, members: list[str]) -> None:
    jury = load_round(year).jury
    assert jury is not None
    assert [m.person.name for m in jury.members] == members
    assert jury.secretariat is not None
    assert jury.secretariat.short_name == "Difi"


def test_the_package_names_only_what_it_has() -> None:
    import innovasjonspris  # noqa: PLC0415 - the module object itself, for its attributes

    assert innovasjonspris.rounds is rounds
    with pytest.raises(AttributeError, match="has no attribute 'round'"):
        _ = innovasjonspris.round  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
