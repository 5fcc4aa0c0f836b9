"""The rounds and the years not awarded that ship with the library.

Each is loaded and validated like any user's file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources
from typing import Final

from innovasjonspris import _references
from innovasjonspris._errors import RoundNotFoundError, brief
from innovasjonspris._model import AwardRound, Prize, YearNotAwarded
from innovasjonspris.serialization import from_toml

__all__ = ["available_years", "bundled_prizes", "load_round", "prize", "rounds", "timeline"]

_PACKAGE = "innovasjonspris.data"
_ROUND_FILE = re.compile(r"round-([0-9]{4})\.toml")
_NOT_AWARDED_FILE = re.compile(r"not-awarded-([0-9]{4})\.toml")


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _years(pattern: re.Pattern[str]) -> tuple[int, ...]:
    names = (entry.name for entry in resources.files(_PACKAGE).iterdir())
    return tuple(sorted(int(found[1]) for found in map(pattern.fullmatch, names) if found))


@functools.cache
def available_years() -> tuple[int, ...]:
    """The years of the bundled rounds, oldest first."""
    return _years(_ROUND_FILE)


@functools.cache
def _not_awarded() -> dict[int, YearNotAwarded]:
    return {
        year: from_toml(_read(f"not-awarded-{year}.toml"), YearNotAwarded)
        for year in _years(_NOT_AWARDED_FILE)
    }


_LONGEST_YEAR_BITS: Final = 4_000 * 3  # well within what int() writes out, about 3,600 digits


def load_round(year: int) -> AwardRound:
    """Return the bundled round of ``year``.

    Raises:
        TypeError: ``year`` is not an :class:`int`.
        RoundNotFoundError: no round of that year ships with the library; for a year in
            which the prize was not awarded, its ``not_awarded`` says why.
    """
    if type(year) is not int:
        msg = f"year must be an int, not {type(year).__name__}"
        raise TypeError(msg)
    if year in available_years():
        return _load_round(year)
    not_awarded = _not_awarded().get(year)
    if not_awarded is not None:
        reason = not_awarded.reason.get("en")
        msg = f"the prize was not awarded in {year}: {reason}"
    else:
        known = ", ".join(str(y) for y in available_years())
        gaps = "".join(f"; the prize was not awarded in {gap}" for gap in _not_awarded())
        # A year too long for Python to write out is described, not written.
        shown = brief(year) if year.bit_length() > _LONGEST_YEAR_BITS else str(year)
        msg = f"no round of {shown} is known; the bundled rounds are {known}{gaps}"
    raise RoundNotFoundError(msg, year, not_awarded)


@functools.cache
def _load_round(year: int) -> AwardRound:
    return from_toml(_read(f"round-{year}.toml"), AwardRound)


def rounds() -> tuple[AwardRound, ...]:
    """Return every bundled round, oldest first."""
    return tuple(_load_round(year) for year in available_years())


def timeline() -> tuple[AwardRound | YearNotAwarded, ...]:
    """Return every year of the prize, oldest first: its round, or why it was not awarded.

    The bundled data leaves no year out between the first round and the last year known.
    """
    entries: list[AwardRound | YearNotAwarded] = [*rounds(), *_not_awarded().values()]
    return tuple(sorted(entries, key=lambda entry: entry.year))


def prize() -> Prize:
    """Return the prize the bundled rounds belong to: KMD's innovation prize."""
    (bundled,) = bundled_prizes().values()
    return bundled


def bundled_prizes() -> Mapping[str, Prize]:
    """Return the prizes that ship with the library, by id: those a round may name."""
    return _references.bundled()
