"""Registers the strategies with Hypothesis, which calls :func:`register` on import.

The ``hypothesis`` entry point in the package metadata names this function, so that in any
environment with both installed, ``st.from_type(AwardRound)`` yields valid rounds without
an import of :mod:`innovasjonspris.strategies`. Hypothesis calls it only when it is
installed, and only once it has finished importing itself.
"""

from __future__ import annotations

__all__ = ["register"]


def register() -> None:
    """Tell Hypothesis which strategy builds each public type."""
    # Imported here: loading this module must not import Hypothesis before it asks us to.
    from hypothesis import strategies as st  # noqa: PLC0415

    from innovasjonspris import _model, strategies  # noqa: PLC0415

    st.register_type_strategy(_model.Applicants, strategies.applicants())
    st.register_type_strategy(_model.AwardRound, strategies.award_rounds())
    st.register_type_strategy(_model.Citation, strategies.citations())
    st.register_type_strategy(_model.Event, strategies.events())
    st.register_type_strategy(_model.Jury, strategies.juries())
    st.register_type_strategy(_model.JuryMember, strategies.jury_members())
    st.register_type_strategy(_model.LocalizedText, strategies.localized_texts())
    st.register_type_strategy(_model.Money, strategies.money())
    st.register_type_strategy(_model.Municipality, strategies.municipalities())
    st.register_type_strategy(_model.Organisation, strategies.organisations())
    st.register_type_strategy(_model.Person, strategies.persons())
    st.register_type_strategy(_model.Prize, strategies.prizes())
    st.register_type_strategy(_model.Project, strategies.projects())
    st.register_type_strategy(_model.Source, strategies.sources())
    st.register_type_strategy(_model.Standing, strategies.standings())
