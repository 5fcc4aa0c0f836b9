"""Generated loading and dumping code: one plain Python function per class and format.

A document is mostly valid; the generated structure function builds it with the least
work, testing each value with its rule's own expression (see
:mod:`innovasjonspris._validators`), and whatever it refuses goes to the detailed converter
of :mod:`innovasjonspris._converters`, which finds every problem and its path. The
generated unstructure function writes what the structure function reads.

Both are written from the class's shape (:mod:`innovasjonspris._shapes`), the one reading
of its fields and types that the detailed path and the JSON Schema are built from too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar, cast

import attrs

from innovasjonspris import _references
from innovasjonspris._converters import converter
from innovasjonspris._errors import Mismatch, ValidationError
from innovasjonspris._generated import run
from innovasjonspris._leaves import Format, Leaf
from innovasjonspris._shapes import FieldShape, Many, Nested, Shape, class_shape, python_type
from innovasjonspris._validators import binder

__all__ = ["fast_structurer", "fast_unstructurer", "structure", "unstructure"]

T = TypeVar("T")


class _Rejected(Exception):  # noqa: N818 - a signal between two functions, never seen
    """The fast path refuses a value; the detailed path will say what is wrong with it."""


def _reject() -> NoReturn:
    raise _Rejected


# What refuses a value on the fast path: its own signal, a leaf's for a value of the wrong
# kind (a date that is no day), and the model's, for a rule across fields.
_REFUSALS = (_Rejected, Mismatch, ValidationError)


class _Code:
    """Python source for one generated function, and the names it uses."""

    def __init__(self, fmt: Format) -> None:
        self.fmt: Format = fmt
        self.names: dict[str, Any] = {"_reject": _reject, "_tuple": tuple, "_list": list}
        self.names["_map"] = map
        self.lines: list[str] = []
        self.name = binder(self.names)

    def run(self, function: str, what: str) -> Any:
        """Compile the lines, filed as ``what``, and return the function they define."""
        run("\n".join(self.lines), what, self.names)
        return self.names[function]


def _reader(fmt: Format, shape: Shape) -> Callable[[object], Any]:
    """A function that reads one value of ``shape``, as an item of a tuple is read."""
    if isinstance(shape, Nested):
        return fast_structurer(fmt, shape.cls)
    if isinstance(shape, Leaf):
        return shape.reader(fmt)
    code = _Code(fmt)
    code.lines += ["def read(value):", f"  return {_read(code, shape, 'value')}"]
    return cast("Callable[[object], Any]", code.run("read", f"fast read {fmt} {shape!r}"))


def _read(code: _Code, shape: Shape, source: str) -> str:
    """An expression that reads ``source`` as a value of ``shape``."""
    match shape:
        case Many(item):
            items = f"(_v if type(_v := {source}) is _list else _reject())"
            return f"_tuple(_map({code.name(_reader(code.fmt, item))}, {items}))"
        case Nested(cls):
            return f"{code.name(fast_structurer(code.fmt, cls))}({source})"
        case _:
            return shape.read(code.fmt, source, code.name)


def _read_field(code: _Code, field: FieldShape, source: str) -> str:
    if field.by_id:
        taken = _references.structurer(_reader(code.fmt, field.shape))
        return f"{code.name(taken)}({source})"
    return _read(code, field.shape, source)


def _test(code: _Code, field: FieldShape, var: str, indent: str) -> None:
    """Add the lines that test ``var``, read as ``field``'s shape, by ``field``'s rule."""
    if field.rule is None:
        return
    expression = field.rule.expression(var, python_type(field.shape), code.name)
    if expression != "True":
        code.lines += [f"{indent}if not {expression}:", f"{indent}  _reject()"]


@functools.cache
def fast_structurer(fmt: Format, cls: type) -> Callable[[object], Any]:
    # A document is mostly valid; this path builds it with the least work: each field is
    # tested by its rule's own expression, and the instance is made without the class's
    # __init__, whose work is done here. Whatever this path refuses goes to the detailed
    # converter, which finds every problem and its path.
    shape = class_shape(cls)
    code = _Code(fmt)
    code.lines += [
        "def structure(o):",
        "  if type(o) is not dict:",
        "    _reject()",
        f"  keys = {len(shape.fields)}",
    ]
    for index, field in enumerate(shape.fields):
        var = f"f{index}"
        if field.required:
            # A missing key reads as None, which no field's reading takes.
            code.lines.append(f"  {var} = {_read_field(code, field, f'o.get({field.name!r})')}")
            _test(code, field, var, "  ")
            continue
        code.lines += [
            f"  if {field.name!r} in o:",
            f"    {var} = {_read_field(code, field, f'o[{field.name!r}]')}",
        ]
        _test(code, field, var, "    ")
        code.lines += ["  else:", f"    {var} = {code.name(field.default)}", "    keys -= 1"]
    # Every key read is a field's; any other key makes the object larger.
    code.lines += ["  if len(o) != keys:", "    _reject()"]
    code.lines.append(f"  self = {code.name(object.__new__)}({code.name(cls)})")
    for index, field in enumerate(shape.fields):
        code.lines.append(f"  {code.name(field.slot.__set__)}(self, f{index})")
    for field in shape.unset:
        if field.default is not attrs.NOTHING:
            default = code.name(field.default)
            code.lines.append(f"  {code.name(field.slot.__set__)}(self, {default})")
    if shape.rules:
        # The rules' own tests, without the call that would report what they find.
        holds = " or ".join(f"{code.name(rule.problems)}(self)" for rule in shape.rules)
        code.lines += [f"  if {holds}:", "    _reject()"]
    elif shape.post_init is not None:
        code.lines.append(f"  {code.name(shape.post_init)}(self)")
    code.lines.append("  return self")
    structurer = code.run("structure", f"fast structure {fmt} {cls.__qualname__}")
    return cast("Callable[[object], Any]", structurer)


def structure(data: dict[str, Any], cls: type[T], fmt: Format) -> T:
    """Build a ``cls`` from ``data``; raise the detailed converter's errors if it is invalid."""
    fast = fast_structurer(fmt, cast("type", cls))
    try:
        return cast("T", fast(data))
    except _REFUSALS:
        pass  # the detailed converter finds what is wrong, and where
    return converter(fmt).structure(data, cls)


