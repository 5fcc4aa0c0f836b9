"""Registers the strategies with Hypothesis, so ``st.from_type(AwardRound)`` just works.

The ``hypothesis`` entry point names ``_innovasjonspris_hypothesis.register``, a module
outside the package that Hypothesis imports on every ``import hypothesis``: it calls
:func:`register` only when the model is loaded already, so a project that imports
Hypothesis without using this library loads nothing of it. When Hypothesis comes first,
the package calls :func:`register_if_hypothesis_is_loaded` as it is imported. Either way
the types are registered once both are loaded, whichever came first; and no one can ask
for a type before the model that defines it is loaded.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any, Final

from innovasjonspris import _model

__all__ = ["register", "register_if_hypothesis_is_loaded"]

_STRATEGY_OF: Final = {
    _model.Applicants: "applicants",
    _model.AwardRound: "award_rounds",
    _model.Citation: "citations",
    _model.Event: "events",
    _model.Jury: "juries",
    _model.JuryMember: "jury_members",
    _model.LocalizedText: "localized_texts",
    _model.Money: "money",
    _model.Municipality: "municipalities",
    _model.Organisation: "organisations",
    _model.Person: "persons",
    _model.Prize: "prizes",
    _model.Project: "projects",
    _model.Source: "sources",
    _model.Standing: "standings",
    _model.YearNotAwarded: "years_not_awarded",
}
"""Each public type of the model, and the name of the strategy that builds it."""


def _builder(name: str) -> Callable[[], Any]:
    # Hypothesis's deferred() wants a plain function, not a functools.partial.
    def build() -> Any:  # noqa: ANN401 - a SearchStrategy, typed in the strategies module
        return getattr(importlib.import_module("innovasjonspris.strategies"), name)()

    return build


def register() -> None:
    """Tell Hypothesis which strategy builds each public type."""
    # Imported here: Hypothesis is importing itself when it calls this.
    from hypothesis import strategies as st  # noqa: PLC0415

    # Deferred: the strategies module may be the very import that brought Hypothesis in,
    # and so be only half loaded now. Each strategy is built on its first use.
    for cls, name in _STRATEGY_OF.items():
        st.register_type_strategy(cls, st.deferred(_builder(name)))


def register_if_hypothesis_is_loaded() -> None:
    """Register the types now if Hypothesis was imported before the model was."""
    # None in sys.modules marks a module that must not be imported.
    if sys.modules.get("hypothesis") is not None:
        register()
