"""HTML5, with every text from the data escaped."""

from __future__ import annotations

import html

from innovasjonspris.render._document import (
    Document,
    Facts,
    Heading,
    Inline,
    Paragraph,
    one_line,
    paragraphs,
    plain,
)


def _html_inline(content: Inline) -> str:
    out: list[str] = []
    for span in content:
        text = "<br>\n".join(html.escape(line, quote=False) for line in span.text.split("\n"))
        if span.href is not None:
            text = f'<a href="{html.escape(span.href)}">{text}</a>'
        if span.lang is not None:
            text = f'<span lang="{html.escape(span.lang)}">{text}</span>'
        out.append(text)
    return "".join(out)


def write_html(document: Document) -> str:
    """Write ``document`` as a whole HTML5 page."""
    title = one_line(document.title)
    body = [f"<h1>{_html_inline(title)}</h1>"]
    for block in document.blocks:
        match block:
            case Heading(level=level, content=content):
                body.append(f"<h{level}>{_html_inline(one_line(content))}</h{level}>")
            case Paragraph(content=content):
                body.extend(f"<p>{_html_inline(p)}</p>" for p in paragraphs(content))
            case Facts(items=items):
                rows = "".join(
                    f"\n<dt>{html.escape(label, quote=False)}</dt>"
                    f"\n<dd>{_html_inline(one_line(value))}</dd>"
                    for label, value in items
                )
                body.append(f"<dl>{rows}\n</dl>")
            case _:  # a Bullets, the one kind of block left
                bullets = block.items
                rows = "".join(f"\n<li>{_html_inline(item)}</li>" for item in bullets)
                body.append(f"<ul>{rows}\n</ul>")
    lang = html.escape(document.language)
    head = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(plain(title), quote=False)}</title>\n</head>\n<body>\n<main>\n"
    )
    return head + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
