"""How realistic the generated rounds are, and how long one takes to generate.

Run ``uv run python -m benchmarks.strategies`` (``--hostile`` for the hostile mode). It
draws rounds from ``st.from_type(AwardRound)`` (or ``award_rounds(hostile=True)``) the way
a user's test does, and counts what a reader of a real round would find strange.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from innovasjonspris import AwardRound, Municipality, Organisation, Person, prize, registry

STRANGE_CATEGORIES = frozenset({"Cn", "Co", "Cf", "Mn", "Sk", "So"})


def _draw(strategy: st.SearchStrategy[AwardRound], count: int) -> tuple[list[AwardRound], float]:
    drawn: list[AwardRound] = []

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(award_round: AwardRound) -> None:
        drawn.append(award_round)

    started = time.process_time()
    collect()
    return drawn, time.process_time() - started


def _municipalities(award_round: AwardRound) -> list[Municipality]:
    return [citation.municipality for citation in award_round.citations]


def _organisations(award_round: AwardRound) -> list[Organisation]:
    people: list[Person | None] = list(award_round.presented_by)
    for citation in award_round.citations:
        people += [*citation.representatives, citation.accepted_by]
    if award_round.jury is not None:
        people += [member.person for member in award_round.jury.members]
    found = [p.organisation for p in people if p is not None and p.organisation is not None]
    if award_round.jury is not None and award_round.jury.secretariat is not None:
        found.append(award_round.jury.secretariat)
    return found


def _strange(text: str) -> bool:
    return any(unicodedata.category(character) in STRANGE_CATEGORIES for character in text)


def _share(rounds: list[AwardRound], test: Callable[[AwardRound], bool]) -> str:
    return f"{sum(map(test, rounds)) / len(rounds):.0%}"


def _official(municipality: Municipality, year: int) -> bool:
    record = registry.municipality(municipality.number, year=year)
    return municipality.name in record.accepted_names


def _borrowed_orgnr(award_round: AwardRound) -> bool:
    # Borrowed: one number for two bodies of different names, the ministry's among them.
    ministry = prize().conferred_by
    holders: dict[str, set[str]] = {str(ministry.orgnr): {ministry.name.get("nb")}}
    for m in _municipalities(award_round):
        if m.orgnr is not None:
            holders.setdefault(m.orgnr, set()).add(f"{m.name} kommune")
    for o in _organisations(award_round):
        if o.orgnr is not None:
            holders.setdefault(o.orgnr, set()).add(o.name.get("nb"))
    return any(len(names) > 1 for names in holders.values())


def _odd_amount(award_round: AwardRound) -> bool:
    amount = award_round.amount.amount
    return amount != amount.to_integral_value() or str(amount) != str(int(amount))


def main() -> None:
    """Draw rounds, then print each measure as a share of them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hostile", action="store_true", help="award_rounds(hostile=True)")
    parser.add_argument("--count", type=int, default=300)
    options = parser.parse_args()
    if options.hostile:
        from innovasjonspris.strategies import award_rounds  # noqa: PLC0415 - only when asked

        strategy: st.SearchStrategy[AwardRound] = award_rounds(hostile=True)
    else:
        strategy = st.from_type(AwardRound)
    rounds, seconds = _draw(strategy, options.count)
    measures = {
        "rounds drawn": str(len(rounds)),
        "amount in NOK": _share(rounds, lambda r: r.amount.currency == "NOK"),
        "amount in whole kroner, written plainly": _share(rounds, lambda r: not _odd_amount(r)),
        "amount from 10 000 to 2 000 000": _share(
            rounds, lambda r: Decimal(10_000) <= r.amount.amount <= Decimal(2_000_000)
        ),
        "every municipality real in the round's year": _share(
            rounds, lambda r: all(_official(m, r.year) for m in _municipalities(r))
        ),
        "a project name with unassigned, private-use or format characters": _share(
            rounds, lambda r: any(_strange(p.name) for c in r.citations for p in c.projects)
        ),
        "an orgnr borrowed from another body": _share(rounds, _borrowed_orgnr),
        "CPU time per example": f"{seconds / len(rounds) * 1000:.1f} ms",
    }
    for name, value in measures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
