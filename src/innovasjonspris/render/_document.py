"""The small document a round is laid out as, before a writer gives it a syntax.

A document is a title and a sequence of blocks (headings, paragraphs, label–value facts
and lists), grouped into named sections; their text is a tuple of spans, each of which may
carry its own language, a link or the date it names. Each part has a name (``facts``,
``jury``) that HTML turns into its class and id; the plain-text and Markdown writers read
through the sections. The layout builds the document; only the writers know any markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from innovasjonspris._spans import Inline, Span

SECTION: Final = 2
"""The heading level of a section; level 3 heads a citation."""


@attrs.frozen
class Heading:
    """A heading at ``level`` (the title is level 1, a section :data:`SECTION`)."""

    level: int
    content: Inline


def section_heading(words: str) -> Heading:
    """The heading of a section: plain words at level :data:`SECTION`."""
    return Heading(SECTION, (Span(words),))


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
