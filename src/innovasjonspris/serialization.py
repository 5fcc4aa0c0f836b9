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

import json
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, Literal, cast

import tomli_w
from typing_extensions import TypeVar

from innovasjonspris import _converters, _documents, _fast, _json, _model, _problems, _references
from innovasjonspris._documents import kind_named, open_envelope, with_envelope
from innovasjonspris._errors import InvalidDataError, ValidationError
from innovasjonspris._limits import check_size, check_texts
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris._schema import json_schema
from innovasjonspris._serialisable import check_serialisable

__all__ = [
    "KINDS",
    "MAX_DOCUMENT_SIZE",
    "MAX_TEXT_LENGTH",
    "SCHEMA_VERSION",
    "Document",
    "from_dict",
    "from_json",
    "from_json_lines",
    "from_toml",
    "json_schema",
    "read_document",
    "to_dict",
    "to_json",
    "to_json_lines",
    "to_toml",
]

# A loader given no class builds a round: the default both of ``cls`` and of what it builds.
T = TypeVar("T", default=AwardRound)

SCHEMA_VERSION: Final = _documents.SCHEMA_VERSION
"""The version of the data format this release reads and writes."""

KINDS: Final = _documents.KINDS
"""The ``kind`` each type of document carries beside its ``schema_version``.

``{AwardRound: "round", Prize: "prize", YearNotAwarded: "year-not-awarded"}``. A document
of this version without a kind is a round.
"""

Document = _documents.Document
"""Whatever stands alone in a file: an AwardRound, a Prize or a YearNotAwarded."""

MAX_DOCUMENT_SIZE: Final = 16 * 1024 * 1024
"""The largest document the loaders read by default: 16 MiB (16 777 216 bytes).

A document given as ``str`` is measured in characters. Every bundled round is under
100 kB. Pass ``max_size=`` to a loader to read a larger one.
"""

MAX_TEXT_LENGTH: Final = 100_000
"""The longest text (a name, a citation in one language) the loaders read by default.

100 000 characters, some forty pages, where a bundled citation runs to a few hundred.
Pass ``max_text_length=`` to a loader to read longer texts.
"""

_DOCUMENTS: Final[frozenset[type]] = frozenset(_model.DOCUMENTS)

_BOM = "\ufeff"


def _unstructure(obj: object, fmt: _converters.Format) -> dict[str, Any]:
    check_serialisable(type(obj), "the object")
    body = _fast.unstructure(obj, fmt)
    if type(obj) in _DOCUMENTS:
        return with_envelope(type(obj), body)
    return body


def _opened(document: dict[str, Any], cls: type) -> dict[str, Any]:
    """The body of ``document``: without its version and kind, if ``cls`` stands alone."""
    return open_envelope(document, cls) if cls in _DOCUMENTS else document


def _structure(data: object, cls: type[T], fmt: _converters.Format) -> T:
    check_serialisable(cls, "cls")
    if type(data) is not dict:
        raise InvalidDataError([("$", f"expected an object, got {_problems.describe(data)}")])
    body = _opened(cast("dict[str, Any]", data), cls)
    try:
        result = _fast.structure(body, cls, fmt)
    except (_problems.Mismatch, ValidationError) as error:
        raise InvalidDataError(_problems.problems(error)) from None
    return result


def from_dict(
    data: object,
    cls: type[T] = AwardRound,  # type: ignore[assignment] # T's default, which mypy misses
    *,
    max_text_length: int = MAX_TEXT_LENGTH,
) -> T:
    """Build a ``cls`` from plain data as JSON holds it (dates and amounts as text).

    A text longer than ``max_text_length`` characters is refused at its path.
    """
    check_serialisable(cls, "cls")
    check_texts(data, max_text_length)
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
    raise _problems.Mismatch(msg)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:  # pragma: no branch - a repeat exists
            if key in seen:
                msg = f"the key {key!r:.60} appears twice in one object"
                raise _problems.Mismatch(msg)
            seen.add(key)
    return result


def _parse(parse: Callable[[str], object], text: str, what: str) -> object:
    try:
        return parse(text)
    except _problems.Mismatch as error:
        raise InvalidDataError([("$", error.message)]) from None
    except RecursionError:
        raise InvalidDataError([("$", f"{what} is nested too deeply")]) from None
    except ValueError as error:  # JSONDecodeError, TOMLDecodeError, int digit limits
        raise InvalidDataError([("$", f"not valid {what}: {error}")]) from None


def _load_json(text: str) -> object:
    return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)


def from_json(
    data: str | bytes,
    cls: type[T] = AwardRound,  # type: ignore[assignment] # T's default, which mypy misses
    *,
    max_size: int = MAX_DOCUMENT_SIZE,
    max_text_length: int = MAX_TEXT_LENGTH,
) -> T:
    """Build a ``cls`` from a JSON document.

    A document over ``max_size`` bytes (characters, for a ``str``) is refused before it is
    parsed, and a text longer than ``max_text_length`` characters at its path; see
    :data:`MAX_DOCUMENT_SIZE` and :data:`MAX_TEXT_LENGTH` for the defaults.
    """
    check_serialisable(cls, "cls")
    return cast("T", _from_json_text(data, cls, max_size, max_text_length))


