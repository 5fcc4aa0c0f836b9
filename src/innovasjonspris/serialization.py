"""Lossless conversion of domain objects to and from dicts, JSON and TOML.

Every loader is strict and total: whatever data it is given, it returns a valid object or
raises :class:`~innovasjonspris.InvalidDataError` listing each problem with its path. A
``cls``, or an object to write, that is not one of the model's types is a mistake in the
calling code, and raises :class:`TypeError`.

>>> from innovasjonspris import load_round
>>> round_2019 = load_round(2019)
>>> from_json(to_json(round_2019)) == round_2019
True
>>> from_json('{"schema_version": 1, "year": "2019"}')
Traceback (most recent call last):
...
innovasjonspris._errors.InvalidDataError: invalid data (4 problems):
  $.id: is required
  $.year: expected a whole number, got text
  $.amount: is required
  $.citations: is required
"""

from __future__ import annotations

import contextlib
import gc
import json
import tomllib
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import Any, Final, TypeVar, cast, overload

import tomli_w
from cattrs.errors import BaseValidationError

from innovasjonspris import _converters, _json, _model
from innovasjonspris._errors import InvalidDataError, ValidationError
from innovasjonspris._model import AwardRound
from innovasjonspris._schema import json_schema
from innovasjonspris._serialisable import check_serialisable
from innovasjonspris._validators import brief

__all__ = [
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "from_json_lines",
    "from_toml",
    "json_schema",
    "to_dict",
    "to_json",
    "to_json_lines",
    "to_toml",
]

T = TypeVar("T")

SCHEMA_VERSION: Final = 1
"""The version of the data format this release reads and writes."""

_DOCUMENTS: Final[frozenset[type]] = frozenset(_model.DOCUMENTS)

_BOM = "\ufeff"


def _unstructure(obj: object, fmt: _converters.Format) -> dict[str, Any]:
    check_serialisable(type(obj), "the object")
    body = _converters.unstructure(obj, fmt)
    if type(obj) in _DOCUMENTS:
        return {"schema_version": SCHEMA_VERSION, **body}
    return body


def _structure(data: object, cls: type[T], fmt: _converters.Format) -> T:
    check_serialisable(cls, "cls")
    if type(data) is not dict:
        raise InvalidDataError([("$", f"expected an object, got {_converters.describe(data)}")])
    body = cast("dict[str, Any]", data)
    if cls in _DOCUMENTS:
        body = dict(body)
        version = body.pop("schema_version", None)
        if version is None:
            raise InvalidDataError([("$.schema_version", "is required")])
        if type(version) is not int or version != SCHEMA_VERSION:
            # Only numbers and text are quoted: repr() of a deeply nested value would recurse.
            quotable = type(version) in (int, str)
            given = brief(version) if quotable else _converters.describe(version)
            msg = f"this release reads version {SCHEMA_VERSION}, not {given}"
            raise InvalidDataError([("$.schema_version", msg)])
    try:
        result = _converters.structure(body, cls, fmt)
    except (BaseValidationError, _converters.Mismatch, ValidationError) as error:
        raise InvalidDataError(_converters.problems(error)) from None
    return result


@overload
def from_dict(data: object) -> AwardRound: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
def from_dict(data: object, cls: type[Any] = AwardRound) -> Any:
    """Build a ``cls`` from plain data as JSON holds it (dates and amounts as text)."""
    return _structure(data, cls, "json")


def to_dict(obj: object) -> dict[str, Any]:
    """Return ``obj`` as plain data that :mod:`json` can write; the inverse of from_dict."""
    return _unstructure(obj, "json")


def _decode(data: object, what: str) -> str:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            msg = f"{what} must be UTF-8; byte {error.start} is not"
            raise InvalidDataError([("$", msg)]) from None
    if not isinstance(data, str):
        msg = f"expected {what} as str or bytes, got {type(data).__name__}"
        raise InvalidDataError([("$", msg)])
    # A byte order mark carries no meaning in UTF-8; editors on some systems add one.
    return data.removeprefix(_BOM)


def _reject_constant(name: str) -> object:
    msg = f"{name} is not a number JSON allows"
    raise _converters.Mismatch(msg)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:  # pragma: no branch - a repeat exists
            if key in seen:
                msg = f"the key {key!r:.60} appears twice in one object"
                raise _converters.Mismatch(msg)
            seen.add(key)
    return result


