"""Print a bundled round in Bokmål, Nynorsk and English.

Run it as ``uv run python examples/show_round.py [YEAR] [FORMAT]``: the 2019 round as text
by default, or as ``markdown`` or ``html``.
"""

from __future__ import annotations

import sys

from innovasjonspris import load_round
from innovasjonspris.render import FORMATS, Format, render_round

LANGUAGES = ("nb", "nn", "en")


def main(year: int, output: Format) -> None:
    """Print the round once per language, each rendering followed by a blank line."""
    award = load_round(year)
    for language in LANGUAGES:
        print(render_round(award, locale=language, format=output))


def _format(name: str) -> Format:
    for candidate in FORMATS:
        if candidate == name:
            return candidate
    sys.exit(f"FORMAT must be one of {', '.join(FORMATS)}, not {name!r}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(
        int(arguments[0]) if arguments else 2019,
        _format(arguments[1]) if arguments[1:] else "text",
    )
