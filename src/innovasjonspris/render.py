r"""A whole award round as plain text, Markdown or HTML, in Bokmål, Nynorsk or English.

>>> from innovasjonspris import load_round
>>> text = render_round(load_round(2019), locale="nn")
>>> text.splitlines()[0]
'Innovasjonsprisen 2019'
>>> text.splitlines()[3]
'Prisen gjekk til Trondheim kommune, som fekk 500\xa0000 kroner.'

The round is first laid out as a small document (headings, paragraphs, label–value facts
and lists) and then written in the chosen format; only the writers know the syntax, and
each escapes every text it writes. Labels and sentences come from the message catalogs,
numbers, dates and lists from CLDR through :mod:`innovasjonspris.formatting`. A text the
data lacks in the requested language falls back as :meth:`LocalizedText.resolve
<innovasjonspris.LocalizedText.resolve>` says (nb → nn → en, nn → nb → en, en → nb → nn);
HTML marks such a text with its ``lang``. Sections the data has nothing for are left out.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Final, Literal
from urllib.parse import quote

import attrs
from babel.dates import format_interval

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import Messages, messages, parse_locale
from innovasjonspris._model import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    JuryMember,
    LocalizedText,
    Municipality,
    Organisation,
    Person,
    Prize,
    Source,
    Standing,
)
from innovasjonspris.formatting import format_amount, format_count, format_date, format_list

__all__ = ["FORMATS", "Format", "render_round"]

Format = Literal["text", "markdown", "html"]

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")
"""The formats :func:`render_round` writes."""


# --- the document ------------------------------------------------------------------------


@attrs.frozen
class _Span:
    """A run of text; ``lang`` is set where it is not in the document's language."""

    text: str
    lang: str | None = None
    href: str | None = None


_Inline = tuple[_Span, ...]


@attrs.frozen
class _Heading:
    level: int
    content: _Inline


@attrs.frozen
class _Paragraph:
    content: _Inline


@attrs.frozen
class _Facts:
    items: tuple[tuple[str, _Inline], ...]


@attrs.frozen
class _Bullets:
    items: tuple[_Inline, ...]


_Block = _Heading | _Paragraph | _Facts | _Bullets


@attrs.frozen
class _Document:
    language: str
    title: _Inline
    blocks: tuple[_Block, ...]


# --- laying out a round --------------------------------------------------------------------

_FORMATTER: Final = string.Formatter()


def _fill(template: str, **values: _Inline | str) -> _Inline:
    """Fill a translated template's ``{placeholders}``, keeping each value's spans apart."""
    spans: list[_Span] = []
    for literal, name, _spec, _conversion in _FORMATTER.parse(template):
        if literal:
            spans.append(_Span(literal))
        if name is not None:
            value = values[name]
            spans.extend((_Span(value),) if isinstance(value, str) else value)
    return tuple(spans)


def _plain(content: _Inline) -> str:
    return "".join(span.text for span in content)


