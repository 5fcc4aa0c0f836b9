"""The parts a round is made of: texts, money, organisations, people, places and sources.

Every class is frozen and slotted, and valid by construction: field validators check each
value, and a rule that ties fields together runs once, in ``__attrs_post_init__``. The
module knows nothing of files or locales.
"""

from __future__ import annotations

import enum
import functools
from datetime import date
from decimal import Decimal
from typing import Final

import attrs
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.no import orgnr as stdnum_orgnr

from innovasjonspris import _validators as v
from innovasjonspris import registry
from innovasjonspris._errors import ValidationError

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


class Standing(enum.StrEnum):
    """How the jury honoured a municipality in a round, ordered by rank.

    A standing is its value (``Standing.WINNER == "winner"``), and it sorts by rank, not
    alphabetically: the winner first, then the finalists, then the honourable mentions.

    >>> ranked = sorted([Standing.HONOURABLE_MENTION, Standing.WINNER, Standing.FINALIST])
    >>> [str(standing) for standing in ranked]
    ['winner', 'finalist', 'honourable_mention']
    >>> Standing.WINNER < Standing.FINALIST
    True
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

    def _rank_of(self, other: object, operator: str) -> int | None:
        if isinstance(other, Standing):
            return other.rank
        if isinstance(other, str):
            # A standing equals its value, so it is ordered against its value too; any
            # other text would fall back to str's alphabetical order, which means nothing.
            if other in _RANKS:
                return _RANKS[Standing(other)]
            msg = f"{operator!r} is not supported between a Standing and {other!r:.60}"
            raise TypeError(msg)
        return None

    def __lt__(self, other: object) -> bool:
        rank = self._rank_of(other, "<")
        return NotImplemented if rank is None else self.rank < rank

    def __le__(self, other: object) -> bool:
        rank = self._rank_of(other, "<=")
        return NotImplemented if rank is None else self.rank <= rank

    def __gt__(self, other: object) -> bool:
        rank = self._rank_of(other, ">")
        return NotImplemented if rank is None else self.rank > rank

    def __ge__(self, other: object) -> bool:
        rank = self._rank_of(other, ">=")
        return NotImplemented if rank is None else self.rank >= rank


_RANKS: Final[dict[str, int]] = {standing: rank for rank, standing in enumerate(Standing, 1)}


@attrs.frozen(kw_only=True)
class LocalizedText:
    """One text in Bokmål (``nb``), Nynorsk (``nn``) and English (``en``); at least one.

    >>> LocalizedText(nb="vinner", en="winner").get("nn")
    'vinner'
    """

    nb: str | None = attrs.field(default=None, validator=v.optional(v.text(multiline=True)))
    nn: str | None = attrs.field(default=None, validator=v.optional(v.text(multiline=True)))
    en: str | None = attrs.field(default=None, validator=v.optional(v.text(multiline=True)))

    def __attrs_post_init__(self) -> None:
        if self.nb is None and self.nn is None and self.en is None:
            msg = "needs a text in at least one of nb, nn and en"
            raise ValidationError("nb", msg)

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


def localized(*, required: bool = False) -> v.Validator:
    check = v.instance_of(LocalizedText, "a LocalizedText")
    return check if required else v.optional(check)


@functools.cache
def _iso_currencies() -> frozenset[str]:
    # Babel is imported here, not at module level, so that importing the model stays fast.
    from babel.numbers import list_currencies  # noqa: PLC0415

    return frozenset(list_currencies())


def _check_currency(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    v.check_text(value, attribute.name)
    if value not in _iso_currencies():
        msg = f"must be a three-letter ISO 4217 currency code, not {v.brief(value)}"
        raise ValidationError(attribute.name, msg)


def _check_amount(_instance: object, attribute: attrs.Attribute[Decimal], value: object) -> None:
    if type(value) is not Decimal:
        msg = f"must be a Decimal, not {type(value).__name__}"
        raise ValidationError(attribute.name, msg)
    if not value.is_finite():
        raise ValidationError(attribute.name, f"must be a finite number, not {v.brief(value)}")
    exponent = value.as_tuple().exponent
    # Finite decimals always have an int exponent; the check narrows the type.
    if isinstance(exponent, int) and exponent < -MAX_DECIMAL_PLACES:  # pragma: no branch
        msg = f"must have at most two decimal places, not {v.brief(value)}"
        raise ValidationError(attribute.name, msg)
    if abs(value) >= MAX_AMOUNT:
        msg = f"must be smaller than {MAX_AMOUNT:,} in absolute value"
        raise ValidationError(attribute.name, msg)


@attrs.frozen(kw_only=True)
class Money:
    """An amount of money in a currency; ``Money(amount=Decimal("500000"), currency="NOK")``.

    The amount is a :class:`~decimal.Decimal` (a float is refused, not converted) with at
    most two decimal places.
    """

    amount: Decimal = attrs.field(validator=_check_amount)
    # ISO 4217 lists fewer than 400 codes.
    currency: str = attrs.field(default="NOK", validator=v.remembered(_check_currency, limit=1000))


def _check_orgnr(_instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    checked = v.check_text(value, attribute.name)
    # Stored compact (nine digits), the form the Brønnøysund registers use.
    if checked != stdnum_orgnr.compact(checked):
        msg = f"must be nine digits without spaces, not {v.brief(checked)}"
        raise ValidationError(attribute.name, msg)
    try:
        stdnum_orgnr.validate(checked)
    except StdnumValidationError as error:
        msg = (
            f"{v.brief(checked)} is not a valid organisation number: {_orgnr_fault(error, checked)}"
        )
        raise ValidationError(attribute.name, msg) from None


def _orgnr_fault(error: StdnumValidationError, value: str) -> str:
    # In our words: python-stdnum's own messages are capitalised sentences of its own.
    if isinstance(error, InvalidChecksum):
        return "its last digit is not the check digit of the first eight"
    if isinstance(error, InvalidLength):
        return f"it has {len(value)} characters where nine digits are needed"
    return "it must be nine digits 0-9"


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation: a ministry, a directorate, a company, a university."""

    name: LocalizedText = attrs.field(validator=localized(required=True))
    short_name: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    orgnr: str | None = attrs.field(default=None, validator=_check_orgnr)
    """The nine-digit organisation number in Enhetsregisteret, checked with its MOD11 digit."""


