"""The rounds that ship with the library, loaded and validated like any user's file."""

from __future__ import annotations

import functools
import re
from importlib import resources

from innovasjonspris._model import AwardRound, Prize

__all__ = ["available_years", "load_round", "prize", "rounds"]

_PACKAGE = "innovasjonspris.data"
_ROUND_FILE = re.compile(r"round-[0-9]{4}\.toml")


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def available_years() -> tuple[int, ...]:
    """The years of the bundled rounds, oldest first."""
    names = (entry.name for entry in resources.files(_PACKAGE).iterdir())
    return tuple(
        sorted(int(name[6:10]) for name in names if _ROUND_FILE.fullmatch(name) is not None)
    )


@functools.cache
def load_round(year: int) -> AwardRound:
    """Return the bundled round of ``year``.

    Raises:
        LookupError: no round of that year ships with the library.
    """
    from innovasjonspris.serialization import from_toml  # noqa: PLC0415 - no import cycle

    if year not in available_years():
        known = ", ".join(str(y) for y in available_years())
        msg = f"no bundled round for {year!r}; the bundled years are {known}"
        raise LookupError(msg)
    return from_toml(_read(f"round-{year}.toml"), AwardRound)


def rounds() -> tuple[AwardRound, ...]:
    """Return every bundled round, oldest first."""
    return tuple(load_round(year) for year in available_years())


@functools.cache
def prize() -> Prize:
    """Return the prize the bundled rounds belong to: KMD's innovation prize."""
    from innovasjonspris.serialization import from_toml  # noqa: PLC0415 - no import cycle

    return from_toml(_read("prize.toml"), Prize)
