"""Sphinx configuration for the innovasjonspris documentation.

Build with ``uv run sphinx-build -n -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from importlib.metadata import version as installed_version
from pathlib import Path

# The project's own extension (tables generated from the bundled data) lives beside this file.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "innovasjonspris"
author = "The innovasjonspris developers"
copyright = f"{datetime.now(tz=UTC).year}, {author}"  # noqa: A001 - Sphinx reads this name
release = installed_version("innovasjonspris")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "innovasjonspris_docs",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "conftest.py", "Thumbs.db", ".DS_Store"]
root_doc = "index"
language = "en"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Every reference must resolve (sphinx-build -n); see nitpick_ignore below for the few that
# cannot, and innovasjonspris_docs.EXTERNAL for the links made without an inventory.
nitpicky = True

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
# Defaults as the source writes them: cls=AwardRound, not the class's repr.
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "undoc-members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"innovasjonspris {release}"
html_static_path: list[str] = []

nitpick_ignore = [
    # The type variable of the loaders: a name for "the class you passed" (a round if none), which
    # has no page of its own to link to.
    ("py:class", "innovasjonspris.serialization.T"),
    # What every function of innovasjonspris.strategies returns; the build links to no
    # inventory of Hypothesis's documentation.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
]


# Annotations name the Literal aliases of the style and format arguments by their short
# names; give autodoc their full names so that they link to their own entries.
autodoc_type_aliases = {
    "AmountStyle": "innovasjonspris.formatting.AmountStyle",
    "DateStyle": "innovasjonspris.formatting.DateStyle",
    "Format": "innovasjonspris.render.Format",
}
