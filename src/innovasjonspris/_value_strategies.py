"""The value strategies behind :mod:`innovasjonspris.strategies`, and their examples.

Text, years, kommunenummer, organisation numbers, standings, localised text and money:
the values the strategies for whole objects are drawn from. Realistic examples come first
in each, so that a failing example shrinks to something a person can read.
"""

from __future__ import annotations

import functools
import unicodedata
from decimal import Decimal
from typing import Final, TypeVar

from hypothesis import strategies as st

from innovasjonspris import registry
from innovasjonspris._errors import ValidationError
from innovasjonspris._parts import (
    LANGUAGES,
    MAX_AMOUNT,
    LocalizedText,
    Money,
    Municipality,
    Standing,
    iso_currencies,
)
from innovasjonspris._realistic_values import (
    TEXTS,
    completed_orgnr,
    known_orgnrs,
    municipality_orgnr,
    realistic_localized,
    realistic_money,
    realistic_orgnrs,
    realistic_texts,
)
from innovasjonspris._text import HIDDEN, check_text, proper_name, scripts_of
from innovasjonspris._typed_cache import cached

__all__ = [
    "EVENT_NAMES",
    "ORGANISATION_NAMES",
    "PERSON_NAMES",
    "PLACES",
    "PROJECT_NAMES",
    "PUBLISHERS",
    "ROUND_YEARS",
    "SMALL",
    "TITLES",
    "URLS",
    "check_round_year",
    "is_clean",
    "kommunenummer",
    "line_characters",
    "localized",
    "localized_texts",
    "money",
    "municipalities",
    "named",
    "optional",
    "orgnrs",
    "proper_names",
    "records",
    "standings",
    "texts",
    "years",
]

PERSON_NAMES: Final = (
    "Kari Nordmann",
    "Ola Nordmann",
    "Åse Ødegård",
    "Per Øyvind Løvås",
    "Ánde Ásllat Johánsen",
    "Siri Berg-Hansen",
)
PROJECT_NAMES: Final = (
    "Ledelsesskolen",
    "Teknologiskolen",
    "Digital innbyggerdialog",
    "Velferdsteknologi i hjemmetjenesten",
    "Ung medvirkning",
    "«Leve hele livet»",
)
ORGANISATION_NAMES: Final = (
    "Kommunal- og moderniseringsdepartementet",
    "KS",
    "Direktoratet for forvaltning og økonomistyring",
    "Norges teknisk-naturvitenskapelige universitet",
    "Sámediggi",
)
EVENT_NAMES: Final = ("Fremtidens kommuner 2019", "Kommunalpolitisk toppmøte", "Arendalsuka")
PLACES: Final = ("Arendal", "Oslo", "Tromsø – Romsa", "Bodø", "Gjøvik")
_PROSE: Final = (
    "Kommunen har arbeidd systematisk med innovasjon over lang tid.",
    "Juryen la vekt på samarbeid med innbyggjarane.",
    "The jury valued how the work spread to every service.",
    "Prosjektet gjev betre tenester.\n\nDet kan takast i bruk av andre kommunar.",
)
TITLES: Final = ("statssekretær", "kommunaldirektør", "professor", "seniorrådgiver", "ordfører")
URLS: Final = (
    "https://www.regjeringen.no/no/aktuelt/innovasjonsprisen/id2652000/",
    "https://www.ks.no/",
    "http://example.no/side?id=1#avsnitt",
)
PUBLISHERS: Final = ("Regjeringen", "KS", "Kommunal Rapport")
_FAVOURITE_YEARS: Final = (2019, 2017, 2018, 2020, 2023, 2024, 1972)

_T = TypeVar("_T")

SMALL: Final = 3  # items in the lists of a round's parts; enough to exercise every rule

# Every character clean text may hold: no controls, separators of lines or invisible
# format characters; every other format character stays in, to keep text strange.
line_characters = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters=HIDDEN
)
_prose_characters = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Zl", "Zp"),
    exclude_characters=HIDDEN,
    include_characters="\n",
)


def is_clean(value: str, *, multiline: bool) -> bool:
    try:
        check_text(value, "text", multiline=multiline)
    except ValidationError:
        return False
    return True


