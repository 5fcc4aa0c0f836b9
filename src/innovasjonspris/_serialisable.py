"""The types the library serialises, and the check that a caller asked for one of them.

Asking to load into, dump, or describe some other type is a mistake in the caller's code,
not bad data, so it raises :class:`TypeError` as Python and attrs do; bad data raises
:class:`~innovasjonspris.InvalidDataError`.
"""

from __future__ import annotations

from typing import Final

import attrs

from innovasjonspris import _model

__all__ = ["SERIALISABLE", "check_serialisable"]

# Every public model class, read off the model so that a new class needs no second list.
SERIALISABLE: Final[frozenset[object]] = frozenset(
    kind for kind in (getattr(_model, name) for name in _model.__all__) if attrs.has(kind)
)


def check_serialisable(kind: object, argument: str) -> None:
    """Raise :class:`TypeError` unless ``kind`` is one of the model's public classes.

    ``argument`` names what the caller passed, for the message: ``"cls"`` or
    ``"the object"``.
    """
    if kind not in SERIALISABLE:
        name = getattr(kind, "__qualname__", None) or type(kind).__qualname__
        msg = f"{argument} must be of a model type such as AwardRound, not {name}"
        raise TypeError(msg)
