"""Error paths: what is wrong with a refused document, and where.

The detailed attrs hook structures a class's fields one by one and re-runs every field
validator on its own, so that every problem is found, not only the first. Failures surface
as cattrs exception groups; :func:`problems` walks them into ``(path, message)`` pairs.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, Final, NoReturn, cast

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from innovasjonspris._errors import ValidationError

__all__ = [
    "Mismatch",
    "describe",
    "detailed_attrs_factory",
    "expect",
    "path_of_key",
    "problems",
]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LONGEST_KEY = 60  # an unknown key is echoed in its path; a huge one is cut short


class Mismatch(Exception):  # noqa: N818 - reads as "a mismatch at <path>"
    """A value of the wrong kind for its place in the document."""

    def __init__(self, message: str) -> None:
        """Keep the message that says what was expected."""
        super().__init__(message)
        self.message = message


class _UnknownKeys(Exception):  # noqa: N818 - carries keys, is not one
    """Keys of a document object that are not text, which no field can have."""

    def __init__(self, keys: Sequence[object]) -> None:
        super().__init__(keys)
        self.extra_fields = keys


class _FieldProblems(Exception):  # noqa: N818 - carries problems, is not one
    """Every field-level problem of one object, found by re-running its validators."""

    def __init__(self, found: list[tuple[str, str]]) -> None:
        super().__init__(found)
        self.found = found


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


def _field_problems(
    conv: Converter, cls: type, value: dict[str, Any], skip: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    # attrs stops at the first failing validator, and runs none when a field fails to
    # structure; run each validator on its own so that every problem is listed.
    found: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        if field.name in value and field.name not in skip and field.validator is not None:
            structured = conv.structure(value[field.name], field.type)
            try:
                field.validator(None, field, structured)
            except ValidationError as error:
                found.extend(error.problems)
    return found


def _refuse_strange_keys(
    cls: type, document: dict[Any, Any], strange: Sequence[object], checked: Callable[[Any], Any]
) -> NoReturn:
    # cattrs' own unknown-key error expects text keys (older releases fail on others),
    # so keys that are not text are named here and kept out of its run.
    unknown = _UnknownKeys(strange)
    message = f"While structuring {cls.__name__}"
    try:
        checked({key: item for key, item in document.items() if type(key) is str})
    except (ClassValidationError, _FieldProblems) as error:
        raise ClassValidationError(message, [unknown, error], cls) from None  # pyright: ignore[reportCallIssue]
    raise ClassValidationError(message, [unknown], cls)  # pyright: ignore[reportCallIssue]


def detailed_attrs_factory(conv: Converter) -> Callable[[type], Callable[[object, type], Any]]:
    def factory(cls: type[Any]) -> Callable[[object, type], Any]:
        generated = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise expect("an object", value)
            document = cast("dict[str, Any]", value)
            strange = [key for key in document if type(key) is not str]
            if strange:
                _refuse_strange_keys(cls, document, strange, checked)
            return checked(document)

        def checked(document: dict[str, Any]) -> Any:
            try:
                return generated(document, cls)
            except ClassValidationError as group:
                with_notes, others = group.group_exceptions()
                if not with_notes and isinstance(others[0], ValidationError):
                    # The constructor ran and refused: one field, or a cross-field rule.
                    found = _field_problems(conv, cls, document)
                    if len(found) > 1:
                        raise _FieldProblems(found) from group
                    raise
                # Structuring failed, so the constructor and its validators never ran.
                failed = frozenset(note.name for _, note in with_notes)
                found = _field_problems(conv, cls, document, failed)
                if found:
                    raise group.derive([*group.exceptions, _FieldProblems(found)]) from None
                raise

        return structure

    return factory


def path_of_key(path: str, key: object) -> str:
    """Extend a JSONPath with an object key, bracketed when it is not a plain name."""
    name = str(key)
    if len(name) > _LONGEST_KEY:
        name = name[: _LONGEST_KEY - 1] + "…"
    if isinstance(key, str) and _IDENTIFIER.fullmatch(name):
        return f"{path}.{name}"
    return f"{path}[{json.dumps(name, ensure_ascii=False)}]"


def _group_problems(
    error: ClassValidationError | IterableValidationError, path: str
) -> Iterator[tuple[str, str]]:
    with_notes, others = error.group_exceptions()
    for inner, note in with_notes:
        if isinstance(note, IterableValidationNote):
            inner_path = f"{path}[{note.index}]"
        else:
            inner_path = path_of_key(path, note.name)
        yield from problems(inner, inner_path)
    for inner in others:
        yield from problems(inner, path)


def _unknown_key(key: str, known: list[str]) -> str:
    # A key one or two letters off a field's name is almost always a typing slip.
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
    if close:
        return f"is not a known field; did you mean {close[0]!r}?"
    return "is not a known field"


def problems(error: BaseException, path: str = "$") -> Iterator[tuple[str, str]]:
    """Walk a structuring failure into ``(path, message)`` pairs, one per problem."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        yield from _group_problems(error, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = [field.name for field in attrs.fields(error.cl)]
        for name in sorted(error.extra_fields):
            yield path_of_key(path, name), _unknown_key(name, known)
    elif isinstance(error, _UnknownKeys):
        for strange in sorted(error.extra_fields, key=str):
            yield path_of_key(path, strange), "is not a known field"
    elif isinstance(error, (_FieldProblems, ValidationError)):
        found = error.found if isinstance(error, _FieldProblems) else error.problems
        for field, message in found:
            yield (f"{path}.{field}" if field else path), message
    elif isinstance(error, Mismatch):
        yield path, error.message
    elif isinstance(error, KeyError):
        yield path, "is required"
    else:  # pragma: no cover - every hook raises one of the kinds above
        yield path, f"{type(error).__name__}: {error}"
