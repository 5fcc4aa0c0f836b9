"""Registers the strategies with Hypothesis, which calls :func:`register` on import.

The ``hypothesis`` entry point in the package metadata names this function, so that in any
environment with both installed, ``st.from_type(AwardRound)`` yields valid rounds without
an import of :mod:`innovasjonspris.strategies`. Hypothesis calls it only when it is
installed, once it has finished importing itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from innovasjonspris import _model

__all__ = ["register"]

_STRATEGY_OF = {
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
