"""The form of a kommunenummer, the part of its rule that needs no year."""

from __future__ import annotations

import functools
from typing import Any, Final

import attrs

from innovasjonspris._errors import brief
from innovasjonspris._validators import Bind, FieldRule, Problem, anchored
from innovasjonspris.registry._counties import COUNTIES

__all__ = ["KOMMUNENUMMER", "KommunenummerForm"]

_COUNTY_NUMBERS: Final = tuple(sorted({county.number for county in COUNTIES}))


@functools.cache
def _forms() -> frozenset[str]:
    return frozenset(f"{county}{part:02d}" for county in _COUNTY_NUMBERS for part in range(1, 100))


@attrs.frozen(repr=False)
class KommunenummerForm(FieldRule):
    """The form of a kommunenummer: four digits, the first two a county's, not ending in 00.

    Four ASCII digits, whose first two were a county's number at some time since 1972.
    Whether the number was a municipality's in a given year is for the registry to say.
    """

    def expression(self, var: str, kind: object, bind: Bind) -> str:
        typed = "" if kind is str else f"type({var}) is str and "
        return f"({typed}{var} in {bind(_forms())})"

    def problem(self, value: object) -> Problem:
        if type(value) is not str:
            return "", f"must be text of four digits, not {type(value).__name__}"
        if len(value) != 4 or not (value.isascii() and value.isdigit()):  # noqa: PLR2004
            return "", f"must be four digits 0-9, not {brief(value)}"
        if value.endswith("00"):
            return "", f"{value!r} has no municipality part (it ends in 00)"
        return "", f"{value!r} starts with {value[:2]}, which is no county number"

    def schema(self) -> dict[str, Any]:
        counties = "|".join(_COUNTY_NUMBERS)
        return {"type": "string", "pattern": anchored(f"(?:{counties})(?:0[1-9]|[1-9][0-9])")}

    def __repr__(self) -> str:
        return "<kommunenummer validator>"


KOMMUNENUMMER: Final = KommunenummerForm()
