r"""A whole award round as plain text, Markdown or HTML, in Bokmål, Nynorsk or English.

>>> from innovasjonspris import load_round
>>> text = render_round(load_round(2019), locale="nn")
>>> text.splitlines()[0]
'Innovasjonsprisen 2019'
>>> text.splitlines()[3]
'Prisen gjekk til Trondheim kommune, som fekk 500\xa0000\xa0kroner.'

The round is first laid out as a small document (headings, paragraphs, label–value facts
and lists) and then written in the chosen format; only the writers know the syntax, and
each escapes every text it writes. Labels and sentences come from the message catalogs,
numbers, dates and lists from CLDR through :mod:`innovasjonspris.formatting`. A text the
data lacks in the requested language falls back as :meth:`LocalizedText.resolve
<innovasjonspris.LocalizedText.resolve>` says (nb → nn → en, nn → nb → en, en → nb → nn);
HTML marks such a text with its ``lang``. Sections the data has nothing for are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final, Literal, cast

import attrs

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import language_tag, messages, parse_locale
from innovasjonspris._jsonld import jsonld_of
from innovasjonspris._model import AwardRound, Prize, YearNotAwarded
from innovasjonspris._phrases import shown_prize
from innovasjonspris._text import address
from innovasjonspris._validators import check_choice
from innovasjonspris.data import timeline
from innovasjonspris.history import CitationRow
from innovasjonspris.jsonld import script_text
from innovasjonspris.render._document import Document
from innovasjonspris.render._html import CLASS_PREFIX, Page, write_html
from innovasjonspris.render._layout import Layout
from innovasjonspris.render._markdown import write_markdown
from innovasjonspris.render._parts import render_jsonld_script, render_title
from innovasjonspris.render._text import write_text
from innovasjonspris.render._years import YearsLayout

__all__ = [
    "CLASS_PREFIX",
    "FORMATS",
    "Format",
    "render_appearances",
    "render_entry",
    "render_jsonld_script",
    "render_not_awarded",
    "render_round",
    "render_timeline",
    "render_title",
]

Format = Literal["text", "markdown", "html"]

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")
"""The formats :func:`render_round` writes."""


def _html_page(document: Document) -> str:
    """A whole page with none of a round's extras: for the timeline and years not awarded."""
    return write_html(document, Page(lang=document.language))


_WRITERS: Final[dict[str, Callable[[Document], str]]] = {
    "text": write_text,
    "markdown": write_markdown,
    "html": _html_page,
}

# An id prefix that needs no escaping in an id, a link or a CSS selector.
_ID_PREFIX: Final = re.compile(r"(?:[A-Za-z][A-Za-z0-9_-]*)?")
# A language tag as hreflang takes it (``nn``, ``en-GB``), or ``x-default``.
_HREFLANG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|x-default")


def _page(
    tag: str,
    *,
    fragment: object,
    heading_level: object,
    id_prefix: object,
    alternates: object,
) -> Page:
    """Check the HTML keywords, which callers without a type checker may pass anything as."""
    if type(fragment) is not bool:
        msg = f"fragment must be True or False, not {type(fragment).__name__}"
        raise TypeError(msg)
    if type(heading_level) is not int:
        msg = f"heading_level must be an int, not {type(heading_level).__name__}"
        raise TypeError(msg)
    if not 1 <= heading_level <= 6:  # noqa: PLR2004 - HTML's h1 to h6
        raise ValidationError("heading_level", f"must be 1 to 6, not {heading_level}")
    if type(id_prefix) is not str:
        msg = f"id_prefix must be a str, not {type(id_prefix).__name__}"
        raise TypeError(msg)
    if not _ID_PREFIX.fullmatch(id_prefix):
        msg = f"must start with a letter and hold only letters, digits, - and _, not {id_prefix!r}"
        raise ValidationError("id_prefix", msg)
    links = _alternates(alternates, fragment=fragment)
    return Page(
        lang=tag,
        fragment=fragment,
        heading_level=heading_level,
        id_prefix=id_prefix,
        alternates=links,
    )


def _alternates(alternates: object, *, fragment: bool) -> dict[str, str]:
    links: dict[str, str] = {}
    if alternates is None:
        return links
    if not isinstance(alternates, Mapping):
        msg = f"alternates must be a mapping or None, not {type(alternates).__name__}"
        raise TypeError(msg)
    if fragment:
        raise ValidationError("alternates", "go in a page's head; a fragment has none")
    pairs: list[tuple[object, object]] = list(alternates.items())  # pyright: ignore[reportUnknownArgumentType, reportUnknownMemberType]
    for language, url in pairs:
        if type(language) is not str or type(url) is not str:
            msg = "alternates must map language tags (str) to addresses (str)"
            raise TypeError(msg)
        if not _HREFLANG.fullmatch(language):
            raise ValidationError("alternates", f"{language!r} is not a language tag")
        if not address().passes(url):
            _, problem = address().problem(url)
            raise ValidationError("alternates", f"the address for {language!r} {problem}")
        links[language] = url
    return links


