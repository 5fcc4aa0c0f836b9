"""The small document a round is laid out as, before a writer gives it a syntax.

A document is a title and a sequence of blocks (headings, paragraphs, label–value facts
and lists), grouped into named sections; their text is a tuple of spans, each of which may
carry its own language, a link or the date it names. Each part has a name (``facts``,
``jury``) that HTML turns into its class and id; the plain-text and Markdown writers read
through the sections. The layout builds the document; only the writers know any markup.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date
from typing import Final

import attrs

SECTION: Final = 2
"""The heading level of a section; level 3 heads a citation."""


@attrs.frozen
class Span:
    """A run of text; ``lang`` is set where it is not in the document's language."""

    text: str
    lang: str | None = None
    href: str | None = None
    when: date | None = None
    """The date the text names, for HTML's ``<time datetime>``."""


Inline = tuple[Span, ...]


@attrs.frozen
class Heading:
    """A heading at ``level`` (the title is level 1, a section :data:`SECTION`)."""

    level: int
    content: Inline


@attrs.frozen
class Paragraph:
    """Running text; blank lines inside its spans separate paragraphs."""

    content: Inline
    part: str = ""


@attrs.frozen
class Facts:
    """Labels, each with its value."""

    items: tuple[tuple[str, Inline], ...]
    part: str = ""


@attrs.frozen
class Bullets:
    """An unordered list; ``item_part`` names each of its items."""

    items: tuple[Inline, ...]
    part: str = ""
    item_part: str = ""


@attrs.frozen
class Section:
    """A named part of the round, headed by its first block.

    ``key`` tells parts of one kind apart (a citation's kommunenummer) and ``kind`` says
    which sort of that part it is (a citation's standing).
    """

    part: str
    blocks: tuple[Block, ...]
    key: str = ""
    kind: str = ""


Block = Heading | Paragraph | Facts | Bullets | Section


def flat(blocks: tuple[Block, ...]) -> Iterator[Heading | Paragraph | Facts | Bullets]:
    """The blocks in reading order, sections opened."""
    for block in blocks:
        if isinstance(block, Section):
            yield from flat(block.blocks)
        else:
            yield block


@attrs.frozen
class Document:
    """A laid-out round: its language, its title and its blocks."""

    language: str
    title: Inline
    blocks: tuple[Block, ...]


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


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def one_line(content: Inline) -> Inline:
    """Headings, titles and facts are one line; a line break in the data becomes a space."""
    return tuple(attrs.evolve(span, text=" ".join(span.text.split("\n"))) for span in content)


def paragraphs(content: Inline) -> list[Inline]:
    """Split a paragraph at the blank lines inside its spans."""
    found: list[list[Span]] = [[]]
    for span in content:
        first, *rest = _BLANK_LINE.split(span.text)
        found[-1].append(attrs.evolve(span, text=first))
        found.extend([attrs.evolve(span, text=piece)] for piece in rest)
    return [tuple(s for s in paragraph if s.text) for paragraph in found]


def indent(marker: str, text: str) -> str:
    """Start ``text`` with a list ``marker`` and indent its later lines to match."""
    padding = " " * len(marker)
    lines = text.split("\n")
    return "\n".join([marker + lines[0], *(padding + line if line else "" for line in lines[1:])])
