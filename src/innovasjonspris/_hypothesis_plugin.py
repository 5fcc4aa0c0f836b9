"""Registers the strategies with Hypothesis, so ``st.from_type(AwardRound)`` just works.

The ``hypothesis`` entry point names ``_innovasjonspris_hypothesis.register``, a module
outside the package that Hypothesis imports on every ``import hypothesis``: it calls
:func:`register` only when the package is loaded already, so a project that imports
Hypothesis without using this library loads nothing of it. When Hypothesis comes first,
the package calls :func:`register_if_hypothesis_is_loaded` as it is imported. Either way
the types are registered once both are loaded, whichever came first; and no one can ask
for a type before the package that defines it is loaded.

The types registered are the package's public classes
(:func:`~innovasjonspris._public_types.public_types`); the strategy for each is the one
:data:`innovasjonspris.strategies.STRATEGY_OF` names for it, called without arguments:
``st.from_type`` gives the realistic mode, never the hostile one.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from innovasjonspris._public_types import public_types

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["register", "register_if_hypothesis_is_loaded"]


def _resolver(cls: type[Any]) -> Callable[[type[Any]], SearchStrategy[Any]]:
    def resolve(_: type[Any]) -> SearchStrategy[Any]:
        # Only now the strategies module, and with it Babel: a type is asked for.
        strategies = importlib.import_module("innovasjonspris.strategies")
        strategy_of: Mapping[type[Any], Callable[[], SearchStrategy[Any]]] = strategies.STRATEGY_OF
        return strategy_of[cls]()

    return resolve


def register() -> None:
    """Tell Hypothesis which strategy builds each public type."""
    # Imported here: Hypothesis is importing itself when it calls this.
    from hypothesis import strategies as st  # noqa: PLC0415

    # A function, not a strategy: Hypothesis checks a registered strategy at once (whether
    # it is empty), which would import the strategies module, and with it Babel, in every
    # project that imports both; a function it calls only when the type is asked for. By
    # then the strategies module, which may be the very import that brought Hypothesis in,
    # is loaded in full.
    for cls in public_types():
        st.register_type_strategy(cls, _resolver(cls))


def register_if_hypothesis_is_loaded() -> None:
    """Register the types now if Hypothesis was imported before the package was."""
    # None in sys.modules marks a module that must not be imported.
    if sys.modules.get("hypothesis") is not None:
        register()
