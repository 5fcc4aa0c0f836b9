"""A JSON Schema (draft 2020-12) of the data format, built from the model's rules.

Each field's schema is its type's, refined by the fragment its rule states (see
:mod:`innovasjonspris._validators`); each class's rules across fields add theirs (see
:mod:`innovasjonspris._rules`). What a rule cannot state in JSON Schema it says in plain
words, and the root's description lists those sentences: the loader enforces them too.
"""

from __future__ import annotations

import copy
import enum
import re
import types
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import UnionType
from typing import Any, Union, cast, get_args, get_origin

import attrs

from innovasjonspris import _model
from innovasjonspris._converters import ISO_DATE
from innovasjonspris._documents import KINDS, SCHEMA_VERSION, Document
from innovasjonspris._references import bundled, by_id
from innovasjonspris._rules import rules_of
from innovasjonspris._serialisable import check_serialisable
from innovasjonspris._validators import FieldRule, anchored

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_CALENDAR = "A date is a day in the calendar."
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

    def kind(self, kind: Any, where: str) -> dict[str, Any]:  # noqa: PLR0911 - one branch a type
        origin = get_origin(kind)
        if origin in (Union, types.UnionType):
            inner = [self.kind(arg, where) for arg in get_args(kind) if arg is not type(None)]
            return inner[0] if len(inner) == 1 else {"anyOf": inner}
        if origin is tuple:
            return {"type": "array", "items": self.kind(get_args(kind)[0], where)}
        if attrs.has(kind):
            return self.reference(kind)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind in (str, Decimal):  # a Decimal travels as text
            return {"type": "string"}
        if kind is date:
            self.unstated[_CALENDAR] = None
            return {"type": "string", "format": "date", "pattern": anchored(ISO_DATE.pattern)}
        msg = f"{where}: no JSON Schema for the type {kind!r}"
        raise TypeError(msg)

    def field(self, cls: type, field: attrs.Attribute[Any]) -> dict[str, Any]:
        schema = self.kind(field.type, f"{cls.__name__}.{field.name}")
        if by_id(field):
            schema = {"anyOf": [{"enum": list(bundled())}, schema]}
        rule = field.validator
        if rule is None:
            return schema
        if not isinstance(rule, FieldRule):
            msg = f"{cls.__name__}.{field.name}: a validator that states no schema: {rule!r}"
            raise TypeError(msg)
        _merge(schema, rule.schema())
        self.unstated.update(dict.fromkeys(rule.unstated()))
        return schema

    def reference(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder: breaks cycles, keeps order
            self.definitions[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        fields = attrs.fields(attrs.resolve_types(cls))  # the model's annotations are strings
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {field.name: self.field(cls, field) for field in fields},
            "additionalProperties": False,
        }
        required = [field.name for field in fields if field.default is attrs.NOTHING]
        if required:
            schema["required"] = required
        for rule in rules_of(cls):
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
