"""Generated loading and dumping code: one plain Python function per class and format.

A document is mostly valid; the generated structure function builds it with the least
work, testing each value with its rule's own expression (see
:mod:`innovasjonspris._validators`), and whatever it refuses goes to the detailed converter
of :mod:`innovasjonspris._converters`, which finds every problem and its path. The
generated unstructure function writes the same dicts as the converter, with fewer calls.

Both are built once per class; a class they cannot serve (a field kind the model does not
use) is a :class:`TypeError` that names the class and field, not a silent fallback.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar, cast, get_args

import attrs

from innovasjonspris import _references
from innovasjonspris._converters import (
    ALWAYS_WRITTEN,
    EXACT,
    Format,
    converter,
    is_optional,
    is_tuple,
)
from innovasjonspris._errors import ValidationError
from innovasjonspris._generated import run
from innovasjonspris._problems import Mismatch
from innovasjonspris._references import by_id
from innovasjonspris._rules import rules_of
from innovasjonspris._validators import FieldRule, binder

__all__ = ["fast_structurer", "fast_unstructurer", "structure", "unstructure"]

T = TypeVar("T")


class _Rejected(Exception):  # noqa: N818 - a signal between two functions, never seen
    """The fast path refuses a value; the detailed path will say what is wrong with it."""


def _reject() -> NoReturn:
    raise _Rejected


# What refuses a value on the fast path: its own signal, a converter hook's for a value of
# the wrong kind (a date that is no day), and the model's, for a rule across fields.
_REFUSALS = (_Rejected, Mismatch, ValidationError)


def _unsupported(cls: type, field: attrs.Attribute[Any] | None, what: str) -> TypeError:
    where = cls.__qualname__ if field is None else f"{cls.__qualname__}.{field.name}"
    return TypeError(f"{where}: the generated loading code cannot serve {what}")


class _FastCode:
    """Python source for one class's fast structure function, and the names it uses."""

    def __init__(self, fmt: Format, cls: type) -> None:
        self.fmt = fmt
        self.cls = cls
        self.names: dict[str, Any] = {"_reject": _reject, "_tuple": tuple, "_list": list}
        self.lines: list[str] = []
        self.name = binder(self.names)

    def value(self, field: attrs.Attribute[Any], source: str) -> tuple[str, Any]:
        """Return an expression that structures ``source``, and the exact type it gives."""
        kind: Any = field.type
        if is_optional(kind):
            # None is refused below like any other value of the wrong kind.
            (kind,) = (arg for arg in get_args(kind) if arg is not type(None))
        if is_tuple(kind):
            (item_type, _ellipsis) = get_args(kind)
            if not attrs.has(item_type):
                raise _unsupported(self.cls, field, "a tuple of anything but model classes")
            item = self.name(fast_structurer(self.fmt, item_type))
            items = f"(_v if type(_v := {source}) is _list else _reject())"
            return f"_tuple(map({item}, {items}))", kind
        if attrs.has(kind):
            structurer = fast_structurer(self.fmt, kind)
            if by_id(field):
                structurer = _references.structurer(structurer)
            return f"{self.name(structurer)}({source})", kind
        if kind in EXACT:
            return f"(_v if type(_v := {source}) is {self.name(kind)} else _reject())", kind
        hook = self.name(converter(self.fmt).get_structure_hook(kind))
        return f"{hook}({source}, {self.name(kind)})", kind

    def check(self, field: attrs.Attribute[Any], var: str, kind: Any, indent: str) -> None:
        """Add the lines that test ``var``, known to be a ``kind``, by ``field``'s rule."""
        rule = field.validator
        if rule is None:
            return
        if not isinstance(rule, FieldRule):
            raise _unsupported(self.cls, field, "a validator that is not one of the model's rules")
        expression = rule.expression(var, kind, self.name)
        if expression != "True":
            self.lines.append(f"{indent}if not {expression}:")
            self.lines.append(f"{indent}  _reject()")

    def field(self, field: attrs.Attribute[Any], var: str) -> None:
        """Add the lines that set ``var`` to the structured, tested value of ``field``."""
        if field.default is attrs.NOTHING:
            # A missing key reads as None, which no field's structuring takes.
            value, kind = self.value(field, f"o.get({field.name!r})")
            self.lines.append(f"  {var} = {value}")
            self.check(field, var, kind, "  ")
            return
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise _unsupported(self.cls, field, "a default made by a factory")
        value, kind = self.value(field, f"o[{field.name!r}]")
        self.lines.append(f"  if {field.name!r} in o:")
        self.lines.append(f"    {var} = {value}")
        self.check(field, var, kind, "    ")
        self.lines.append("  else:")
        self.lines.append(f"    {var} = {self.name(field.default)}")
        self.lines.append("    keys -= 1")
        if field.validator is not None:
            # Defaults are constants: check them once, here, rather than on every load.
            field.validator(None, field, field.default)


