"""The domain rules, as plain functions the pydantic and msgspec models share.

They restate the library's rules without its framework, so the competing models check the
same things. The reference data (municipalities by year, the orgnr checksum, the ISO currency
list) comes from the same sources the library uses: its public registry, python-stdnum and
Babel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import TypeVar

from babel.numbers import list_currencies
from stdnum.no import orgnr as stdnum_orgnr

from innovasjonspris import registry
from innovasjonspris.registry import is_valid_kommunenummer

# Patterns for the engines' own string checks (Rust regex in pydantic, re in msgspec):
# no control characters, no surrounding white space, not empty.
_C = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
_P = r"\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029"
LINE = rf"^[^\s{_C}](?:[^{_C}]*[^\s{_C}])?$"
PROSE = rf"^[^\s{_P}](?:[^{_P}]*[^\s{_P}])?$"
DECIMAL = r"^-?(?:0|[1-9][0-9]{0,39})(?:\.[0-9]{1,40})?$"
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
ROUND_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL = r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"
LANGUAGE_TAG = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"

CURRENCIES = frozenset(list_currencies())
MAX_COUNT = 100_000
_MAX_AMOUNT = Decimal(10) ** 15
_ORGNR = re.compile("[0-9]{9}")

_Items = TypeVar("_Items", bound=Sequence[Hashable])


def nfc(value: str) -> str:
    if not unicodedata.is_normalized("NFC", value):
        msg = "must be in Unicode normal form NFC"
        raise ValueError(msg)
    return value


def amount(value: object) -> Decimal:
    if type(value) is not str or re.fullmatch(DECIMAL[1:-1], value) is None:
        msg = "expected a decimal number written as text"
        raise ValueError(msg)
    result = Decimal(value)
    exponent = result.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        msg = "at most two decimal places"
        raise ValueError(msg)
    if abs(result) >= _MAX_AMOUNT:
        msg = "too large"
        raise ValueError(msg)
    return result


def iso_date_text(value: object) -> object:
    if type(value) is not str or re.fullmatch(ISO_DATE[1:-1], value) is None:
        msg = 'expected a date "YYYY-MM-DD"'
        raise ValueError(msg)
    return value


def currency(value: str) -> str:
    if value not in CURRENCIES:
        msg = "not an ISO 4217 code"
        raise ValueError(msg)
    return value


def orgnr(value: str) -> str:
    if _ORGNR.fullmatch(value) is None or not stdnum_orgnr.is_valid(value):
        msg = "not a valid organisation number"
        raise ValueError(msg)
    return value


def kommunenummer(value: str, year: int | None = None) -> str:
    if not is_valid_kommunenummer(value, year=year):
        msg = "not a valid kommunenummer"
        raise ValueError(msg)
    return value


def unique(items: _Items) -> _Items:
    if len(set(items)) != len(items):
        msg = "an item is listed twice"
        raise ValueError(msg)
    return items


def localized(nb: str | None, nn: str | None, en: str | None) -> None:
    if nb is None and nn is None and en is None:
        msg = "needs a text in at least one language"
        raise ValueError(msg)


def citation(number: str, project_municipalities: Sequence[str]) -> None:
    if any(project != number for project in project_municipalities):
        msg = "a project is not the cited municipality's"
        raise ValueError(msg)


def jury(chairs: int, *, has_members: bool, has_secretariat: bool) -> None:
    if not has_members and not has_secretariat:
        msg = "a jury needs members or a secretariat"
        raise ValueError(msg)
    if chairs > 1:
        msg = "at most one chair"
        raise ValueError(msg)


def event(start: object, end: object) -> None:
    if end is not None and (start is None or end < start):  # type: ignore[operator]
        msg = "end before start"
        raise ValueError(msg)


def applicants(
    municipalities: int | None, projects: int | None, applications: int | None, *, more: bool
) -> None:
    for count in (municipalities, projects, applications):
        if count is not None and not 0 <= count <= MAX_COUNT:
            msg = "count out of range"
            raise ValueError(msg)
    if more and municipalities is None:
        msg = "more_than needs municipalities"
        raise ValueError(msg)
    if municipalities is None and projects is None and applications is None:
        msg = "give at least one count"
        raise ValueError(msg)


def award_round(r: object) -> None:  # noqa: C901, PLR0912 - one rule per branch, as in the library
    """Check the cross-field rules of a round given as any object with the same attributes."""
    year: int = r.year  # type: ignore[attr-defined]
    if not 1972 <= year <= 9999:
        msg = "year out of range"
        raise ValueError(msg)
    if r.amount.amount <= 0:  # type: ignore[attr-defined]
        msg = "a prize amount must be positive"
        raise ValueError(msg)
    citations = r.citations  # type: ignore[attr-defined]
    if sum(1 for c in citations if c.standing.value == "winner") != 1:
        msg = "exactly one winner"
        raise ValueError(msg)
    numbers = [c.municipality.number for c in citations]
    if len(set(numbers)) != len(numbers):
        msg = "a municipality is cited twice"
        raise ValueError(msg)
    for cited in citations:
        # The registry of the round's year: the number in use, the name one of its names.
        record = registry.municipality(cited.municipality.number, year=year)
        if cited.municipality.name not in record.accepted_names:
            msg = "not the registry's name for the year"
            raise ValueError(msg)
    awarded, announced, ev = r.awarded_on, r.announced_on, r.event  # type: ignore[attr-defined]
    if awarded is not None and awarded.year != year:
        msg = "awarded outside the year"
        raise ValueError(msg)
    if awarded is not None and announced is not None and announced < awarded:
        msg = "announced before awarded"
        raise ValueError(msg)
    if awarded is not None and ev is not None and ev.start is not None:
        last = ev.end or ev.start
        if not ev.start <= awarded <= last:
            msg = "awarded outside the event"
            raise ValueError(msg)
    applied = r.applicants  # type: ignore[attr-defined]
    if applied is not None:
        if applied.municipalities is not None and applied.municipalities < len(citations):
            msg = "fewer municipalities than cited"
            raise ValueError(msg)
        named = sum(len(c.projects) for c in citations)
        if applied.projects is not None and applied.projects < named:
            msg = "fewer projects than named"
            raise ValueError(msg)