@attrs.frozen
class _Layout:
    """Lays out one round in one language."""

    words: Messages
    locale: str

    @property
    def language(self) -> str:
        return self.words.language

    def text(self, value: LocalizedText) -> _Inline:
        used, found = value.resolve(self.language)
        return (_Span(found, None if used == self.language else used),)

    def list_of(self, parts: Iterable[_Inline]) -> _Inline:
        # Babel joins placeholders so that each part keeps its own spans.
        items = list(parts)
        names = [f"{{p{index}}}" for index in range(len(items))]
        template = format_list(names, locale=self.locale)
        return _fill(template, **{f"p{index}": item for index, item in enumerate(items)})

    def day(self, value: date, style: Literal["long", "full"] = "long") -> _Inline:
        return (_Span(format_date(value, locale=self.locale, style=style)),)

    def municipality(self, value: Municipality) -> _Inline:
        return _fill(self.words.gettext("{name} Municipality"), name=value.name)

    def quoted(self, value: str) -> _Inline:
        # CLDR has quotation marks per locale, but Babel does not expose them.
        return _fill(self.words.pgettext("quotation", "“{text}”"), text=value)

    def organisation(self, value: Organisation, *, short_name: bool = True) -> _Inline:
        name = self.text(value.name)
        if not short_name or value.short_name is None or value.short_name == _plain(name):
            return name
        template = self.words.gettext("{name} ({short_name})")
        return _fill(template, name=name, short_name=value.short_name)

    def person(self, value: Person, *, organisation: bool = True) -> _Inline:
        """A person in running text: ``statssekretær Aase Marthe Horrigmo``."""
        named: _Inline = (_Span(value.name),)
        if value.title is not None:
            template = self.words.gettext("{name}, {title}")
            named = _fill(template, name=value.name, title=self.text(value.title))
        if not organisation or value.organisation is None:
            return named
        # Already in brackets: the organisation's name alone, without its short name.
        where = self.organisation(value.organisation, short_name=False)
        return _fill(
            self.words.gettext("{person} ({organisation})"), person=named, organisation=where
        )

    def member(self, value: JuryMember) -> _Inline:
        """A jury member in a list: name, title, organisation."""
        person = value.person
        parts: list[_Inline] = [(_Span(person.name),)]
        if person.title is not None:
            parts.append(self.text(person.title))
        if person.organisation is not None:
            parts.append(self.organisation(person.organisation))
        joined = _fill(
            ", ".join(f"{{p{index}}}" for index in range(len(parts))),
            **{f"p{index}": part for index, part in enumerate(parts)},
        )
        if not value.chair:
            return joined
        return _fill(self.words.gettext("{member} (chair)"), member=joined)

    def standing(self, value: Standing) -> str:
        return {
            Standing.WINNER: self.words.pgettext("standing", "winner"),
            Standing.FINALIST: self.words.pgettext("standing", "finalist"),
            Standing.HONOURABLE_MENTION: self.words.pgettext("standing", "honourable mention"),
        }[value]

    # --- the sections ---

    def title(self, round_: AwardRound, prize: Prize | None) -> _Inline:
        name = (
            (_Span(self.words.gettext("The Innovation Prize")),)
            if prize is None
            else self.text(prize.name)
        )
        return _fill(self.words.gettext("{prize} {year}"), prize=name, year=str(round_.year))

    def lead(self, round_: AwardRound) -> _Paragraph:
        template = self.words.gettext("The prize went to {winner}, which received {amount}.")
        amount = format_amount(round_.amount, locale=self.locale, style="long")
        return _Paragraph(
            _fill(template, winner=self.municipality(round_.winner.municipality), amount=amount)
        )

    def facts(self, round_: AwardRound) -> Iterator[_Block]:
        items: list[tuple[str, _Inline]] = []
        if round_.awarded_on is not None:
            items.append((self.words.gettext("Awarded"), self.day(round_.awarded_on, "full")))
        if round_.event is not None:
            items.extend(self.event(round_.event, round_.awarded_on))
        if round_.presented_by:
            people = self.list_of(self.person(p) for p in round_.presented_by)
            items.append((self.words.gettext("Presented by"), people))
        if round_.announced_on is not None:
            items.append((self.words.gettext("Announced"), self.day(round_.announced_on)))
        for standing, citations in self.others(round_):
            label = {
                Standing.FINALIST: self.words.ngettext("Finalist", "Finalists", len(citations)),
                Standing.HONOURABLE_MENTION: self.words.ngettext(
                    "Honourable mention", "Honourable mentions", len(citations)
                ),
            }[standing]
            items.append(
                (label, self.list_of(self.municipality(c.municipality) for c in citations))
            )
        if items:
            yield _Facts(tuple(items))

    @staticmethod
    def others(round_: AwardRound) -> Iterator[tuple[Standing, tuple[Citation, ...]]]:
        for standing in (Standing.FINALIST, Standing.HONOURABLE_MENTION):
            citations = tuple(c for c in round_.citations if c.standing is standing)
            if citations:
                yield standing, citations

    def event(self, event: Event, awarded_on: date | None) -> Iterator[tuple[str, _Inline]]:
        name: _Inline = (_Span(event.name),)
        start, end = event.start, event.end or event.start
        if start is not None and end is not None and (start != end or start != awarded_on):
            when = (
                format_interval(start, end, "yMMMMd", locale=parse_locale(self.locale))
                if start != end
                else format_date(start, locale=self.locale)
            )
            name = _fill(self.words.gettext("{event} ({dates})"), event=name, dates=when)
        yield self.words.gettext("Event"), name
        if event.place is not None:
            yield self.words.gettext("Place"), (_Span(event.place),)
        if event.organizer is not None:
            yield self.words.gettext("Organiser"), self.organisation(event.organizer)

    def applicants(self, applicants: Applicants) -> Iterator[_Block]:
        sentences: list[_Inline] = []
        count = self.count
        municipalities, projects = applicants.municipalities, applicants.projects
        if municipalities is not None:
            if projects is not None:
                template = (
                    self.words.gettext(
                        "More than {municipalities} applied, with {projects} between them."
                    )
                    if applicants.more_than
                    else self.words.gettext(
                        "{municipalities} applied, with {projects} between them."
                    )
                )
                sentences.append(
                    _fill(
                        template,
                        municipalities=count(municipalities, "municipality"),
                        projects=count(projects, "project"),
                    )
                )
            else:
                template = (
                    self.words.gettext("More than {municipalities} applied.")
                    if applicants.more_than
                    else self.words.gettext("{municipalities} applied.")
                )
                sentences.append(
                    _fill(template, municipalities=count(municipalities, "municipality"))
                )
        elif projects is not None:
            template = self.words.gettext("The applications named {projects}.")
            sentences.append(_fill(template, projects=count(projects, "project")))
        if applicants.applications is not None:
            template = self.words.gettext("The prize received {applications}.")
            sentences.append(
                _fill(template, applications=count(applicants.applications, "application"))
            )
        yield _Paragraph(
            _fill(
                " ".join(f"{{s{i}}}" for i in range(len(sentences))),
                **{f"s{i}": sentence for i, sentence in enumerate(sentences)},
            )
        )

    def count(self, value: int, noun: str) -> str:
        return format_count(value, noun, locale=self.locale)

    def citations(self, round_: AwardRound) -> Iterator[_Block]:
        # A finalist the data says nothing more about is named among the facts already.
        cited = [c for c in round_.citations if self.has_content(c)]
        if not cited:
            return
        yield _Heading(_SECTION, (_Span(self.words.gettext("The jury's citations")),))
        for citation in cited:
            heading = _fill(
                self.words.gettext("{municipality} ({standing})"),
                municipality=self.municipality(citation.municipality),
                standing=self.standing(citation.standing),
            )
            yield _Heading(3, heading)
            if citation.text is not None:
                yield _Paragraph(self.text(citation.text))
            yield from self.citation_facts(citation)

    @staticmethod
    def has_content(citation: Citation) -> bool:
        return bool(
            citation.text is not None
            or citation.projects
            or citation.accepted_by is not None
            or citation.representatives
        )

    def citation_facts(self, citation: Citation) -> Iterator[_Block]:
        projects = citation.projects
        summaries = [p for p in projects if p.summary is not None]
        items: list[tuple[str, _Inline]] = []
        if projects and not summaries:
            label = self.words.ngettext("Project", "Projects", len(projects))
            items.append((label, self.list_of(self.quoted(p.name) for p in projects)))
        if citation.accepted_by is not None:
            label = self.words.gettext("Accepted on the municipality's behalf by")
            # They stand for the cited municipality; their organisation goes without saying.
            items.append((label, self.person(citation.accepted_by, organisation=False)))
        if citation.representatives:
            people = citation.representatives
            label = self.words.ngettext("Representative", "Representatives", len(people))
            people_text = self.list_of(self.person(p, organisation=False) for p in people)
            items.append((label, people_text))
        if items:
            yield _Facts(tuple(items))
        if summaries:
            yield _Bullets(tuple(self.project_item(p.name, p.summary) for p in projects))

    def project_item(self, name: str, summary: LocalizedText | None) -> _Inline:
        if summary is None:
            return self.quoted(name)
        return _fill(
            self.words.gettext("{project}: {summary}"),
            project=self.quoted(name),
            summary=self.text(summary),
        )

    def jury(self, round_: AwardRound) -> Iterator[_Block]:
        jury = round_.jury
        if jury is None:
            return
        yield _Heading(_SECTION, (_Span(self.words.gettext("The jury")),))
        if jury.members:
            yield _Bullets(tuple(self.member(m) for m in jury.members))
        if jury.secretariat is not None:
            yield _Facts(
                ((self.words.gettext("Secretariat"), self.organisation(jury.secretariat)),)
            )

    def criteria(self, round_: AwardRound) -> Iterator[_Block]:
        if round_.criteria:
            yield _Heading(_SECTION, (_Span(self.words.gettext("Criteria")),))
            yield _Bullets(tuple(self.text(c) for c in round_.criteria))

    def notes(self, round_: AwardRound) -> Iterator[_Block]:
        if round_.notes is not None:
            yield _Heading(_SECTION, (_Span(self.words.gettext("Notes")),))
            yield _Paragraph(self.text(round_.notes))

    def sources(self, round_: AwardRound) -> Iterator[_Block]:
        if round_.sources:
            yield _Heading(_SECTION, (_Span(self.words.gettext("Sources")),))
            yield _Bullets(tuple(self.source(s) for s in round_.sources))

    def source(self, source: Source) -> _Inline:
        link = (_Span(source.url, href=source.url),)
        details: list[_Inline] = []
        if source.publisher is not None:
            details.append((_Span(source.publisher),))
        if source.published_on is not None:
            details.append(self.day(source.published_on))
        described: _Inline = () if source.title is None else (_Span(source.title),)
        if details:
            joined = _fill(
                ", ".join(f"{{d{i}}}" for i in range(len(details))),
                **{f"d{i}": detail for i, detail in enumerate(details)},
            )
            described = (
                joined
                if not described
                else _fill(
                    self.words.gettext("{title} ({details})"), title=described, details=joined
                )
            )
        if not described:
            return link
        return _fill(self.words.gettext("{description}: {url}"), description=described, url=link)

    def document(self, round_: AwardRound, prize: Prize | None) -> _Document:
        blocks: list[_Block] = [self.lead(round_)]
        blocks.extend(self.facts(round_))
        if round_.applicants is not None:
            blocks.extend(self.applicants(round_.applicants))
        blocks.extend(self.citations(round_))
        blocks.extend(self.jury(round_))
        blocks.extend(self.criteria(round_))
        blocks.extend(self.notes(round_))
        blocks.extend(self.sources(round_))
        return _Document(self.language, self.title(round_, prize), tuple(blocks))