def render_round(
    round: AwardRound,  # noqa: A002 - the public name the design fixes
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - the public name the design fixes
    prize: Prize | None = None,
    fragment: bool = False,
    heading_level: int = 1,
    id_prefix: str = "",
    alternates: Mapping[str, str] | None = None,
) -> str:
    """Return ``round`` as a reader would want it, in ``locale`` and ``format``.

    The rendering gives the prize and year, the winner and the amount, when and where the
    prize was presented and by whom, how many applied, the finalists, each citation with
    its projects, the jury, the criteria, notes and sources; a section the data has
    nothing for is left out. The prize is the round's own (``round.prize``) unless
    ``prize`` is given: its name heads the rendering, and who confers it is said unless a
    presenter speaks for them. A round whose prize is unknown is headed by the year alone
    (``Prisutdeling 2025``), never by KMD's prize.

    ``"html"`` gives a whole HTML5 document (``<!DOCTYPE html>``, ``<html lang>`` with the
    locale's region where it has one, ``<meta charset="utf-8">``, ``<meta
    name="viewport">``, ``<title>``, the round's schema.org JSON-LD from
    :func:`~innovasjonspris.jsonld.to_jsonld`, and ``<link rel="alternate" hreflang>`` for
    each of ``alternates``) with every text escaped. The round itself is one
    ``<article>``; with ``fragment=True`` that article is all there is, carrying its own
    ``lang``, ready to go into a site's template. Its parts carry classes starting with
    :data:`CLASS_PREFIX` and ids starting with ``id_prefix``; every heading links to its
    part, every date is a ``<time datetime>``, and every text in another language than the
    page's carries ``lang`` (the data's names and titles are Bokmål, unless a source says
    otherwise). ``"markdown"`` gives CommonMark with Markdown syntax in the data escaped;
    ``"text"`` gives plain text. The HTML keywords leave the other formats as they are.

    Args:
        round: the award round.
        locale: ``nb``, ``nn`` or ``en``, or a regional form of them (``nb_NO``, ``en_GB``).
        format: ``"text"``, ``"markdown"`` or ``"html"``.
        prize: the prize to show the round as of, in place of ``round.prize``.
        fragment: give only the ``<article>``, for a page of the caller's own.
        heading_level: the level of the round's own heading, 1 to 6; its sections' headings
            come one level below, a citation's two (never deeper than ``<h6>``).
        id_prefix: what every id starts with, so that two rounds can share a page; empty,
            or a letter followed by letters, digits, ``-`` and ``_``.
        alternates: the addresses of the same round's pages in other languages, by
            language tag (``{"nn": "https://example.org/nn/2019"}``), for a whole page.

    Raises:
        TypeError: ``round`` is not an :class:`~innovasjonspris.AwardRound`, ``prize`` not
            a :class:`~innovasjonspris.Prize`, or ``format``, ``fragment``,
            ``heading_level``, ``id_prefix`` or ``alternates`` is of the wrong type.
        ValidationError: the format is unknown (``format``), the locale is unknown or not
            one of nb, nn and en (``locale``), ``heading_level`` is not 1 to 6,
            ``id_prefix`` holds what an id cannot, or ``alternates`` holds what is not a
            language tag or an address, or comes with ``fragment=True``.
    """
    # Callers without a type checker pass anything; say what is wrong, in our words.
    shown = shown_prize(round, prize)
    _writer(format)
    where = parse_locale(locale)
    tag = language_tag(where)
    page = _page(
        tag,
        fragment=fragment,
        heading_level=heading_level,
        id_prefix=id_prefix,
        alternates=alternates,
    )
    layout = Layout(messages(where))
    document = layout.document(round, shown)
    if format != "html":
        return _WRITERS[format](document)
    if not page.fragment:
        # The round, its prize and the phrases are checked and built already: no need to
        # go through to_jsonld, which would check and build them again.
        page = attrs.evolve(page, jsonld=script_text(jsonld_of(round, shown, layout)))
    return write_html(document, page)


def _writer(format: object) -> Callable[[Document], str]:  # noqa: A002 - as the callers name it
    return _WRITERS[check_choice(format, FORMATS, "format")]


def render_not_awarded(
    record: YearNotAwarded,
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - as render_round names it
) -> str:
    """Return a year in which the prize was not awarded: that it was not, why, and the sources.

    >>> from innovasjonspris import RoundNotFoundError, load_round
    >>> try:
    ...     load_round(2020)
    ... except RoundNotFoundError as error:
    ...     print(render_not_awarded(error.not_awarded, locale="en").splitlines()[3])
    The prize was not awarded in 2020.

    Raises:
        TypeError: ``record`` is not a :class:`~innovasjonspris.YearNotAwarded`.
        ValidationError: the format is unknown (field ``format``), or the locale is unknown
            or not one of nb, nn and en (``locale``).
    """
    given = cast("object", record)  # callers without a type checker pass anything
    if not isinstance(given, YearNotAwarded):
        msg = f"record must be a YearNotAwarded, not {type(given).__name__}"
        raise TypeError(msg)
    write = _writer(format)
    return write(_years_layout(locale).not_awarded(given))


