"""Hypothesis strategies that generate valid domain objects, for tests of your own code.

Install the extra to use them: ``pip install "innovasjonspris[strategies]"``. Every
strategy yields only objects that pass the model's validation, cross-field rules included,
and covers the whole valid space: kommunenummer from every county period since 1972
(``0301`` included), amounts with and without øre, every standing, absent optional fields
and names such as ``Bø``, ``Ås``, ``Hábmer`` and ``Deatnu – Tana``. Realistic values come
first, so failing examples shrink to something a person can read.

Without Hypothesis, importing this module raises :class:`ModuleNotFoundError` (an
:class:`ImportError`) that names the command above.

The same strategies are registered with Hypothesis when it is installed, so
``st.from_type(AwardRound)`` works without importing this module, for every public type
of :mod:`innovasjonspris`. The registry's ``County`` is not among them: it is reference
data, not something a round holds, and ``st.from_type(County)`` is not supported; draw
from :func:`kommunenummer` or :func:`municipalities` instead.

>>> from hypothesis import given
>>> @given(award_rounds())
... def test_one_winner(award_round):
...     assert award_round.winner.standing is Standing.WINNER

This is the only module of the library that imports Hypothesis.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeVar

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as missing:
    # Still a ModuleNotFoundError, so code that catches one keeps working.
    _MISSING = (
        'innovasjonspris.strategies needs Hypothesis: pip install "innovasjonspris[strategies]"'
    )
    raise ModuleNotFoundError(_MISSING, name=missing.name) from missing

from innovasjonspris import registry
from innovasjonspris._errors import ValidationError
from innovasjonspris._model import (
    LANGUAGES,
    MAX_AMOUNT,
    MAX_COUNT,
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
    Prize,
    Project,
    Source,
    Standing,
    YearNotAwarded,
)
from innovasjonspris._validators import check_text

__all__ = [
    "applicants",
    "award_rounds",
    "citations",
    "events",
    "juries",
    "jury_members",
    "kommunenummer",
    "localized_texts",
    "money",
    "municipalities",
    "organisations",
    "orgnrs",
    "persons",
    "prizes",
    "projects",
    "sources",
    "standings",
    "texts",
    "years",
    "years_not_awarded",
]

_PERSON_NAMES: Final = (
    "Kari Nordmann",
    "Ola Nordmann",
    "Åse Ødegård",
    "Per Øyvind Løvås",
    "Ánde Ásllat Johánsen",
    "Siri Berg-Hansen",
)
_PROJECT_NAMES: Final = (
    "Ledelsesskolen",
    "Teknologiskolen",
    "Digital innbyggerdialog",
    "Velferdsteknologi i hjemmetjenesten",
    "Ung medvirkning",
    "«Leve hele livet»",
)
_ORGANISATION_NAMES: Final = (
    "Kommunal- og moderniseringsdepartementet",
    "KS",
    "Direktoratet for forvaltning og økonomistyring",
    "Norges teknisk-naturvitenskapelige universitet",
    "Sámediggi",
)
_EVENT_NAMES: Final = ("Fremtidens kommuner 2019", "Kommunalpolitisk toppmøte", "Arendalsuka")
_PLACES: Final = ("Arendal", "Oslo", "Tromsø – Romsa", "Bodø", "Gjøvik")
_PROSE: Final = (
    "Kommunen har arbeidd systematisk med innovasjon over lang tid.",
    "Juryen la vekt på samarbeid med innbyggjarane.",
    "The jury valued how the work spread to every service.",
    "Prosjektet gjev betre tenester.\n\nDet kan takast i bruk av andre kommunar.",
)
_TITLES: Final = ("statssekretær", "kommunaldirektør", "professor", "seniorrådgiver", "ordfører")
_URLS: Final = (
    "https://www.regjeringen.no/no/aktuelt/innovasjonsprisen/id2652000/",
    "https://www.ks.no/",
    "http://example.no/side?id=1#avsnitt",
)
_PUBLISHERS: Final = ("Regjeringen", "KS", "Kommunal Rapport")
_KNOWN_ORGNRS: Final = ("972417858",)  # Kommunal- og moderniseringsdepartementet
_FAVOURITE_YEARS: Final = (2019, 2017, 2018, 2020, 2023, 2024, 1972)
_ORGNR_WEIGHTS: Final = (3, 2, 7, 6, 5, 4, 3, 2)
_NO_CHECK_DIGIT: Final = 10  # MOD11 leaves 10 for some eight digits: no orgnr starts so

_T = TypeVar("_T")

_SMALL: Final = 3  # items in the lists of a round's parts; enough to exercise every rule

_line_characters = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
_prose_characters = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), include_characters="\n"
)


def _is_clean(value: str, *, multiline: bool) -> bool:
    try:
        check_text(value, "text", multiline=multiline)
    except ValidationError:
        return False
    return True


# Strategies are built once and shared: building them anew inside every draw costs more
# than drawing from them.
@functools.cache
def _texts(*, multiline: bool) -> st.SearchStrategy[str]:
    alphabet = _prose_characters if multiline else _line_characters
    return (
        st.text(alphabet, min_size=1, max_size=40)
        .map(lambda value: unicodedata.normalize("NFC", value).strip())
        .filter(functools.partial(_is_clean, multiline=multiline))
    )


def texts(*, multiline: bool = False) -> st.SearchStrategy[str]:
    """Generate clean text: non-empty, NFC, no surrounding space, no control characters.

    With ``multiline``, line breaks may occur inside the text, as in a
    :class:`~innovasjonspris.LocalizedText`.
    """
    return _texts(multiline=multiline)


@functools.cache
def _named(examples: tuple[str, ...], *, multiline: bool = False) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(examples), _texts(multiline=multiline))


@functools.cache
def _or_none(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    # A typed front for the cache, which cannot carry the type variable through.
    return _or_none(strategy)


@functools.cache
def _years() -> st.SearchStrategy[int]:
    return st.one_of(
        st.sampled_from(_FAVOURITE_YEARS), st.integers(registry.FIRST_YEAR, registry.LAST_YEAR)
    )


def years() -> st.SearchStrategy[int]:
    """Generate the year of a round, one the registry covers; each reform is well covered."""
    return _years()


@functools.cache
def _records(year: int | None) -> tuple[registry.MunicipalityRecord, ...]:
    found = (
        registry.municipalities(year=year)
        if year is not None
        else tuple(
            {
                record.number: record
                for any_year in range(registry.FIRST_YEAR, registry.LAST_YEAR + 1)
                for record in registry.municipalities(year=any_year)
            }.values()
        )
    )
    # Oslo first: 0301 is valid in every year, so examples shrink to it.
    return tuple(sorted(found, key=lambda r: (r.number != "0301", r.number)))


@functools.cache
def _kommunenummer(year: int | None) -> st.SearchStrategy[str]:
    return st.sampled_from([record.number for record in _records(year)])


def kommunenummer(*, year: int | None = None) -> st.SearchStrategy[str]:
    """Generate the number of a municipality of ``year`` (of any year, if ``None``)."""
    return _kommunenummer(year)


def _orgnr(digits: tuple[int, ...]) -> str | None:
    remainder = -sum(w * d for w, d in zip(_ORGNR_WEIGHTS, digits, strict=True)) % 11
    if remainder == _NO_CHECK_DIGIT:
        return None
    return "".join(map(str, digits)) + str(remainder)


@functools.cache
def _orgnrs() -> st.SearchStrategy[str]:
    generated = (
        st.tuples(*[st.integers(0, 9)] * len(_ORGNR_WEIGHTS))
        .map(_orgnr)
        .filter(lambda value: value is not None)
        .map(str)
    )
    return st.one_of(st.sampled_from(_KNOWN_ORGNRS), generated)


def orgnrs() -> st.SearchStrategy[str]:
    """Generate an organisation number: nine digits whose last is the MOD11 check digit."""
    return _orgnrs()


def standings() -> st.SearchStrategy[Standing]:
    """Generate a :class:`~innovasjonspris.Standing`."""
    return st.sampled_from(Standing)


_LANGUAGE_SETS: Final = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)


@st.composite
def _localized_text(draw: st.DrawFn, text: st.SearchStrategy[str]) -> LocalizedText:
    return LocalizedText(**{language: draw(text) for language in draw(_LANGUAGE_SETS)})


@functools.cache
def _localized(examples: tuple[str, ...] = _PROSE) -> st.SearchStrategy[LocalizedText]:
    return _localized_text(_named(examples, multiline=True))


def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """Generate a :class:`~innovasjonspris.LocalizedText` in one to all of nb, nn and en."""
    return _localized()


def _scaled(places: int, *, positive: bool) -> st.SearchStrategy[Decimal]:
    # Every amount with exactly ``places`` decimals that stays below the limit.
    bound = int(MAX_AMOUNT) * 10**places - 1
    units = st.integers(1 if positive else -bound, bound)
    return units.map(lambda unit: Decimal(unit).scaleb(-places))


def _with_exponent(digits: int, power: int) -> Decimal:
    return Decimal(digits).scaleb(power)


def _amounts(*, positive: bool) -> st.SearchStrategy[Decimal]:
    # Decimal("5E+5") is as valid an amount as Decimal("500000").
    exponent = st.builds(
        _with_exponent, st.integers(1 if positive else -999, 999), st.integers(1, 12)
    )
    known = st.sampled_from([Decimal(500000), Decimal("1234.50"), Decimal(250000)])
    return st.one_of(
        known,
        _scaled(0, positive=positive),
        _scaled(2, positive=positive),
        _scaled(1, positive=positive),
        exponent,
    )


def _currencies() -> tuple[str, ...]:
    from babel.numbers import list_currencies  # noqa: PLC0415 - only when asked for

    common = ("NOK", "SEK", "DKK", "EUR", "USD")
    return (*common, *sorted(set(list_currencies()) - set(common)))


@functools.cache
def _money(*, positive: bool) -> st.SearchStrategy[Money]:
    return st.builds(
        Money, amount=_amounts(positive=positive), currency=st.sampled_from(_currencies())
    )


def money(*, positive: bool = False) -> st.SearchStrategy[Money]:
    """Generate :class:`~innovasjonspris.Money`; whole amounts and amounts with øre, NOK most often.

    With ``positive``, only amounts above zero, as a prize carries.
    """
    return _money(positive=positive)


@functools.cache
def _organisations() -> st.SearchStrategy[Organisation]:
    return st.builds(
        Organisation,
        name=_localized(_ORGANISATION_NAMES),
        short_name=_optional(_named(("KMD", "KS", "DFØ", "NTNU"))),
        orgnr=_optional(_orgnrs()),
    )


def organisations() -> st.SearchStrategy[Organisation]:
    """Generate an :class:`~innovasjonspris.Organisation`, with or without short name, orgnr."""
    return _organisations()


@functools.cache
def _persons() -> st.SearchStrategy[Person]:
    return st.builds(
        Person,
        name=_named(_PERSON_NAMES),
        title=_optional(_localized(_TITLES)),
        organisation=_optional(_organisations()),
    )


def persons() -> st.SearchStrategy[Person]:
    """Generate a :class:`~innovasjonspris.Person`, with or without a title and organisation."""
    return _persons()


def jury_members() -> st.SearchStrategy[JuryMember]:
    """Generate a :class:`~innovasjonspris.JuryMember`, chair or not."""
    return st.builds(JuryMember, person=_persons(), chair=st.booleans())


def _lists(strategy: st.SearchStrategy[_T], *, most: int = _SMALL) -> st.SearchStrategy[list[_T]]:
    return st.lists(strategy, max_size=most, unique=True)


@st.composite
def _jury(draw: st.DrawFn) -> Jury:
    people = draw(_lists(_persons()))
    chair = draw(_optional(st.integers(0, len(people) - 1))) if people else None
    members = tuple(JuryMember(person=p, chair=i == chair) for i, p in enumerate(people))
    secretariat = _organisations() if not members else _optional(_organisations())
    return Jury(members=members, secretariat=draw(secretariat))


def juries() -> st.SearchStrategy[Jury]:
    """Generate a :class:`~innovasjonspris.Jury`: members or a secretariat, at most one chair."""
    return _jury()


@st.composite
def _event(draw: st.DrawFn, start: date | None = None, end: date | None = None) -> Event:
    return Event(
        name=draw(_named(_EVENT_NAMES)),
        place=draw(_optional(_named(_PLACES))),
        start=start,
        end=end,
        organizer=draw(_optional(_organisations())),
    )


@st.composite
def _any_event(draw: st.DrawFn) -> Event:
    start = draw(_optional(st.dates()))
    end = None if start is None else draw(_optional(st.dates(min_value=start)))
    return draw(_event(start, end))


def events() -> st.SearchStrategy[Event]:
    """Generate an :class:`~innovasjonspris.Event`; an end only with a start, never before it."""
    return _any_event()


_URL_PATTERN = r"https?://[a-z0-9-]{1,12}(\.[a-z0-9-]{1,12}){1,3}(/[A-Za-z0-9_.~%-]{0,12}){0,3}"


@functools.cache
def _urls() -> st.SearchStrategy[str]:
    # Any address the model accepts: the pattern's \S admits non-ASCII paths too.
    anything = st.from_regex(
        r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", fullmatch=True, alphabet=_line_characters
    ).filter(functools.partial(_is_clean, multiline=False))
    return st.one_of(st.sampled_from(_URLS), st.from_regex(_URL_PATTERN, fullmatch=True), anything)


@functools.cache
def _sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        url=_urls(),
        title=_optional(_texts(multiline=False)),
        publisher=_optional(_named(_PUBLISHERS)),
        published_on=_optional(st.dates()),
    )


def sources() -> st.SearchStrategy[Source]:
    """Generate a :class:`~innovasjonspris.Source`: an http(s) address and what else is known."""
    return _sources()


@st.composite
def _applicants(draw: st.DrawFn, municipalities: int, projects: int) -> Applicants:
    lowest = {"municipalities": municipalities, "projects": projects, "applications": 0}
    counts = {name: draw(_optional(st.integers(low, MAX_COUNT))) for name, low in lowest.items()}
    if all(count is None for count in counts.values()):
        name = draw(st.sampled_from(sorted(lowest)))
        counts[name] = draw(st.integers(lowest[name], MAX_COUNT))
    more_than = counts["municipalities"] is not None and draw(st.booleans())
    return Applicants(**counts, more_than=more_than)


def applicants() -> st.SearchStrategy[Applicants]:
    """Generate :class:`~innovasjonspris.Applicants` with at least one count."""
    return _applicants(0, 0)


@st.composite
def _municipality(draw: st.DrawFn, year: int | None) -> Municipality:
    record = draw(st.sampled_from(_records(year)))
    name = record.name
    # Drawn for every municipality, so that examples shrink to Oslo's official name and not
    # to whichever municipality has no other form of its name to choose from.
    other_forms = sorted(record.accepted_names - {name})
    if draw(st.booleans()) and other_forms:
        name = draw(st.sampled_from(other_forms))
    return Municipality(number=record.number, name=name, orgnr=draw(_optional(_orgnrs())))


@functools.cache
def _municipalities(year: int | None) -> st.SearchStrategy[Municipality]:
    return _municipality(year)


def municipalities(*, year: int | None = None) -> st.SearchStrategy[Municipality]:
    """Generate a real :class:`~innovasjonspris.Municipality` of ``year``, from the registry.

    Number and name agree as the registry has them that year; the name is the official one
    or another form the model accepts (one parallel name, or without the county). Without
    ``year``, a municipality of any year the registry covers.
    """
    return _municipalities(year)


@st.composite
def _project(draw: st.DrawFn, number: str) -> Project:
    return Project(
        name=draw(_named(_PROJECT_NAMES)),
        municipality=number,
        summary=draw(_optional(_localized())),
    )


@st.composite
def _any_project(draw: st.DrawFn, municipality: str | None) -> Project:
    number = municipality if municipality is not None else draw(kommunenummer())
    return draw(_project(number))


def projects(*, municipality: str | None = None) -> st.SearchStrategy[Project]:
    """Generate a :class:`~innovasjonspris.Project`, run by the kommunenummer ``municipality``."""
    return _any_project(municipality)


def _draw_citation(draw: st.DrawFn, municipality: Municipality, standing: Standing) -> Citation:
    return Citation(
        municipality=municipality,
        standing=standing,
        text=draw(_optional(_localized())),
        projects=tuple(draw(_lists(_project(municipality.number)))),
        accepted_by=draw(_optional(_persons())),
        representatives=tuple(draw(_lists(_persons()))),
    )


@st.composite
def _citation(draw: st.DrawFn, standing: Standing | None, year: int | None) -> Citation:
    cited = draw(municipalities(year=year))
    return _draw_citation(draw, cited, standing if standing is not None else draw(standings()))


def citations(
    *, standing: Standing | None = None, year: int | None = None
) -> st.SearchStrategy[Citation]:
    """Generate a :class:`~innovasjonspris.Citation` whose projects belong to its municipality.

    ``standing`` fixes the standing; ``year`` keeps the kommunenummer valid in that year.
    """
    return _citation(standing, year)


def _round_ids(year: int) -> st.SearchStrategy[str]:
    return st.one_of(st.just(f"innovasjonsprisen-{year}"), _IDS)


_IDS: Final = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True)
_NOT_WINNING: Final = st.sampled_from([Standing.FINALIST, Standing.HONOURABLE_MENTION])
_EVENT_SHAPES: Final = st.sampled_from(["undated", "that day", "span"])
_DAYS_AROUND: Final = st.integers(0, 3)


def _shifted(day: date, days: int) -> date:
    # Past the end of year 9999 the last representable day will do.
    return date.fromordinal(min(day.toordinal() + days, date.max.toordinal()))


def _draw_round_dates(draw: st.DrawFn, year: int) -> tuple[date | None, date | None, Event | None]:
    awarded = draw(_optional(st.dates(date(year, 1, 1), date(year, 12, 31))))
    if awarded is None:
        return None, draw(_optional(st.dates())), draw(_optional(_any_event()))
    announced = draw(_optional(st.dates(min_value=awarded)))
    # An event with dates must include the day of the award: none, that day, or a span.
    shape = draw(_EVENT_SHAPES)
    start: date | None = None
    end: date | None = None
    if shape == "that day":
        start, end = awarded, draw(st.sampled_from([None, awarded]))
    elif shape == "span":
        start = _shifted(awarded, -draw(_DAYS_AROUND))
        end = _shifted(awarded, draw(_DAYS_AROUND))
    event = draw(_optional(_event(start, end)))
    return awarded, announced, event


@st.composite
def _award_round(draw: st.DrawFn, year: int | None) -> AwardRound:
    round_year = year if year is not None else draw(_years())
    cited = draw(
        st.lists(
            municipalities(year=round_year),
            min_size=1,
            max_size=_SMALL + 1,
            unique_by=lambda municipality: municipality.number,
        )
    )
    winner = draw(st.integers(0, len(cited) - 1))
    round_citations = tuple(
        _draw_citation(draw, m, Standing.WINNER if i == winner else draw(_NOT_WINNING))
        for i, m in enumerate(cited)
    )
    named = sum(len(citation.projects) for citation in round_citations)
    awarded, announced, event = _draw_round_dates(draw, round_year)
    return AwardRound(
        id=draw(_round_ids(round_year)),
        year=round_year,
        amount=draw(_money(positive=True)),
        citations=round_citations,
        awarded_on=awarded,
        announced_on=announced,
        event=event,
        presented_by=tuple(draw(_lists(_persons(), most=2))),
        applicants=draw(_optional(_applicants(len(round_citations), named))),
        jury=draw(_optional(_jury())),
        criteria=tuple(draw(_lists(_localized()))),
        notes=draw(_optional(_localized())),
        sources=tuple(draw(_lists(_sources()))),
    )


def award_rounds(*, year: int | None = None) -> st.SearchStrategy[AwardRound]:
    """Generate an :class:`~innovasjonspris.AwardRound` that keeps every cross-field rule.

    Exactly one winner; distinct municipalities whose numbers are valid in the round's
    year; projects under their own municipality; counts no lower than what is named; the
    award inside the year and the event, and announced no earlier. ``year`` fixes the year.
    """
    return _award_round(year)


@functools.cache
def _prizes() -> st.SearchStrategy[Prize]:
    return st.builds(
        Prize,
        id=st.one_of(st.just("innovasjonsprisen"), _IDS),
        name=_localized(("Innovasjonsprisen", "Innovation prize")),
        conferred_by=_organisations(),
        amount=_money(positive=True),
        full_name=_optional(_localized()),
        short_name=_optional(_localized()),
        purpose=_optional(_localized()),
        eligibility=_optional(_localized()),
        sources=_lists(_sources()).map(tuple),
    )


def prizes() -> st.SearchStrategy[Prize]:
    """Generate a :class:`~innovasjonspris.Prize` with a positive amount."""
    return _prizes()


@st.composite
def _year_not_awarded(draw: st.DrawFn) -> YearNotAwarded:
    year = draw(_years())
    return YearNotAwarded(
        id=draw(_round_ids(year)),
        year=year,
        reason=draw(_localized()),
        notes=draw(_optional(_localized())),
        sources=tuple(draw(st.lists(_sources(), min_size=1, max_size=_SMALL, unique=True))),
    )


def years_not_awarded() -> st.SearchStrategy[YearNotAwarded]:
    """Generate a :class:`~innovasjonspris.YearNotAwarded`: a reason and at least one source."""
    return _year_not_awarded()