# --- writing a document ----------------------------------------------------------------------

_SECTION: Final = 2
"""The heading level of a section; level 3 heads a citation."""

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _one_line(content: _Inline) -> _Inline:
    """Headings, titles and facts are one line; a line break in the data becomes a space."""
    return tuple(attrs.evolve(span, text=" ".join(span.text.split("\n"))) for span in content)


def _paragraphs(content: _Inline) -> list[_Inline]:
    """Split a paragraph at the blank lines inside its spans."""
    found: list[list[_Span]] = [[]]
    for span in content:
        first, *rest = _BLANK_LINE.split(span.text)
        found[-1].append(attrs.evolve(span, text=first))
        found.extend([attrs.evolve(span, text=piece)] for piece in rest)
    return [tuple(s for s in paragraph if s.text) for paragraph in found]


def _write_text(document: _Document) -> str:
    def inline(content: _Inline) -> str:
        return _plain(content)

    title = inline(_one_line(document.title))
    parts = [f"{title}\n{'=' * len(title)}"]
    for block in document.blocks:
        match block:
            case _Heading(level=level, content=content):
                text = inline(_one_line(content))
                underlined = level == _SECTION
                parts.append(f"{text}\n{'-' * len(text)}" if underlined else text)
            case _Paragraph(content=content):
                parts.append(inline(content))
            case _Facts(items=items):
                parts.append(
                    "\n".join(f"{label}: {inline(_one_line(value))}" for label, value in items)
                )
            case _:  # a _Bullets, the one kind of block left
                bullets = block.items
                parts.append("\n".join(_indent("- ", inline(item)) for item in bullets))
    return "\n\n".join(parts) + "\n"


