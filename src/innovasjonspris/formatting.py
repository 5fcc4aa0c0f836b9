r"""Amounts, dates, lists and counts as text, in Bokmål, Nynorsk, English or any CLDR locale.

Every locale-dependent detail (separators, month and day names, plural rules, the order
of number and unit) comes from CLDR through Babel; the words of our own nouns come from
the package's message catalogs. Each function takes ``locale="nb"``: ``"nb"``, ``"nn"``,
``"en"`` or any Babel identifier (``"nb_NO"``, ``"de"``). An unknown or malformed locale,
like any other bad argument, raises :class:`~innovasjonspris.ValidationError`.

>>> format_amount(Decimal("500000"))
'500\xa0000\xa0kr'
>>> format_amount(Decimal("500000"), style="long")
'500\xa0000 kroner'
>>> format_date(date(2019, 6, 7), locale="nn", style="full")
'fredag 7. juni 2019'
>>> format_count(20, "municipality", locale="nn")
'20 kommunar'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Final, Literal, cast

from babel import Locale
from babel.dates import DateTimePattern
from babel.lists import format_list as babel_format_list
from babel.numbers import (
    NumberPattern,
    get_currency_name,
    get_currency_symbol,
    get_currency_unit_pattern,
    parse_pattern,
)

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import CATALOG_LANGUAGES, Messages, messages, parse_locale
from innovasjonspris._model import Money

__all__ = [
    "AMOUNT_STYLES",
    "DATE_STYLES",
    "NOUNS",
    "AmountStyle",
    "DateStyle",
    "format_amount",
    "format_count",
    "format_date",
    "format_list",
]

AmountStyle = Literal["short", "long", "code"]
DateStyle = Literal["long", "full", "short"]

AMOUNT_STYLES: Final[tuple[AmountStyle, ...]] = ("short", "long", "code")
"""``short``: ``500 000 kr``; ``long``: ``500 000 kroner``; ``code``: ``NOK 500 000``."""

DATE_STYLES: Final[tuple[DateStyle, ...]] = ("long", "full", "short")
"""``long``: ``7. juni 2019``; ``full``: ``fredag 7. juni 2019``; ``short``: ``07.06.2019``."""

_Counter = Callable[[Messages, int, str], str]

# Each noun's English forms, written out in gettext calls so that ``pybabel extract``
# finds them.
_NOUNS: Final[dict[str, _Counter]] = {
    "municipality": lambda words, count, number: words.ngettext(
        "{count} municipality", "{count} municipalities", count
    ).format(count=number),
    "project": lambda words, count, number: words.ngettext(
        "{count} project", "{count} projects", count
    ).format(count=number),
    "application": lambda words, count, number: words.ngettext(
        "{count} application", "{count} applications", count
    ).format(count=number),
}

NOUNS: Final = tuple(_NOUNS)
"""The nouns :func:`format_count` knows."""

# The currencies whose unit our catalogs name in running text: Språkrådet's «kroner»
# rather than CLDR's «norske kroner». Other currencies use CLDR's names.
_RUNNING_TEXT_UNITS: Final = frozenset({"NOK"})
_RUNNING_TEXT_LANGUAGES: Final = frozenset({*CATALOG_LANGUAGES, "no"})


def _choice(value: object, choices: tuple[str, ...], field: str) -> None:
    if type(value) is not str or value not in choices:
        allowed = ", ".join(repr(choice) for choice in choices)
        msg = f"must be one of {allowed}, not {value!r}"
        raise ValidationError(field, msg)


def _money(value: object) -> Money:
    if isinstance(value, Money):
        return value
    if type(value) is int:
        value = Decimal(value)
    if type(value) is not Decimal:
        msg = f"must be a Money, a Decimal or an int, not {type(value).__name__}"
        raise ValidationError("amount", msg)
    # Money's own rules (finite, at most two decimals, not absurdly large) apply.
    return Money(amount=value)


def _shown(amount: Decimal) -> Decimal:
    """The amount as it is written: whole when there are no øre, else with two decimals."""
    if amount == amount.to_integral_value():
        return Decimal(int(amount))
    return amount.quantize(Decimal("0.01"))


_FRACTION = re.compile(r"\.[0#]+")


def _with_fraction(pattern: str, *, fraction: bool) -> str:
    # CLDR's patterns carry the currency's decimals ("#,##0.00"); we show them only when
    # there are øre, so the pattern's fraction part is set to none or exactly two.
    return _FRACTION.sub(".00" if fraction else "", pattern)


def _spaced(pattern: str, sign: str, placeholder: str) -> str:
    # CLDR's currencySpacing rule, which Babel does not apply: where a currency sign that
    # is not itself a symbol ("NOK", "kr", but not "$") touches a digit, a no-break space
    # goes between them.
    if unicodedata.category(sign[-1])[0] not in "SZ":
        pattern = re.sub(f"{placeholder}(?=[#0])", f"{placeholder}\xa0", pattern)
    if unicodedata.category(sign[0])[0] not in "SZ":
        pattern = re.sub(f"(?<=[#0]){placeholder}", f"\xa0{placeholder}", pattern)
    return pattern


@functools.cache
def _number_pattern(locale: Locale, *, fraction: bool) -> NumberPattern:
    pattern = locale.decimal_formats[None].pattern.split(";")[0]
    return parse_pattern(_with_fraction(pattern, fraction=fraction))


@functools.cache
def _amount_pattern(locale: Locale, style: str, currency: str, *, fraction: bool) -> NumberPattern:
    if style == "long":
        return _number_pattern(locale, fraction=fraction)
    if style == "short":
        pattern = locale.currency_formats["standard"].pattern.split(";")[0]
        pattern = _spaced(pattern, get_currency_symbol(currency, locale=locale), "¤")
    else:
        # CLDR's accounting pattern is the one for tables and statements, where the ISO
        # code stands; it puts the code first in nb and nn, after the number in de.
        pattern = locale.currency_formats["accounting"].pattern.split(";")[0]
        pattern = _spaced(pattern.replace("¤", "¤¤"), currency, "¤¤")
    return parse_pattern(_with_fraction(pattern, fraction=fraction))


def format_amount(
    money_or_decimal: Money | Decimal | int,
    *,
    locale: str = "nb",
    style: AmountStyle = "short",
) -> str:
    r"""Return an amount of money as text.

    A :class:`~decimal.Decimal` or ``int`` is taken to be Norwegian kroner. Decimals appear
    only when there are øre. The spaces CLDR puts in (digit grouping, before the unit) are
    no-break spaces for nb and nn.

    >>> format_amount(Money(amount=Decimal("1234.5")))
    '1\xa0234,50\xa0kr'
    >>> format_amount(Decimal("1"), style="long", locale="nn")
    '1 krone'
    >>> format_amount(Decimal("500000"), style="code")
    'NOK\xa0500\xa0000'
    >>> format_amount(Decimal("500000"), style="long", locale="en")
    '500,000 Norwegian kroner'

    Raises:
        ValidationError: the amount is not a valid amount of money (field ``amount``),
            the style is not one of :data:`AMOUNT_STYLES` (``style``), or the locale is
            unknown (``locale``).
    """
    _choice(style, AMOUNT_STYLES, "style")
    return _amount_text(_money(money_or_decimal), parse_locale(locale), style)


# Pages show the same few amounts and dates over and over; once checked, each distinct
# value is formatted once per locale and style. Bounded, and keyed only on valid values.
_FORMATTED_CACHE_SIZE: Final = 4096


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def _amount_text(money: Money, where: Locale, style: str) -> str:
    shown = _shown(money.amount)
    fraction = shown != shown.to_integral_value()
    pattern = _amount_pattern(where, style, money.currency, fraction=fraction)
    if style != "long":
        return str(pattern.apply(shown, where, currency=money.currency, currency_digits=False))
    number = str(pattern.apply(shown, where))
    if money.currency in _RUNNING_TEXT_UNITS and where.language in _RUNNING_TEXT_LANGUAGES:
        return _running_text_unit(messages(where), shown, number)
    unit = get_currency_name(money.currency, count=shown, locale=where)
    return get_currency_unit_pattern(money.currency, count=shown, locale=where).format(number, unit)


def _running_text_unit(words: Messages, shown: Decimal, number: str) -> str:
    # One entry per currency in _RUNNING_TEXT_UNITS (only NOK so far). The English msgid
    # is CLDR's own English; English output takes CLDR's names directly.
    template = words.npgettext(
        "amount", "{amount} Norwegian krone", "{amount} Norwegian kroner", shown
    )
    return template.format(amount=number)


@functools.cache
def _date_pattern(locale: Locale, style: str) -> DateTimePattern:
    pattern: DateTimePattern = locale.date_formats[style]
    return pattern


def format_date(value: date, *, locale: str = "nb", style: DateStyle = "long") -> str:
    """Return a date as text, in CLDR's ``long``, ``full`` or ``short`` form.

    >>> format_date(date(2019, 6, 7))
    '7. juni 2019'
    >>> format_date(date(2019, 6, 10), locale="nn", style="full")
    'måndag 10. juni 2019'
    >>> format_date(date(2019, 6, 7), style="short")
    '07.06.2019'

    Raises:
        ValidationError: ``value`` is not a date (field ``date``), the style is not one
            of :data:`DATE_STYLES` (``style``), or the locale is unknown (``locale``).
    """
    _choice(style, DATE_STYLES, "style")
    where = parse_locale(locale)
    given = cast("object", value)  # callers without a type checker pass anything
    if not isinstance(given, date):
        msg = f"must be a date, not {type(value).__name__}"
        raise ValidationError("date", msg)
    return _date_text(given, where, style)


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def _date_text(value: date, where: Locale, style: str) -> str:
    return str(_date_pattern(where, style).apply(value, where))


def format_list(items: Iterable[str], *, locale: str = "nb") -> str:
    """Join ``items`` as running text does: ``Ulstein og Fjell``, ``a, b og c``.

    >>> format_list(["Ulstein", "Fjell"])
    'Ulstein og Fjell'
    >>> format_list(["Ulstein", "Fjell", "Trondheim"], locale="en")
    'Ulstein, Fjell, and Trondheim'

    Raises:
        ValidationError: ``items`` is not an iterable of text (field ``items``), or the
            locale is unknown (``locale``).
    """
    where = parse_locale(locale)
    given = cast("object", items)  # callers without a type checker pass anything
    if isinstance(given, str) or not isinstance(given, Iterable):
        msg = f"must be an iterable of text, not {type(items).__name__}"
        raise ValidationError("items", msg)
    texts: list[object] = list(cast("Iterable[object]", given))
    for index, item in enumerate(texts):
        if type(item) is not str:
            msg = f"must be text, not {type(item).__name__}"
            raise ValidationError(f"items[{index}]", msg)
    return babel_format_list(cast("list[str]", texts), locale=where)


def format_count(count: int, noun: str, *, locale: str = "nb") -> str:
    """Return ``count`` with ``noun`` in the form CLDR's plural rules ask for.

    ``noun`` is one of :data:`NOUNS`; its words come from the message catalogs, so this
    works for nb, nn and en (and their regional forms such as ``nb_NO``).

    >>> format_count(1, "municipality")
    '1 kommune'
    >>> format_count(40, "project", locale="nn")
    '40 prosjekt'
    >>> format_count(20, "municipality", locale="en")
    '20 municipalities'

    Raises:
        ValidationError: ``count`` is not a whole number from 0 (field ``count``),
            ``noun`` is unknown (``noun``), or the locale is unknown or has no catalog
            (``locale``).
    """
    _choice(noun, NOUNS, "noun")
    if type(count) is not int or count < 0:
        msg = f"must be a whole number from 0, not {count!r}"
        raise ValidationError("count", msg)
    where = parse_locale(locale)
    words = messages(where)
    number = str(_number_pattern(where, fraction=False).apply(count, where))
    return _NOUNS[noun](words, count, number)
