"""The parts a round is made of: texts, money, organisations, people, places and sources.

Every class is frozen and slotted, and valid by construction: field validators check each
value, and a rule that ties fields together runs once, in ``__attrs_post_init__``. The
module knows nothing of files or locales.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Final

import attrs
from stdnum.no import orgnr as stdnum_orgnr

from innovasjonspris import _validators as v
from innovasjonspris._clauses import Check, Clause, of_type, showing, unless
from innovasjonspris._errors import brief
from innovasjonspris._rules import ObjectRule, Problems, check_rules
from innovasjonspris._text import address, matches, proper_name, text
from innovasjonspris.registry import County
from innovasjonspris.registry import municipality as registry_municipality
from innovasjonspris.registry._form import KOMMUNENUMMER

__all__ = [
    "LANGUAGES",
    "MAX_AMOUNT",
    "MAX_DECIMAL_PLACES",
    "Event",
    "LocalizedText",
    "Money",
    "Municipality",
    "Organisation",
    "Person",
    "Project",
    "Source",
    "Standing",
    "decimal_text",
    "iso_currencies",
    "localized",
]

LANGUAGES: Final = ("nb", "nn", "en")
"""The languages a :class:`LocalizedText` can hold: Bokmål, Nynorsk and English."""

_FALLBACKS: Final = {
    "nb": ("nb", "nn", "en"),
    "nn": ("nn", "nb", "en"),
    "en": ("en", "nb", "nn"),
}

MAX_DECIMAL_PLACES: Final = 2
"""Amounts are in whole øre (cents) at the finest."""

MAX_AMOUNT: Final = Decimal(10) ** 15
"""Amounts must be smaller than this in absolute value (a thousand billion)."""

_MAX_WHOLE_DIGITS: Final = len(str(MAX_AMOUNT)) - 1
"""The most digits an amount has before its decimal point."""


def decimal_text(whole_digits: int, places: int) -> str:
    """The pattern of an amount as the data writes it, up to so many digits either side.

    Decimal text, the one spelling of each amount: no exponent, no leading zeros, no
    ``+``, and a decimal point only with digits after it.
    """
    return f"-?(?:0|[1-9][0-9]{{0,{whole_digits - 1}}})(?:\\.[0-9]{{1,{places}}})?"


class Standing(enum.StrEnum):
    """How the jury honoured a municipality in a round.

    A standing is its value, in comparisons too: ``Standing.WINNER == "winner"``, and
    ``<``, ``sorted()`` and ``min()`` order standings as they order their values, which is
    alphabetically. The order of rank has a name of its own, :attr:`rank`: sort by it to
    put the winner first, then the finalists, then the honourable mentions.

    >>> ranked = sorted(
    ...     [Standing.HONOURABLE_MENTION, Standing.WINNER, Standing.FINALIST],
    ...     key=lambda standing: standing.rank,
    ... )
    >>> [str(standing) for standing in ranked]
    ['winner', 'finalist', 'honourable_mention']
    >>> Standing.WINNER < "finalist", "winner" < "finalist"
    (False, False)
    """

    WINNER = "winner"
    """Won the prize."""
    FINALIST = "finalist"
    """Nominated as one of the strongest candidates."""
    HONOURABLE_MENTION = "honourable_mention"
    """Named by the jury without being a finalist."""

    @property
    def rank(self) -> int:
        """1 for the winner, 2 for a finalist, 3 for an honourable mention."""
        return _RANKS[self]


_RANKS: Final[dict[Standing, int]] = {standing: rank for rank, standing in enumerate(Standing, 1)}


SOME_LANGUAGE: Final = ObjectRule(
    "some language",
    "A localised text is given in at least one of nb, nn and en.",
    unless(
        Check(
            "value.nb is not None or value.nn is not None or value.en is not None",
            "needs a text in at least one of nb, nn and en",
        ),
        "nb",
    ),
    {"minProperties": 1},
)


@attrs.frozen(kw_only=True)
class LocalizedText:
    """One text in Bokmål (``nb``), Nynorsk (``nn``) and English (``en``); at least one.

    >>> LocalizedText(nb="vinner", en="winner").get("nn")
    'vinner'
    """

    _rules: ClassVar[tuple[ObjectRule, ...]] = (SOME_LANGUAGE,)
    __attrs_post_init__ = check_rules

    nb: str | None = attrs.field(default=None, validator=v.optional(text(multiline=True)))
    nn: str | None = attrs.field(default=None, validator=v.optional(text(multiline=True)))
    en: str | None = attrs.field(default=None, validator=v.optional(text(multiline=True)))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is given in, in the order nb, nn, en."""
        return tuple(language for language in LANGUAGES if getattr(self, language) is not None)

    def resolve(self, language: str) -> tuple[str, str]:
        """Return ``(language used, text)``, falling back when ``language`` is missing.

        The order is nb → nn → en for Bokmål, nn → nb → en for Nynorsk and
        en → nb → nn for English; any other language is served as Bokmål would be.
        """
        for candidate in _FALLBACKS.get(language, _FALLBACKS["nb"]):
            found: str | None = getattr(self, candidate)
            if found is not None:
                return candidate, found
        raise AssertionError  # pragma: no cover - the constructor requires one text

    def get(self, language: str) -> str:
        """Return the text in ``language``, or in the nearest language given (see resolve)."""
        return self.resolve(language)[1]