def _indent(marker: str, text: str) -> str:
    padding = " " * len(marker)
    lines = text.split("\n")
    return "\n".join([marker + lines[0], *(padding + line if line else "" for line in lines[1:])])


# Markdown: every ASCII punctuation mark CommonMark gives a meaning inside a line, and the
# marks that only mean something at the start of a line (lists, headings, quotes).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^([-+=]|[0-9]+(?=[.)]))", re.MULTILINE)
# Safe in a URL and in a Markdown autolink; anything else is percent-encoded.
_URL_SAFE = ";/?:@&=+$,-_.!~*'()#%[]"


def _md_inline(content: _Inline, *, starts_line: bool = True) -> str:
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


def _write_markdown(document: _Document) -> str:
    parts = [f"# {_md_inline(_one_line(document.title), starts_line=False)}"]
    for block in document.blocks:
        match block:
            case _Heading(level=level, content=content):
                heading = _md_inline(_one_line(content), starts_line=False)
                parts.append(f"{'#' * level} {heading}")
            case _Paragraph(content=content):
                parts.append(_md_inline(content))
            case _Facts(items=items):
                # One paragraph, a hard line break (a final backslash) after each fact: a
                # list here would merge with a list that follows it.
                parts.append(
                    "\\\n".join(
                        f"**{_md_inline((_Span(label),), starts_line=False)}:** "
                        f"{_md_inline(_one_line(value), starts_line=False)}"
                        for label, value in items
                    )
                )
            case _:  # a _Bullets, the one kind of block left
                bullets = block.items
                parts.append("\n".join(_indent("- ", _md_inline(item)) for item in bullets))
    return "\n\n".join(parts) + "\n"


