"""What makes a dict a document: its ``schema_version`` and its ``kind``.

A round, a prize and a year not awarded each stand alone in a file, and each says what it
is beside the version of the format: ``kind = "round"``, ``"prize"`` or
``"year-not-awarded"``. A reader that is told what to expect checks the kind against it; a
reader that is not (:func:`~innovasjonspris.serialization.read_document`) goes by it. A
document of this version that names no kind is a round, as every round written before
kinds were is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, cast

from innovasjonspris._errors import InvalidDataError, brief
from innovasjonspris._model import AwardRound, Prize, YearNotAwarded
from innovasjonspris._problems import describe

__all__ = ["KINDS", "SCHEMA_VERSION", "Document", "kind_named", "open_envelope", "with_envelope"]

SCHEMA_VERSION: Final = 1
"""The version of the data format this release reads and writes."""

Document = AwardRound | Prize | YearNotAwarded
"""Whatever stands alone in a file."""

KINDS: Final[Mapping[type, str]] = {
    AwardRound: "round",
    Prize: "prize",
    YearNotAwarded: "year-not-awarded",
}
"""The ``kind`` each type of document carries: one for each of the model's ``DOCUMENTS``."""

_BY_NAME: Final = {name: kind for kind, name in KINDS.items()}
_NAMES: Final = ", ".join(repr(name) for name in _BY_NAME)


# Plain dicts, never handed out to be changed: unpacking one is twice as fast as a proxy's.
_ENVELOPES: Final = {
    cls: {"schema_version": SCHEMA_VERSION, "kind": name} for cls, name in KINDS.items()
}


def with_envelope(cls: type, body: dict[str, Any]) -> dict[str, Any]:
    """Return ``body``, a document of ``cls``, opened by its version and kind."""
    return {**_ENVELOPES[cls], **body}


def kind_named(data: object) -> type[Document]:
    """Return the type of document ``data`` says it is: a round when it names none.

    Raises:
        InvalidDataError: ``data`` names a kind that does not exist.
    """
    if type(data) is not dict or "kind" not in data:
        return AwardRound
    name: object = cast("dict[str, object]", data)["kind"]
    if type(name) is not str or name not in _BY_NAME:
        said = describe(name) if type(name) is not str else f"{name!r:.60}"
        msg = f"expected one of {_NAMES}, got {said}"
        raise InvalidDataError([("$.kind", msg)])
    return _BY_NAME[name]


def open_envelope(body: dict[str, Any], cls: type) -> dict[str, Any]:
    """Check the version and kind of a document of ``cls``; return the rest of it.

    Raises:
        InvalidDataError: the version is missing or not this release's, or the kind
            names another type of document, or none that exists.
    """
    rest = dict(body)
    version = rest.pop("schema_version", None)
    if version is None:
        raise InvalidDataError([("$.schema_version", "is required")])
    if type(version) is not int:
        # Said as a wrong type, never quoted: repr() of a deeply nested value would recurse.
        msg = f"expected the number {SCHEMA_VERSION}, got {describe(version)}"
        raise InvalidDataError([("$.schema_version", msg)])
    if version != SCHEMA_VERSION:
        msg = f"this release reads version {SCHEMA_VERSION}, not {brief(version)}"
        raise InvalidDataError([("$.schema_version", msg)])
    if "kind" in rest:
        named = kind_named(rest)
        if named is not cls:
            msg = f"this is a {KINDS[named]} document, where a {KINDS[cls]} is expected"
            raise InvalidDataError([("$.kind", msg)])
        del rest["kind"]
    return rest
