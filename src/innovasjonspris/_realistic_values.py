"""The words and values the realistic strategies draw from: Norwegian-looking, and consistent.

A realistic value is one a reader of a real round would not stop at: people called
``Kari Nordmann`` or ``Per Øyvind Løvås``, projects called ``Velferdslaben``, amounts of
``500000`` kroner, text in Bokmål with its Nynorsk and English versions saying the same,
and organisation numbers that belong to no other body. The hostile strategies beside these
(``hostile=True``) keep the whole valid space; these keep to the part real data lives in.
Every list starts with the value a failing example should shrink to.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from importlib import resources
from typing import Final, cast

from hypothesis import strategies as st
from stdnum.no import orgnr as stdnum_orgnr

from innovasjonspris._parts import LocalizedText, Money, Organisation
from innovasjonspris._typed_cache import cached
from innovasjonspris.data import prize, rounds
from innovasjonspris.serialization import to_dict

__all__ = [
    "CITATION_TEXTS",
    "EVENT_NAMES",
    "LANGUAGES",
    "LANGUAGE_SETS",
    "PLACES",
    "PUBLISHERS",
    "TEXTS",
    "Triple",
    "completed_orgnr",
    "filled",
    "known_orgnrs",
    "localized_in",
    "municipality_orgnr",
    "person_names",
    "project_names",
    "realistic_localized",
    "realistic_money",
    "realistic_organisations",
    "realistic_orgnrs",
    "realistic_texts",
    "realistic_titles",
]

Triple = tuple[str, str, str]
"""The same text in Bokmål, Nynorsk and English."""

_FIRST_NAMES: Final = (
    "Kari", "Ola", "Ingrid", "Lars", "Sigrid", "Nils", "Åse", "Øystein", "Marit", "Jon",
    "Hanne", "Terje", "Siri", "Bjørn", "Elin", "Tor", "Ragnhild", "Håkon", "Ánde", "Liv",
)  # fmt: skip
_MIDDLE_NAMES: Final = ("Marie", "Øyvind", "Johanne", "Andreas")
_SURNAMES: Final = (
    "Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Bakken", "Lie",
    "Dahl", "Ødegård", "Løvås", "Sørensen", "Nilsen", "Aas", "Strand", "Moen", "Sara",
    "Berg-Hansen", "Halvorsen",
)  # fmt: skip
# Projects are named by joining a stem and an ending ("Ledelses" + "skolen"), as many are.
_PROJECT_STEMS: Final = (
    "Ledelses", "Teknologi", "Velferds", "Helse", "Lærings", "Innovasjons", "Klima",
    "Frivillighets", "Ungdoms", "Mestrings", "Nærmiljø", "Tjeneste",
)  # fmt: skip
_PROJECT_ENDINGS: Final = (
    "skolen", "laben", "huset", "løftet", "porten", "nettverket", "verkstedet", "piloten",
)  # fmt: skip
_PROJECT_PHRASES: Final = (
    "Digital innbyggerdialog",
    "Velferdsteknologi i hjemmetjenesten",
    "Ung medvirkning",
    "Leve hele livet",
    "Rett i jobb",
    "Trygt hjemme",
)
EVENT_NAMES: Final = (
    "Fremtidens kommuner {year}",
    "Kommunalpolitisk toppmøte {year}",
    "Arendalsuka {year}",
    "Innovasjonskonferansen {year}",
)
PLACES: Final = ("Arendal", "Oslo", "Trondheim", "Bodø", "Tromsø", "Gjøvik", "Lillestrøm")
# Who publishes news of a round, and where on the web.
PUBLISHERS: Final = (
    ("Regjeringen", "https://www.regjeringen.no/no/aktuelt/"),
    ("KS", "https://www.ks.no/aktuelt/"),
    ("Kommunal Rapport", "https://www.kommunal-rapport.no/"),
)
_WORDS: Final[tuple[str, ...]] = (
    "Innovasjon", "kommune", "tjenester", "Bø", "Ås", "samarbeid", "innbyggere", "Tromsø",
    "velferdsteknologi", "skole", "helse", "Ålesund", "frivillighet", "Hábmer", "dialog",
)  # fmt: skip

# Bodies a round names besides the one that confers the bundled prize, each with its name
# in nb, nn and en and its short name. None carries an orgnr: a number is given only where
# the bundled data has it, never made up for a real body.
_OTHER_BODIES: Final[tuple[tuple[Triple, str | None], ...]] = (
    (("KS", "KS", "Norwegian Association of Local and Regional Authorities"), "KS"),
    (
        (
            "Direktoratet for forvaltning og økonomistyring",
            "Direktoratet for forvaltning og økonomistyring",
            "Norwegian Agency for Public and Financial Management",
        ),
        "DFØ",
    ),
    (
        (
            "Direktoratet for forvaltning og IKT",
            "Direktoratet for forvaltning og IKT",
            "Agency for Public Management and eGovernment",
        ),
        "Difi",
    ),
    (
        (
            "Norges teknisk-naturvitenskapelige universitet",
            "Noregs teknisk-naturvitskaplege universitet",
            "Norwegian University of Science and Technology",
        ),
        "NTNU",
    ),
    (("Sametinget", "Sametinget", "Sámi Parliament of Norway"), None),
)
LANGUAGE_SETS: Final = (("nb",), ("nb", "nn", "en"), ("nb", "nn"), ("nb", "en"))


def _triple(text: Mapping[str, str]) -> Triple:
    return text["nb"], text["nn"], text["en"]


# The texts in three languages are data, kept where each text's three versions stand side
# by side under their languages' names: in _realistic_texts.toml, beside this module.
_TEXTS_FILE: Final = tomllib.loads(
    resources.files("innovasjonspris").joinpath("_realistic_texts.toml").read_text("utf-8")
)
TEXTS: Final[Mapping[str, tuple[Triple, ...]]] = {
    kind: tuple(map(_triple, texts)) for kind, texts in _TEXTS_FILE["texts"].items()
}
"""Each kind of text (``titles``, ``criteria``, ``notes`` ...), the ways a round may say it."""
CITATION_TEXTS: Final[Mapping[str, Triple]] = {
    standing: _triple(text) for standing, text in _TEXTS_FILE["citation_texts"].items()
}
"""What a jury writes of a municipality of each standing, by the standing's value."""


