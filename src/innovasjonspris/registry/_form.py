"""The form of a kommunenummer, the part of its rule that needs no year."""

from __future__ import annotations

import functools
from typing import Any, Final

import attrs

from innovasjonspris._clauses import Bind, Check, Clause, conjunction, of_type, showing
from innovasjonspris._validators import FieldRule, anchored, compile_test
from innovasjonspris.registry._counties import COUNTIES

__all__ = ["KOMMUNENUMMER", "KommunenummerForm"]

_COUNTY_NUMBERS: Final = frozenset(county.number for county in COUNTIES)
_IS_TEXT: Final = of_type(str, "text of four digits")
_TWO_DIGITS: Final = 100


@attrs.frozen(repr=False)
class KommunenummerForm(FieldRule):
    """The form of a kommunenummer: four digits, the first two a county's, not ending in 00.

    Four ASCII digits, whose first two were a county's number at some time since 1972.
    Whether the number was a municipality's in a given year is for the registry to say.
    """

    def clauses(self) -> tuple[Clause, ...]:
        return (
            _IS_TEXT,
            Check(
                "len(value) == 4 and value.isascii() and value.isdigit()",
                showing("must be four digits 0-9"),
            ),
            Check(
                "value[2:] != '00'",
                lambda value: f"{value!r} has no municipality part (it ends in 00)",
            ),
            Check(
                "value[:2] in counties",
                lambda value: f"{value!r} starts with {value[:2]}, which is no county number",
                {"counties": _COUNTY_NUMBERS},
            ),
        )

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        # Text that passes is four digits, one of ten thousand: the expression asks whether
        # it is one of those the clauses pass, which is one test rather than four.
        return conjunction((_IS_TEXT.written(var, kind, bind), f"{var} in {bind(_forms())}"))

    def schema(self) -> dict[str, Any]:
        counties = "|".join(sorted(_COUNTY_NUMBERS))
        return {"type": "string", "pattern": anchored(f"(?:{counties})(?:0[1-9]|[1-9][0-9])")}

    def __repr__(self) -> str:
        return "<kommunenummer validator>"


KOMMUNENUMMER: Final = KommunenummerForm()


@functools.cache
def _forms() -> frozenset[str]:
    """Every kommunenummer in form, found by the clauses among all four digits."""
    by_clauses = compile_test(super(KommunenummerForm, KOMMUNENUMMER).expression, str)
    pairs = [f"{number:02d}" for number in range(_TWO_DIGITS)]
    return frozenset(filter(by_clauses, (first + last for first in pairs for last in pairs)))
