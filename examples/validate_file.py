"""Validate round files and print every problem, as a data pipeline's check would.

Run it as ``uv run python examples/validate_file.py [FILE...]``; without arguments it
checks ``examples/data/broken-round.toml``, which has four mistakes in it. The exit status
is 1 when a file is invalid.
"""

from __future__ import annotations

import sys
from pathlib import Path

from innovasjonspris import AwardRound, InvalidDataError
from innovasjonspris.serialization import from_json, from_toml

BROKEN = Path(__file__).parent / "data" / "broken-round.toml"


def load(path: Path) -> AwardRound:
    """Load a round from a TOML or JSON file, choosing the format by the file's suffix."""
    data = path.read_bytes()
    return from_json(data) if path.suffix == ".json" else from_toml(data)


def check(path: Path) -> bool:
    """Print whether the round in ``path`` is valid, and why not; return whether it is."""
    try:
        award = load(path)
    except InvalidDataError as error:
        print(f"{path.name}: {len(error.errors)} problem(s)")
        for line in error.errors:
            print(f"  {line}")
        return False
    print(f"{path.name}: ok, {award.winner.municipality.name} won in {award.year}")
    return True


def main(paths: list[Path]) -> int:
    """Check every file, and return the exit status: 0 if all are valid, else 1."""
    results = [check(path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main([Path(name) for name in sys.argv[1:]] or [BROKEN]))
