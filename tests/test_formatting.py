from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from babel.dates import get_month_names
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from fresh import run_fresh
from innovasjonspris import Money, ValidationError
from innovasjonspris.formatting import (
    AMOUNT_STYLES,
    format_amount,
    format_count,
    format_date,
    format_date_range,
    format_list,
)

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "locale", "style", "expected"),
    [
        (Decimal(500000), "nb", "short", f"500{NBSP}000{NBSP}kr"),
        (Decimal(500000), "nb", "long", f"500{NBSP}000{NBSP}kroner"),
        (Decimal(500000), "nb", "code", f"NOK{NBSP}500{NBSP}000"),
        (Decimal(1), "nb", "long", f"1{NBSP}krone"),
        (Decimal(1), "nn", "long", f"1{NBSP}krone"),
        (Decimal("1.50"), "nb", "long", f"1,50{NBSP}kroner"),
        (Decimal("1234.5"), "nb", "short", f"1{NBSP}234,50{NBSP}kr"),
        (Decimal("1234.00"), "nb", "short", f"1{NBSP}234{NBSP}kr"),
        (Money(amount=Decimal(500000)), "nn", "short", f"500{NBSP}000{NBSP}kr"),
        (500000, "nb_NO", "short", f"500{NBSP}000{NBSP}kr"),
        (Decimal(500000), "no", "long", f"500{NBSP}000{NBSP}kroner"),
        (Decimal(500000), "en", "short", "NOK\xa0500,000"),
        (Decimal(500000), "en", "long", f"500,000{NBSP}Norwegian kroner"),
        (Decimal(1), "en", "long", f"1{NBSP}Norwegian krone"),
        (Decimal(500000), "en", "code", f"NOK{NBSP}500,000"),
        (Money(amount=Decimal("12.5"), currency="EUR"), "nb", "long", f"12,50{NBSP}euro"),
        (Money(amount=Decimal(2), currency="EUR"), "en", "long", f"2{NBSP}euros"),
        (Money(amount=Decimal(500000), currency="EUR"), "de", "code", f"500.000{NBSP}EUR"),
        (Decimal(-1234), "nb", "short", f"\u22121{NBSP}234{NBSP}kr"),
        (Decimal(-1234), "nn", "long", f"\u22121{NBSP}234{NBSP}kroner"),
        (Decimal(-500), "nb", "code", f"\u2212NOK{NBSP}500"),
        (Decimal(-1234), "en", "short", f"-NOK{NBSP}1,234"),
    ],
)
def test_format_amount(
    value: Money | Decimal | int, locale: str, style: str, expected: str
) -> None:
    assert format_amount(value, locale=locale, style=style) == expected  # type: ignore[arg-type]


amounts = st.decimals(
    min_value=Decimal("-999999999999.99"),
    max_value=Decimal("999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@pytest.mark.property
@given(
    amount=amounts, locale=st.sampled_from(["nb", "nn", "en"]), style=st.sampled_from(AMOUNT_STYLES)
)
def test_formatted_amount_parses_back(amount: Decimal, locale: str, style: str) -> None:
    text = format_amount(amount, locale=locale, style=style)  # type: ignore[arg-type]
    # The digits with their grouping and decimal marks, without the unit (kr, NOK,
    # kroner) and the space beside it; the sign leads, before or after a unit.
    found = re.search(r"[0-9](?:[0-9.,\xa0]*[0-9])?", text)
    assert found is not None
    # CLDR's minus sign is U+2212 in nb and nn, a hyphen-minus in en.
    number = ("-" if text.startswith(("-", "\u2212")) else "") + found.group()
    assert parse_decimal(number, locale=locale, strict=True) == amount
    has_fraction = amount != amount.to_integral_value()
    decimal_mark = "," if locale != "en" else "."
    assert (decimal_mark in number) is has_fraction


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("nb", "long", f"7.{NBSP}juni 2019"),
        ("nb", "full", f"fredag 7.{NBSP}juni 2019"),
        ("nb", "short", "07.06.2019"),
        ("nn", "long", f"7.{NBSP}juni 2019"),
        ("en", "long", "7 June 2019"),
        ("en", "full", "Friday 7 June 2019"),
        ("en_GB", "full", "Friday 7 June 2019"),
        ("en", "short", "07/06/2019"),
        ("en_US", "full", "Friday, June 7, 2019"),
    ],
)
def test_format_date(locale: str, style: str, expected: str) -> None:
    assert format_date(date(2019, 6, 7), locale=locale, style=style) == expected  # type: ignore[arg-type]


