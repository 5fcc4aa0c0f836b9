"""The model's classes read once: the one walk over fields and types behind every format.

:func:`class_shape` reads a class's attrs fields and their annotations into a
:class:`ClassShape`: for each field its name, the argument ``__init__`` takes it by, its
default (if it may be left out), whether it may be ``None``, its rule, and its type as a
:data:`Shape`: a :class:`~innovasjonspris._leaves.Leaf`, a class of the model
(:class:`Nested`), or a tuple of either (:class:`Many`). The fast structurer and
unstructurer (:mod:`innovasjonspris._fast`), the detailed structuring that names every
problem (:mod:`innovasjonspris._converters`) and the JSON Schema
(:mod:`innovasjonspris._schema`) are all built from it, and from nothing else of the class.

What the walk cannot serve is a :class:`TypeError` that names the class and field, for
every one of them alike: a type with no leaf, a validator that is not one of the model's
rules, a converter, a default made by a factory, a class without slots.
"""

from __future__ import annotations

import functools
import types
from typing import Any, Final, Union, cast, get_args, get_origin

import attrs

from innovasjonspris._leaves import Leaf, leaf_of
from innovasjonspris._model import Money
from innovasjonspris._references import by_id
from innovasjonspris._rules import ObjectRule, rules_of
from innovasjonspris._validators import FieldRule

__all__ = [
    "ClassShape",
    "FieldShape",
    "Many",
    "Nested",
    "Shape",
    "class_shape",
    "python_type",
    "shape_name",
]


@attrs.frozen
class Nested:
    """An object of one of the model's classes."""

    cls: type


@attrs.frozen
class Many:
    """A tuple of any number of values of one shape, written as an array."""

    item: Shape


Shape = Leaf | Nested | Many

# Fields written even when they hold their default: the currency of every amount.
_ALWAYS_WRITTEN: Final = frozenset({(Money, "currency")})


def python_type(shape: Shape) -> object:
    """The exact type of a value of ``shape`` once read: ``tuple[Person, ...]`` for a tuple."""
    match shape:
        case Many(item):
            return tuple[python_type(item), ...]  # type: ignore[misc]
        case Nested(cls):
            return cls
        case _:
            return shape.kind


def shape_name(shape: Shape) -> str:
    """The shape as a reader of a traceback knows it: ``tuple[Person, ...]``, ``str``."""
    if isinstance(shape, Many):
        return f"tuple[{shape_name(shape.item)}, ...]"
    return cast("type", python_type(shape)).__qualname__


@attrs.frozen
class FieldShape:
    """One field of a class as every format sees it."""

    name: str
    argument: str
    """The keyword ``__init__`` takes the field's value by."""
    shape: Shape
    optional: bool
    """Whether the field may be ``None``, which a document says by leaving the key out."""
    default: object
    """The value of a key left out; :data:`attrs.NOTHING` when the key is required."""
    rule: FieldRule | None
    by_id: bool
    """Whether a document may give the value by the id of a bundled one."""
    always_written: bool
    """Whether the field is written even when it holds its default."""
    slot: types.MemberDescriptorType

    @property
    def required(self) -> bool:
        return self.default is attrs.NOTHING


@attrs.frozen
class ClassShape:
    """A class as every format sees it: its fields, its rules, and what attrs would run."""

    fields: tuple[FieldShape, ...]
    """The fields a document gives, in the order attrs declares them."""
    unset: tuple[FieldShape, ...]
    """The fields ``__init__`` sets itself, to their defaults; attrs leaves any other unset."""
    rules: tuple[ObjectRule, ...]
    post_init: Any
    """The class's own ``__attrs_post_init__`` where it has no rules, else ``None``."""


def _refuse(cls: type, field: attrs.Attribute[Any] | None, what: str) -> TypeError:
    where = cls.__qualname__ if field is None else f"{cls.__qualname__}.{field.name}"
    return TypeError(f"{where}: the model's loaders and writers cannot serve {what}")


def _shape_of(kind: object, cls: type, field: attrs.Attribute[Any]) -> Shape:
    if get_origin(kind) is tuple:
        args = get_args(kind)
        if len(args) != 2 or args[1] is not Ellipsis:  # noqa: PLR2004 - tuple[X, ...]
            raise _refuse(cls, field, f"a tuple of fixed length, {kind!r}")
        return Many(_shape_of(args[0], cls, field))
    if isinstance(kind, type) and attrs.has(kind):
        return Nested(kind)
    leaf = leaf_of(kind)
    if leaf is None:
        raise _refuse(cls, field, f"the type {kind!r}")
    return leaf


def _field_shape(cls: type, field: attrs.Attribute[Any]) -> FieldShape:
    kind: object = field.type
    optional = get_origin(kind) in (Union, types.UnionType) and type(None) in get_args(kind)
    if optional:
        inner = [arg for arg in get_args(kind) if arg is not type(None)]
        if len(inner) != 1:
            raise _refuse(cls, field, f"a union of several types, {kind!r}")
        (kind,) = inner
    if field.converter is not None:  # pyright: ignore[reportUnknownMemberType]
        raise _refuse(cls, field, "a field with a converter")
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        raise _refuse(cls, field, "a default made by a factory")
    rule = field.validator
    if rule is not None and not isinstance(rule, FieldRule):
        raise _refuse(cls, field, "a validator that is not one of the model's rules")
    slot = cls.__dict__.get(field.name)
    if not isinstance(slot, types.MemberDescriptorType):
        raise _refuse(cls, field, "a class without slots")
    if rule is not None and field.default is not attrs.NOTHING:
        # Defaults are constants: checked once, here, rather than on every load.
        rule.check(field.default, field.name)
    return FieldShape(
        name=field.name,
        argument=field.alias or field.name,
        shape=_shape_of(kind, cls, field),
        optional=optional,
        default=field.default,
        rule=rule,
        by_id=by_id(field),
        always_written=(cls, field.name) in _ALWAYS_WRITTEN,
        slot=slot,
    )


@functools.cache
def class_shape(cls: type) -> ClassShape:
    """Read ``cls``, an attrs class, as every format sees it; read once and kept."""
    if hasattr(cls, "__attrs_pre_init__"):
        raise _refuse(cls, None, "a class with __attrs_pre_init__")
    fields = [_field_shape(cls, f) for f in attrs.fields(attrs.resolve_types(cls))]
    initialised = {f.name for f in attrs.fields(cls) if f.init}
    rules = rules_of(cls)
    return ClassShape(
        fields=tuple(f for f in fields if f.name in initialised),
        unset=tuple(
            f for f in fields if f.name not in initialised and f.default is not attrs.NOTHING
        ),
        rules=rules,
        post_init=None if rules else getattr(cls, "__attrs_post_init__", None),
    )
