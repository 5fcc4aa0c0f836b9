"""Export every bundled round to a JSON file of its own.

Run it as ``uv run python examples/export_json.py [FOLDER]``; the folder, ``rounds-json``
by default, is created if it does not exist. Each file loads back into the same round.
"""

from __future__ import annotations

import sys
from pathlib import Path

from innovasjonspris import rounds
from innovasjonspris.serialization import from_json, to_json


def export(folder: Path) -> list[Path]:
    """Write ``round-YEAR.json`` for each bundled round into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for award in rounds():
        path = folder / f"round-{award.year}.json"
        path.write_text(to_json(award), encoding="utf-8")
        # Reading the file back proves the export lost nothing.
        if from_json(path.read_bytes()) != award:
            msg = f"{path} does not load back into the same round"
            raise RuntimeError(msg)
        written.append(path)
    return written


def main(folder: Path) -> None:
    """Export the rounds and list what was written."""
    for path in export(folder):
        award = from_json(path.read_bytes())
        print(f"{path.name}: {award.winner.municipality.name} won, {len(award.citations)} cited")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "rounds-json"))
