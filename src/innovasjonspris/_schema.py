"""A JSON Schema (draft 2020-12) of the data format, built from the model's rules.

Each field's schema is its shape's (see :mod:`innovasjonspris._shapes`), refined by the
fragment its rule states (see :mod:`innovasjonspris._validators`); each class's rules across
fields add theirs (see :mod:`innovasjonspris._rules`). What a rule cannot state in JSON
Schema it says in plain words, and the root's description lists those sentences: the
loader enforces them too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from types import UnionType
from typing import Any, cast

from innovasjonspris import _model
from innovasjonspris._documents import KINDS, SCHEMA_VERSION, Document
from innovasjonspris._references import bundled
from innovasjonspris._serialisable import check_serialisable
from innovasjonspris._shapes import FieldShape, Many, Nested, Shape, class_shape

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DOCUMENTS = (
    "A document: a round, a prize or a year not awarded, told apart by its kind. A document"
    " without a kind is a round."
)
_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]*\.)?([^`]+)`")


def _plain(text: str) -> str:
    """A docstring's first paragraph as plain text: no reStructuredText markup."""
    summary = text.strip().split("\n\n", 1)[0]
    return " ".join(_ROLE.sub(r"\1", summary).replace("``", "").split())


def _merge(target: dict[str, Any], fragment: Mapping[str, Any]) -> None:
    """Add ``fragment``'s keywords to ``target``; a keyword both have is kept twice, by allOf.

    ``fragment`` is copied, never shared: it belongs to a rule.
    """
    for key, theirs in fragment.items():
        value: object = theirs
        mine: object = target.get(key)
        if mine is None:
            target[key] = copy.deepcopy(theirs)
        elif isinstance(value, Mapping) and isinstance(mine, dict):
            _merge(cast("dict[str, Any]", mine), cast("Mapping[str, Any]", value))
        elif mine != value:
            target.setdefault("allOf", []).append({key: copy.deepcopy(theirs)})


class _Builder:
    def __init__(self) -> None:
        self.definitions: dict[str, dict[str, Any]] = {}
        self.unstated: dict[str, None] = {}  # an ordered set of sentences

    def shape(self, shape: Shape) -> dict[str, Any]:
        match shape:
            case Many(item):
                return {"type": "array", "items": self.shape(item)}
            case Nested(cls):
                return self.reference(cls)
            case _:
                self.unstated.update(dict.fromkeys(shape.unstated()))
                return shape.schema()

    def field(self, field: FieldShape) -> dict[str, Any]:
        schema = self.shape(field.shape)
        if field.by_id:
            schema = {"anyOf": [{"enum": list(bundled())}, schema]}
        if field.rule is not None:
            _merge(schema, field.rule.schema())
            self.unstated.update(dict.fromkeys(field.rule.unstated()))
        return schema

    def reference(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder: breaks cycles, keeps order
            self.definitions[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        shape = class_shape(cls)
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {field.name: self.field(field) for field in shape.fields},
            "additionalProperties": False,
        }
        required = [field.name for field in shape.fields if field.required]
        if required:
            schema["required"] = required
        for rule in shape.rules:
            if rule.schema is None:
                self.unstated[rule.statement] = None
            else:
                _merge(schema, dict(rule.schema))
        schema["description"] = _plain(cls.__doc__ or cls.__name__)
        return schema


def _document(builder: _Builder, cls: type, *, kind_required: bool) -> dict[str, Any]:
    root = builder.object(cls)
    envelope = {"schema_version": {"const": SCHEMA_VERSION}, "kind": {"const": KINDS[cls]}}
    root["properties"] = {**envelope, **root["properties"]}
    required = ["schema_version", "kind"] if kind_required else ["schema_version"]
    root["required"] = [*required, *root.get("required", [])]
    return root


def json_schema(cls: type | UnionType = _model.AwardRound) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of ``cls`` as the JSON loader reads it.

    The schema states every rule of the model that JSON Schema can state; its
    ``description`` lists, in plain words, the rules it cannot, which the loader enforces
    all the same (the registry for the round's year, dates in order, and so on). Given
    :data:`~innovasjonspris.serialization.Document`, it describes every kind of document,
    told apart by its ``kind``, as :func:`~innovasjonspris.serialization.read_document`
    reads them.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["schema_version"]
    {'const': 1}
    >>> from innovasjonspris.serialization import Document
    >>> [kind["properties"]["kind"] for kind in json_schema(Document)["oneOf"]][1]
    {'const': 'prize'}
    """
    builder = _Builder()
    if cls == Document:
        # A round may leave its kind out; every other kind must name itself.
        kinds = [
            {
                "title": kind.__name__,
                **_document(builder, kind, kind_required=kind is not _model.AwardRound),
            }
            for kind in KINDS
        ]
        root: dict[str, Any] = {"description": _DOCUMENTS, "oneOf": kinds}
        title = "Document"
    else:
        check_serialisable(cls, "cls")
        assert isinstance(cls, type)  # noqa: S101 - check_serialisable let only classes by
        root = _document(builder, cls, kind_required=False) if cls in KINDS else builder.object(cls)
        title = cls.__name__
    unstated = "".join(f"\n- {sentence}" for sentence in builder.unstated)
    if unstated:
        root["description"] += (
            "\n\nThe loader also enforces these rules, which JSON Schema cannot state:" + unstated
        )
    return {"$schema": _DIALECT, "title": title, **root, "$defs": builder.definitions}