def localized(*, required: bool = False) -> v.FieldRule:
    check = v.instance_of(LocalizedText, "a LocalizedText")
    return check if required else v.optional(check)


@functools.cache
def iso_currencies() -> frozenset[str]:
    """The ISO 4217 currency codes an amount may be in, as CLDR (through Babel) lists them."""
    # Babel is imported here, not at module level, so that importing the model stays fast.
    from babel.numbers import list_currencies  # noqa: PLC0415

    return frozenset(list_currencies())


@attrs.frozen(repr=False)
class Currency(v.FieldRule):
    """A three-letter ISO 4217 currency code, as CLDR (through Babel) lists them."""

    def clauses(self) -> tuple[Clause, ...]:
        listed = Check(
            "value in currencies",
            showing("must be a three-letter ISO 4217 currency code"),
            {"currencies": iso_currencies()},
        )
        return (*text().clauses(), listed)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": sorted(iso_currencies())}

    def __repr__(self) -> str:
        return "<currency validator>"


@attrs.frozen(repr=False)
class Amount(v.FieldRule):
    """A finite :class:`~decimal.Decimal` in whole øre, smaller than a thousand billion.

    At most two decimal places, smaller than :data:`MAX_AMOUNT` in absolute value; a float
    is refused, not converted.
    """

    def clauses(self) -> tuple[Clause, ...]:
        return (
            of_type(Decimal, "a Decimal"),
            Check("value.is_finite()", showing("must be a finite number")),
            Check(
                "abs(value) < most",
                f"must be smaller than {MAX_AMOUNT:,} in absolute value",
                {"most": MAX_AMOUNT},
            ),
            Check(
                "value.as_tuple().exponent >= places",
                showing("must have at most two decimal places"),
                {"places": -MAX_DECIMAL_PLACES},
            ),
        )

    def schema(self) -> dict[str, Any]:
        number = decimal_text(_MAX_WHOLE_DIGITS, MAX_DECIMAL_PLACES)
        return {"type": "string", "pattern": v.anchored(number)}

    def __repr__(self) -> str:
        return "<amount validator>"


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money in a currency; ``Money(amount=Decimal("500000"), currency="NOK")``.

    The amount is a :class:`~decimal.Decimal` (a float is refused, not converted) with at
    most two decimal places.
    """

    amount: Decimal = attrs.field(validator=Amount())
    currency: str = attrs.field(default="NOK", validator=Currency())


_ORGNR_LENGTH = 9


def _not_orgnr(fault: str) -> Callable[[str], str]:
    # In our words: python-stdnum's own messages are capitalised sentences of its own.
    def says(value: str) -> str:
        said = fault.format(length=len(value))
        return f"{brief(value)} is not a valid organisation number: {said}"

    return says


@attrs.frozen(repr=False)
class Orgnr(v.FieldRule):
    """A nine-digit organisation number of Enhetsregisteret, with its check digit.

    Stored compact (the form the Brønnøysund registers use); the last digit is the MOD11
    check digit of the rest.
    """

    def clauses(self) -> tuple[Clause, ...]:
        return (
            *text().clauses(),
            Check(
                "value == compact(value)",
                showing("must be nine digits without spaces"),
                {"compact": stdnum_orgnr.compact},
            ),
            Check("value.isascii() and value.isdigit()", _not_orgnr("it must be nine digits 0-9")),
            Check(
                "len(value) == length",
                _not_orgnr("it has {length} characters where nine digits are needed"),
                {"length": _ORGNR_LENGTH},
            ),
            Check(
                "is_valid(value)",
                _not_orgnr("its last digit is not the check digit of the first eight"),
                {"is_valid": stdnum_orgnr.is_valid},
            ),
        )

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": v.anchored("[0-9]{9}")}

    def unstated(self) -> tuple[str, ...]:
        return ("An organisation number's last digit is the MOD11 check digit of the rest.",)

    def __repr__(self) -> str:
        return "<orgnr validator>"


_ORGNR = v.optional(Orgnr())


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation: a ministry, a directorate, a company, a university."""

    name: LocalizedText = attrs.field(validator=localized(required=True))
    short_name: str | None = attrs.field(default=None, validator=v.optional(proper_name()))
    orgnr: str | None = attrs.field(default=None, validator=_ORGNR)
    """The nine-digit organisation number in Enhetsregisteret, checked with its MOD11 digit."""


