"""Every validation rule of the model, each shown to pass and to fail naming its field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from factories import award_round, citation, municipality, project
from innovasjonspris import (
    Applicants,
    Citation,
    Event,
    InnovasjonsprisError,
    Jury,
    JuryMember,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Person,
    Prize,
    Project,
    Source,
    Standing,
    ValidationError,
)


def fails(field: str, build: Any, *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build(*args, **kwargs)
    assert caught.value.field == field, caught.value
    return caught.value


def test_validation_error_is_a_value_error_and_ours() -> None:
    error = fails("name", Municipality, number="0301", name="")
    assert isinstance(error, ValueError)
    assert isinstance(error, InnovasjonsprisError)
    assert str(error) == "name: must not be empty"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        (" Bø", "must not start or end with white space"),
        ("Bø ", "must not start or end with white space"),
        ("Ba\u0308rum", "must be in Unicode normal form NFC"),
        ("Bø\nTelemark", "must not contain the control character U+000A"),
        ("Bø\x00", "must not contain the control character U+0000"),
        ("Bø\u2028", "must not contain the control character U+2028"),
        ("B\ud800", "must not contain the control character U+D800"),
        (42, "must be text, not int"),
        (None, "must be text, not NoneType"),
    ],
)
def test_names_must_be_clean_text(name: object, message: str) -> None:
    error = fails("name", Municipality, number="0301", name=name)
    assert error.message == message


@pytest.mark.parametrize("name", ["Bø", "Ås", "Hábmer", "Deatnu – Tana", "Oslo"])
def test_clean_names_pass(name: str) -> None:
    assert Municipality(number="0301", name=name).name == name


def test_prose_may_break_lines_but_names_may_not() -> None:
    assert LocalizedText(nb="Første avsnitt.\nAndre avsnitt.").nb is not None
    fails("nb", LocalizedText, nb="Tab\ter")


@pytest.mark.parametrize(
    "number", ["０３０１", "301", "0301\n", " 0301", "03 01", "03010", "0300", "9901", "1301"]
)
def test_kommunenummer_must_be_four_ascii_digits_of_a_county(number: str) -> None:
    fails("number", Municipality, number=number, name="Oslo")


def test_kommunenummer_must_be_text() -> None:
    error = fails("number", Municipality, number=301, name="Oslo")
    assert "not int" in error.message


@pytest.mark.parametrize("number", ["0301", "1246", "5001", "3001", "5601"])
def test_kommunenummer_of_some_period_pass(number: str) -> None:
    assert Municipality(number=number, name="Stad").county_number == number[:2]


def _round_of(year: int, cited: Citation) -> dict[str, Any]:
    # The winner is a municipality of every year, so that the one cited is all that varies.
    winner = (
        citation("1103", "Stavanger")
        if cited.municipality.number == "0301"
        else citation("0301", "Oslo")
    )
    return {
        "id": f"innovasjonsprisen-{year}",
        "year": year,
        "awarded_on": None,
        "announced_on": None,
        "event": None,
        "citations": (winner, cited),
    }


def test_kommunenummer_is_checked_against_the_registry_of_the_rounds_year() -> None:
    fjell = citation("1246", "Fjell", Standing.FINALIST, ())
    citations = (citation(), fjell)
    assert award_round(citations=citations).citations[1] == fjell
    error = fails(
        "citations[1].municipality.number",
        award_round,
        **_round_of(2021, fjell),
    )
    assert error.message == "1246 was no municipality's number in 2021 (it was Fjell in 1972-2019)"
    error = fails(
        "citations[1].municipality.number",
        award_round,
        **_round_of(2014, citation("0999", "Arendal", Standing.FINALIST, ())),
    )
    assert "0999 was no municipality's number in 2014" in error.message


@pytest.mark.parametrize(
    ("year", "number", "name"),
    [
        (2019, "1246", "Bergen"),
        (2019, "0301", "Bergen"),
        (2017, "5001", "Trondheim"),
        (2018, "1601", "Trondheim"),
        (2019, "1567", "Rindal"),
        (2018, "5061", "Rindal"),
    ],
)
def test_a_round_refuses_a_municipality_the_registry_does_not_have(
    year: int, number: str, name: str
) -> None:
    cited = citation(number, name, Standing.FINALIST, ())
    with pytest.raises(ValidationError) as caught:
        award_round(**_round_of(year, cited))
    assert caught.value.field.startswith("citations[1].municipality.")


def test_the_name_must_be_the_registrys_for_the_year() -> None:
    bergen = citation("1246", "Bergen", Standing.FINALIST, ())
    error = fails("citations[1].municipality.name", award_round, **_round_of(2019, bergen))
    assert error.message == "1246 was Fjell in 2019, not 'Bergen' (the names accepted: 'Fjell')"
    sami = citation("5610", "Karasjokk", Standing.FINALIST, ())
    error = fails("citations[1].municipality.name", award_round, **_round_of(2024, sami))
    assert error.message == (
        "5610 was Kárášjohka - Karasjok in 2024, not 'Karasjokk' "
        "(the names accepted: 'Kárášjohka - Karasjok', 'Karasjok', 'Kárášjohka')"
    )


@pytest.mark.parametrize(
    ("year", "number", "name"),
    [
        (2021, "5437", "Karasjok"),
        (2021, "5437", "Kárášjohka"),
        (2021, "5437", "Kárášjohka - Karasjok"),
        (2019, "2021", "Karasjok"),
        (2019, "1515", "Herøy"),
        (2019, "1515", "Herøy (Møre og Romsdal)"),
        (2026, "0301", "Oslove"),
    ],
)
def test_parallel_names_and_names_without_their_county_are_accepted(
    year: int, number: str, name: str
) -> None:
    cited = citation(number, name, Standing.FINALIST, ())
    assert award_round(**_round_of(year, cited)).citations[-1].municipality.name == name


def test_the_years_of_a_round_are_the_registrys() -> None:
    fails(
        "year", award_round, **_round_of(10_000, citation("1103", "Stavanger", Standing.FINALIST))
    )


@pytest.mark.parametrize("orgnr", ["974760673", "972417858"])
def test_valid_organisation_numbers_pass(orgnr: str) -> None:
    assert Municipality(number="0301", name="Oslo", orgnr=orgnr).orgnr == orgnr


@pytest.mark.parametrize(
    ("orgnr", "message"),
    [
        ("974760674", "is not a valid organisation number"),
        ("97476067", "is not a valid organisation number"),
        ("974 760 673", "must be nine digits without spaces"),
        (974760673, "must be text"),
    ],
)
def test_organisation_numbers_are_checked(orgnr: object, message: str) -> None:
    error = fails("orgnr", Organisation, name=LocalizedText(nb="KMD"), orgnr=orgnr)
    assert message in error.message


@pytest.mark.parametrize("amount", ["500000", "1234.50", "0.01", "-5", "999999999999999.99"])
def test_money_accepts_decimals_with_up_to_two_places(amount: str) -> None:
    assert Money(amount=Decimal(amount)).amount == Decimal(amount)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (500000.0, "must be a Decimal, not float"),
        (500000, "must be a Decimal, not int"),
        ("500000", "must be a Decimal, not str"),
        (Decimal("NaN"), "must be a finite number"),
        (Decimal("-Infinity"), "must be a finite number"),
        (Decimal("1.234"), "at most two decimal places"),
        (Decimal("1E+15"), "must be smaller than"),
    ],
)
def test_money_refuses_other_amounts(amount: object, message: str) -> None:
    error = fails("amount", Money, amount=amount)
    assert message in error.message


@pytest.mark.parametrize("currency", ["nok", "NOKK", "ABC", "", 578])
def test_currency_must_be_an_iso_4217_code(currency: object) -> None:
    fails("currency", Money, amount=Decimal(1), currency=currency)


def test_prize_and_round_amounts_must_be_positive() -> None:
    kmd = Organisation(name=LocalizedText(nb="KMD"))
    name = LocalizedText(nb="Innovasjonsprisen")
    one = Prize(id="p", name=name, conferred_by=kmd, amount=Money(amount=Decimal(1)))
    assert one.amount.amount == 1
    fails(
        "amount.amount", Prize, id="p", name=name, conferred_by=kmd, amount=Money(amount=Decimal(0))
    )
    fails("amount.amount", award_round, amount=Money(amount=Decimal(-1)))


def test_localized_text_needs_one_language_and_falls_back_in_order() -> None:
    fails("nb", LocalizedText)
    text = LocalizedText(nn="nynorsk", en="english")
    assert text.languages == ("nn", "en")
    assert text.resolve("nb") == ("nn", "nynorsk")
    assert text.resolve("en") == ("en", "english")
    assert LocalizedText(en="english").resolve("nn") == ("en", "english")
    assert text.get("se") == "nynorsk"


def test_round_needs_exactly_one_winner() -> None:
    finalist = citation(standing=Standing.FINALIST)
    error = fails("citations", award_round, citations=(finalist,))
    assert error.message == "a round has exactly one winner, not 0"
    two = (citation(), citation("1516", "Ulstein", Standing.WINNER, ()))
    assert fails("citations", award_round, citations=two).message.endswith("not 2")


def test_round_honours_a_municipality_once() -> None:
    twice = (citation(), citation("5001", "Trondheim", Standing.FINALIST, ()))
    fails("citations[1].municipality.number", award_round, citations=twice)


def test_cited_projects_belong_to_the_cited_municipality() -> None:
    fails(
        "projects[1].municipality",
        citation,
        projects=(project(), project("Teknologiskolen", "1516")),
    )


def test_counts_cover_what_is_cited_and_named() -> None:
    fails("applicants.municipalities", award_round, applicants=Applicants(municipalities=2))
    fails("applicants.applicants", award_round, applicants=Applicants(applicants=2))
    fails("applicants.projects", award_round, applicants=Applicants(projects=0))
    assert award_round(applicants=None).applicants is None
    assert award_round(applicants=Applicants(applicants=3)).applicants == Applicants(applicants=3)
    counted = award_round(applicants=Applicants(municipalities=3, projects=1))
    assert counted.applicants == Applicants(municipalities=3, projects=1)


def test_applications_cover_the_projects_named() -> None:
    error = fails("applicants.applications", award_round, applicants=Applicants(applications=0))
    assert str(error) == "applicants.applications: 0 is fewer than the 1 projects named"
    counted = award_round(applicants=Applicants(applications=1))
    assert counted.applicants == Applicants(applications=1)


def test_no_more_municipalities_apply_than_there_were_that_year() -> None:
    error = fails(
        "applicants.municipalities", award_round, applicants=Applicants(municipalities=423)
    )
    assert str(error) == (
        "applicants.municipalities: 423 is more than the 422 municipalities of 2019"
    )
    # «More than 422» of 422 is one too many as well; 422 itself is possible.
    fails(
        "applicants.municipalities",
        award_round,
        applicants=Applicants(municipalities=422, more_than=True),
    )
    assert award_round(applicants=Applicants(municipalities=422)).applicants == Applicants(
        municipalities=422
    )


def test_a_year_after_the_registry_counts_the_municipalities_of_its_last_division() -> None:
    later = {
        "id": "innovasjonsprisen-2030",
        "year": 2030,
        "citations": (citation(),),
        "awarded_on": date(2030, 6, 7),
        "announced_on": None,
        "event": None,
        "sources": (),
    }
    assert award_round(**later, applicants=Applicants(municipalities=357)).year == 2030
    error = fails(
        "applicants.municipalities", award_round, **later, applicants=Applicants(municipalities=358)
    )
    assert str(error) == (
        "applicants.municipalities: 358 is more than the 357 municipalities of 2026,"
        " the division 2030 is checked by"
    )


@pytest.mark.parametrize("wrong", ["innovasjonsprisen-2018", "innovasjonsprisen", "2019-x"])
def test_the_id_ends_in_the_rounds_year(wrong: str) -> None:
    error = fails("id", award_round, id=wrong)
    assert str(error) == f"id: {wrong!r} does not end in -2019, the round's year"
    assert award_round(id="kmd-2019").id == "kmd-2019"


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("announced_on", {"awarded_on": None, "announced_on": date(1, 1, 1)}),
        ("announced_on", {"awarded_on": None, "announced_on": date(2021, 1, 1)}),
        (
            "event.start",
            {"awarded_on": None, "event": Event(name="Konferanse", start=date(2017, 12, 31))},
        ),
        (
            "event.end",
            {
                "awarded_on": None,
                "event": Event(name="Konferanse", start=date(2019, 6, 6), end=date(9999, 12, 31)),
            },
        ),
        (
            "sources[0].published_on",
            {"sources": (Source(url="https://a.no/", published_on=date(2013, 12, 31)),)},
        ),
        (
            "sources[0].published_on",
            {"sources": (Source(url="https://a.no/", published_on=date(2070, 1, 1)),)},
        ),
    ],
)
def test_dates_lie_near_the_rounds_year(field: str, changes: dict[str, Any]) -> None:
    error = fails(field, award_round, **changes)
    assert "near the round's year" in str(error)


def test_dates_at_the_edges_of_their_windows_are_kept() -> None:
    edges = award_round(
        awarded_on=None,
        announced_on=date(2020, 12, 31),
        event=Event(name="Konferanse", start=date(2018, 1, 1), end=date(2020, 12, 31)),
        sources=(
            Source(url="https://a.no/", published_on=date(2014, 1, 1)),
            Source(url="https://b.no/", published_on=date(2069, 12, 31)),
        ),
    )
    assert edges.announced_on == date(2020, 12, 31)


def test_dates_agree_with_the_year_each_other_and_the_event() -> None:
    fails("awarded_on", award_round, awarded_on=date(2018, 6, 7), event=None)
    fails("announced_on", award_round, announced_on=date(2019, 6, 6))
    fails("awarded_on", award_round, awarded_on=date(2019, 6, 8), announced_on=None)
    one_day = Event(name="Fremtidens kommuner 2019", start=date(2019, 6, 7))
    assert award_round(event=one_day).event == one_day


def test_all_cross_field_problems_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        award_round(awarded_on=date(2018, 1, 1), event=None, announced_on=date(2017, 1, 1))
    fields = [field for field, _ in caught.value.problems]
    # Out of the year, announced before the award, and announced too long before 2019.
    assert fields == ["awarded_on", "announced_on", "announced_on"]


def test_jury_has_at_most_one_chair_and_is_not_empty() -> None:
    chair = JuryMember(person=Person(name="A"), chair=True)
    other = JuryMember(person=Person(name="B"), chair=True)
    fails("members[1].chair", Jury, members=(chair, other))
    fails("members", Jury)
    jury = Jury(members=(JuryMember(person=Person(name="C")), chair))
    assert jury.chair == chair
    assert Jury(members=(JuryMember(person=Person(name="C")),)).chair is None


def test_event_end_needs_a_start_not_after_it() -> None:
    fails("end", Event, name="Konferanse", end=date(2019, 6, 7))
    fails("end", Event, name="Konferanse", start=date(2019, 6, 7), end=date(2019, 6, 6))


def test_dates_must_be_dates_not_datetimes_or_text() -> None:
    fails("start", Event, name="Konferanse", start=datetime(2019, 6, 7, 12, 0))  # noqa: DTZ001
    fails("start", Event, name="Konferanse", start="2019-06-07")


def test_applicants_need_a_count_and_more_than_needs_municipalities() -> None:
    fails("municipalities", Applicants)
    fails("more_than", Applicants, projects=3, more_than=True)
    fails("municipalities", Applicants, municipalities=True)
    fails("municipalities", Applicants, municipalities=-1)
    assert Applicants(municipalities=40, more_than=True).more_than


@pytest.mark.parametrize(
    "url", ["ftp://example.org/x", "regjeringen.no/id1", "https://localhost", "https://a b.no/"]
)
def test_sources_are_web_addresses(url: str) -> None:
    fails("url", Source, url=url)


def test_sequences_must_be_tuples_of_the_right_type() -> None:
    fails("citations", award_round, citations=[citation()])
    error = fails("presented_by[0]", award_round, presented_by=("Aase Marthe Horrigmo",))
    assert error.message == "must be a Person, not str"
    fails("criteria[1]", award_round, criteria=(LocalizedText(nb="a"), LocalizedText(nb="a")))
    fails("standing", citation, standing="winner")


def test_ids_and_years_are_checked() -> None:
    fails("id", award_round, id="Innovasjonsprisen 2019")
    fails("year", award_round, year=1900)
    fails("year", award_round, year=True)


def test_objects_are_frozen() -> None:
    oslo = municipality("0301", "Oslo")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        oslo.name = "Kristiania"  # type: ignore[misc]


def test_round_winner_and_finalists() -> None:
    award = award_round()
    assert award.winner.municipality.name == "Trondheim"
    assert [c.municipality.name for c in award.finalists] == ["Ulstein", "Fjell"]
    assert Standing("honourable_mention") is Standing.HONOURABLE_MENTION


def test_project_repr_names_its_fields() -> None:
    assert "Ledelsesskolen" in repr(Project(name="Ledelsesskolen", municipality="5001"))


def test_validators_describe_themselves() -> None:
    from innovasjonspris import _text as t  # noqa: PLC0415 - private, tested once here
    from innovasjonspris import _validators as v  # noqa: PLC0415 - private, tested once here

    assert repr(t.text(multiline=True)) == "<text validator multiline=True>"
    assert repr(v.instance_of(int)) == "<instance_of validator for int>"
    assert repr(v.integer(0, 9)) == "<integer validator 0..9>"
    assert repr(t.matches("[a-z]+", "letters")) == "<matches validator '[a-z]+'>"
    assert repr(v.optional(v.integer(0, 9))) == "<optional validator for <integer validator 0..9>>"
    assert repr(v.tuple_of(v.integer(0, 9))) == "<tuple_of validator for <integer validator 0..9>>"
    assert repr(attrs.fields(Money).currency.validator) == "<currency validator>"
    assert repr(attrs.fields(Money).amount.validator) == "<amount validator>"
    assert (
        repr(attrs.fields(Municipality).orgnr.validator)
        == "<optional validator for <orgnr validator>>"
    )
    assert repr(attrs.fields(Municipality).number.validator) == "<kommunenummer validator>"


def test_instance_rules_refuse_a_bool_for_an_int_and_a_datetime_for_a_date() -> None:
    from innovasjonspris import _validators as v  # noqa: PLC0415 - private, tested once here

    assert v.instance_of(int).passes(3)
    assert not v.instance_of(int).passes(True)  # noqa: FBT003
    assert v.date_value().passes(date(2019, 6, 7))
    assert not v.date_value().passes(datetime(2019, 6, 7, tzinfo=UTC))
