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
from typing import Any, Final

from innovasjonspris._i18n import language_tag, messages, parse_locale
from innovasjonspris._model import (
    AwardRound,
    Citation,
    Event,
    JuryMember,
    LocalizedText,
    Money,
    Organisation,
    Person,
    Prize,
    Source,
    Standing,
)
from innovasjonspris._phrases import DATA_LANGUAGE, Phrases
from innovasjonspris._references import bundled
from innovasjonspris._spans import plain

__all__ = ["CONTEXT", "script_text", "to_jsonld"]

CONTEXT: Final = "https://schema.org"
"""The ``@context`` of every document :func:`to_jsonld` returns."""

JSONObject = dict[str, Any]

# Blank-node names, so that the ministry and the jury are written once and referred to.
_MINISTRY: Final = "_:conferred-by"
_JURY: Final = "_:jury"


def _text(value: str, language: str, page: str) -> str | JSONObject:
    return value if language == page else {"@value": value, "@language": language}


def _drop_empty(node: JSONObject) -> JSONObject:
    return {key: value for key, value in node.items() if value not in (None, [], "")}


class _Builder:
    """Builds one round's JSON-LD in one language."""

    def __init__(self, phrases: Phrases, tag: str) -> None:
        self.phrases = phrases
        self.tag = tag

    @property
    def language(self) -> str:
        return self.phrases.language

    def text(self, value: LocalizedText) -> str | JSONObject:
        used, found = value.resolve(self.language)
        return _text(found, used, self.language)

    def organisation(self, value: Organisation, kind: str = "Organization") -> JSONObject:
        identifier = None
        if value.orgnr is not None:
            identifier = {"@type": "PropertyValue", "propertyID": "orgnr", "value": value.orgnr}
        return _drop_empty(
            {
                "@type": kind,
                "name": self.text(value.name),
                "alternateName": value.short_name,
                "identifier": identifier,
            }
        )

    def person(self, value: Person) -> JSONObject:
        return _drop_empty(
            {
                "@type": "Person",
                "name": value.name,
                "jobTitle": None if value.title is None else self.text(value.title),
                "affiliation": (
                    None if value.organisation is None else self.organisation(value.organisation)
                ),
            }
        )

    def member(self, value: JuryMember) -> JSONObject:
        person = self.person(value.person)
        if not value.chair:
            return person
        return {"@type": "OrganizationRole", "roleName": "chair", "member": person}

    @staticmethod
    def amount(value: Money) -> JSONObject:
        amount = value.amount
        number: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
        return {"@type": "MonetaryAmount", "currency": value.currency, "value": number}

    def honoured(
        self, citation: Citation, round_: AwardRound, title: str, *, jury: bool, funded: bool
    ) -> JSONObject:
        municipality = citation.municipality
        standing = self.phrases.standing(citation.standing)
        node: JSONObject = {
            "@type": "GovernmentOrganization",
            "name": plain(self.phrases.municipality(municipality)),
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "kommunenummer",
                "value": municipality.number,
            },
            "areaServed": {"@type": "AdministrativeArea", "name": municipality.name},
            "award": f"{title} ({standing})",
        }
        if citation.text is not None:
            review: JSONObject = {"@type": "Review", "reviewBody": self.text(citation.text)}
            if jury:
                review["author"] = {"@id": _JURY}
            node["review"] = review
        if citation.standing is Standing.WINNER:
            node["funding"] = {
                "@type": "MonetaryGrant",
                "name": title,
                "amount": self.amount(round_.amount),
            }
            if funded:
                node["funding"]["funder"] = {"@id": _MINISTRY}
        return node

    def event(self, value: Event) -> JSONObject:
        return _drop_empty(
            {
                "@type": "Event",
                "name": value.name,
                "startDate": None if value.start is None else value.start.isoformat(),
                "endDate": None if value.end is None else value.end.isoformat(),
                "location": None
                if value.place is None
                else {"@type": "Place", "name": value.place},
                "organizer": (
                    None if value.organizer is None else self.organisation(value.organizer)
                ),
            }
        )

    def source(self, value: Source) -> JSONObject:
        title = None
        if value.title is not None:
            title = _text(value.title, value.language or DATA_LANGUAGE, self.language)
        return _drop_empty(
            {
                "@type": "CreativeWork",
                "url": value.url,
                "name": title,
                "inLanguage": value.language,
                "publisher": (
                    None
                    if value.publisher is None
                    else {"@type": "Organization", "name": value.publisher}
                ),
                "datePublished": (
                    None if value.published_on is None else value.published_on.isoformat()
                ),
            }
        )

    def document(self, round_: AwardRound, prize: Prize | None) -> JSONObject:
        title = plain(self.phrases.title(round_, prize))
        # Who confers a prize of the user's own is not known to be a public body.
        kind = "GovernmentOrganization" if prize in bundled().values() else "Organization"
        ministry = None
        if prize is not None:
            ministry = {"@id": _MINISTRY, **self.organisation(prize.conferred_by, kind)}
        event = round_.event
        jury = None
        if round_.jury is not None:
            jury = {
                "@id": _JURY,
                "@type": "Organization",
                "name": self.phrases.words.gettext("The jury"),
                "member": [self.member(m) for m in round_.jury.members],
            }
        return _drop_empty(
            {
                "@context": CONTEXT,
                "@type": "Event",
                "name": title,
                "inLanguage": self.tag,
                "startDate": None if round_.awarded_on is None else round_.awarded_on.isoformat(),
                "location": (
                    None
                    if event is None or event.place is None
                    else {"@type": "Place", "name": event.place}
                ),
                "superEvent": None if event is None else self.event(event),
                "organizer": ministry,
                "performer": [self.person(p) for p in round_.presented_by],
                "contributor": None if jury is None else _drop_empty(jury),
                "about": [
                    self.honoured(
                        c, round_, title, jury=jury is not None, funded=ministry is not None
                    )
                    for c in round_.citations
                ],
                "subjectOf": [self.source(s) for s in round_.sources],
            }
        )


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
    given: dict[str, object] = {"round": round, "prize": prize}
    if not isinstance(given["round"], AwardRound):
        msg = f"round must be an AwardRound, not {type(round).__name__}"
        raise TypeError(msg)
    if prize is None:
        prize = round.prize
    elif not isinstance(given["prize"], Prize):
        msg = f"prize must be a Prize or None, not {type(prize).__name__}"
        raise TypeError(msg)
    where = parse_locale(locale)
    phrases = Phrases(messages(where))
    return _Builder(phrases, language_tag(where)).document(round, prize)


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