def render_entry(
    entry: AwardRound | YearNotAwarded,
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - as render_round names it
) -> str:
    """Return one entry of :func:`~innovasjonspris.timeline`: a round, or a year not awarded.

    A round is rendered by :func:`render_round`, a year not awarded by
    :func:`render_not_awarded`, so that a loop over the timeline needs one call:

    >>> from innovasjonspris import timeline
    >>> [render_entry(entry, locale="en").splitlines()[0] for entry in timeline()][-2:]
    ['The Innovation Prize 2019', 'The Innovation Prize 2020']

    Raises:
        TypeError: ``entry`` is neither an :class:`~innovasjonspris.AwardRound` nor a
            :class:`~innovasjonspris.YearNotAwarded`.
        ValidationError: as :func:`render_round` and :func:`render_not_awarded` do.
    """
    given = cast("object", entry)  # callers without a type checker pass anything
    if isinstance(given, AwardRound):
        return render_round(given, locale=locale, format=format)
    if isinstance(given, YearNotAwarded):
        return render_not_awarded(given, locale=locale, format=format)
    msg = f"entry must be an AwardRound or a YearNotAwarded, not {type(given).__name__}"
    raise TypeError(msg)


def render_timeline(
    entries: Iterable[AwardRound | YearNotAwarded] | None = None,
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - as render_round names it
) -> str:
    """Return every year of the prize, oldest first: who was honoured, or why not awarded.

    ``entries`` are rounds and years not awarded, by default the bundled
    :func:`~innovasjonspris.timeline`; they are shown in order of year.

    >>> print(render_timeline(locale="nn").split("2019")[-1])
    <BLANKLINE>
    ----
    <BLANKLINE>
    Vinnar: Trondheim kommune
    Finalistar: Ulstein kommune og Fjell kommune
    <BLANKLINE>
    ...

    Raises:
        TypeError: ``entries`` is not an iterable of rounds and years not awarded.
        ValidationError: ``entries`` is empty (field ``entries``), the format is unknown
            (``format``), or the locale is unknown or not one of nb, nn and en (``locale``).
    """
    found = _entries(entries)
    write = _writer(format)
    return write(_years_layout(locale).timeline(found))


def _entries(entries: object) -> tuple[AwardRound | YearNotAwarded, ...]:
    if entries is None:
        return timeline()
    if isinstance(entries, (str, bytes)) or not isinstance(entries, Iterable):
        msg = f"entries must be an iterable of rounds, not {type(entries).__name__}"
        raise TypeError(msg)
    found = list(cast("Iterable[object]", entries))
    for index, entry in enumerate(found):
        if not isinstance(entry, (AwardRound, YearNotAwarded)):
            msg = f"entries[{index}] must be an AwardRound or a YearNotAwarded, not "
            raise TypeError(msg + type(entry).__name__)
    if not found:
        raise ValidationError("entries", "needs at least one round or year not awarded")
    ordered = cast("list[AwardRound | YearNotAwarded]", found)
    return tuple(sorted(ordered, key=lambda entry: entry.year))


def _years_layout(locale: str) -> YearsLayout:
    return YearsLayout(Layout(messages(parse_locale(locale))))


def render_appearances(
    rows: Iterable[CitationRow],
    *,
    locale: str = "nb",
    format: Format = "text",  # noqa: A002 - as render_round names it
) -> str:
    """Return one municipality's record: each year it was honoured, and how, and as what.

    ``rows`` are as :func:`innovasjonspris.history.appearances` gives them; the heading is
    what the municipality is today, and each line gives the year, the standing, and the
    number, name and county it had then.

    >>> from innovasjonspris.history import appearances
    >>> print(render_appearances(appearances("3105"), locale="en"))
    Sarpsborg Municipality
    ======================
    <BLANKLINE>
    - 2016: finalist, as 0105 Sarpsborg (Østfold)
    - 2018: finalist, as 0105 Sarpsborg (Østfold)
    <BLANKLINE>

    Raises:
        TypeError: ``rows`` is not an iterable of rows.
        ValidationError: ``rows`` is empty (field ``rows``), the format is unknown
            (``format``), or the locale is unknown or not one of nb, nn and en (``locale``).
    """
    given = cast("object", rows)
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        msg = f"rows must be an iterable of CitationRow, not {type(given).__name__}"
        raise TypeError(msg)
    found = list(cast("Iterable[object]", given))
    for index, row in enumerate(found):
        if not isinstance(row, CitationRow):
            msg = f"rows[{index}] must be a CitationRow, not {type(row).__name__}"
            raise TypeError(msg)
    if not found:
        raise ValidationError("rows", "needs at least one row")
    ordered = sorted(cast("list[CitationRow]", found), key=lambda row: row.year)
    write = _writer(format)
    return write(_years_layout(locale).appearances(tuple(ordered)))
