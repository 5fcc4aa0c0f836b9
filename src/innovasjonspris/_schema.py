"""A JSON Schema (draft 2020-12) of the data format, derived from the model's fields.

The schema is read off the attrs classes and their validators, so it cannot drift from
what the loaders accept. It says what JSON Schema can say (types, required and unknown
keys, patterns, ranges); rules across fields (one winner, counts that agree) are the
loader's alone.
"""

from __future__ import annotations

import enum
import types
from datetime import date
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs

from innovasjonspris import _model, _validators
from innovasjonspris._serialisable import check_serialisable

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TEXT = {"type": "string", "minLength": 1, "pattern": r"^\S(.*\S)?$"}
_PROSE = {"type": "string", "minLength": 1, "pattern": r"^\S[\s\S]*$"}
_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

# Field rules written as functions rather than validator objects, by (class, field).
_SPECIAL: dict[tuple[type, str], dict[str, Any]] = {
    (_model.Money, "amount"): {
        "type": "string",
        "pattern": r"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$",
        "description": "A decimal amount as text, at most two decimal places.",
    },
    (_model.Money, "currency"): {"type": "string", "pattern": "^[A-Z]{3}$"},
    (_model.Municipality, "number"): {
        "type": "string",
        "pattern": "^[0-9]{4}$",
        "description": "The four-digit kommunenummer valid in the round's year.",
    },
    (_model.Project, "municipality"): {"type": "string", "pattern": "^[0-9]{4}$"},
    (_model.Organisation, "orgnr"): {"type": "string", "pattern": "^[0-9]{9}$"},
    (_model.Municipality, "orgnr"): {"type": "string", "pattern": "^[0-9]{9}$"},
}


def _unwrap_optional(validator: object) -> object:
    while isinstance(validator, _validators.Optional):
        validator = validator.inner
    return validator


def _from_validator(validator: object) -> dict[str, Any] | None:
    validator = _unwrap_optional(validator)
    if isinstance(validator, _validators.Text):
        return dict(_PROSE if validator.multiline else _TEXT)
    if isinstance(validator, _validators.Matches):
        return {"type": "string", "pattern": f"^(?:{validator.pattern.pattern})$"}
    if isinstance(validator, _validators.Integer):
        return {"type": "integer", "minimum": validator.minimum, "maximum": validator.maximum}
    return None


class _Builder:
    def __init__(self) -> None:
        self.definitions: dict[str, dict[str, Any]] = {}

    def kind(self, kind: Any) -> dict[str, Any]:  # noqa: PLR0911 - one branch a type
        origin = get_origin(kind)
        if origin in (Union, types.UnionType):
            inner = [self.kind(arg) for arg in get_args(kind) if arg is not type(None)]
            return inner[0] if len(inner) == 1 else {"anyOf": inner}
        if origin is tuple:
            return {"type": "array", "items": self.kind(get_args(kind)[0])}
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
            return dict(_DATE)
        raise AssertionError(f"no schema for {kind!r}")  # every model field is covered above

    def field(self, cls: type, field: attrs.Attribute[Any]) -> dict[str, Any]:
        schema = self.kind(field.type)
        special = _SPECIAL.get((cls, field.name))
        if special is not None:
            return {**schema, **special}
        refined = _from_validator(field.validator)
        return schema if refined is None else {**schema, **refined}

    def reference(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.definitions:
            self.definitions[name] = {}  # placeholder: breaks cycles, keeps order
            self.definitions[name] = self.object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cls: type) -> dict[str, Any]:
        fields = attrs.fields(attrs.resolve_types(cls))  # the model's annotations are strings
        properties = {field.name: self.field(cls, field) for field in fields}
        required = [field.name for field in fields if field.default is attrs.NOTHING]
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        summary = (cls.__doc__ or cls.__name__).strip().split("\n\n", 1)[0]
        schema["description"] = summary.replace("\n", " ")
        return schema


def json_schema(cls: type = _model.AwardRound) -> dict[str, Any]:
    """Return a JSON Schema (draft 2020-12) of ``cls`` as the JSON loader reads it.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["properties"]["schema_version"]
    {'const': 1}
    """
    check_serialisable(cls, "cls")
    builder = _Builder()
    root = builder.object(cls)
    if cls in _model.DOCUMENTS:
        root["properties"] = {"schema_version": {"const": 1}, **root["properties"]}
        root["required"] = ["schema_version", *root.get("required", [])]
    return {
        "$schema": _DIALECT,
        "title": cls.__name__,
        **root,
        "$defs": builder.definitions,
    }