def _html_inline(content: _Inline) -> str:
    out: list[str] = []
    for span in content:
        text = "<br>\n".join(html.escape(line, quote=False) for line in span.text.split("\n"))
        if span.href is not None:
            text = f'<a href="{html.escape(span.href)}">{text}</a>'
        if span.lang is not None:
            text = f'<span lang="{html.escape(span.lang)}">{text}</span>'
        out.append(text)
    return "".join(out)


def _write_html(document: _Document) -> str:
    title = _one_line(document.title)
    body = [f"<h1>{_html_inline(title)}</h1>"]
    for block in document.blocks:
        match block:
            case _Heading(level=level, content=content):
                body.append(f"<h{level}>{_html_inline(_one_line(content))}</h{level}>")
            case _Paragraph(content=content):
                body.extend(f"<p>{_html_inline(p)}</p>" for p in _paragraphs(content))
            case _Facts(items=items):
                rows = "".join(
                    f"\n<dt>{html.escape(label, quote=False)}</dt>"
                    f"\n<dd>{_html_inline(_one_line(value))}</dd>"
                    for label, value in items
                )
                body.append(f"<dl>{rows}\n</dl>")
            case _:  # a _Bullets, the one kind of block left
                bullets = block.items
                rows = "".join(f"\n<li>{_html_inline(item)}</li>" for item in bullets)
                body.append(f"<ul>{rows}\n</ul>")
    lang = html.escape(document.language)
    head = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(_plain(title), quote=False)}</title>\n</head>\n<body>\n<main>\n"
    )
    return head + "\n".join(body) + "\n</main>\n</body>\n</html>\n"


_WRITERS: Final[dict[str, Callable[[_Document], str]]] = {
    "text": _write_text,
    "markdown": _write_markdown,
    "html": _write_html,
}


def render_round(
    round: AwardRound,  # noqa: A002 - the public name the design fixes
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - the public name the design fixes
    prize: Prize | None = None,
) -> str:
    """Return ``round`` as a reader would want it, in ``locale`` and ``format``.

    The rendering gives the prize and year, the winner and the amount, when and where the
    prize was presented and by whom, how many applied, the finalists, each citation with
    its projects, the jury, the criteria, notes and sources; a section the data has
    nothing for is left out. ``prize`` names the prize in the title (by default, the
    Innovation Prize in the locale's language).

    ``"html"`` gives a whole HTML5 document (``<!DOCTYPE html>``, ``<html lang>``,
    ``<meta charset="utf-8">``, ``<title>``) with every text escaped; ``"markdown"`` gives
    CommonMark with Markdown syntax in the data escaped; ``"text"`` gives plain text.

    Args:
        round: the award round.
        locale: ``nb``, ``nn`` or ``en``, or a regional form of them (``nb_NO``, ``en_GB``).
        format: ``"text"``, ``"markdown"`` or ``"html"``.
        prize: the prize whose name heads the rendering.

    Raises:
        ValidationError: ``round`` is not an :class:`~innovasjonspris.AwardRound` (field
            ``round``), ``prize`` not a :class:`~innovasjonspris.Prize` (``prize``), the
            format is unknown (``format``), or the locale is unknown or not one of nb, nn
            and en (``locale``).
    """
    # Callers without a type checker pass anything; say what is wrong, in our words.
    given: dict[str, object] = {"round": round, "prize": prize, "format": format}
    if not isinstance(given["round"], AwardRound):
        msg = f"must be an AwardRound, not {type(round).__name__}"
        raise ValidationError("round", msg)
    if given["prize"] is not None and not isinstance(given["prize"], Prize):
        msg = f"must be a Prize or None, not {type(prize).__name__}"
        raise ValidationError("prize", msg)
    if type(given["format"]) is not str or format not in _WRITERS:
        allowed = ", ".join(repr(name) for name in FORMATS)
        msg = f"must be one of {allowed}, not {format!r}"
        raise ValidationError("format", msg)
    words = messages(parse_locale(locale))
    document = _Layout(words, locale).document(round, prize)
    return _WRITERS[format](document)