def _from_json_text(
    data: str | bytes, cls: type[Any] | None, max_size: int, max_text_length: int
) -> object:
    """Build a ``cls`` from JSON text; with ``None``, the document its ``kind`` names."""
    check_size(data, max_size)
    fast = _json.fast_loads(data)
    if isinstance(fast, _json.Parsed):
        built = _built_quickly(fast, cls, len(data), max_text_length)
        if built is not None:
            return built
    # The standard library's parser refuses repeated keys, before any other problem is
    # looked for; the detailed converter then says what else is wrong, and where.
    parsed = _parse(_load_json, _decode(data, "JSON"), "JSON")
    check_texts(parsed, max_text_length, len(data))
    return _structure(parsed, kind_named(parsed) if cls is None else cls, "json")


def _built_quickly(
    fast: _json.Parsed, cls: type[Any] | None, size: int, max_text_length: int
) -> object | None:
    """The object built on the fast path alone; ``None`` for whatever it cannot vouch for."""
    value: object = fast.value
    if type(value) is not dict:
        return None
    document = cast("dict[str, Any]", value)
    try:
        check_texts(document, max_text_length, size)
        kind = kind_named(document) if cls is None else cls
        body = _opened(document, kind)
    except InvalidDataError:
        return None
    # The envelope's keys, and the name of its kind, are strings the body does not hold.
    named = body is not document and "kind" in document
    tally = [len(document) - len(body) + named]
    built = _fast.quick(body, kind, "json", tally)
    if fast.strings is not None and tally[0] != fast.strings:
        return None  # a key was repeated, and the parser kept only one of them
    return built


def to_json(obj: object) -> str:
    """Return ``obj`` as a JSON document, indented, non-ASCII kept as is."""
    return _json.dumps(_unstructure(obj, "json"))


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


def from_json_lines(
    data: str | bytes,
    cls: type[T] = AwardRound,  # type: ignore[assignment] # T's default, which mypy misses
    *,
    max_size: int = MAX_DOCUMENT_SIZE,
    max_text_length: int = MAX_TEXT_LENGTH,
) -> list[T]:
    """Build a list of ``cls`` from JSON Lines: one JSON document on each line.

    Every document is checked as :func:`from_json` checks one, the limits applying to
    each line; the error lists the problems of all of them, each path starting with the
    document's index: ``$[2].year`` is on the third line. A final newline is optional; an
    empty line elsewhere is an error.

    >>> from innovasjonspris import rounds
    >>> from_json_lines(to_json_lines(rounds())) == list(rounds())
    True
    """
    check_serialisable(cls, "cls")
    lines = _json_lines(data)
    loaded: list[Any] = []
    errors: list[tuple[str, str]] = []
    for index, line in enumerate(lines):
        try:
            loaded.append(from_json(line, cls, max_size=max_size, max_text_length=max_text_length))
        except InvalidDataError as error:
            errors.extend((f"$[{index}]{path[1:]}", message) for path, message in error.problems)
    if errors:
        raise InvalidDataError(errors)
    return loaded


def to_json_lines(objs: Iterable[object]) -> str:
    """Return ``objs`` as JSON Lines: each one compact, on a line of its own, in order."""
    return _json.dump_lines(_unstructure(obj, "json") for obj in objs)


def from_toml(
    data: str | bytes,
    cls: type[T] = AwardRound,  # type: ignore[assignment] # T's default, which mypy misses
    *,
    max_size: int = MAX_DOCUMENT_SIZE,
    max_text_length: int = MAX_TEXT_LENGTH,
) -> T:
    """Build a ``cls`` from a TOML document, within the limits :func:`from_json` has."""
    check_serialisable(cls, "cls")
    return _structure(_parsed_toml(data, max_size, max_text_length), cls, "toml")


def _parsed_toml(data: str | bytes, max_size: int, max_text_length: int) -> object:
    check_size(data, max_size)
    parsed = _parse(tomllib.loads, _decode(data, "TOML"), "TOML")
    check_texts(parsed, max_text_length, len(data))
    return parsed


def to_toml(obj: object) -> str:
    """Return ``obj`` as a TOML document."""
    return tomli_w.dumps(_unstructure(obj, "toml"), multiline_strings=True)


def read_document(
    data: str | bytes,
    *,
    format: Literal["json", "toml"],  # noqa: A002 - the word the command line uses too
    max_size: int = MAX_DOCUMENT_SIZE,
    max_text_length: int = MAX_TEXT_LENGTH,
) -> Document:
    """Build whatever document ``data`` holds, going by its ``kind``: a round without one.

    ``format`` is ``"json"`` or ``"toml"``; the limits are :func:`from_json`'s.

    >>> from innovasjonspris import prize
    >>> read_document(to_toml(prize()), format="toml") == prize()
    True
    >>> read_document('{"schema_version": 1, "kind": "poem"}', format="json")
    Traceback (most recent call last):
    ...
    innovasjonspris._errors.InvalidDataError: invalid data (1 problem):
      $.kind: expected one of 'round', 'prize', 'year-not-awarded', got 'poem'
    """
    if format == "json":
        return cast("Document", _from_json_text(data, None, max_size, max_text_length))
    if format != "toml":
        raise ValidationError("format", f"must be 'json' or 'toml', not {format!r:.60}")
    parsed = _parsed_toml(data, max_size, max_text_length)
    kind: type[Document] = kind_named(parsed)
    return _structure(parsed, kind, format)


def _bundled_prizes() -> Mapping[str, Prize]:
    # The prizes that ship with the library, which a round may name by id. They are read
    # here, where the loader is, so that a round names one before anything else is
    # imported; the data package gives them out from here too.
    text = resources.files("innovasjonspris").joinpath("data", "prize.toml").read_text("utf-8")
    bundled = from_toml(text, Prize)
    return MappingProxyType({bundled.id: bundled})


_references.bundle_from(_bundled_prizes)