def filled(triple: Triple, **names: str) -> Triple:
    """The triple with ``{project}``, ``{municipality}`` and the like replaced by ``names``."""
    nb, nn, en = triple
    return nb.format(**names), nn.format(**names), en.format(**names)


def localized_in(triple: Triple, languages: tuple[str, ...]) -> LocalizedText:
    """The triple as a :class:`~innovasjonspris.LocalizedText` in ``languages`` only."""
    versions: dict[str, str] = dict(zip(("nb", "nn", "en"), triple, strict=True))
    return LocalizedText(**{language: versions[language] for language in languages})


LANGUAGES: Final = st.sampled_from(LANGUAGE_SETS)
"""Which languages a realistic text is given in: Bokmål always, Nynorsk or English too."""


@st.composite
def _localized_from(draw: st.DrawFn, triples: st.SearchStrategy[Triple]) -> LocalizedText:
    return localized_in(draw(triples), draw(LANGUAGES))


def realistic_localized(
    triples: tuple[Triple, ...] | st.SearchStrategy[Triple],
) -> st.SearchStrategy[LocalizedText]:
    """Text in Bokmål, with its Nynorsk and English versions or without them."""
    drawn = triples if isinstance(triples, st.SearchStrategy) else st.sampled_from(triples)
    return _localized_from(drawn)


@cached
def realistic_titles() -> st.SearchStrategy[LocalizedText]:
    """A person's title: ``statssekretær``, ``ordfører`` and others, in their languages."""
    return realistic_localized(TEXTS["titles"])


def _person_name(first: str, middle: str | None, last: str) -> str:
    return f"{first} {middle} {last}" if middle else f"{first} {last}"


@cached
def person_names() -> st.SearchStrategy[str]:
    """Names such as ``Kari Nordmann``, ``Åse Marie Ødegård`` and ``Ánde Sara``."""
    middle: st.SearchStrategy[str | None] = st.none() | st.sampled_from(_MIDDLE_NAMES)
    return st.builds(
        _person_name,
        st.sampled_from(_FIRST_NAMES),
        middle,
        st.sampled_from(_SURNAMES),
    )


