"""Error paths: what is wrong with a refused document, and where.

The detailed hook of an attrs class structures each object of a document once, and
finds every problem in it, not only the first (see :class:`_DetailedHook`). A hook that
refuses its value raises :class:`Mismatch` when the value itself is wrong, or a
:class:`~innovasjonspris.ValidationError` whose problems have paths relative to the value
(``"name"``, ``"[0].name"``, ``'["two words"]'``); each enclosing hook puts its own step in
front, and :func:`problems` roots them at ``$``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Final, NoReturn, cast

import attrs
from cattrs import Converter

from innovasjonspris._errors import Mismatch, ValidationError
from innovasjonspris._references import by_id, structurer

__all__ = [
    "Mismatch",
    "describe",
    "detailed_attrs_factory",
    "expect",
    "path_of_key",
    "problems",
    "refuse",
    "within",
]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONGEST_KEY = 60  # an unknown key is echoed in its path; a huge one is cut short


_KINDS: Final[tuple[tuple[type, str], ...]] = (
    (bool, "a boolean"),  # before int: a bool is an int
    (int, "a whole number"),
    (float, "a number with a fraction"),
    (str, "text"),
    (list, "an array"),
    (dict, "an object"),
    (date, "a date"),
)


def describe(value: object) -> str:
    """Say what kind of JSON or TOML value ``value`` is, for an error message."""
    if value is None:
        return "null"
    for kind, label in _KINDS:
        if isinstance(value, kind):
            return label
    return type(value).__name__


def expect(description: str, value: object) -> Mismatch:
    return Mismatch(f"expected {description}, got {describe(value)}")


def _join(path: str, step: str) -> str:
    # A step is a relative path: a name, or one that starts with an index or a quoted key.
    return path + step if step.startswith("[") else f"{path}.{step}"


def _step_of_key(key: object) -> str:
    name = str(key)
    if len(name) > _LONGEST_KEY:
        name = name[: _LONGEST_KEY - 1] + "…"
    if isinstance(key, str) and _IDENTIFIER.fullmatch(name):
        return name
    return f"[{json.dumps(name, ensure_ascii=False)}]"


def path_of_key(path: str, key: object) -> str:
    """Extend a JSONPath with an object key, bracketed when it is not a plain name."""
    return _join(path, _step_of_key(key))


def within(path: str, error: Mismatch | ValidationError) -> list[tuple[str, str]]:
    """The problems of ``error``, raised for the value at ``path``, with their paths."""
    if isinstance(error, Mismatch):
        return [(path, error.message)]
    return [(_join(path, field), message) for field, message in error.problems]


def problems(error: Mismatch | ValidationError, path: str = "$") -> Iterator[tuple[str, str]]:
    """Walk a structuring failure into ``(path, message)`` pairs, one per problem."""
    yield from within(path, error)


def refuse(found: list[tuple[str, str]]) -> NoReturn:
    """Raise every problem ``found`` in one value at once; there is at least one."""
    (field, message), *more = found
    raise ValidationError(field, message, *more)


def _unknown_key(key: object, known: list[str]) -> str:
    # A key one or two letters off a field's name is almost always a typing slip.
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75) if type(key) is str else []
    if close:
        return f"is not a known field; did you mean {close[0]!r}?"
    return "is not a known field"


def _hook_of(field: attrs.Attribute[Any], conv: Converter) -> Callable[[object, Any], Any]:
    hook = conv.get_structure_hook(field.type)
    if not by_id(field):
        return hook
    take = structurer(lambda value: hook(value, field.type))
    return lambda value, _: take(value)


class _DetailedHook:
    """The detailed structure hook of one attrs class, for one converter.

    Each present field's value goes once through the hook of the field's type. When all
    of them are taken and no key is unknown, the class is built, which runs every rule;
    when anything is wrong, or the class refuses, each field's validator runs on its own
    so that every problem is named, in the order of the fields, unknown keys last.
    """

    def __init__(self, cls: type[Any], conv: Converter) -> None:
        self.cls = cls
        fields = [field for field in attrs.fields(attrs.resolve_types(cls)) if field.init]
        self.plan = [(field, field.alias or field.name, _hook_of(field, conv)) for field in fields]
        self.known = [field.name for field in fields]
        self.names = frozenset(self.known)

    def __call__(self, value: object, _: type) -> Any:
        if type(value) is not dict:
            raise expect("an object", value)
        document = cast("dict[object, Any]", value)
        arguments: dict[str, Any] = {}
        failed: dict[str, list[tuple[str, str]]] = {}
        for field, argument, hook in self.plan:
            name = field.name
            if name in document:
                try:
                    arguments[argument] = hook(document[name], field.type)
                except (Mismatch, ValidationError) as error:
                    failed[name] = within(name, error)
            elif field.default is attrs.NOTHING:
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
        # structured; each rule runs here on its own, on the value structured above.
        found: list[tuple[str, str]] = []
        for field, argument, _hook in self.plan:
            if field.name in failed:
                found += failed[field.name]
            elif argument in arguments and field.validator is not None:
                try:
                    field.validator(None, field, arguments[argument])
                except ValidationError as error:
                    found += error.problems
        return found

    def _unknown_keys(self, document: dict[object, Any]) -> list[tuple[str, str]]:
        # Only text keys can be a field's; any other key is named, never compared or hashed.
        unknown = [key for key in document if type(key) is not str or key not in self.names]
        return [
            (_step_of_key(key), _unknown_key(key, self.known)) for key in sorted(unknown, key=str)
        ]


def detailed_attrs_factory(conv: Converter) -> Callable[[type], Callable[[object, type], Any]]:
    """Make the detailed hook of each attrs class, built once per class and converter."""

    def factory(cls: type[Any]) -> Callable[[object, type], Any]:
        return _DetailedHook(cls, conv)

    return factory