def test_nynorsk_day_names_are_nynorsk() -> None:
    monday, saturday = date(2019, 6, 10), date(2019, 6, 15)
    assert format_date(monday, locale="nn", style="full") == f"måndag 10.{NBSP}juni 2019"
    assert format_date(saturday, locale="nn", style="full") == f"laurdag 15.{NBSP}juni 2019"
    assert format_date(monday, locale="nb", style="full") == f"mandag 10.{NBSP}juni 2019"
    assert format_date(saturday, locale="nb", style="full") == f"lørdag 15.{NBSP}juni 2019"


@pytest.mark.parametrize(
    ("start", "end", "locale", "expected"),
    [
        (date(2016, 6, 9), date(2016, 6, 10), "nb", f"9.–10.{NBSP}juni 2016"),
        (date(2016, 6, 9), date(2016, 6, 10), "nn", f"9.–10.{NBSP}juni 2016"),
        (date(2016, 6, 9), date(2016, 6, 10), "en", "9–10 June 2016"),
        (date(2019, 6, 6), date(2019, 6, 7), "en_GB", "6–7 June 2019"),
        (date(2019, 5, 31), date(2019, 6, 2), "nb", f"31.{NBSP}mai–2.{NBSP}juni 2019"),
        (date(2019, 5, 31), date(2019, 6, 2), "en", "31 May – 2 June 2019"),
        (date(2019, 12, 31), date(2020, 1, 2), "nn", f"31.{NBSP}desember 2019–2.{NBSP}januar 2020"),
        (date(2019, 12, 31), date(2020, 1, 2), "en", "31 December 2019 – 2 January 2020"),
        (date(2019, 6, 7), date(2019, 6, 7), "nb", f"7.{NBSP}juni 2019"),
        (date(2019, 6, 7), date(2019, 6, 7), "en", "7 June 2019"),
        (date(2016, 6, 9), date(2016, 6, 10), "no", f"9.–10.{NBSP}juni 2016"),
        # Elsewhere CLDR's own interval formats, with the month as the long date writes it.
        (date(2016, 6, 9), date(2016, 6, 10), "en_US", "June 9\u2009–\u200910, 2016"),
        (date(2016, 5, 31), date(2016, 6, 2), "en_US", "May 31\u2009–\u2009June 2, 2016"),
        (
            date(2016, 12, 31),
            date(2017, 1, 2),
            "en_US",
            "December 31, 2016\u2009–\u2009January 2, 2017",
        ),
        (date(2016, 6, 9), date(2016, 6, 10), "ja", "2016年6月9日～10日"),
        # Where CLDR has an interval format with the month written out, it is taken as is.
        (date(2016, 6, 9), date(2016, 6, 10), "es", "9–10 de junio de 2016"),
        (date(2016, 6, 9), date(2016, 6, 10), "de", "9.–10. Juni 2016"),
    ],
)
def test_format_date_range(start: date, end: date, locale: str, expected: str) -> None:
    assert format_date_range(start, end, locale=locale) == expected


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_english_and_norwegian_dates_name_the_day_before_the_month(locale: str) -> None:
    # British English, like Norwegian, writes the day first and no comma after the weekday.
    text = format_date(date(2014, 6, 18), locale=locale, style="full")
    assert re.fullmatch(r"\w+ 18(?: |\.\xa0)\w+ 2014", text), text
    assert "," not in format_date_range(date(2016, 6, 9), date(2016, 6, 10), locale=locale)