@attrs.frozen(kw_only=True)
class Person:
    """A person, with the title and organisation they held at the time."""

    name: str = attrs.field(validator=v.text())
    title: LocalizedText | None = attrs.field(default=None, validator=localized())
    """A role such as ``statssekretær`` or ``professor``, lower case as in running text."""
    organisation: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )


def _check_kommunenummer(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    try:
        registry.check_form(value)
    except ValidationError as error:
        raise ValidationError(attribute.name, error.message) from None


# Four digits allow at most 10 000 numbers, and far fewer are valid.
_KOMMUNENUMMER = v.remembered(_check_kommunenummer, limit=10_000)


@attrs.frozen(kw_only=True)
class Municipality:
    """A municipality (kommune), identified by its kommunenummer.

    The number is the one in use in the round's year; whether its county part was valid
    then is checked by :class:`AwardRound`.
    """

    number: str = attrs.field(validator=_KOMMUNENUMMER)
    """The four-digit kommunenummer; the first two digits are the county's number."""
    name: str = attrs.field(validator=v.text())
    """The name without the word «kommune»: ``Trondheim``."""
    orgnr: str | None = attrs.field(default=None, validator=_check_orgnr)

    @property
    def county_number(self) -> str:
        """The two-digit number of the county the municipality belonged to."""
        return self.number[:2]


@attrs.frozen(kw_only=True)
class Project:
    """An innovation project a municipality entered, as a jury names it."""

    name: str = attrs.field(validator=v.text())
    """The project's own name, without quotation marks: ``Ledelsesskolen``."""
    municipality: str = attrs.field(validator=_KOMMUNENUMMER)
    """The kommunenummer of the municipality that runs the project."""
    summary: LocalizedText | None = attrs.field(default=None, validator=localized())


@attrs.frozen(kw_only=True)
class Event:
    """Where a round was awarded: a conference, at a place, over one or more days."""

    name: str = attrs.field(validator=v.text())
    place: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    start: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    end: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    organizer: Organisation | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Organisation, "an Organisation"))
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and (self.start is None or self.end < self.start):
            raise ValidationError("end", "must come with a start and not lie before it")


@attrs.frozen(kw_only=True)
class Source:
    """A public page that states facts in the data.

    ``language`` is the language of its title, as a language tag, where it is not Bokmål
    (``"sv"`` for a Swedish encyclopaedia); web pages mark the title with it.
    """

    url: str = attrs.field(
        validator=v.matches(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", "an http(s) address")
    )
    title: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    publisher: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    published_on: date | None = attrs.field(default=None, validator=v.optional(v.date_value()))
    language: str | None = attrs.field(
        default=None,
        validator=v.optional(v.matches(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", "a language tag")),
    )
