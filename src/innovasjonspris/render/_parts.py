"""Parts of a round's page for a caller's own template: its title and its JSON-LD element."""

from __future__ import annotations

from innovasjonspris._i18n import messages, parse_locale
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris._phrases import Phrases, shown_prize
from innovasjonspris._spans import plain
from innovasjonspris.jsonld import script_text, to_jsonld

__all__ = ["render_jsonld_script", "render_title"]


def render_title(
    round: AwardRound,  # noqa: A002 - as render_round names it
    *,
    locale: str = "nb",
    prize: Prize | None = None,
) -> str:
    """Return the round's title in ``locale``, as plain text: what heads its rendering.

    >>> from innovasjonspris import load_round
    >>> render_title(load_round(2019)), render_title(load_round(2019), locale="en")
    ('Innovasjonsprisen 2019', 'The Innovation Prize 2019')

    Raises:
        TypeError: as :func:`render_round` raises it for ``round`` and ``prize``.
        ValidationError: as :func:`render_round` raises it for ``locale``.
    """
    shown = shown_prize(round, prize)
    return plain(Phrases(messages(parse_locale(locale))).title(round, shown))


def render_jsonld_script(
    round: AwardRound,  # noqa: A002 - as render_round names it
    *,
    locale: str = "nb",
    prize: Prize | None = None,
) -> str:
    """Return the ``<script type="application/ld+json">`` element a whole page carries.

    For a page of the caller's own around a ``fragment=True`` rendering: the same element
    :func:`render_round` puts in a whole page's head, with the round's schema.org JSON-LD
    from :func:`~innovasjonspris.jsonld.to_jsonld`, escaped so that no data can end it.

    >>> from innovasjonspris import load_round
    >>> print(render_jsonld_script(load_round(2019)).splitlines()[0])
    <script type="application/ld+json">

    Raises:
        TypeError: as :func:`render_round` raises it for ``round`` and ``prize``.
        ValidationError: as :func:`render_round` raises it for ``locale``.
    """
    text = script_text(to_jsonld(round, locale=locale, prize=prize))
    return f'<script type="application/ld+json">\n{text}\n</script>'
