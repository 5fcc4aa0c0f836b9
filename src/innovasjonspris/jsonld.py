"""A round as schema.org JSON-LD, the structured data search engines read from a web page.

>>> from innovasjonspris import load_round
>>> document = to_jsonld(load_round(2019))
>>> document["@type"], document["name"], document["startDate"]
('Event', 'Innovasjonsprisen 2019', '2019-06-07')
>>> [m["name"] for m in document["about"]]
['Trondheim kommune', 'Ulstein kommune', 'Fjell kommune']

The round is an ``Event`` (the presentation of the prize) within the event it took place at
(``superEvent``), organised by the ministry that confers the prize
(``GovernmentOrganization``). Each honoured municipality is a ``GovernmentOrganization``
the event is ``about``, whose ``award`` names the prize and its standing and whose
``review`` is the jury's citation; the winner's ``funding`` is the prize money, a
``MonetaryGrant`` of a ``MonetaryAmount``. The presenters are the event's ``performer``,
the jury (an ``Organization`` of its members) its ``contributor``, and the sources are
what it is the ``subjectOf``. The docs' JSON-LD page maps every field and says why each
type was chosen.

Texts are in the locale's language; a text the data lacks in it comes as a value object
with its own ``@language``, as does a source's title in another language than Bokmål.
"""

from __future__ import annotations

import json
from typing import Final

from innovasjonspris import _jsonld
from innovasjonspris._i18n import messages, parse_locale
from innovasjonspris._jsonld import JSONObject, jsonld_of
from innovasjonspris._model import AwardRound, Prize
from innovasjonspris._phrases import Phrases, shown_prize

__all__ = ["CONTEXT", "script_text", "to_jsonld"]

CONTEXT: Final = _jsonld.CONTEXT
"""The ``@context`` of every document :func:`to_jsonld` returns."""


def to_jsonld(
    round: AwardRound,  # noqa: A002 - the public name the design fixes
    *,
    locale: str = "nb",
    prize: Prize | None = None,
) -> JSONObject:
    """Return ``round`` as a schema.org JSON-LD document (a dict that :mod:`json` writes).

    Args:
        round: the award round.
        locale: ``nb``, ``nn`` or ``en``, or a regional form of them (``en_GB``).
        prize: the prize to describe the round as of, in place of the round's own
            (``round.prize``). A round of no known prize has no organiser and a title
            of its year alone; it is never said to be KMD's.

    Raises:
        TypeError: ``round`` is not an :class:`~innovasjonspris.AwardRound` or ``prize``
            not a :class:`~innovasjonspris.Prize`.
        ValidationError: the locale is unknown or not one of nb, nn and en (``locale``).
    """
    # Callers without a type checker pass anything; say what is wrong, in our words.
    prize = shown_prize(round, prize)
    return jsonld_of(round, prize, Phrases(messages(parse_locale(locale))))


def script_text(document: JSONObject) -> str:
    r"""Return ``document`` as JSON to put inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are written as JSON escapes (``\u003c``...), which mean the same
    characters to a JSON reader but leave nothing an HTML parser could take for the end of
    the script element or a comment, whatever the data holds.

    >>> script_text({"name": "</script><b>"})
    '{\n  "name": "\\u003c/script\\u003e\\u003cb\\u003e"\n}'
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
