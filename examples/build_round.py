"""Build a round in code, let the model check it, and write it as TOML.

Run it as ``uv run python examples/build_round.py``. The round is invented: a county's own
innovation prize, with the kommunenummer in force in 2025.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from innovasjonspris import (
    AwardRound,
    Citation,
    Event,
    LocalizedText,
    Money,
    Municipality,
    Project,
    Standing,
    ValidationError,
)
from innovasjonspris.serialization import to_toml


def build() -> AwardRound:
    """Return the round, built from its parts; each part checks itself as it is made."""
    tonsberg = Municipality(number="3905", name="Tønsberg")
    sandefjord = Municipality(number="3907", name="Sandefjord")
    return AwardRound(
        id="vestfold-innovasjon-2025",
        year=2025,
        awarded_on=date(2025, 11, 20),
        amount=Money(amount=Decimal(100000), currency="NOK"),
        event=Event(name="Innovasjonsdagen i Vestfold", place="Tønsberg", start=date(2025, 11, 20)),
        citations=(
            Citation(
                municipality=tonsberg,
                standing=Standing.WINNER,
                text=LocalizedText(
                    nb="Tønsberg fikk prisen for en felles digital innbyggertjeneste."
                ),
                projects=(Project(name="Innbyggertorget", municipality=tonsberg.number),),
            ),
            Citation(municipality=sandefjord, standing=Standing.FINALIST),
        ),
    )


def main() -> None:
    """Build the round and print it; then show what the model says about a mistake."""
    award = build()
    print(to_toml(award))

    # The same round with Tønsberg's number from 2020-2023 breaks the rule that a round
    # uses the numbers in force in its year.
    try:
        AwardRound(
            id=award.id,
            year=award.year,
            amount=award.amount,
            citations=(
                Citation(
                    municipality=Municipality(number="3803", name="Tønsberg"),
                    standing=Standing.WINNER,
                ),
            ),
        )
    except ValidationError as error:
        print(f"refused: {error}")


if __name__ == "__main__":
    main()
