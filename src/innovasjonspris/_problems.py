"""Error paths: what is wrong with a refused document, and where.

The detailed hooks of :mod:`innovasjonspris._converters` structure each object of a
document once, and find every problem in it, not only the first. A hook that
refuses its value raises :class:`Mismatch` when the value itself is wrong, or a
:class:`~innovasjonspris.ValidationError` whose problems have paths relative to the value
(``"name"``, ``"[0].name"``, ``'["two words"]'``); each enclosing hook puts its own step in
front, and :func:`problems` roots them at ``$``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Final, NoReturn

from innovasjonspris._errors import Mismatch, ValidationError

__all__ = [
    "Mismatch",
    "describe",
    "expect",
    "path_of_key",
    "problems",
    "refuse",
    "step_of_key",
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


def step_of_key(key: object) -> str:
    """The step of a JSONPath that names an object key, bracketed when not a plain name."""
    name = str(key)
    if len(name) > _LONGEST_KEY:
        name = name[: _LONGEST_KEY - 1] + "…"
    if isinstance(key, str) and _IDENTIFIER.fullmatch(name):
        return name
    return f"[{json.dumps(name, ensure_ascii=False)}]"


def path_of_key(path: str, key: object) -> str:
    """Extend a JSONPath with an object key, bracketed when it is not a plain name."""
    return _join(path, step_of_key(key))


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
