"""Plain text: the title underlined with ``=``, sections with ``-``, lists with ``-``."""

from __future__ import annotations

from innovasjonspris._spans import plain
from innovasjonspris.render import _document as doc


def write_text(document: doc.Document) -> str:
    """Write ``document`` as plain text."""
    title = plain(doc.one_line(document.title))
    parts = [f"{title}\n{'=' * len(title)}"]
    for block in doc.flat(document.blocks):
        match block:
            case doc.Heading(level=level, content=content):
                text = plain(doc.one_line(content))
                underlined = level == doc.SECTION
                parts.append(f"{text}\n{'-' * len(text)}" if underlined else text)
            case doc.Paragraph(content=content):
                parts.append(plain(content))
            case doc.Facts(items=items):
                parts.append(
                    "\n".join(f"{label}: {plain(doc.one_line(value))}" for label, value in items)
                )
            case _:  # a Bullets, the one kind of block left
                bullets = block.items
                parts.append("\n".join(doc.indent("- ", plain(item)) for item in bullets))
    return "\n\n".join(parts) + "\n"
