"""Registers the strategies with Hypothesis, so ``st.from_type(AwardRound)`` just works.

The ``hypothesis`` entry point names ``_innovasjonspris_hypothesis.register``, a module
outside the package that Hypothesis imports on every ``import hypothesis``: it calls
:func:`register` only when the package is loaded already, so a project that imports
Hypothesis without using this library loads nothing of it. When Hypothesis comes first,
the package calls :func:`register_if_hypothesis_is_loaded` as it is imported. Either way
the types are registered once both are loaded, whichever came first; and no one can ask
for a type before the package that defines it is loaded.

Neither the types nor their strategies are listed here: the types are the package's public
classes (:func:`~innovasjonspris._public_types.public_types`), and the strategy for each is
the public function of :mod:`innovasjonspris.strategies` whose return annotation names it,
called without arguments: ``st.from_type`` gives the realistic mode, never the hostile one.
"""

from __future__ import annotations

import functools
import importlib
import sys
import typing
from collections.abc import Callable
from typing import Any

from innovasjonspris._public_types import public_types

__all__ = ["register", "register_if_hypothesis_is_loaded", "strategy_functions"]


@functools.cache
def strategy_functions() -> dict[type, Callable[..., Any]]:
    """Each public type, and the public strategy declared to yield it.

    ``organisations() -> SearchStrategy[Organisation]`` is the strategy for
    ``Organisation``. Imports :mod:`innovasjonspris.strategies`, and with it Hypothesis.
    """
    strategies = importlib.import_module("innovasjonspris.strategies")
    wanted = public_types()
    found: dict[type, Callable[..., Any]] = {}
    for name in strategies.__all__:
        function = getattr(strategies, name)
        (yielded,) = typing.get_args(typing.get_type_hints(function)["return"])
        if yielded in wanted:
            found[yielded] = function
    return found


def _resolver(cls: type) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:  # noqa: ANN401 - a SearchStrategy, typed in the strategies module
        return strategy_functions()[cls]()

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
