r"""Amounts, dates, lists and counts as text, in Bokmål, Nynorsk, English or any CLDR locale.

Every locale-dependent detail (separators, month and day names, plural rules, the order
of number and unit) comes from CLDR through Babel; the words of our own nouns come from
the package's message catalogs. Each function takes ``locale="nb"``: ``"nb"``, ``"nn"``,
``"en"`` or any Babel identifier (``"nb_NO"``, ``"de"``). ``"en"`` is British English, as
the library's English texts are (``"en_US"`` gives American English). An unknown or
malformed locale, like any other bad argument, raises :class:`~innovasjonspris.ValidationError`.

>>> format_amount(Decimal("500000"))
'500\xa0000\xa0kr'
>>> format_amount(Decimal("500000"), style="long")
'500\xa0000\xa0kroner'
>>> format_date(date(2019, 6, 7), locale="nn", style="full")
'fredag 7. juni 2019'
>>> format_date(date(2014, 6, 18), locale="en", style="full")
'Wednesday 18 June 2014'
>>> format_date_range(date(2016, 6, 9), date(2016, 6, 10), locale="en")
'9–10 June 2016'
>>> format_count(20, "municipality", locale="nn")
'20 kommunar'
>>> format_standing(Standing.WINNER, locale="nn")
'vinnar'
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
from babel.dates import DateTimePattern, format_interval
from babel.dates import parse_pattern as parse_date_pattern
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
from innovasjonspris._model import Money, Standing

__all__ = [
    "AMOUNT_STYLES",
    "DATE_STYLES",
    "NOUNS",
    "AmountStyle",
    "DateStyle",
    "format_amount",
    "format_count",
    "format_date",
    "format_date_range",
    "format_list",
    "format_standing",
]

AmountStyle = Literal["short", "long", "code"]
DateStyle = Literal["long", "full", "short"]

AMOUNT_STYLES: Final[tuple[AmountStyle, ...]] = ("short", "long", "code")
"""``short``: ``500 000 kr``; ``long``: ``500 000 kroner``; ``code``: ``NOK 500 000``.