def _writer(fmt: Format, shape: Shape) -> Callable[[Any], object] | None:
    """A function that writes one value of ``shape``; ``None`` for a value written as is."""
    if isinstance(shape, Nested):
        return fast_unstructurer(fmt, shape.cls)
    code = _Code(fmt)
    written = _write(code, shape, "value")
    if written == "value":
        return None
    code.lines += ["def write(value):", f"  return {written}"]
    return cast("Callable[[Any], object]", code.run("write", f"fast write {fmt} {shape!r}"))


def _write(code: _Code, shape: Shape, source: str) -> str:
    """An expression that writes ``source``, a value of ``shape``, as the format holds it."""
    match shape:
        case Many(item):
            writer = _writer(code.fmt, item)
            if writer is None:
                return f"_list({source})"
            return f"_list(_map({code.name(writer)}, {source}))"
        case Nested(cls):
            return f"{code.name(fast_unstructurer(code.fmt, cls))}({source})"
        case _:
            return shape.write(code.fmt, source, code.name)


def _write_field(code: _Code, field: FieldShape, source: str) -> str:
    if field.by_id:
        written = _writer(code.fmt, field.shape) or _as_is
        return f"{code.name(_references.unstructurer(written))}({source})"
    return _write(code, field.shape, source)


def _as_is(value: object) -> object:
    return value


@functools.cache
def fast_unstructurer(fmt: Format, cls: type) -> Callable[[Any], dict[str, Any]]:
    # Keys in the order of the fields: those always written first (required ones, and
    # those written even at their default), then the others unless they hold their default.
    shape = class_shape(cls)
    code = _Code(fmt)
    written = [f for f in shape.fields if f.required or f.always_written]
    pairs = ", ".join(f"{f.name!r}: {_write_field(code, f, f'i.{f.name}')}" for f in written)
    code.lines += ["def unstructure(i):", f"  r = {{{pairs}}}"]
    for field in shape.fields:
        if field in written:
            continue
        test = "is not None" if field.default is None else f"!= {code.name(field.default)}"
        code.lines += [
            f"  v = i.{field.name}",
            f"  if v {test}:",
            f"    r[{field.name!r}] = {_write_field(code, field, 'v')}",
        ]
    code.lines.append("  return r")
    unstructurer = code.run("unstructure", f"fast unstructure {fmt} {cls.__qualname__}")
    return cast("Callable[[Any], dict[str, Any]]", unstructurer)


def unstructure(obj: object, fmt: Format) -> dict[str, Any]:
    """Return ``obj``, an instance of a model class, as the plain data ``fmt`` holds."""
    return fast_unstructurer(fmt, cast("type", type(obj)))(obj)