@cached
def project_names() -> st.SearchStrategy[str]:
    """Names such as ``Ledelsesskolen``, ``Velferdslaben`` and ``Ung medvirkning``."""
    joined = st.tuples(st.sampled_from(_PROJECT_STEMS), st.sampled_from(_PROJECT_ENDINGS))
    return joined.map("".join) | st.sampled_from(_PROJECT_PHRASES)


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[0].upper() + text[1:]


@cached
def realistic_texts(*, multiline: bool) -> st.SearchStrategy[str]:
    """A few Norwegian words (``Innovasjon kommune``); with ``multiline``, paragraphs of them."""
    words: st.SearchStrategy[list[str]] = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6)
    line = words.map(_sentence)
    if not multiline:
        return line
    return st.lists(line, min_size=1, max_size=3).map("\n\n".join)


@cached
def known_orgnrs() -> frozenset[str]:
    """The organisation numbers in the bundled data: real bodies' own, never made up or lent."""
    documents = (prize(), *rounds())
    return frozenset(number for document in documents for number in _orgnrs_in(to_dict(document)))


def _orgnrs_in(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in cast("dict[str, object]", node).items():
            if key == "orgnr" and isinstance(value, str):
                yield value
            yield from _orgnrs_in(value)
    elif isinstance(node, list):
        for value in cast("list[object]", node):
            yield from _orgnrs_in(value)


def _names(name: LocalizedText) -> Triple:
    return name.get("nb"), name.get("nn"), name.get("en")


@st.composite
def _organisation(draw: st.DrawFn, bodies: tuple[Organisation, ...]) -> Organisation:
    body = draw(st.sampled_from(bodies))
    return Organisation(
        name=localized_in(_names(body.name), draw(LANGUAGES)),
        short_name=body.short_name if draw(st.booleans()) else None,
        orgnr=body.orgnr if draw(st.booleans()) else None,
    )


@cached
def realistic_organisations() -> st.SearchStrategy[Organisation]:
    """The ministry, KS, a directorate, a university: real names, and only real numbers.

    The first is the body that confers the bundled prize, with its orgnr, as the data has it.
    """
    others = (
        Organisation(name=localized_in(names, ("nb", "nn", "en")), short_name=short_name)
        for names, short_name in _OTHER_BODIES
    )
    return _organisation((prize().conferred_by, *others))


def completed_orgnr(first_eight: str) -> str | None:
    """The organisation number that begins with ``first_eight``, if there is one."""
    # python-stdnum states the check digit's rule: at most one of the ten last digits
    # passes it, and none does where MOD11 leaves 10.
    candidates = (first_eight + last for last in "0123456789")
    return next((number for number in candidates if stdnum_orgnr.is_valid(number)), None)


@cached
def municipality_orgnr(number: str) -> str:
    """A made-up organisation number for the municipality with kommunenummer ``number``.

    ``96`` and the kommunenummer, two more digits and the check digit: the same number for
    a municipality in every example, a different one for every other municipality, and
    none of :func:`known_orgnrs`. Made up: the real numbers are not in the registry.
    """
    for tail in range(100):
        completed = completed_orgnr(f"96{number}{tail:02d}")
        if completed is not None:
            return completed
    # Of ten consecutive tails, MOD11 leaves 10 for at most one in each run of eleven.
    raise AssertionError(number)  # pragma: no cover - unreachable, as the comment says


@cached
def realistic_orgnrs() -> st.SearchStrategy[str]:
    """Valid organisation numbers that begin with 8 or 9, as real ones do; none borrowed."""
    return (
        st.from_regex(r"[89][0-9]{7}", fullmatch=True)
        .map(completed_orgnr)
        .filter(lambda number: number is not None and number not in known_orgnrs())
        .map(str)
    )


_PRIZE_AMOUNTS: Final = st.one_of(
    st.just(500_000),
    st.integers(10, 2_000).map(lambda thousands: thousands * 1_000),
    st.integers(10_000, 2_000_000),
)


@cached
def realistic_money() -> st.SearchStrategy[Money]:
    """Whole kroner in NOK, from 10 000 to 2 000 000, mostly round thousands."""
    return _PRIZE_AMOUNTS.map(lambda kroner: Money(amount=Decimal(kroner), currency="NOK"))
