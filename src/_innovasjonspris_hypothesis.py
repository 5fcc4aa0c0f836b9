"""The ``hypothesis`` entry point of innovasjonspris, kept outside the package.

Hypothesis imports this on every ``import hypothesis`` in an environment where
innovasjonspris is installed. A module inside the package would import the package, and
with it the whole model, into projects that may never use it; this one imports nothing.
When the model is loaded already, the types are registered now; otherwise the package
registers them itself when it is imported.
"""

from __future__ import annotations

import sys

__all__ = ["register"]


def register() -> None:
    """Register the strategies of innovasjonspris with Hypothesis, if the model is loaded."""
    if "innovasjonspris._model" in sys.modules:
        from innovasjonspris._hypothesis_plugin import register as register_now  # noqa: PLC0415

        register_now()
