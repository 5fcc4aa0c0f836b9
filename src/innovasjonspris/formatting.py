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
'fredag 7.\xa0juni 2019'
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

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Final, Literal, cast

from babel.lists import format_list as babel_format_list

from innovasjonspris._cldr_text import amount_text, date_text, range_text
from innovasjonspris._errors import ValidationError, brief
from innovasjonspris._formatting import COUNTED, count_text, standing_text
from innovasjonspris._i18n import messages, parse_locale
from innovasjonspris._model import Money, Standing
from innovasjonspris._validators import check_choice

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
"""``long``: ``7. juni 2019``; ``full``: ``fredag 7. juni 2019``; ``short``: ``07.06.2019``.

In Norwegian the space after the day's full stop is a no-break space, as Språkrådet advises.
"""

# Far beyond any count of the data, and short enough to write out in any locale.
_MAX_COUNT: Final = 10**15 - 1
NOUNS: Final = tuple(COUNTED)
"""The nouns :func:`format_count` knows."""


def _money(value: object) -> Money:
    if isinstance(value, Money):
        return value
    if type(value) is int:
        value = Decimal(value)
    if type(value) is not Decimal:
        msg = f"amount must be a Money, a Decimal or an int, not {type(value).__name__}"
        raise TypeError(msg)
    # Money's own rules (finite, at most two decimals, not absurdly large) apply.
    return Money(amount=value)


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

    A negative amount carries the locale's minus sign from CLDR: in nb and nn the minus
    sign U+2212, not a hyphen.

    >>> format_amount(Decimal("-500"))
    '\u2212500\xa0kr'

    Raises:
        TypeError: the amount is not a Money, a Decimal or an int, or the style or the
            locale is not text.
        ValidationError: the amount is not a valid amount of money (field ``amount``),
            the style is not one of :data:`AMOUNT_STYLES` (``style``), or the locale is
            unknown (``locale``).
    """
    check_choice(style, AMOUNT_STYLES, "style")
    return amount_text(_money(money_or_decimal), parse_locale(locale), style)


def format_date(value: date, *, locale: str = "nb", style: DateStyle = "long") -> str:
    r"""Return a date as text, in CLDR's ``long``, ``full`` or ``short`` form.

    In Norwegian the day's full stop is followed by a no-break space (``7.\xa0juni``), so
    that a line never ends with the day number alone.

    >>> format_date(date(2019, 6, 7))
    '7.\xa0juni 2019'
    >>> format_date(date(2019, 6, 10), locale="nn", style="full")
    'måndag 10.\xa0juni 2019'
    >>> format_date(date(2019, 6, 7), style="short")
    '07.06.2019'
    >>> format_date(date(2019, 6, 7), locale="en", style="full")
    'Friday 7 June 2019'

    Raises:
        TypeError: ``value`` is not a date, or is a :class:`~datetime.datetime`, whose
            time of day the date would drop; or the style or the locale is not text.
        ValidationError: the style is not one of :data:`DATE_STYLES` (field ``style``),
            or the locale is unknown (``locale``).
    """
    check_choice(style, DATE_STYLES, "style")
    where = parse_locale(locale)
    return date_text(_date(value, "date"), where, style)


def _date(value: object, field: str) -> date:
    # Callers without a type checker pass anything; a datetime is refused, as the model
    # refuses it, for its time of day would be dropped without a word.
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"{field} must be a date, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def format_date_range(start: date, end: date, *, locale: str = "nb") -> str:
    r"""Return the days from ``start`` to ``end`` as running text writes a range.

    What the two dates share is written once, and an en dash joins the rest. In Norwegian
    the dash is closed up, as Språkrådet advises for spans («1. mai–10. september»); in
    English it is closed up between day numbers and spaced where a side is more than one
    word, as British style guides advise. One day is written as :func:`format_date`
    writes it, and a month as the long date writes it. The parts come from CLDR; in
    languages other than Norwegian and British English (``en_US``, ``de``) the range is
    CLDR's own interval format, its months widened as CLDR's rules say («June 9 – 10,
    2016», not «Jun 9 – 10, 2016»).

    >>> format_date_range(date(2016, 6, 9), date(2016, 6, 10))
    '9.–10.\xa0juni 2016'
    >>> format_date_range(date(2019, 5, 31), date(2019, 6, 2), locale="nn")
    '31.\xa0mai–2.\xa0juni 2019'
    >>> format_date_range(date(2019, 6, 6), date(2019, 6, 7), locale="en")
    '6–7 June 2019'
    >>> format_date_range(date(2019, 12, 31), date(2020, 1, 2), locale="en")
    '31 December 2019 – 2 January 2020'

    Raises:
        TypeError: ``start`` or ``end`` is not a date (or is a datetime), or the locale
            is not text.
        ValidationError: ``end`` lies before ``start`` (field ``end``), or the locale is
            unknown (``locale``).
    """
    where = parse_locale(locale)
    first, last = _date(start, "start"), _date(end, "end")
    if last < first:
        msg = f"{last.isoformat()} lies before the start {first.isoformat()}"
        raise ValidationError("end", msg)
    return range_text(first, last, where)


def format_list(items: Iterable[str], *, locale: str = "nb") -> str:
    """Join ``items`` as running text does: ``Ulstein og Fjell``, ``a, b og c``.

    >>> format_list(["Ulstein", "Fjell"])
    'Ulstein og Fjell'
    >>> format_list(["Ulstein", "Fjell", "Trondheim"], locale="en")
    'Ulstein, Fjell and Trondheim'

    Raises:
        TypeError: ``items`` is not an iterable of text, or the locale is not text.
        ValidationError: the locale is unknown (field ``locale``).
    """
    where = parse_locale(locale)
    given = cast("object", items)  # callers without a type checker pass anything
    if isinstance(given, str) or not isinstance(given, Iterable):
        msg = f"items must be an iterable of text, not {type(items).__name__}"
        raise TypeError(msg)
    texts: list[object] = list(cast("Iterable[object]", given))
    for index, item in enumerate(texts):
        if type(item) is not str:
            msg = f"items[{index}] must be text, not {type(item).__name__}"
            raise TypeError(msg)
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
        TypeError: ``count`` is not an int, or ``noun`` or the locale not text.
        ValidationError: ``count`` is below 0 or above 10**15 - 1 (field ``count``),
            ``noun`` is unknown (``noun``), or the locale is unknown or has no catalog
            (``locale``).
    """
    check_choice(noun, NOUNS, "noun")
    if type(count) is not int:
        msg = f"count must be an int, not {type(count).__name__}"
        raise TypeError(msg)
    if not 0 <= count <= _MAX_COUNT:
        msg = f"must be a whole number from 0 to {_MAX_COUNT:,}, not {brief(count)}"
        raise ValidationError("count", msg)
    return count_text(messages(parse_locale(locale)), count, noun)


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
    try:
        chosen = Standing(given)
    except ValueError:
        allowed = ", ".join(repr(str(known)) for known in Standing)
        msg = f"must be one of {allowed}, not {given!r:.60}"
        raise ValidationError("standing", msg) from None
    return standing_text(messages(parse_locale(locale)), chosen)
