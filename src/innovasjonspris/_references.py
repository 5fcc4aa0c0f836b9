"""A prize that a round names by the id of a bundled prize instead of writing it out.

A field marked with :data:`BY_ID` in its metadata takes, in a document, either the object
itself or the id of one that ships with the library; loading gives the object either way,
and writing gives the id whenever the object is the bundled one of that id, so a round of
KMD's prize says ``prize = "kmd-innovasjonspris"`` and no more. The converters, the fast
path and the JSON Schema each ask :func:`by_id` about a field and use the functions here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    import attrs

    from innovasjonspris._model import Prize

__all__ = ["BY_ID", "bundled", "by_id", "structurer", "unstructurer"]

BY_ID: Final = "innovasjonspris.by_id"
"""The metadata key that marks a field whose value a document may give by a bundled id."""


def by_id(field: attrs.Attribute[Any]) -> bool:
    """Tell whether a document may give ``field``'s value by the id of a bundled one."""
    return bool(field.metadata.get(BY_ID))


@functools.cache
def bundled() -> Mapping[str, Prize]:
    """The prizes that ship with the library, by id."""
    from innovasjonspris.data import bundled_prizes  # noqa: PLC0415 - data loads through us

    return bundled_prizes()


def _resolve(value: str) -> Prize:
    # _problems structures through this module, so its error class comes at first use.
    from innovasjonspris._problems import Mismatch  # noqa: PLC0415

    found = bundled().get(value)
    if found is None:
        known = ", ".join(repr(key) for key in bundled())
        msg = f"{value!r:.60} is not the id of a bundled prize ({known}); write the prize out"
        raise Mismatch(msg)
    return found


def structurer(inner: Callable[[object], object]) -> Callable[[object], object]:
    """Wrap ``inner``, which structures the object, to take a bundled id as well."""

    def structure(value: object) -> object:
        return _resolve(value) if type(value) is str else inner(value)

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
