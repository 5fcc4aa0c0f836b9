"""Run the examples in README.md and docs/ as tests, with Sybil.

Every ``>>>`` example and every ``python`` code block in them runs under pytest, so an
example that no longer matches the library fails the test suite. The blocks of one page
share a namespace and run in order, from the page's own folder, so a page can read the
files that sit beside it.
"""

from __future__ import annotations

from doctest import ELLIPSIS
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

collect_ignore_glob = ["docs/_build/*", "docs/conf.py", "docs/_ext/*"]


@pytest.fixture
def page_folder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each example from the folder of the page it is on."""
    folder = Path(request.node.path).parent
    monkeypatch.chdir(folder)
    return folder


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md", "docs/**/*.md"],
    excludes=["docs/_build/**"],
    fixtures=["page_folder"],
).pytest()
