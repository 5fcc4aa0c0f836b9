"""Counts and standings as text, for messages already chosen for a parsed locale.

The working parts of :mod:`innovasjonspris.formatting`, beside those of ``_cldr_text``
(amounts, dates and ranges): the public functions check their arguments and parse the
locale, then call these. Rendering parses its locale once for a whole round, and its
values are valid already, so it calls these directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from innovasjonspris._cldr_text import number_pattern
from innovasjonspris._i18n import Messages
from innovasjonspris._model import Standing

__all__ = ["COUNTED", "count_text", "standing_text"]

_Template = Callable[[Messages, int], str]

# Each noun's English forms, written out in gettext calls so that ``pybabel extract``
# finds them; each gives the template for a count, with ``{count}`` for the number.
COUNTED: Final[dict[str, _Template]] = {
    "municipality": lambda words, count: words.ngettext(
        "{count} municipality", "{count} municipalities", count
    ),
    "project": lambda words, count: words.ngettext("{count} project", "{count} projects", count),
    "application": lambda words, count: words.ngettext(
        "{count} application", "{count} applications", count
    ),
    "applicant": lambda words, count: words.ngettext(
        "{count} applicant", "{count} applicants", count
    ),
}
"""The nouns a count is given with, each with the words of its forms."""


def count_text(words: Messages, count: int, noun: str) -> str:
    """Return ``count`` of ``noun`` (a key of :data:`COUNTED`) in ``words``' language."""
    where = words.locale
    number = str(number_pattern(where, fraction=False).apply(count, where))
    return COUNTED[noun](words, count).format(count=number)


# The labels, written out in gettext calls so that ``pybabel extract`` finds them.
_STANDINGS: Final[dict[Standing, Callable[[Messages], str]]] = {
    Standing.WINNER: lambda words: words.pgettext("standing", "winner"),
    Standing.FINALIST: lambda words: words.pgettext("standing", "finalist"),
    Standing.HONOURABLE_MENTION: lambda words: words.pgettext("standing", "honourable mention"),
}


def standing_text(words: Messages, standing: Standing) -> str:
    """Return ``standing`` as a word of running text in ``words``' language."""
    return _STANDINGS[standing](words)
