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
import itertools
from collections.abc import Callable
from typing import Any, Final, Literal, NoReturn, TypeVar, cast

import attrs

from innovasjonspris import _references
from innovasjonspris._clauses import binder
from innovasjonspris._converters import converter
from innovasjonspris._errors import Mismatch, ValidationError
from innovasjonspris._generated import run
from innovasjonspris._leaves import Format
from innovasjonspris._shapes import (
    FieldShape,
    Many,
    Nested,
    Shape,
    class_shape,
    python_type,
    shape_name,
)

__all__ = ["fast_structurer", "fast_unstructurer", "quick", "structure", "unstructure"]

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
        self.names |= {"_map": map, "_repeat": itertools.repeat, "_str": str}
        self.lines: list[str] = []
        self.name = binder(self.names)
        self._count = itertools.count()

    def fresh(self, prefix: str) -> str:
        """A variable name no other in this function has."""
        return f"{prefix}{next(self._count)}"

    def run(self, function: str, what: str) -> Any:
        """Compile the lines, filed as ``what``, and return the function they define."""
        run("\n".join(self.lines), what, self.names)
        return self.names[function]


@attrs.frozen
class _Way:
    """Reading or writing: what the generated code does with a value of each shape."""

    verb: Literal["read", "write"]
    parameters: str
    """What a generated function of this way takes: the value, and the tally in reading."""
    call: str
    """The call of such a function, over ``{function}`` and ``{source}``."""
    many: str
    """The expression for a tuple, over ``{source}`` and ``{each}``, the item's function."""
    nested: Callable[[Format, type], Callable[..., Any]]
    """The generated function of a class of the model."""
    bundled: Callable[[Callable[[Any], Any]], Callable[[Any], Any]]
    """What makes a field's function take or give a bundled prize's id."""


def _expression(code: _Code, way: _Way, shape: Shape, source: str) -> str:
    """An expression that reads or writes ``source``, a value of ``shape``."""
    match shape:
        case Many(item):
            return way.many.format(source=source, each=code.name(_function(code.fmt, way, item)))
        case Nested(cls):
            return way.call.format(function=code.name(way.nested(code.fmt, cls)), source=source)
        case _:
            # The leaf's own expression, written in line.
            expression = shape.read if way.verb == "read" else shape.write
            return expression(code.fmt, source, code.name)


def _function(fmt: Format, way: _Way, shape: Shape) -> Callable[[Any], Any]:
    """A function that reads or writes one value of ``shape``, as a tuple's items are."""
    if isinstance(shape, Nested):
        return way.nested(fmt, shape.cls)
    code = _Code(fmt)
    code.lines += [
        f"def {way.verb}({way.parameters}):",
        f"  return {_expression(code, way, shape, 'value')}",
    ]
    return cast(
        "Callable[[Any], Any]", code.run(way.verb, f"fast {way.verb} {fmt} {shape_name(shape)}")
    )


def _field(code: _Code, way: _Way, field: FieldShape, source: str) -> str:
    if field.by_id:
        function = way.bundled(_function(code.fmt, way, field.shape))
        return way.call.format(function=code.name(function), source=source)
    return _expression(code, way, field.shape, source)


def _strings(shape: Shape, var: str, depth: int = 0) -> str | None:
    """An expression for how many JSON strings ``var``, read as ``shape``, was read from.

    ``None`` for none; a model class counts its own (see :func:`fast_structurer`).
    """
    match shape:
        case Many(item):
            each = f"_item{depth}"
            inner = _strings(item, each, depth + 1)
            if inner is None:
                return None
            return f"len({var})" if inner == "1" else f"sum([{inner} for {each} in {var}])"
        case Nested():
            return None
        case _:
            return "1" if shape.json_string() else None


def _test(code: _Code, field: FieldShape, var: str, indent: str) -> None:
    """Add the lines that test ``var``, read as ``field``'s shape, by ``field``'s rule."""
    if field.rule is None:
        return
    expression = field.rule.expression(var, python_type(field.shape), code.name)
    if expression != "True":
        code.lines += [f"{indent}if not {expression}:", f"{indent}  _reject()"]


@functools.cache
def fast_structurer(fmt: Format, cls: type) -> Callable[[object, list[int]], Any]:
    # A document is mostly valid; this path builds it with the least work: each field is
    # tested by its rule's own expression, and the instance is made without the class's
    # __init__, whose work is done here. Whatever this path refuses goes to the detailed
    # converter, which finds every problem and its path.
    #
    # Reading JSON, it also adds to the tally ``t`` how many strings it read, keys and
    # values (a class of the model adds its own). A text with no escapes in it has twice
    # as many quotes as that, unless the parser dropped a repeated key: then it has more.
    shape = class_shape(cls)
    code = _Code(fmt)
    counted = fmt == "json"
    fields = [
        (f"f{index}", f"o.get({f.name!r})" if f.required else f"o[{f.name!r}]", f)
        for index, f in enumerate(shape.fields)
    ]
    terms = [
        _counted_strings(field, var, source) if counted else None for var, source, field in fields
    ]
    code.lines += [
        "def structure(o, t):",
        "  if type(o) is not dict:",
        "    _reject()",
        f"  keys = {len(shape.fields)}",
    ]
    if counted:
        code.lines.append(f"  strings = {terms.count('1')}")
    for (var, source, field), term in zip(fields, terms, strict=True):
        _read_field(code, var, source, field, term)
    # Every key read is a field's; any other key makes the object larger.
    code.lines += ["  if len(o) != keys:", "    _reject()"]
    if counted:
        code.lines.append("  t[0] += keys + strings")
    code.lines.append(f"  self = {code.name(object.__new__)}({code.name(cls)})")
    for index, field in enumerate(shape.fields):
        code.lines.append(f"  {code.name(field.slot.__set__)}(self, f{index})")
    for field in shape.unset:
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
    return cast("Callable[[object, list[int]], Any]", structurer)


