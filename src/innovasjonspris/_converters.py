"""The detailed path: a cattrs converter per format that names every problem of a document.

Each model class is structured by the detailed hook the converter makes for it, once, from
the class's shape (:mod:`innovasjonspris._shapes`): strict (a value of the wrong JSON or
TOML type is an error, never coerced; cattrs would turn ``42`` into ``"42"``), unknown keys
refused, and every problem found, not only the first (see :class:`DetailedHook`). Documents
are mostly valid and go through the generated code of :mod:`innovasjonspris._fast` first;
this path runs when that code refuses one, to say what is wrong and where.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from typing import Any, cast

import attrs
from cattrs import Converter

from innovasjonspris import _references
from innovasjonspris._errors import Mismatch, ValidationError
from innovasjonspris._leaves import Format
from innovasjonspris._problems import expect, refuse, step_of_key, within
from innovasjonspris._shapes import FieldShape, Many, Nested, Shape, class_shape

__all__ = ["Format", "build", "converter", "detailed_attrs_factory"]

Read = Callable[[object], Any]


def _many(item: Read) -> Read:
    def read(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise expect("an array", value)
        items = cast("list[object]", value)
        out: list[Any] = []
        found: list[tuple[str, str]] = []
        for index, each in enumerate(items):
            try:
                out.append(item(each))
            except (Mismatch, ValidationError) as error:
                found += within(f"[{index}]", error)
        if found:
            refuse(found)
        return tuple(out)

    return read


def _present(inner: Read) -> Read:
    def read(value: object) -> Any:
        # TOML has no null; JSON files follow suit so both spell "unknown" one way.
        if value is None:
            msg = "null is not allowed; leave the key out where the value is unknown"
            raise Mismatch(msg)
        return inner(value)

    return read


def _reader(conv: Converter, fmt: Format, shape: Shape) -> Read:
    match shape:
        case Many(item):
            return _many(_reader(conv, fmt, item))
        case Nested(cls):
            # Through the converter, so that a hook registered for the class takes part.
            hook = conv.get_structure_hook(cls)
            return lambda value: hook(value, cls)
        case _:
            return shape.reader(fmt)


def _field_reader(conv: Converter, fmt: Format, field: FieldShape) -> Read:
    read = _reader(conv, fmt, field.shape)
    if field.by_id:
        read = _references.structurer(read)
    return _present(read) if field.optional else read


def _unknown_key(key: object, known: list[str]) -> str:
    # A key one or two letters off a field's name is almost always a typing slip.
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75) if type(key) is str else []
    if close:
        return f"is not a known field; did you mean {close[0]!r}?"
    return "is not a known field"


class DetailedHook:
    """The detailed structure hook of one attrs class, for one converter.

    Each present field's value is read once, by its shape. When all of them are taken and
    no key is unknown, the class is built, which runs every rule; when anything is wrong,
    or the class refuses, each field's rule runs on its own so that every problem is
    named, in the order of the fields, unknown keys last.
    """

    def __init__(self, cls: type, conv: Converter, fmt: Format) -> None:
        self.cls = cls
        fields = class_shape(cls).fields
        self.plan = [(field, _field_reader(conv, fmt, field)) for field in fields]
        self.known = [field.name for field in fields]
        self.names = frozenset(self.known)

    def __call__(self, value: object, _: type) -> Any:  # noqa: RET503 - refuse() raises
        if type(value) is not dict:
            raise expect("an object", value)
        document = cast("dict[object, Any]", value)
        arguments: dict[str, Any] = {}
        failed: dict[str, list[tuple[str, str]]] = {}
        for field, read in self.plan:
            name = field.name
            if name in document:
                try:
                    arguments[field.argument] = read(document[name])
                except (Mismatch, ValidationError) as error:
                    failed[name] = within(name, error)
            elif field.required:
                failed[name] = [(name, "is required")]
        unknown = self._unknown_keys(document)
        refused: list[tuple[str, str]] = []
        if not failed and not unknown:
            try:
                return self.cls(**arguments)
            except ValidationError as error:
                # A field's rule or a cross-field rule, named relative to the object.
                refused = list(error.problems)
        refuse([*(self._field_problems(arguments, failed) or refused), *unknown])

    def _field_problems(
        self, arguments: dict[str, Any], failed: dict[str, list[tuple[str, str]]]
    ) -> list[tuple[str, str]]:
        # attrs stops at the first rule that fails, and runs none when a field could not be
        # read; each rule runs here on its own, on the value read above.
        found: list[tuple[str, str]] = []
        for field, _read in self.plan:
            if field.name in failed:
                found += failed[field.name]
            elif field.argument in arguments and field.rule is not None:
                try:
                    field.rule.check(arguments[field.argument], field.name)
                except ValidationError as error:
                    found += error.problems
        return found

    def _unknown_keys(self, document: dict[object, Any]) -> list[tuple[str, str]]:
        # Only text keys can be a field's; any other key is named, never compared or hashed.
        unknown = [key for key in document if type(key) is not str or key not in self.names]
        return [
            (step_of_key(key), _unknown_key(key, self.known)) for key in sorted(unknown, key=str)
        ]


def detailed_attrs_factory(
    conv: Converter, fmt: Format
) -> Callable[[type], Callable[[object, type], Any]]:
    """Make the detailed hook of each attrs class, built once per class and converter."""

    def factory(cls: type) -> Callable[[object, type], Any]:
        return DetailedHook(cls, conv, fmt)

    return factory


def build(fmt: Format) -> Converter:
    """Build a new converter for ``fmt``; the loaders share the one :func:`converter` gives."""
    conv = Converter()
    conv.register_structure_hook_factory(attrs.has, detailed_attrs_factory(conv, fmt))
    return conv


@functools.cache
def converter(fmt: Format) -> Converter:
    """Return the converter for ``fmt``, built on first use and shared afterwards."""
    return build(fmt)