# Strategies are built once and shared: building them anew inside every draw costs more
# than drawing from them.
@cached
def texts(*, multiline: bool = False, hostile: bool = False) -> st.SearchStrategy[str]:
    """Generate clean text: Norwegian words such as ``Innovasjon kommune`` or ``Bø``.

    With ``multiline``, paragraphs of them, as in a :class:`~innovasjonspris.LocalizedText`.
    With ``hostile``, any text the model accepts: non-empty, NFC, no surrounding space, no
    control characters, but any other character of Unicode, unassigned ones included.
    """
    if not hostile:
        return realistic_texts(multiline=multiline)
    alphabet = _prose_characters if multiline else line_characters
    return (
        st.text(alphabet, min_size=1, max_size=40)
        .map(lambda value: unicodedata.normalize("NFC", value).strip())
        .filter(functools.partial(is_clean, multiline=multiline))
    )


@cached
def named(examples: tuple[str, ...], *, multiline: bool = False) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(examples), texts(multiline=multiline, hostile=True))


def _one_script_words(value: str) -> str:
    """``value`` without each letter whose script differs from the letters before it in its word."""
    kept: list[str] = []
    common: frozenset[str] | None = None
    for character in value:
        if unicodedata.category(character)[0] not in "LM":
            common = None
        scripts = scripts_of(character)
        if scripts is not None:
            if common is not None and not common & scripts:
                continue
            common = scripts if common is None else common & scripts
        kept.append(character)
    return "".join(kept)


@cached
def _proper_names() -> st.SearchStrategy[str]:
    # Any clean text, each word of it kept to one script, as a proper name must be.
    return (
        texts(hostile=True)
        .map(lambda value: unicodedata.normalize("NFC", _one_script_words(value)).strip())
        .filter(proper_name().passes)
    )


@cached
def proper_names(examples: tuple[str, ...]) -> st.SearchStrategy[str]:
    """One of ``examples``, or any proper name the model accepts, in any script."""
    return st.one_of(st.sampled_from(examples), _proper_names())


@cached
def optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.one_of(st.none(), strategy)


YEARS_AFTER_THE_REGISTRY: Final = 5
"""How many years after the registry's last a generated round may have: next year's round,
and a few more, checked against the last division the registry knows."""
ROUND_YEARS: Final = range(registry.FIRST_YEAR, registry.LAST_YEAR + YEARS_AFTER_THE_REGISTRY + 1)
"""The years a generated round may have."""


def check_round_year(year: int | None) -> None:
    """Refuse a year no round may have, as the caller asks for it."""
    if year is None:
        return
    if type(year) is not int:
        msg = f"year must be an int or None, not {type(year).__name__}"
        raise TypeError(msg)
    # Any year a round may have, as the registry answers for it, though only the first
    # few after its last are drawn unasked.
    registry.division_year(year)


@cached
def years() -> st.SearchStrategy[int]:
    """Generate the year of a round, one the registry covers; each reform is well covered."""
    return st.one_of(
        st.sampled_from(_FAVOURITE_YEARS), st.integers(ROUND_YEARS[0], ROUND_YEARS[-1])
    )


