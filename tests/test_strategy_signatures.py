"""Each public strategy keeps its own signature and docstring, cached as it is.

The strategies are cached, and a cache can hide a function's parameters: from ``help()``,
from :func:`inspect.signature`, or from the type checkers, which then accept any
argument. Each wrong call below is marked as an error the type checkers must report:
were the signature lost, the mark would be unused, and mypy --strict and pyright (by the
setting on the first line) would report that instead.
"""
# pyright: reportUnnecessaryTypeIgnoreComment=error

from __future__ import annotations

import inspect
import pydoc
from collections.abc import Callable
from typing import Any

import pytest

from innovasjonspris import Standing, strategies
from innovasjonspris.strategies import STRATEGY_OF

PUBLIC = [getattr(strategies, name) for name in strategies.__all__]
BY_NAME = pytest.mark.parametrize("strategy", PUBLIC, ids=strategies.__all__)


def _help(strategy: Callable[..., Any]) -> str:
    """What ``help(strategy)`` prints."""
    return pydoc.plain(pydoc.render_doc(strategy))


@BY_NAME
def test_each_strategy_shows_its_own_parameters(strategy: Callable[..., Any]) -> None:
    parameters = inspect.signature(strategy).parameters.values()
    # Keyword-only, each with a default: every strategy may be called with no argument,
    # as ``st.from_type`` calls it, and none takes an argument it does not name.
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert all(p.default is not inspect.Parameter.empty for p in parameters)
    shown = _help(strategy)
    assert all(f"{p.name}: " in shown for p in parameters)
    assert "SearchStrategy[" in shown


@BY_NAME
def test_each_strategy_keeps_its_docstring(strategy: Callable[..., Any]) -> None:
    assert strategy.__module__.startswith("innovasjonspris.")
    docstring = inspect.getdoc(strategy)
    assert docstring
    assert docstring.splitlines()[0] in _help(strategy)


@pytest.mark.parametrize("cls", [cls for cls in STRATEGY_OF if cls is not Standing])
def test_each_strategy_of_an_object_has_a_hostile_mode(cls: type[Any]) -> None:
    assert "hostile" in inspect.signature(STRATEGY_OF[cls]).parameters


WRONG_CALLS: list[Callable[[], object]] = [
    lambda: strategies.applicants(hostil=True),  # type: ignore[call-arg]
    lambda: strategies.award_rounds(2019),  # type: ignore[call-arg]
    lambda: strategies.citations(yeer=2019),  # type: ignore[call-arg]
    lambda: strategies.events(True),  # type: ignore[call-arg]  # noqa: FBT003
    lambda: strategies.juries(hostil=True),  # type: ignore[call-arg]
    lambda: strategies.jury_members(chair=True),  # type: ignore[call-arg]
    lambda: strategies.kommunenummer(year="2019"),  # type: ignore[arg-type]
    lambda: strategies.localized_texts(languages=("nb",)),  # type: ignore[call-arg]
    lambda: strategies.money(currency="NOK"),  # type: ignore[call-arg]
    lambda: strategies.municipalities(year=2019.0),  # type: ignore[arg-type]
    lambda: strategies.organisations(hostil=True),  # type: ignore[call-arg]
    lambda: strategies.orgnrs(True),  # type: ignore[call-arg]  # noqa: FBT003
    lambda: strategies.persons(hostil=True),  # type: ignore[call-arg]
    lambda: strategies.prizes(amount=1),  # type: ignore[call-arg]
    lambda: strategies.projects(municipality="0301", hostil=True),  # type: ignore[call-arg]
    lambda: strategies.sources(hostil=True),  # type: ignore[call-arg]
    lambda: strategies.standings(hostile=True),  # type: ignore[call-arg]
    lambda: strategies.texts(multiline=True, hostil=True),  # type: ignore[call-arg]
    lambda: strategies.years(2019),  # type: ignore[call-arg]
    lambda: strategies.years_not_awarded(year=2019),  # type: ignore[call-arg]
]


def test_a_wrong_call_is_written_for_each_strategy() -> None:
    assert len(WRONG_CALLS) == len(strategies.__all__)


@pytest.mark.parametrize("call", WRONG_CALLS, ids=strategies.__all__)
def test_a_call_the_type_checkers_refuse_is_a_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()