def _read_field(code: _Code, var: str, source: str, field: FieldShape, term: str | None) -> None:
    """Add the lines that read ``field`` from ``source`` into ``var``, and test and count it.

    ``term`` is how many strings the value was read from, if it is counted.
    """
    # A missing key reads as None, which no field's reading takes.
    indent = "  " if field.required else "    "
    if not field.required:
        code.lines.append(f"  if {field.name!r} in o:")
    code.lines.append(f"{indent}{var} = {_field(code, _READ, field, source)}")
    _test(code, field, var, indent)
    if term not in {None, "1"}:
        code.lines.append(f"{indent}strings += {term}")
    if not field.required:
        code.lines += ["  else:", f"    {var} = {code.name(field.default)}", "    keys -= 1"]
        if term == "1":
            code.lines.append("    strings -= 1")


def _counted_strings(field: FieldShape, var: str, source: str) -> str | None:
    if field.by_id:
        # The id of a bundled one is a string; the object written out counts its own.
        return f"(type({source}) is _str)"
    return _strings(field.shape, var)


def quick(data: object, cls: type[T], fmt: Format, tally: list[int]) -> T | None:
    """Build a ``cls`` from ``data`` on the fast path alone; ``None`` if it refuses it.

    Reading JSON, the strings read (keys and values) are added to ``tally[0]``.
    """
    try:
        return cast("T", fast_structurer(fmt, cast("type", cls))(data, tally))
    except _REFUSALS:
        return None


def structure(data: dict[str, Any], cls: type[T], fmt: Format) -> T:
    """Build a ``cls`` from ``data``; raise the detailed converter's errors if it is invalid."""
    built = quick(data, cls, fmt, [0])
    if built is not None:
        return built
    # The detailed converter finds what is wrong, and where.
    return converter(fmt).structure(data, cls)


@functools.cache
def fast_unstructurer(fmt: Format, cls: type) -> Callable[[Any], dict[str, Any]]:
    # One function per class, with the classes it holds written in line: a round is some
    # hundred objects, and a call for each would be a good part of the time it takes.
    code = _Code(fmt)
    code.lines.append("def unstructure(i):")
    written = _write_object(code, cls, "i", "  ")
    code.lines.append(f"  return {written}")
    unstructurer = code.run("unstructure", f"fast unstructure {fmt} {cls.__qualname__}")
    return cast("Callable[[Any], dict[str, Any]]", unstructurer)


def _write_object(code: _Code, cls: type, source: str, indent: str) -> str:
    """Add the lines that write ``source``, a ``cls``; return the variable that holds it.

    Keys come in the order of the fields: those always written first (required ones, and
    those written even at their default), then the others unless they hold their default.
    """
    shape = class_shape(cls)
    if not source.isidentifier():
        named, source = source, code.fresh("o")
        code.lines.append(f"{indent}{source} = {named}")
    written = [f for f in shape.fields if f.required or f.always_written]
    pairs = ", ".join(
        f"{f.name!r}: {_write_field(code, f, f'{source}.{f.name}', indent)}" for f in written
    )
    result = code.fresh("r")
    code.lines.append(f"{indent}{result} = {{{pairs}}}")
    for field in shape.fields:
        if field in written:
            continue
        test = "is not None" if field.default is None else f"!= {code.name(field.default)}"
        value = code.fresh("v")
        code.lines += [f"{indent}{value} = {source}.{field.name}", f"{indent}if {value} {test}:"]
        expression = _write_field(code, field, value, indent + "  ")
        code.lines.append(f"{indent}  {result}[{field.name!r}] = {expression}")
    return result


def _write_field(code: _Code, field: FieldShape, source: str, indent: str) -> str:
    """An expression that writes ``source``, as ``field``; lines it needs go before it."""
    # No class of the model holds its own kind, so writing the classes in line ends.
    match field.shape:
        case Nested(cls) if not field.by_id:
            return _write_object(code, cls, source, indent)
        case Many(Nested(cls)) if not field.by_id:
            items, item = code.fresh("l"), code.fresh("x")
            code.lines += [f"{indent}{items} = []", f"{indent}for {item} in {source}:"]
            written = _write_object(code, cls, item, indent + "  ")
            code.lines.append(f"{indent}  {items}.append({written})")
            return items
        case _:
            return _field(code, _WRITE, field, source)


# A tuple is read from an array, never from anything else, and written as a list.
_READ_MANY = (
    "_tuple(_map({each}, (_v if type(_v := {source}) is _list else _reject()), _repeat(t)))"
)
_WRITE_MANY = "_list(_map({each}, {source}))"
_READ: Final = _Way(
    "read",
    "value, t",
    "{function}({source}, t)",
    _READ_MANY,
    fast_structurer,
    _references.structurer,
)
_WRITE: Final = _Way(
    "write",
    "value",
    "{function}({source})",
    _WRITE_MANY,
    fast_unstructurer,
    _references.unstructurer,
)


def unstructure(obj: object, fmt: Format) -> dict[str, Any]:
    """Return ``obj``, an instance of a model class, as the plain data ``fmt`` holds."""
    return fast_unstructurer(fmt, cast("type", type(obj)))(obj)
