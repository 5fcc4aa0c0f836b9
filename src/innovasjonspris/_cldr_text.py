"""Valid amounts and dates as text, through CLDR's patterns: the work behind formatting.

:mod:`innovasjonspris.formatting` checks its arguments and hands valid values to the
functions here, which apply Babel's number and date patterns and fill the gaps Babel
leaves (CLDR's currency spacing, Språkrådet's «kroner», British dates and ranges). Each
distinct value is formatted once per locale and style.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Final

from babel import Locale
from babel.dates import DateTimeFormat, DateTimePattern, format_interval, match_skeleton
from babel.dates import parse_pattern as parse_date_pattern
from babel.numbers import (
    NumberPattern,
    get_currency_name,
    get_currency_symbol,
    get_currency_unit_pattern,
    get_minus_sign_symbol,
)
from babel.numbers import parse_pattern as parse_number_pattern

from innovasjonspris._i18n import CATALOG_LANGUAGES, Messages, messages
from innovasjonspris._model import Money

__all__ = ["amount_text", "date_text", "number_pattern", "range_text"]


# Pages show the same few amounts and dates over and over; once checked, each distinct
# value is formatted once per locale and style. Bounded, and keyed only on valid values.
_FORMATTED_CACHE_SIZE: Final = 4096

# The languages written the Norwegian way: Språkrådet's «kroner» for the currency's unit,
# closed-up dashes in ranges. Babel's "no" is Bokmål.
_NORWEGIAN: Final = frozenset({*CATALOG_LANGUAGES, "no"})

# The currencies whose unit our catalogs name in running text: Språkrådet's «kroner»
# rather than CLDR's «norske kroner». Other currencies use CLDR's names.
_RUNNING_TEXT_UNITS: Final = frozenset({"NOK"})


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


def _parse_pattern(pattern: str, locale: Locale) -> NumberPattern:
    """Babel's pattern for ``pattern``, whose minus is the locale's own sign.

    In a CLDR pattern «-» stands for the locale's minus sign (U+2212 in nb and nn), but
    Babel writes it as a hyphen-minus; the negative prefix and suffix are set right here.
    """
    parsed = parse_number_pattern(pattern)
    minus = get_minus_sign_symbol(locale)
    parsed.prefix = (parsed.prefix[0], parsed.prefix[1].replace("-", minus))
    parsed.suffix = (parsed.suffix[0], parsed.suffix[1].replace("-", minus))
    return parsed


@functools.cache
def number_pattern(locale: Locale, *, fraction: bool) -> NumberPattern:
    """The locale's pattern for a plain number, with no decimals or exactly two."""
    pattern = locale.decimal_formats[None].pattern.split(";")[0]
    return _parse_pattern(_with_fraction(pattern, fraction=fraction), locale)


@functools.cache
def _amount_pattern(locale: Locale, style: str, currency: str, *, fraction: bool) -> NumberPattern:
    if style == "long":
        return number_pattern(locale, fraction=fraction)
    if style == "short":
        pattern = locale.currency_formats["standard"].pattern.split(";")[0]
        pattern = _spaced(pattern, get_currency_symbol(currency, locale=locale), "¤")
    else:
        # CLDR's accounting pattern is the one for tables and statements, where the ISO
        # code stands; it puts the code first in nb and nn, after the number in de.
        pattern = locale.currency_formats["accounting"].pattern.split(";")[0]
        pattern = _spaced(pattern.replace("¤", "¤¤"), currency, "¤¤")
    return _parse_pattern(_with_fraction(pattern, fraction=fraction), locale)


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def amount_text(money: Money, where: Locale, style: str) -> str:
    """``money`` as :func:`~innovasjonspris.formatting.format_amount` writes it."""
    shown = _shown(money.amount)
    fraction = shown != shown.to_integral_value()
    pattern = _amount_pattern(where, style, money.currency, fraction=fraction)
    if style != "long":
        return str(pattern.apply(shown, where, currency=money.currency, currency_digits=False))
    number = str(pattern.apply(shown, where))
    if money.currency in _RUNNING_TEXT_UNITS and where.language in _NORWEGIAN:
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


# The space after the full stop of a Norwegian day number («7. juni»), which Språkrådet
# advises be a no-break space, so that a line never ends with the day alone.
_DAY_SPACE: Final = re.compile(r"(?<=d\.) ")


def _norwegian(locale: Locale) -> bool:
    return locale.language in _NORWEGIAN


@functools.cache
def _date_pattern(locale: Locale, style: str) -> DateTimePattern:
    pattern: DateTimePattern = locale.date_formats[style]
    if _british(locale):
        # CLDR's en_GB puts a comma after the weekday; British prose writes
        # «Wednesday 18 June 2014», as the style guides of the press and the civil service do.
        return parse_date_pattern(pattern.pattern.replace("EEEE, ", "EEEE "))
    if _norwegian(locale):
        return parse_date_pattern(_DAY_SPACE.sub("\xa0", pattern.pattern))
    return pattern


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def date_text(value: date, where: Locale, style: str) -> str:
    """``value`` as :func:`~innovasjonspris.formatting.format_date` writes it."""
    return str(_date_pattern(where, style).apply(value, where))


@functools.lru_cache(maxsize=_FORMATTED_CACHE_SIZE)
def range_text(first: date, last: date, where: Locale) -> str:
    """The days as :func:`~innovasjonspris.formatting.format_date_range` writes them."""
    if first == last:
        return date_text(first, where, "long")
    norwegian = _norwegian(where)
    if not norwegian and not _british(where):
        return _interval_text(first, last, where)
    closing = date_text(last, where, "long")
    if (first.year, first.month) == (last.year, last.month):
        return f"{_skeleton_text(first, where, 'd')}–{closing}"
    opening = (
        _skeleton_text(first, where, "MMMMd")
        if first.year == last.year
        else date_text(first, where, "long")
    )
    dash = "–" if norwegian else " – "
    return f"{opening}{dash}{closing}"


def _skeleton_text(value: date, where: Locale, skeleton: str) -> str:
    pattern: DateTimePattern = where.datetime_skeletons[skeleton]
    if _norwegian(where):
        return str(parse_date_pattern(_DAY_SPACE.sub("\xa0", pattern.pattern)).apply(value, where))
    return str(pattern.apply(value, where))


# An abbreviated month in a CLDR pattern: «MMM», or «LLL» where it stands alone.
_SHORT_MONTH: Final = re.compile(r"(?<![ML])([ML]{3})(?![ML])")


def _widened(month: re.Match[str]) -> str:
    return month.group(1) + month.group(1)[0]


def _interval_text(first: date, last: date, where: Locale) -> str:
    """CLDR's interval format for the long date, with the month as the long date writes it.

    Few locales have an interval format for a written-out month (``yMMMMd``); CLDR's rule
    is to take the nearest one (``yMMMd``, «Jun 9 – 10, 2016») and widen its fields to the
    asked-for width, which Babel leaves undone.
    """
    formats = where.interval_formats
    nearest = match_skeleton("yMMMMd", formats)
    if nearest is None or nearest == "yMMMMd":
        return str(format_interval(first, last, "yMMMMd", locale=where))
    start, end = DateTimeFormat(first, locale=where), DateTimeFormat(last, locale=where)
    parts = formats[nearest]
    field = next(f for f in ("y", "M", "d") if f in parts and start.extract(f) != end.extract(f))
    return "".join(
        str(parse_date_pattern(_SHORT_MONTH.sub(_widened, pattern)).apply(day, where))
        for pattern, day in zip(parts[field], (first, last), strict=True)
    )
