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

from collections.abc import Callable
from typing import Final, Literal

from innovasjonspris._errors import ValidationError
from innovasjonspris._i18n import messages, parse_locale
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris.render._document import Document
from innovasjonspris.render._html import write_html
from innovasjonspris.render._layout import Layout
from innovasjonspris.render._markdown import write_markdown
from innovasjonspris.render._text import write_text

__all__ = ["FORMATS", "Format", "render_round"]

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