@cached
def records(year: int | None) -> tuple[registry.MunicipalityRecord, ...]:
    found = (
        registry.municipalities(year=registry.division_year(year))
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


@cached
def kommunenummer(*, year: int | None = None) -> st.SearchStrategy[str]:
    """Generate the number of a municipality of ``year`` (of any year, if ``None``)."""
    check_round_year(year)
    return st.sampled_from([record.number for record in records(year)])


@st.composite
def _municipality(draw: st.DrawFn, year: int | None, *, hostile: bool) -> Municipality:
    record = draw(st.sampled_from(records(year)))
    name = record.name
    # Drawn for every municipality, so that examples shrink to Oslo's official name and not
    # to whichever municipality has no other form of its name to choose from.
    other_forms = sorted(record.accepted_names - {name})
    if draw(st.booleans()) and other_forms:
        name = draw(st.sampled_from(other_forms))
    # Its own number, made up; or, when hostile, any valid one, another body's included.
    orgnr = orgnrs(hostile=True) if hostile else st.just(municipality_orgnr(record.number))
    return Municipality(number=record.number, name=name, orgnr=draw(optional(orgnr)))


@cached
def municipalities(
    *, year: int | None = None, hostile: bool = False
) -> st.SearchStrategy[Municipality]:
    """Generate a real :class:`~innovasjonspris.Municipality` of ``year``, from the registry.

    Number and name agree as the registry has them that year; the name is the official one
    or another form the model accepts (one parallel name, or without the county). Without
    ``year``, a municipality of any year the registry covers. Its orgnr, if it has one, is
    made up from its kommunenummer: the same in every example, and no other body's. With
    ``hostile``, any valid orgnr, another body's included.

    Raises:
        ValidationError: ``year`` is one no round may have (before 1972, or after the
            registry's last year).
    """
    check_round_year(year)
    return _municipality(year, hostile=hostile)


@cached
def orgnrs(*, hostile: bool = False) -> st.SearchStrategy[str]:
    """Generate an organisation number: nine digits whose last is the MOD11 check digit.

    It begins with 8 or 9, as real ones do, and is made up: no body in the bundled data has
    it. With ``hostile``, any valid number, the ministry's first.
    """
    if not hostile:
        return realistic_orgnrs()
    generated = (
        st.text("0123456789", min_size=8, max_size=8)
        .map(completed_orgnr)
        .filter(lambda value: value is not None)
        .map(str)
    )
    return st.one_of(st.sampled_from(sorted(known_orgnrs())), generated)


def standings() -> st.SearchStrategy[Standing]:
    """Generate a :class:`~innovasjonspris.Standing`."""
    return st.sampled_from(Standing)


_LANGUAGE_SETS: Final = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)


@st.composite
def _localized_text(draw: st.DrawFn, text: st.SearchStrategy[str]) -> LocalizedText:
    return LocalizedText(**{language: draw(text) for language in draw(_LANGUAGE_SETS)})


@cached
def localized(examples: tuple[str, ...] = _PROSE) -> st.SearchStrategy[LocalizedText]:
    return _localized_text(named(examples, multiline=True))


def localized_texts(*, hostile: bool = False) -> st.SearchStrategy[LocalizedText]:
    """Generate a :class:`~innovasjonspris.LocalizedText`: Bokmål, and Nynorsk or English.

    Each language says the same (``Vinneren ble kunngjort på konferansen.``). With
    ``hostile``, any set of one to all of nb, nn and en, each any clean text.
    """
    return localized() if hostile else realistic_localized(TEXTS["notes"])


def _scaled(places: int, *, positive: bool) -> st.SearchStrategy[Decimal]:
    # Every amount with exactly ``places`` decimals that stays below the limit.
    bound = int(MAX_AMOUNT) * 10**places - 1
    units = st.integers(1 if positive else -bound, bound)
    return units.map(lambda unit: Decimal(unit).scaleb(-places))


def _with_exponent(digits: int, power: int) -> Decimal:
    return Decimal(digits).scaleb(power)


def _amounts(*, positive: bool) -> st.SearchStrategy[Decimal]:
    # Decimal("5E+5") is as valid an amount as Decimal("500000"). A power of 0 lets an
    # amount drawn here shrink to the plain whole number the other branches shrink to.
    exponent = st.builds(
        _with_exponent, st.integers(1 if positive else -999, 999), st.integers(0, 12)
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
    common = ("NOK", "SEK", "DKK", "EUR", "USD")
    return (*common, *sorted(iso_currencies() - set(common)))


@cached
def money(*, positive: bool = False, hostile: bool = False) -> st.SearchStrategy[Money]:
    """Generate :class:`~innovasjonspris.Money`: whole kroner in NOK, 10 000 to 2 000 000.

    Realistic amounts are always above zero. With ``hostile``, any amount the model
    accepts, with and without øre, ``Decimal("5E+5")`` as well as ``Decimal("500000")``,
    zero and below (unless ``positive``), in any ISO 4217 currency, NOK most often.
    """
    if not hostile:
        return realistic_money()
    return st.builds(
        Money, amount=_amounts(positive=positive), currency=st.sampled_from(_currencies())
    )
