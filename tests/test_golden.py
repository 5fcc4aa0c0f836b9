"""The 2019 round rendered in every locale and format, compared byte for byte.

After a deliberate change to the rendering, rewrite the files with
``uv run pytest tests/test_golden.py --update-goldens`` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from innovasjonspris import load_round
from innovasjonspris.render import FORMATS, Format, render_round

GOLDEN = Path(__file__).parent / "golden"
SUFFIXES = {"text": "txt", "markdown": "md", "html": "html"}


@pytest.mark.parametrize("format_", FORMATS)
@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_round_2019(locale: str, format_: Format, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"round-2019.{locale}.{SUFFIXES[format_]}"
    rendered = render_round(load_round(2019), locale=locale, format=format_).encode()
    if request.config.getoption("--update-goldens"):
        path.write_bytes(rendered)
    assert path.read_bytes() == rendered
