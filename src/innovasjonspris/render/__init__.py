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

from collections.abc import Callable, Iterable
from typing import Final, Literal, cast

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import messages, parse_locale
from innovasjonspris._model import AwardRound, Prize, YearNotAwarded
from innovasjonspris.data import timeline
from innovasjonspris.history import CitationRow
from innovasjonspris.render._document import Document
from innovasjonspris.render._html import write_html
from innovasjonspris.render._layout import Layout
from innovasjonspris.render._markdown import write_markdown
from innovasjonspris.render._text import write_text
from innovasjonspris.render._years import YearsLayout

__all__ = [
    "FORMATS",
    "Format",
    "render_appearances",
    "render_not_awarded",
    "render_round",
    "render_timeline",
]

Format = Literal["text", "markdown", "html"]

FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html")
"""The formats :func:`render_round` writes."""

_WRITERS: Final[dict[str, Callable[[Document], str]]] = {
    "text": write_text,
    "markdown": write_markdown,
    "html": write_html,
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
    document = Layout(words, locale).document(round, prize)
    return _WRITERS[format](document)


def _writer(format: object) -> Callable[[Document], str]:  # noqa: A002 - as the callers name it
    if type(format) is not str or format not in _WRITERS:
        allowed = ", ".join(repr(name) for name in FORMATS)
        msg = f"must be one of {allowed}, not {format!r:.60}"
        raise ValidationError("format", msg)
    return _WRITERS[format]


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
    return YearsLayout(Layout(messages(parse_locale(locale)), locale))


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
