"""The builder of a round's schema.org JSON-LD, for phrases in a locale already parsed.

:func:`innovasjonspris.jsonld.to_jsonld` checks its arguments and parses the locale, then
calls :func:`jsonld_of`; rendering, which has its phrases and its prize at hand already,
calls it directly for the JSON-LD of a whole page.
"""

from __future__ import annotations

from typing import Any, Final

from innovasjonspris._i18n import language_tag
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

__all__ = ["CONTEXT", "JSONObject", "jsonld_of"]

CONTEXT: Final = "https://schema.org"
"""The ``@context`` of every document :func:`jsonld_of` returns."""

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


def jsonld_of(round_: AwardRound, prize: Prize | None, phrases: Phrases) -> JSONObject:
    """Return ``round_`` as a JSON-LD document of ``prize``, in the language of ``phrases``."""
    return _Builder(phrases, language_tag(phrases.where)).document(round_, prize)
