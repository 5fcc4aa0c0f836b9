"""A typed, validated model of KMD's innovation prize for Norwegian municipalities.

The public surface is this module: the domain types, the errors, and the bundled rounds.
Serialisation, formatting and rendering live in their own public modules
(:mod:`innovasjonspris.serialization`, :mod:`innovasjonspris.formatting`,
:mod:`innovasjonspris.render`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from innovasjonspris import _hypothesis_plugin, _model
from innovasjonspris._errors import (
    InnovasjonsprisError,
    InvalidDataError,
    RoundNotFoundError,
    ValidationError,
)
from innovasjonspris._model import *  # noqa: F403 - the domain types, as _model.__all__ names them

if TYPE_CHECKING:
    from innovasjonspris.data import load_round, prize, rounds, timeline

__all__: list[str] = [
    "InnovasjonsprisError",
    "InvalidDataError",
    "RoundNotFoundError",
    "ValidationError",
    "load_round",
    "prize",
    "rounds",
    "timeline",
]
__all__ += _model.__all__

# When Hypothesis was imported first, its hook found no model to register; do it now, once
# __all__ says which types are public.
_hypothesis_plugin.register_if_hypothesis_is_loaded()

# The bundled rounds are read through the loaders, which bring cattrs with them: they are
# imported on first use, so that `import innovasjonspris` stays quick for code that only
# builds and checks objects.
_FROM_DATA: frozenset[str] = frozenset({"load_round", "prize", "rounds", "timeline"})


if not TYPE_CHECKING:  # pragma: no branch - the checkers see only the names imported above

    def __getattr__(name: str) -> object:
        if name in _FROM_DATA:
            return getattr(importlib.import_module("innovasjonspris.data"), name)
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
