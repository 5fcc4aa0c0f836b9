"""Running text as spans: a run of text with its language, its link or the date it names.

The phrases of a round and its layout are made of spans, and so are the texts of its
JSON-LD; only the writers of :mod:`innovasjonspris.render` give them a syntax.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Final

import attrs

__all__ = ["Inline", "Span", "fill", "joined", "plain"]


@attrs.frozen
class Span:
    """A run of text; ``lang`` is set where it is not in the document's language."""

    text: str
    lang: str | None = None
    href: str | None = None
    when: date | None = None
    """The date the text names, for HTML's ``<time datetime>``."""


Inline = tuple[Span, ...]


_FORMATTER: Final = string.Formatter()


def fill(template: str, **values: Inline | str) -> Inline:
    """Fill a translated template's ``{placeholders}``, keeping each value's spans apart."""
    spans: list[Span] = []
    for literal, name, _spec, _conversion in _FORMATTER.parse(template):
        if literal:
            spans.append(Span(literal))
        if name is not None:
            value = values[name]
            spans.extend((Span(value),) if isinstance(value, str) else value)
    return tuple(spans)


def joined(separator: str, parts: list[Inline]) -> Inline:
    """Join ``parts`` with a literal ``separator``, keeping each part's spans apart."""
    return fill(
        separator.join(f"{{p{index}}}" for index in range(len(parts))),
        **{f"p{index}": part for index, part in enumerate(parts)},
    )


def plain(content: Inline) -> str:
    """The text of ``content`` without any languages or links."""
    return "".join(span.text for span in content)
