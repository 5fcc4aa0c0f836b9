"""CommonMark, with every character the data could give a Markdown meaning escaped."""

from __future__ import annotations

import re
from urllib.parse import quote

from innovasjonspris._spans import Inline, Span
from innovasjonspris.render import _document as doc

# Every ASCII punctuation mark CommonMark gives a meaning inside a line, and the marks that
# only mean something at the start of a line (lists, headings, quotes).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^([-+=]|[0-9]+(?=[.)]))", re.MULTILINE)
# Safe in a URL and in a Markdown autolink; anything else is percent-encoded.
_URL_SAFE = ";/?:@&=+$,-_.!~*'()#%[]"


def _md_inline(content: Inline, *, starts_line: bool = True) -> str:
    escaped = (
        _MD_INLINE.sub(r"\\\1", span.text)
        if span.href is None
        else f"<{quote(span.href, safe=_URL_SAFE)}>"
        for span in content
    )
    joined = "".join(escaped)
    # Line starts are checked on the joined text: a line may start in any span.
    return _md_line_starts(joined) if starts_line else joined


def _md_line_starts(text: str) -> str:
    lines = "\n".join(line.lstrip(" \t") for line in text.split("\n"))

    def mark(match: re.Match[str]) -> str:
        found = match.group(1)
        return f"{found}\\" if found[0].isdigit() else f"\\{found}"

    return _MD_LINE_START.sub(mark, lines)


def write_markdown(document: doc.Document) -> str:
    """Write ``document`` as CommonMark."""
    parts = [f"# {_md_inline(doc.one_line(document.title), starts_line=False)}"]
    for block in doc.flat(document.blocks):
        match block:
            case doc.Heading(level=level, content=content):
                heading = _md_inline(doc.one_line(content), starts_line=False)
                parts.append(f"{'#' * level} {heading}")
            case doc.Paragraph(content=content):
                parts.append(_md_inline(content))
            case doc.Facts(items=items):
                # One paragraph, a hard line break (a final backslash) after each fact: a
                # list here would merge with a list that follows it.
                parts.append(
                    "\\\n".join(
                        f"**{_md_inline((Span(label),), starts_line=False)}:** "
                        f"{_md_inline(doc.one_line(value), starts_line=False)}"
                        for label, value in items
                    )
                )
            case _:  # a Bullets, the one kind of block left
                bullets = block.items
                parts.append("\n".join(doc.indent("- ", _md_inline(item)) for item in bullets))
    return "\n\n".join(parts) + "\n"
