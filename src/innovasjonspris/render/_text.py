"""Plain text: the title underlined with ``=``, sections with ``-``, lists with ``-``."""

from __future__ import annotations

from innovasjonspris._spans import plain
from innovasjonspris.render._document import (
    SECTION,
    Document,
    Facts,
    Heading,
    Paragraph,
    flat,
    indent,
    one_line,
)


def write_text(document: Document) -> str:
    """Write ``document`` as plain text."""
    title = plain(one_line(document.title))
    parts = [f"{title}\n{'=' * len(title)}"]
    for block in flat(document.blocks):
        match block:
            case Heading(level=level, content=content):
                text = plain(one_line(content))
                underlined = level == SECTION
                parts.append(f"{text}\n{'-' * len(text)}" if underlined else text)
            case Paragraph(content=content):
                parts.append(plain(content))
            case Facts(items=items):
                parts.append(
                    "\n".join(f"{label}: {plain(one_line(value))}" for label, value in items)
                )
            case _:  # a Bullets, the one kind of block left
                bullets = block.items
                parts.append("\n".join(indent("- ", plain(item)) for item in bullets))
    return "\n\n".join(parts) + "\n"
