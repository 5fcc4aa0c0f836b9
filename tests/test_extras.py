"""The optional parts: the strategies without Hypothesis, and the lazy entry point."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from hypothesis import find
from hypothesis import strategies as st

from innovasjonspris import Municipality, _hypothesis_plugin


def test_strategies_without_hypothesis_say_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "innovasjonspris.strategies", raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module("innovasjonspris.strategies")
    assert isinstance(caught.value, ModuleNotFoundError)
    assert caught.value.name == "hypothesis"
    assert str(caught.value) == (
        'innovasjonspris.strategies needs Hypothesis: pip install "innovasjonspris[strategies]"'
    )


def _python(code: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_importing_hypothesis_imports_nothing_of_the_library() -> None:
    loaded = _python(
        "import sys, hypothesis; print(sorted(m for m in sys.modules if 'innovasjonspris' in m))"
    )
    assert loaded == "['_innovasjonspris_hypothesis']\n"


def test_the_types_are_registered_when_the_library_comes_second() -> None:
    found = _python(
        "import hypothesis, sys\n"
        "assert 'innovasjonspris' not in sys.modules\n"
        "import innovasjonspris as i\n"
        "from hypothesis import find, strategies as st\n"
        "print(find(st.from_type(i.AwardRound), lambda r: True).winner.municipality.number)"
    )
    assert found == "0301\n"


def test_registering_waits_for_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    _hypothesis_plugin.register_if_hypothesis_is_loaded()  # does nothing, imports nothing
    monkeypatch.undo()
    _hypothesis_plugin.register_if_hypothesis_is_loaded()
    assert find(st.from_type(Municipality), lambda _: True).number == "0301"
