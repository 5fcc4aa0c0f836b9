"""Every citation of every round as one flat row, with the municipality then and now."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

import attrs

from innovasjonspris._model import AwardRound, Money, Standing
from innovasjonspris.registry import (
    LAST_YEAR,
    Fate,
    MunicipalityRecord,
    fate,
    municipality,
    successors,
)

__all__ = ["CitationRow", "rows_of"]


@attrs.frozen(kw_only=True)
class CitationRow:
    """One citation of one round, flat: who, when, how honoured, and what it is today.

    ``then`` is the municipality as the registry has it in the round's year; ``now`` what
    it had become by the registry's last year (several municipalities when it has been
    split since), and ``fate`` whether it still exists and what became of it, step by step.
    ``numbers`` holds every kommunenummer it had on the way, so that a
    question asked with any of them finds it. ``amount`` is the prize money, on the
    winner's row only.
    """

    year: int
    standing: Standing
    municipality: str
    """The name as the round gives it."""
    then: MunicipalityRecord
    now: tuple[MunicipalityRecord, ...]
    fate: Fate
    numbers: frozenset[str]
    projects: tuple[str, ...]
    amount: Money | None
    awarded_on: date | None

    @property
    def kommunenummer(self) -> str:
        """The number the municipality had in the round's year."""
        return self.then.number

    @property
    def county_number(self) -> str:
        """The number of the county it belonged to then."""
        return self.then.county.number

    @property
    def county(self) -> str:
        """The name of the county it belonged to then."""
        return self.then.county.name

    @property
    def kommunenummer_now(self) -> tuple[str, ...]:
        """The numbers of what it is today: one, or several after a split."""
        return tuple(record.number for record in self.now)

    @property
    def municipality_now(self) -> tuple[str, ...]:
        """The names of what it is today."""
        return tuple(record.name for record in self.now)

    @property
    def county_now(self) -> tuple[str, ...]:
        """The counties of what it is today, each once."""
        return tuple(dict.fromkeys(record.county.name for record in self.now))


def _numbers(number: str, year: int) -> frozenset[str]:
    found = {number}
    for later in range(year + 1, LAST_YEAR + 1):
        found.update(r.number for r in successors(number, year=year, to_year=later))
    return frozenset(found)


# Bounded: a process may look at many rounds; each is worked out once.
@functools.lru_cache(maxsize=256)
def _rows_of_round(award: AwardRound) -> tuple[CitationRow, ...]:
    found: list[CitationRow] = []
    for citation in sorted(award.citations, key=lambda c: c.standing.rank):
        number = citation.municipality.number
        winner = citation.standing is Standing.WINNER
        became = fate(number, year=award.year)
        found.append(
            CitationRow(
                year=award.year,
                standing=citation.standing,
                municipality=citation.municipality.name,
                then=municipality(number, year=award.year),
                now=became.successors,
                fate=became,
                numbers=_numbers(number, award.year),
                projects=tuple(project.name for project in citation.projects),
                amount=award.amount if winner else None,
                awarded_on=award.awarded_on,
            )
        )
    return tuple(found)


def rows_of(rounds: Iterable[AwardRound]) -> tuple[CitationRow, ...]:
    """Return the rows of ``rounds``, by year, the winner first within a year."""
    ordered = sorted(rounds, key=lambda award: award.year)
    return tuple(row for award in ordered for row in _rows_of_round(award))
