"""JSON in and out: orjson when it is installed (the ``fast`` extra), else :mod:`json`.

Both give the same results. The standard library stays the reference: whatever orjson
cannot vouch for (a syntax error, a repeated key, a number out of its range) is parsed
again by :mod:`json`, whose errors and results the loaders are written against.
"""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Iterable
from types import ModuleType
from typing import Final, NamedTuple

__all__ = ["UNPARSED", "Parsed", "dump_lines", "dumps", "fast_loads", "find_accelerator"]

UNPARSED: Final = object()
"""Returned by :func:`fast_loads` when the standard library must parse the text."""

_UTF8_BOM = b"\xef\xbb\xbf"


def find_accelerator() -> ModuleType | None:
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


_UNLOOKED: Final = ModuleType("not looked for yet")
# Looked for on the first JSON read or written, so `import innovasjonspris` loads no
# orjson; None when it is not installed.
_orjson: ModuleType | None = _UNLOOKED


def _accelerator() -> ModuleType | None:
    global _orjson  # noqa: PLW0603 - looked up once, on first use
    if _orjson is _UNLOOKED:
        _orjson = find_accelerator()
    return _orjson


def _holds(data: str | bytes, text: str) -> bool:
    if isinstance(data, str):
        return text in data
    return text.encode() in data


def _count(data: str | bytes, character: str) -> int:
    if isinstance(data, str):
        return data.count(character)
    # bytes.count looks at one byte after another; dropping the character finds it
    # through memchr, more than twice as fast on a round, where quotes and colons are few.
    return len(data) - len(data.replace(character.encode(), b""))


class Parsed(NamedTuple):
    """JSON text as orjson parsed it, and what is needed to tell that no key was dropped."""

    value: object
    strings: int | None
    """How many strings the text holds, keys and values alike; ``None`` when the text has
    escapes, and repeated keys were looked for already."""


def fast_loads(data: object) -> Parsed | object:
    """Parse JSON text with orjson, or return :data:`UNPARSED` to leave it to :mod:`json`.

    orjson keeps the last of repeated keys, which the loaders must refuse. In a text
    without escapes every quote opens or closes a string, so the text holds half as many
    strings as quotes (:attr:`Parsed.strings`); a loader that counts the strings it reads
    finds fewer where a key was dropped, with its value. A text with escapes is checked
    here, and one that may hide a colon in an escape is left to :mod:`json`.
    """
    orjson = _accelerator()
    if orjson is None or not isinstance(data, (str, bytes)):
        return UNPARSED
    # Most texts have no backslash at all, so no escape, which is the quicker search. A
    # ":" spelled \u003a (or \u003A) in a string would hide from the colon count below.
    escaped = _holds(data, "\\")
    if escaped and _holds(data, "\\u003"):
        return UNPARSED
    data = data.removeprefix(_UTF8_BOM) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    try:
        parsed: object = orjson.loads(data)
        if not escaped:
            return Parsed(parsed, _count(data, '"') // 2)
        # Every key is followed by one ":" in the text and in orjson's own output, and
        # colons inside strings are written as is by both; so the counts differ exactly
        # when a key was dropped.
        written: bytes = orjson.dumps(parsed)
    except (ValueError, TypeError):  # orjson's decode and encode errors
        return UNPARSED
    return Parsed(parsed, None) if _count(data, ":") == _count(written, ":") else UNPARSED


def dumps(data: object) -> str:
    """Write ``data`` as JSON indented by two spaces, non-ASCII as is, ending in a newline."""
    orjson = _accelerator()
    if orjson is not None:
        option: int = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        return bytes(orjson.dumps(data, option=option)).decode()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump_lines(data: Iterable[object]) -> str:
    """Write each item of ``data`` as compact JSON on a line of its own, in order."""
    # Many documents make text of hundreds of megabytes: each document's JSON goes into
    # one buffer as it is written, and the whole is decoded once. Decoding each line and
    # joining the lines would copy every character twice more.
    orjson = _accelerator()
    if orjson is not None:
        option: int = orjson.OPT_APPEND_NEWLINE
        written = io.BytesIO()
        for item in data:
            written.write(orjson.dumps(item, option=option))
        return written.getvalue().decode()
    text = io.StringIO()
    for item in data:
        text.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
        text.write("\n")
    return text.getvalue()