def _parse(parse: Callable[[str], object], text: str, what: str) -> object:
    try:
        return parse(text)
    except _converters.Mismatch as error:
        raise InvalidDataError([("$", error.message)]) from None
    except RecursionError:
        raise InvalidDataError([("$", f"{what} is nested too deeply")]) from None
    except ValueError as error:  # JSONDecodeError, TOMLDecodeError, int digit limits
        raise InvalidDataError([("$", f"not valid {what}: {error}")]) from None


def _load_json(text: str) -> object:
    return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)


@overload
def from_json(data: str | bytes) -> AwardRound: ...
@overload
def from_json(data: str | bytes, cls: type[T]) -> T: ...
def from_json(data: str | bytes, cls: type[Any] = AwardRound) -> Any:
    """Build a ``cls`` from a JSON document."""
    check_serialisable(cls, "cls")
    parsed = _json.fast_loads(data)
    if parsed is _json.UNPARSED:
        parsed = _parse(_load_json, _decode(data, "JSON"), "JSON")
    return _structure(parsed, cls, "json")


def to_json(obj: object) -> str:
    """Return ``obj`` as a JSON document, indented, non-ASCII kept as is."""
    return _json.dumps(_unstructure(obj, "json"), indent=True) + "\n"


@contextlib.contextmanager
def _collector_paused() -> Generator[None]:
    # Bulk work makes containers by the hundred thousand, none of them in a cycle, and
    # each batch would start the cyclic garbage collector over every object alive.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _json_lines(data: object) -> Sequence[str | bytes]:
    lines: Sequence[str | bytes]
    if isinstance(data, bytes):
        lines = data.split(b"\n")
    elif isinstance(data, str):
        lines = data.split("\n")
    else:
        msg = f"expected JSON Lines as str or bytes, got {type(data).__name__}"
        raise InvalidDataError([("$", msg)])
    # The newline that ends the last line starts no document.
    return lines if lines[-1] else lines[:-1]


@overload
def from_json_lines(data: str | bytes) -> list[AwardRound]: ...
@overload
def from_json_lines(data: str | bytes, cls: type[T]) -> list[T]: ...
def from_json_lines(data: str | bytes, cls: type[Any] = AwardRound) -> list[Any]:
    """Build a list of ``cls`` from JSON Lines: one JSON document on each line.

    Every document is checked as :func:`from_json` checks one; the error lists the problems
    of all of them, each path starting with the document's index: ``$[2].year`` is on the
    third line. A final newline is optional; an empty line elsewhere is an error.

    >>> from innovasjonspris import rounds
    >>> from_json_lines(to_json_lines(rounds())) == list(rounds())
    True
    """
    check_serialisable(cls, "cls")
    lines = _json_lines(data)
    loaded: list[Any] = []
    errors: list[tuple[str, str]] = []
    with _collector_paused():
        for index, line in enumerate(lines):
            try:
                loaded.append(from_json(line, cls))
            except InvalidDataError as error:
                errors.extend(
                    (f"$[{index}]{path[1:]}", message) for path, message in error.problems
                )
    if errors:
        raise InvalidDataError(errors)
    return loaded


def to_json_lines(objs: Iterable[object]) -> str:
    """Return ``objs`` as JSON Lines: each one compact, on a line of its own, in order."""
    with _collector_paused():
        return "".join(_json.dumps(_unstructure(obj, "json"), indent=False) + "\n" for obj in objs)


@overload
def from_toml(data: str | bytes) -> AwardRound: ...
@overload
def from_toml(data: str | bytes, cls: type[T]) -> T: ...
def from_toml(data: str | bytes, cls: type[Any] = AwardRound) -> Any:
    """Build a ``cls`` from a TOML document."""
    check_serialisable(cls, "cls")
    return _structure(_parse(tomllib.loads, _decode(data, "TOML"), "TOML"), cls, "toml")


def to_toml(obj: object) -> str:
    """Return ``obj`` as a TOML document."""
    return tomli_w.dumps(_unstructure(obj, "toml"), multiline_strings=True)
