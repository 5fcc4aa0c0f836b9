"""The checks of the loaders' size limits: of a whole document, and of any one text in it.

The limits themselves, and their defaults, are the loaders' keywords (see
:mod:`innovasjonspris.serialization`).

Both are checked before a document becomes objects: the document's size first, in
constant time, so that a huge input is refused before it is parsed; then, only for a
document longer than the text limit (no text in a shorter one can pass it), every text
in the parsed data.
"""

from __future__ import annotations

from typing import cast

from innovasjonspris._errors import InvalidDataError
from innovasjonspris._problems import path_of_key

__all__ = ["check_size", "check_texts"]


def check_size(data: object, limit: int) -> None:
    """Refuse ``data``, a ``str`` or ``bytes`` document, when it is longer than ``limit``."""
    _check_limit(limit, "max_size")
    if isinstance(data, (str, bytes)) and len(data) > limit:
        unit = "bytes" if isinstance(data, bytes) else "characters"
        msg = (
            f"the document is {len(data)} {unit}, over the limit of {limit}; "
            "pass a larger max_size to read it"
        )
        raise InvalidDataError([("$", msg)])


def check_texts(parsed: object, limit: int, size: int | None = None) -> None:
    """Refuse ``parsed`` data holding a text longer than ``limit``, at the text's path.

    ``size`` is the length of the document ``parsed`` was read from, when known: no text
    in a document that short can be over the limit, and nothing is walked. Without it,
    ``parsed`` came from the caller and may hold itself, so each container is walked once.
    """
    _check_limit(limit, "max_text_length")
    if size is not None and size <= limit:
        return
    if not _has_long_text(parsed, limit, parsed_from_text=size is not None):
        return
    problems: list[tuple[str, str]] = []
    # An explicit stack: parsed data may be nested as deeply as its parser allows.
    stack: list[tuple[str, object]] = [("$", parsed)]
    walked: set[int] = set()
    while stack:
        path, value = stack.pop()
        if type(value) in (dict, list):
            if id(value) in walked:
                continue
            walked.add(id(value))
        if type(value) is str:
            if len(value) > limit:
                msg = (
                    f"is {len(value)} characters long, over the limit of {limit}; "
                    "pass a larger max_text_length to read it"
                )
                problems.append((path, msg))
        elif type(value) is dict:
            items = list(cast("dict[object, object]", value).items())
            stack.extend((path_of_key(path, key), item) for key, item in reversed(items))
        elif type(value) is list:
            values = cast("list[object]", value)
            stack.extend(
                (f"{path}[{index}]", values[index]) for index in reversed(range(len(values)))
            )
    raise InvalidDataError(problems)


def _has_long_text(parsed: object, limit: int, *, parsed_from_text: bool) -> bool:
    # The quick pass, with no paths: almost every document has no such text. What a
    # parser made holds no cycle, and is walked without keeping track.
    stack: list[object] = [parsed]
    walked: set[int] = set()
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str:
            if len(cast("str", value)) > limit:
                return True
        elif kind is dict or kind is list:
            if not parsed_from_text:
                if id(value) in walked:
                    continue
                walked.add(id(value))
            if kind is dict:
                stack.extend(cast("dict[object, object]", value).values())
            else:
                stack.extend(cast("list[object]", value))
    return False


def _check_limit(limit: object, name: str) -> None:
    if type(limit) is not int or limit < 0:
        msg = f"{name} must be a whole number of at least 0, not {limit!r:.40}"
        raise TypeError(msg)
