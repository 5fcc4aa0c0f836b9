"""Shared pytest options, and the Hypothesis profiles.

Choose a profile with ``HYPOTHESIS_PROFILE=<name>``; without it, ``ci`` is used where the
``CI`` variable is set and ``fast`` elsewhere. The long run is documented in the README:
``HYPOTHESIS_PROFILE=long uv run pytest -m property``.
"""

from __future__ import annotations

import importlib.util
import os

import pytest
from hypothesis import HealthCheck, settings

# --doctest-modules imports every module in tests/; the web tools' helper needs packages
# that only the full test environment has (the lowest-versions run does without them), and
# the tests that use it skip on their own where they are missing.
_WEB_TOOLS = ("html5lib", "extruct", "pyld")
collect_ignore = (
    [] if all(importlib.util.find_spec(name) for name in _WEB_TOOLS) else ["webtools.py"]
)

FAST_EXAMPLES = 50
LONG_EXAMPLES = 100_000

# Generated rounds are large objects; their build time varies with the machine's load,
# so no deadline applies (the default 200 ms one would make CI flaky).
settings.register_profile("fast", max_examples=FAST_EXAMPLES, deadline=None)
# Hypothesis's built-in "ci" profile derandomizes, keeps no example database, prints the
# reproduction blob and tolerates slow data generation; we keep its settings and our count.
settings.register_profile("ci", settings.get_profile("ci"), max_examples=FAST_EXAMPLES)
settings.register_profile(
    "long",
    max_examples=LONG_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_default = "ci" if os.environ.get("CI") else "fast"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _default))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current rendering instead of comparing",
    )