In every style the digit groups and the space between number and unit are no-break spaces.
"""

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
    only when there are øre. The digit groups and the space between the number and its unit
    are no-break spaces, so that an amount is never broken across lines.

    >>> format_amount(Money(amount=Decimal("1234.5")))
    '1\xa0234,50\xa0kr'
    >>> format_amount(Decimal("1"), style="long", locale="nn")
    '1\xa0krone'
    >>> format_amount(Decimal("500000"), style="code")
    'NOK\xa0500\xa0000'
    >>> format_amount(Decimal("500000"), style="long", locale="en")
    '500,000\xa0Norwegian kroner'

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
    unit_pattern = get_currency_unit_pattern(money.currency, count=shown, locale=where)
    return _bound(unit_pattern, "{0}").format(number, unit)


def _running_text_unit(words: Messages, shown: Decimal, number: str) -> str:
    # One entry per currency in _RUNNING_TEXT_UNITS (only NOK so far). The English msgid
    # is CLDR's own English; English output takes CLDR's names directly.
    template = words.npgettext(
        "amount", "{amount} Norwegian krone", "{amount} Norwegian kroner", shown
    )
    return _bound(template, "{amount}").format(amount=number)


def _bound(template: str, placeholder: str) -> str:
    """Make the spaces beside the number no-break, keeping number and unit on one line."""
    here = re.escape(placeholder)
    return re.sub(f"(?<={here}) | (?={here})", "\xa0", template)


def _british(locale: Locale) -> bool:
    return locale.language == "en" and locale.territory == "GB"


@functools.cache
def _date_pattern(locale: Locale, style: str) -> DateTimePattern:
    pattern: DateTimePattern = locale.date_formats[style]
    if _british(locale):
        # CLDR's en_GB puts a comma after the weekday; British prose writes
        # «Wednesday 18 June 2014», as the style guides of the press and the civil service do.
        return parse_date_pattern(pattern.pattern.replace("EEEE, ", "EEEE "))
    return pattern


def format_date(value: date, *, locale: str = "nb", style: DateStyle = "long") -> str:
    """Return a date as text, in CLDR's ``long``, ``full`` or ``short`` form.

    >>> format_date(date(2019, 6, 7))
    '7. juni 2019'
    >>> format_date(date(2019, 6, 10), locale="nn", style="full")
    'måndag 10. juni 2019'
    >>> format_date(date(2019, 6, 7), style="short")
    '07.06.2019'
    >>> format_date(date(2019, 6, 7), locale="en", style="full")
    'Friday 7 June 2019'

    Raises:
        ValidationError: ``value`` is not a date (field ``date``), the style is not one
            of :data:`DATE_STYLES` (``style``), or the locale is unknown (``locale``).
    """
    _choice(style, DATE_STYLES, "style")
    where = parse_locale(locale)
    return _date_text(_date(value, "date"), where, style)


def _date(value: object, field: str) -> date:
    # Callers without a type checker pass anything.
    if not isinstance(value, date):
        msg = f"must be a date, not {type(value).__name__}"
        raise ValidationError(field, msg)
    return value


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def _date_text(value: date, where: Locale, style: str) -> str:
    return str(_date_pattern(where, style).apply(value, where))


def format_date_range(start: date, end: date, *, locale: str = "nb") -> str:
    """Return the days from ``start`` to ``end`` as running text writes a range.

    What the two dates share is written once, and an en dash joins the rest. In Norwegian
    the dash is closed up, as Språkrådet advises for spans («1. mai–10. september»); in
    English it is closed up between day numbers and spaced where a side is more than one
    word, as British style guides advise. One day is written as :func:`format_date`
    writes it. The parts come from CLDR; in languages other than Norwegian and British
    English (``en_US``, ``de``) the range is CLDR's own interval format.

    >>> format_date_range(date(2016, 6, 9), date(2016, 6, 10))
    '9.–10. juni 2016'
    >>> format_date_range(date(2019, 5, 31), date(2019, 6, 2), locale="nn")
    '31. mai–2. juni 2019'
    >>> format_date_range(date(2019, 6, 6), date(2019, 6, 7), locale="en")
    '6–7 June 2019'
    >>> format_date_range(date(2019, 12, 31), date(2020, 1, 2), locale="en")
    '31 December 2019 – 2 January 2020'

    Raises:
        ValidationError: ``start`` or ``end`` is not a date (field ``start`` or ``end``),
            ``end`` lies before ``start`` (``end``), or the locale is unknown (``locale``).
    """
    where = parse_locale(locale)
    first, last = _date(start, "start"), _date(end, "end")
    if last < first:
        msg = f"{last.isoformat()} lies before the start {first.isoformat()}"
        raise ValidationError("end", msg)
    return _range_text(first, last, where)


_NORWEGIAN: Final = frozenset({*CATALOG_LANGUAGES, "no"})


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def _range_text(first: date, last: date, where: Locale) -> str:
    if first == last:
        return _date_text(first, where, "long")
    norwegian = where.language in _NORWEGIAN
    if not norwegian and not _british(where):
        return str(format_interval(first, last, "yMMMMd", locale=where))
    closing = _date_text(last, where, "long")
    if (first.year, first.month) == (last.year, last.month):
        return f"{_skeleton_text(first, where, 'd')}–{closing}"
    opening = (
        _skeleton_text(first, where, "MMMMd")
        if first.year == last.year
        else _date_text(first, where, "long")
    )
    dash = "–" if norwegian else " – "
    return f"{opening}{dash}{closing}"


def _skeleton_text(value: date, where: Locale, skeleton: str) -> str:
    pattern: DateTimePattern = where.datetime_skeletons[skeleton]
    return str(pattern.apply(value, where))


def format_list(items: Iterable[str], *, locale: str = "nb") -> str:
    """Join ``items`` as running text does: ``Ulstein og Fjell``, ``a, b og c``.

    >>> format_list(["Ulstein", "Fjell"])
    'Ulstein og Fjell'
    >>> format_list(["Ulstein", "Fjell", "Trondheim"], locale="en")
    'Ulstein, Fjell and Trondheim'

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


# The labels, written out in gettext calls so that ``pybabel extract`` finds them.
_STANDINGS: Final[dict[Standing, Callable[[Messages], str]]] = {
    Standing.WINNER: lambda words: words.pgettext("standing", "winner"),
    Standing.FINALIST: lambda words: words.pgettext("standing", "finalist"),
    Standing.HONOURABLE_MENTION: lambda words: words.pgettext("standing", "honourable mention"),
}


def format_standing(standing: Standing | str, *, locale: str = "nb") -> str:
    """Return a standing as a word of running text: ``vinner``, nn ``vinnar``, en ``winner``.

    ``standing`` is a :class:`~innovasjonspris.Standing` or its value (``"finalist"``).

    >>> format_standing(Standing.FINALIST)
    'finalist'
    >>> format_standing("honourable_mention", locale="nn")
    'heiderleg omtale'
    >>> format_standing(Standing.HONOURABLE_MENTION, locale="en")
    'honourable mention'

    Raises:
        TypeError: ``standing`` is not text.
        ValidationError: ``standing`` is not a standing's value (field ``standing``), or
            the locale is unknown or has no catalog (``locale``).
    """
    given = cast("object", standing)  # callers without a type checker pass anything
    if not isinstance(given, str):
        msg = f"standing must be a Standing or its value, not {type(given).__name__}"
        raise TypeError(msg)
    if given not in _STANDINGS:
        allowed = ", ".join(repr(str(known)) for known in Standing)
        raise ValidationError("standing", f"must be one of {allowed}, not {given!r:.60}")
    return _STANDINGS[Standing(given)](messages(parse_locale(locale)))
