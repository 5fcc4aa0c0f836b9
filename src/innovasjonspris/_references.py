"""A prize that a round names by the id of a bundled prize instead of writing it out.

A field marked with :data:`BY_ID` in its metadata takes, in a document, either the object
itself or the id of one that ships with the library; loading gives the object either way,
and writing gives the id whenever the object is the bundled one of that id, so a round of
KMD's prize says ``prize = "kmd-innovasjonspris"`` and no more. The converters, the fast
path and the JSON Schema each ask :func:`by_id` about a field and use the functions here.

The bundled prizes are loaded through those converters, so this module, which sits below
them, cannot load them itself: :mod:`innovasjonspris.serialization`, above the converters,
hands over the function that loads them (:func:`bundle_from`) when it is imported, which
is before any document is read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from innovasjonspris._errors import Mismatch

if TYPE_CHECKING:
    import attrs

    from innovasjonspris._model import Prize

__all__ = ["BY_ID", "bundle_from", "bundled", "by_id", "structurer", "unstructurer"]

BY_ID: Final = "innovasjonspris.by_id"
"""The metadata key that marks a field whose value a document may give by a bundled id."""


def by_id(field: attrs.Attribute[Any]) -> bool:
    """Tell whether a document may give ``field``'s value by the id of a bundled one."""
    return bool(field.metadata.get(BY_ID))


# The function that loads the bundled prizes, once serialization has handed it over.
_SOURCE: Final[list[Callable[[], Mapping[str, Prize]]]] = []


def bundle_from(source: Callable[[], Mapping[str, Prize]]) -> None:
    """Take ``source`` as the function that gives the bundled prizes, by id."""
    _SOURCE[:] = [source]
    bundled.cache_clear()


@functools.cache
def bundled() -> Mapping[str, Prize]:
    """The prizes that ship with the library, by id."""
    (source,) = _SOURCE
    return source()


def _resolve(value: str) -> Prize:
    found = bundled().get(value)
    if found is None:
        known = ", ".join(repr(key) for key in bundled())
        msg = f"{value!r:.60} is not the id of a bundled prize ({known}); write the prize out"
        raise Mismatch(msg)
    return found


def structurer(inner: Callable[..., object]) -> Callable[..., object]:
    """Wrap ``inner``, which structures the object, to take a bundled id as well.

    Whatever else the wrapper is given after the value goes on to ``inner``.
    """

    def structure(value: object, *rest: object) -> object:
        return _resolve(value) if type(value) is str else inner(value, *rest)

    return structure


def unstructurer(inner: Callable[[Any], object]) -> Callable[[Any], object]:
    """Wrap ``inner``, which writes the object, to write a bundled one's id instead."""

    def unstructure(value: Prize) -> object:
        found = bundled().get(value.id)
        # A round read from a document holds the bundled prize itself: no need to compare.
        if found is value or found == value:
            return value.id
        return inner(value)

    return unstructure
