"""HTML5, with every text from the data escaped: a whole page, or an ``<article>`` to embed.

Every part of the round carries a class, ``innovasjonspris-`` and the part's name, and the
parts a reader may want to link to carry an id as well, ``id_prefix`` and the part's name;
every heading links to its part. :data:`CLASS_PREFIX` and the docs' how-to list them.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Final

import attrs

from innovasjonspris._spans import Inline, plain
from innovasjonspris.render import _document as doc

CLASS_PREFIX: Final = "innovasjonspris-"
"""What every class the HTML writes starts with, so that it meets no class of the site's."""

_IDENTIFIED: Final = frozenset(
    {"facts", "citations", "citation", "jury", "criteria", "notes", "sources"}
)
"""The parts that carry an id (the round itself does too)."""

_DEEPEST: Final = 6


@attrs.frozen(kw_only=True)
class Page:
    """How to write a document as HTML: the caller's choices, checked already."""

    lang: str
    """The page's language tag, with its region where the locale has one (``en-GB``)."""
    fragment: bool = False
    heading_level: int = 1
    id_prefix: str = ""
    alternates: Mapping[str, str] = attrs.field(factory=dict[str, str])
    jsonld: str = ""
    """A whole page's JSON-LD, as text already safe inside a script element."""


def _inline(content: Inline) -> str:
    out: list[str] = []
    for span in content:
        text = "<br>\n".join(html.escape(line, quote=False) for line in span.text.split("\n"))
        if span.when is not None:
            text = f'<time datetime="{span.when.isoformat()}">{text}</time>'
        if span.href is not None:
            text = f'<a href="{html.escape(span.href)}">{text}</a>'
        if span.lang is not None:
            text = f'<span lang="{html.escape(span.lang)}">{text}</span>'
        out.append(text)
    return "".join(out)


def _class(part: str, *more: str) -> str:
    return " ".join(CLASS_PREFIX + name for name in (part, *more) if name)


class _Writer:
    """Writes one document's blocks, knowing the ids and heading levels asked for."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def id_of(self, part: str, key: str = "") -> str:
        return html.escape(self.page.id_prefix + part + (f"-{key}" if key else ""))

    def heading(self, level: int, content: Inline, target: str | None) -> str:
        """A heading; one that heads a part with an id links to it."""
        shown = min(_DEEPEST, self.page.heading_level - 1 + level)
        text = _inline(doc.one_line(content))
        if target is not None:
            text = f'<a class="{_class("anchor")}" href="#{target}">{text}</a>'
        return f"<h{shown}>{text}</h{shown}>"

    def attributes(self, part: str, *, kind: str = "", key: str = "") -> str:
        if not part:
            return ""
        written = f' class="{_class(part, f"{part}--{kind}" if kind else "")}"'
        if part in _IDENTIFIED:
            written += f' id="{self.id_of(part, key)}"'
        return written

    def blocks(self, blocks: tuple[doc.Block, ...], target: str | None) -> list[str]:
        out: list[str] = []
        for block in blocks:
            match block:
                case doc.Heading(level=level, content=content):
                    out.append(self.heading(level, content, target))
                case doc.Paragraph(content=content, part=part):
                    where = self.attributes(part)
                    out.extend(f"<p{where}>{_inline(p)}</p>" for p in doc.paragraphs(content))
                case doc.Facts(items=items, part=part):
                    rows = "".join(
                        f"\n<dt>{html.escape(label, quote=False)}</dt>"
                        f"\n<dd>{_inline(doc.one_line(value))}</dd>"
                        for label, value in items
                    )
                    out.append(f"<dl{self.attributes(part)}>{rows}\n</dl>")
                case doc.Bullets(items=items, part=part, item_part=item_part):
                    item = self.attributes(item_part)
                    rows = "".join(f"\n<li{item}>{_inline(i)}</li>" for i in items)
                    out.append(f"<ul{self.attributes(part)}>{rows}\n</ul>")
                case _:  # a Section, the one kind of block left
                    section = block
                    where = self.attributes(section.part, kind=section.kind, key=section.key)
                    inner = self.blocks(section.blocks, self.id_of(section.part, section.key))
                    out.append("\n".join([f"<section{where}>", *inner, "</section>"]))
        return out

    def article(self, document: doc.Document) -> str:
        target = self.id_of("round")
        lang = f' lang="{html.escape(self.page.lang)}"' if self.page.fragment else ""
        opening = f'<article class="{_class("round")}" id="{target}"{lang}>'
        title = self.heading(1, document.title, target)
        body = self.blocks(document.blocks, None)
        return "\n".join([opening, title, *body, "</article>"])


def write_html(document: doc.Document, page: Page) -> str:
    """Write ``document`` as HTML, a whole page or a fragment as ``page`` says."""
    article = _Writer(page).article(document)
    if page.fragment:
        return article + "\n"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(page.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(plain(doc.one_line(document.title)), quote=False)}</title>",
        *(
            f'<link rel="alternate" hreflang="{html.escape(language)}" href="{html.escape(url)}">'
            for language, url in page.alternates.items()
        ),
    ]
    if page.jsonld:
        head.append(f'<script type="application/ld+json">\n{page.jsonld}\n</script>')
    return (
        "\n".join([*head, "</head>", "<body>", "<main>", article, "</main>", "</body>", "</html>"])
        + "\n"
    )