@functools.cache
def fast_structurer(fmt: Format, cls: type) -> Callable[[object], Any]:
    # A document is mostly valid; this path builds it with the least work: each field is
    # tested by its rule's own expression, and the instance is made without the class's
    # __init__, whose work is done here. Whatever this path refuses goes to the detailed
    # converter, which finds every problem and its path.
    code = _FastCode(fmt, cls)
    fields = attrs.fields(attrs.resolve_types(cls))  # the model's annotations are strings
    code.lines += [
        "def structure(o):",
        "  if type(o) is not dict:",
        "    _reject()",
        f"  keys = {len(fields)}",
    ]
    if hasattr(cls, "__attrs_pre_init__"):
        raise _unsupported(cls, None, "a class with __attrs_pre_init__")
    for index, field in enumerate(fields):
        if field.converter is not None:
            raise _unsupported(cls, field, "a field with a converter")
        code.field(field, f"f{index}")
    # Every key read is a field's; any other key makes the object larger.
    code.lines += ["  if len(o) != keys:", "    _reject()"]
    code.lines.append(f"  self = {code.name(object.__new__)}({code.name(cls)})")
    for index, field in enumerate(fields):
        slot = cls.__dict__.get(field.name)
        if not isinstance(slot, types.MemberDescriptorType):
            raise _unsupported(cls, field, "a class without slots")
        code.lines.append(f"  {code.name(slot.__set__)}(self, f{index})")
    post_init = getattr(cls, "__attrs_post_init__", None)
    rules = rules_of(cls)
    if rules:
        # The rules' own tests, without the call that would report what they find.
        holds = " or ".join(f"{code.name(rule.problems)}(self)" for rule in rules)
        code.lines += [f"  if {holds}:", "    _reject()"]
    elif post_init is not None:
        code.lines.append(f"  {code.name(post_init)}(self)")
    code.lines.append("  return self")
    source = "\n".join(code.lines)
    run(source, f"fast structure {fmt} {cls.__qualname__}", code.names)
    return cast("Callable[[object], Any]", code.names["structure"])


def structure(data: dict[str, Any], cls: type[T], fmt: Format) -> T:
    """Build a ``cls`` from ``data``; raise the detailed converter's errors if it is invalid."""
    fast = fast_structurer(fmt, cast("type", cls))
    try:
        return cast("T", fast(data))
    except _REFUSALS:
        pass  # the detailed converter finds what is wrong, and where
    return converter(fmt).structure(data, cls)


@functools.cache
def fast_unstructurer(fmt: Format, cls: type) -> Callable[[Any], dict[str, Any]]:
    # The same dicts as the converter's own unstructure hooks, keys in the same order
    # (fields always written first, then the others unless they hold their default),
    # with fewer calls: no equality test through attrs' __ne__ for a default of None.
    names: dict[str, Any] = {"_list": list, "_map": map}
    name = binder(names)

    def value(kind: Any, source: str, *, bundled: bool = False) -> str:
        if is_optional(kind):
            # Only a field that is not left out is written, and its value is not None.
            (kind,) = (arg for arg in get_args(kind) if arg is not type(None))
        if is_tuple(kind):
            (item_type, _ellipsis) = get_args(kind)
            if not attrs.has(item_type):
                raise _unsupported(cls, None, "a tuple of anything but model classes")
            return f"_list(_map({name(fast_unstructurer(fmt, item_type))}, {source}))"
        if attrs.has(kind):
            unstructurer: Callable[[Any], object] = fast_unstructurer(fmt, kind)
            if bundled:
                unstructurer = _references.unstructurer(unstructurer)
            return f"{name(unstructurer)}({source})"
        if kind in EXACT:
            return source
        return f"{name(converter(fmt).get_unstructure_hook(kind))}({source})"

    fields = attrs.fields(attrs.resolve_types(cls))
    written = [f for f in fields if f.default is attrs.NOTHING or (cls, f.name) in ALWAYS_WRITTEN]
    lines = [
        "def unstructure(i):",
        "  r = {"
        + ", ".join(
            f"{f.name!r}: {value(f.type, f'i.{f.name}', bundled=by_id(f))}" for f in written
        )
        + "}",
    ]
    for field in fields:
        if field in written:
            continue
        test = "is not None" if field.default is None else f"!= {name(field.default)}"
        lines += [
            f"  v = i.{field.name}",
            f"  if v {test}:",
            f"    r[{field.name!r}] = {value(field.type, 'v', bundled=by_id(field))}",
        ]
    lines.append("  return r")
    source = "\n".join(lines)
    run(source, f"fast unstructure {fmt} {cls.__qualname__}", names)
    return cast("Callable[[Any], dict[str, Any]]", names["unstructure"])


def unstructure(obj: object, fmt: Format) -> dict[str, Any]:
    """Return ``obj``, an instance of a model class, as the plain data ``fmt`` holds."""
    return fast_unstructurer(fmt, cast("type", type(obj)))(obj)
