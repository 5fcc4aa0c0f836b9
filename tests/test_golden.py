"""Every bundled round rendered in every locale, compared byte for byte.

The 2019 round is kept in every format; the others as text and Markdown, which carry the
same words.

After a deliberate change to the rendering, rewrite the files with
``uv run pytest tests/test_golden.py --update-goldens`` and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from innovasjonspris import load_round
from innovasjonspris.data import available_years
from innovasjonspris.render import FORMATS, Format, render_round

GOLDEN = Path(__file__).parent / "golden"
SUFFIXES = {"text": "txt", "markdown": "md", "html": "html"}


CASES = [
    (year, format_)
    for year in available_years()
    for format_ in FORMATS
    if year == 2019 or format_ != "html"
]


@pytest.mark.parametrize(("year", "format_"), CASES)
@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_round(year: int, locale: str, format_: Format, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"round-{year}.{locale}.{SUFFIXES[format_]}"
    rendered = render_round(load_round(year), locale=locale, format=format_).encode()
    if request.config.getoption("--update-goldens"):
        path.write_bytes(rendered)
    assert path.read_bytes() == rendered