@attrs.frozen(kw_only=True)
class Person:
    """A person, with the title and organisation they held at the time."""

    name: str = attrs.field(validator=proper_name())
    title: LocalizedText | None = attrs.field(default=None, validator=localized())
    """A role such as ``statssekretær`` or ``professor``, lower case as in running text."""
    organisation: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )


@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality (kommune), identified by its kommunenummer.

    The number is the one in use in the round's year; whether its county part was valid
    then is checked by :class:`AwardRound`.
    """

    number: str = attrs.field(validator=KOMMUNENUMMER)
    """The four-digit kommunenummer; the first two digits are the county's number."""
    name: str = attrs.field(validator=proper_name())
    """The name without the word «kommune»: ``Trondheim``."""
    orgnr: str | None = attrs.field(default=None, validator=_ORGNR)

    @property
    def county_number(self) -> str:
        """The two-digit number of the county the municipality belonged to."""
        return self.number[:2]

    def county(self, *, year: int) -> County:
        """Return the county it belonged to in ``year`` (Fjell, 1246, in 2019: Hordaland).

        Raises:
            ValidationError: no municipality had the number in ``year``, or the year is
                outside the registry.
        """
        return registry_municipality(self.number, year=year).county


@attrs.frozen(kw_only=True)
class Project:
    """An innovation project a municipality entered, as a jury names it."""

    name: str = attrs.field(validator=text())
    """The project's own name, without quotation marks: ``Ledelsesskolen``."""
    municipality: str = attrs.field(validator=KOMMUNENUMMER)
    """The kommunenummer of the municipality that runs the project."""
    summary: LocalizedText | None = attrs.field(default=None, validator=localized())


def _end_after_start(event: Event) -> Problems:
    if event.end is not None and event.start is not None and event.end < event.start:
        return (("end", f"{event.end.isoformat()} is before the start on {event.start}"),)
    return ()


END_HAS_START: Final = ObjectRule(
    "end has start",
    "An event with an end has a start.",
    unless(Check("value.end is None or value.start is not None", "needs a start"), "end"),
    {"dependentRequired": {"end": ["start"]}},
)
END_AFTER_START: Final = ObjectRule(
    "end after start", "An event does not end before it starts.", _end_after_start
)


@attrs.frozen(kw_only=True)
class Event:
    """Where a round was awarded: a conference, at a place, over one or more days."""

    _rules: ClassVar[tuple[ObjectRule, ...]] = (END_HAS_START, END_AFTER_START)
    __attrs_post_init__ = check_rules

    name: str = attrs.field(validator=text())
    place: str | None = attrs.field(default=None, validator=v.optional(proper_name()))
    start: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    end: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    organizer: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )


@attrs.frozen(kw_only=True)
class Source:
    """A public page that states facts in the data.

    ``language`` is the language of its title, as a language tag, where it is not Bokmål
    (``"sv"`` for a Swedish encyclopaedia); web pages mark the title with it.
    """

    url: str = attrs.field(validator=address())
    title: str | None = attrs.field(default=None, validator=v.optional(text()))
    publisher: str | None = attrs.field(default=None, validator=v.optional(proper_name()))
    published_on: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    language: str | None = attrs.field(
        default=None,
        validator=v.optional(matches(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", "a language tag")),
    )