def test_bad_date_range() -> None:
    with pytest.raises(ValidationError) as caught:
        format_date_range(date(2019, 6, 7), date(2019, 6, 6))
    assert caught.value.field == "end"
    with pytest.raises(TypeError, match=r"^start must be a date, not str$"):
        format_date_range("2019-06-06", date(2019, 6, 7))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^end must be a date, not NoneType$"):
        format_date_range(date(2019, 6, 6), None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^end must be a date, not datetime$"):
        format_date_range(date(2019, 6, 6), datetime(2019, 6, 7, 12))  # noqa: DTZ001


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_every_long_date_from_1900_to_2100(locale: str) -> None:
    months = get_month_names("wide", locale="en_GB" if locale == "en" else locale)
    point = " " if locale == "en" else f".{NBSP}"
    day, last = date(1900, 1, 1), date(2100, 12, 31)
    while day <= last:
        expected = f"{day.day}{point}{months[day.month]} {day.year}"
        assert format_date(day, locale=locale) == expected
        day += timedelta(days=1)


@pytest.mark.property
@given(items=st.lists(st.text(alphabet="ABCÆØÅ", min_size=1), unique=True, max_size=12))
def test_format_list_holds_each_item_once(items: list[str]) -> None:
    # Upper-case items never meet the lower-case words and marks that join them.
    for locale in ("nb", "nn", "en"):
        joined = format_list(items, locale=locale)
        assert re.findall("[A-ZÆØÅ]+", joined) == items


def test_format_list_examples() -> None:
    assert format_list(["Ulstein", "Fjell"]) == "Ulstein og Fjell"
    assert format_list(["Ulstein", "Fjell"], locale="nn") == "Ulstein og Fjell"
    assert format_list(["a", "b", "c"], locale="en") == "a, b and c"
    assert format_list(["Ulstein", "Fjell"], locale="en") == "Ulstein and Fjell"
    assert format_list(["a", "b", "c"], locale="en_US") == "a, b, and c"
    assert format_list(iter(["Trondheim"])) == "Trondheim"
    assert format_list([]) == ""


@pytest.mark.parametrize(
    ("count", "noun", "locale", "expected"),
    [
        (1, "municipality", "nb", "1 kommune"),
        (20, "municipality", "nb", "20 kommuner"),
        (0, "municipality", "nb", "0 kommuner"),
        (20, "municipality", "nn", "20 kommunar"),
        (1, "project", "nn", "1 prosjekt"),
        (40, "project", "nn", "40 prosjekt"),
        (40, "project", "nb", "40 prosjekter"),
        (1, "application", "nb", "1 søknad"),
        (25, "application", "nn", "25 søknader"),
        (20, "municipality", "en", "20 municipalities"),
        (1, "project", "en_GB", "1 project"),
        (12000, "project", "nb", f"12{NBSP}000 prosjekter"),
    ],
)
def test_format_count(count: int, noun: str, locale: str, expected: str) -> None:
    assert format_count(count, noun, locale=locale) == expected


BAD_LOCALES = ["xx", "", "nb_XX_YY_ZZ", "!!", "nb__NO", "zz-ZZ"]


def _locale_calls(locale: object) -> list[Callable[[], str]]:
    return [
        lambda: format_amount(Decimal(1), locale=locale),  # type: ignore[arg-type]
        lambda: format_date(date(2019, 6, 7), locale=locale),  # type: ignore[arg-type]
        lambda: format_list(["a"], locale=locale),  # type: ignore[arg-type]
        lambda: format_count(1, "project", locale=locale),  # type: ignore[arg-type]
        lambda: format_date_range(date(2019, 6, 6), date(2019, 6, 7), locale=locale),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("locale", [None, 7, b"nb", ["nb"]])
def test_a_locale_that_is_not_text_raises_type_error(locale: object) -> None:
    for call in _locale_calls(locale):
        with pytest.raises(TypeError, match=r"^locale must be"):
            call()


@pytest.mark.parametrize("locale", BAD_LOCALES)
def test_unknown_locale_raises_validation_error(locale: object) -> None:
    for call in _locale_calls(locale):
        with pytest.raises(ValidationError, match="locale") as caught:
            call()
        assert caught.value.field == "locale"
        assert "'nb', 'nn', 'en'" in caught.value.message


def test_hyphenated_locale_is_accepted() -> None:
    assert format_date(date(2019, 6, 7), locale="nb-NO") == f"7.{NBSP}juni 2019"


def test_count_in_a_language_without_catalog() -> None:
    with pytest.raises(ValidationError, match="exist in nb, nn and en") as caught:
        format_count(1, "project", locale="de")
    assert caught.value.field == "locale"


@pytest.mark.parametrize("style", [None, 1, ["short"], {}])
def test_a_style_that_is_not_text_raises_type_error(style: object) -> None:
    with pytest.raises(TypeError, match=r"^style must be one of"):
        format_amount(Decimal(1), style=style)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^style must be one of"):
        format_date(date(2019, 1, 1), style=style)  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["medium", "LONG", ""])
def test_wrong_style_raises_validation_error(style: object) -> None:
    with pytest.raises(ValidationError, match="must be one of") as caught:
        format_amount(Decimal(1), style=style)  # type: ignore[arg-type]
    assert caught.value.field == "style"
    with pytest.raises(ValidationError, match="must be one of") as caught:
        format_date(date(2019, 1, 1), style=style)  # type: ignore[arg-type]
    assert caught.value.field == "style"


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (Decimal("NaN"), "amount"),
        (Decimal("1.005"), "amount"),
    ],
)
def test_bad_amount(value: object, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        format_amount(value)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize("value", [1.5, True, "500", None, [1]])
def test_an_amount_of_the_wrong_type_raises_type_error(value: object) -> None:
    with pytest.raises(TypeError, match=r"^amount must be a Money, a Decimal or an int, not"):
        format_amount(value)  # type: ignore[arg-type]


def test_arguments_of_the_wrong_type_raise_type_error() -> None:
    calls: list[tuple[Callable[[], str], str]] = [
        (lambda: format_date("2019-06-07"), "date must be a date, not str"),  # type: ignore[arg-type]
        (lambda: format_date(datetime(2019, 6, 7, 12)), "date must be a date, not datetime"),  # noqa: DTZ001
        (lambda: format_date({}), "date must be a date, not dict"),  # type: ignore[arg-type]
        (lambda: format_list("ab"), "items must be an iterable of text, not str"),
        (lambda: format_list(3), "items must be an iterable of text, not int"),  # type: ignore[arg-type]
        (lambda: format_list(["a", 3]), "items[1] must be text, not int"),  # type: ignore[list-item]
        (lambda: format_count(True, "project"), "count must be an int, not bool"),  # noqa: FBT003
        (lambda: format_count(1.0, "project"), "count must be an int, not float"),  # type: ignore[arg-type]
        (lambda: format_count(1, None), "noun must be one of"),  # type: ignore[arg-type]
    ]
    for call, message in calls:
        with pytest.raises(TypeError) as caught:
            call()
        assert str(caught.value).startswith(message), caught.value


def test_bad_arguments() -> None:
    with pytest.raises(ValidationError) as caught:
        format_count(1, "kommune")
    assert caught.value.field == "noun"
    with pytest.raises(ValidationError) as caught:
        format_count(-1, "project")
    assert caught.value.field == "count"


def test_messages_about_huge_numbers_give_no_python_advice() -> None:
    for count in (-(10**5000), 10**5000):
        with pytest.raises(ValidationError) as caught:
            format_count(count, "project")
        assert caught.value.message.endswith("not a number of about 5000 digits")
    assert format_count(10**15 - 1, "project", locale="en").startswith("999,999,999,999,999 ")


def test_importing_the_package_leaves_babel_alone() -> None:
    code = "import sys, innovasjonspris; print('babel' in sys.modules)"
    result = run_fresh(code)
    assert result.stdout == "False\n", result.stderr


@pytest.mark.parametrize("locale", ["nb", "nn", "en", "de", "en_US"])
@pytest.mark.parametrize("style", AMOUNT_STYLES)
def test_amounts_never_break_across_lines(locale: str, style: str) -> None:
    # The digit groups and the space between number and unit are no-break spaces.
    for value in (Decimal(1), Decimal(500000), Decimal("1234567.5")):
        text = format_amount(value, locale=locale, style=style)  # type: ignore[arg-type]
        number_and_unit = re.sub(r"(?<=[a-zæøå]) (?=[a-zæøå])", "", text, flags=re.IGNORECASE)
        assert " " not in number_and_unit, text


@pytest.mark.parametrize(
    ("currency", "locale", "expected"),
    [
        ("NOK", "en", "NOK\xa0500,000"),
        ("USD", "en_US", "$500,000"),
        ("USD", "en", "US$500,000"),
        ("EUR", "en", "€500,000"),
        ("NOK", "de", "500.000\xa0NOK"),
        ("NOK", "nb", "500\xa0000\xa0kr"),
    ],
)
def test_short_amounts_follow_cldr_currency_spacing(
    currency: str, locale: str, expected: str
) -> None:
    money = Money(amount=Decimal(500000), currency=currency)
    assert format_amount(money, locale=locale) == expected


def test_cached_results_never_stand_in_for_invalid_input() -> None:
    assert format_amount(Decimal(1)) == "1\xa0kr"
    with pytest.raises(ValidationError):
        format_amount(Decimal("1.000"))  # equal to 1, but not a valid amount
    with pytest.raises(TypeError):
        format_amount(True)  # noqa: FBT003 - a bool is an int
    assert format_date(date(2019, 6, 7)) == format_date(date(2019, 6, 7))


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_amount([1]),  # type: ignore[arg-type]
        lambda: format_amount(Decimal(1), locale=["nb"]),  # type: ignore[arg-type]
        lambda: format_amount(Decimal(1), style=["short"]),  # type: ignore[arg-type]
        lambda: format_date({}),  # type: ignore[arg-type]
        lambda: format_date(date(2019, 6, 7), style={}),  # type: ignore[arg-type]
    ],
)
def test_unhashable_arguments_raise_type_error(call: Callable[[], str]) -> None:
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize("locale", ["en_US", "de", "fr", "sv", "nb", "nn", "en"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2016, 6, 9), date(2016, 6, 10)),
        (date(2016, 5, 31), date(2016, 6, 2)),
        (date(2016, 12, 31), date(2017, 1, 2)),
    ],
)
def test_a_range_names_its_months_as_the_long_date_does(
    start: date, end: date, locale: str
) -> None:
    months = get_month_names("wide", locale="en_GB" if locale == "en" else locale)
    text = format_date_range(start, end, locale=locale)
    # Each month written out in full, the abbreviated form nowhere.
    assert months[start.month] in text
    assert months[end.month] in text
    abbreviated = get_month_names("abbreviated", locale="en_GB" if locale == "en" else locale)
    assert abbreviated[end.month] in months[end.month] or abbreviated[end.month] not in text
