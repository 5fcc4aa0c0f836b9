"""Print the 2019 round in Bokmål, Nynorsk and English.

Run it as ``uv run python examples/show_round.py [YEAR]``.
"""

from __future__ import annotations

import sys

from innovasjonspris import load_round, prize

LANGUAGES = ("nb", "nn", "en")


def main(year: int) -> None:
    """Print the round's winner and finalists, with the jury's words, in each language."""
    award = load_round(year)
    for language in LANGUAGES:
        print(f"[{language}] {prize().name.get(language)} {award.year}")
        for citation in award.citations:
            print(f"- {citation.municipality.name} ({citation.standing.value})")
            if citation.text is not None:
                print(f"  {citation.text.get(language)}")
        print()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2019)
