"""How a round is laid out: which sections it has, in which order, and their words.

:class:`Layout` turns an :class:`~innovasjonspris.AwardRound` into a
:class:`~innovasjonspris.render._document.Document` in one language. Labels and sentences
come from the message catalogs; numbers, dates and lists from
:mod:`innovasjonspris.formatting`. A text the data lacks in the language falls back as
:meth:`LocalizedText.resolve <innovasjonspris.LocalizedText.resolve>` says, and its span
carries the language it is in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Literal

import attrs

from innovasjonspris import registry
from innovasjonspris._i18n import Messages
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
from innovasjonspris.formatting import (
    format_amount,
    format_count,
    format_date,
    format_date_range,
    format_list,
    format_standing,
)
from innovasjonspris.render._document import (
    SECTION,
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Inline,
    Paragraph,
    Span,
    fill,
    joined,
    plain,
)

# Words an English title keeps in lower case: «Special Adviser on Innovation».
_MINOR_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def _capitalised(title: str) -> str:
    """An English title as it stands before a name, as the government's pages write it."""
    words = title.split(" ")
    return " ".join(
        word if index and word in _MINOR_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


@attrs.frozen
class Layout:
    """Lays out one round in one language."""

    words: Messages
    locale: str

    @property
    def language(self) -> str:
        return self.words.language

    def text(self, value: LocalizedText) -> Inline:
        used, found = value.resolve(self.language)
        return (Span(found, None if used == self.language else used),)

    def list_of(self, parts: Iterable[Inline]) -> Inline:
        # Babel joins placeholders so that each part keeps its own spans.
        items = list(parts)
        names = [f"{{p{index}}}" for index in range(len(items))]
        template = format_list(names, locale=self.locale)
        return fill(template, **{f"p{index}": item for index, item in enumerate(items)})

    def day(self, value: date, style: Literal["long", "full"] = "long") -> Inline:
        return (Span(format_date(value, locale=self.locale, style=style)),)

    def municipality(self, value: Municipality) -> Inline:
        return self.municipality_named(value.name)

    def municipality_then(self, value: Municipality, year: int) -> Inline:
        """The municipality, and what it has become since, where that is not the same."""
        fate = registry.fate(value.number, year=year)
        named = self.municipality(value)
        successors = [self.municipality_named(m.name) for m in fate.successors]
        since = str(fate.since)
        if fate.kind is registry.FateKind.MERGED:
            template = self.words.gettext("{municipality} (part of {successor} from {year})")
        elif fate.kind is registry.FateKind.RENAMED:
            template = self.words.gettext("{municipality} ({successor} from {year})")
        elif fate.kind is registry.FateKind.SPLIT:
            template = self.words.gettext(
                "{municipality} (divided between {successors} from {year})"
            )
        elif fate.kind is registry.FateKind.RENUMBERED:
            template = self.words.gettext(
                "{municipality} (municipality number {number} from {year})"
            )
        else:
            return named
        return fill(
            template,
            municipality=named,
            successor=successors[0],
            successors=self.list_of(successors),
            number=fate.successors[0].number,
            year=since,
        )

    def municipality_named(self, name: str) -> Inline:
        return fill(self.words.gettext("{name} Municipality"), name=name)

    def quoted(self, value: str) -> Inline:
        # CLDR has quotation marks per locale, but Babel does not expose them.
        return fill(self.words.pgettext("quotation", "‘{text}’"), text=value)

    def organisation(self, value: Organisation, *, short_name: bool = True) -> Inline:
        name = self.text(value.name)
        if not short_name or value.short_name is None or value.short_name == plain(name):
            return name
        template = self.words.gettext("{name} ({short_name})")
        return fill(template, name=name, short_name=value.short_name)

    def person(self, value: Person, *, organisation: bool = True) -> Inline:
        """A person in running text: ``statssekretær Aase Marthe Horrigmo``."""
        named: Inline = (Span(value.name),)
        if value.title is not None:
            template = self.words.gettext("{title} {name}")
            named = fill(template, name=value.name, title=self.title_before_name(value.title))
        if not organisation or value.organisation is None:
            return named
        # Already in brackets: the organisation's name alone, without its short name.
        where = self.organisation(value.organisation, short_name=False)
        return fill(
            self.words.gettext("{person} ({organisation})"), person=named, organisation=where
        )

    def title_before_name(self, value: LocalizedText) -> Inline:
        """A title before a name; English capitalises it (``State Secretary``)."""
        return tuple(
            attrs.evolve(span, text=_capitalised(span.text))
            if self.language == "en" and span.lang is None
            else span
            for span in self.text(value)
        )

    def member(self, value: JuryMember) -> Inline:
        """A jury member in a list: name, title, organisation."""
        person = value.person
        parts: list[Inline] = [(Span(person.name),)]
        if person.title is not None:
            parts.append(self.text(person.title))
        if person.organisation is not None:
            parts.append(self.organisation(person.organisation))
        listed = joined(", ", parts)
        if not value.chair:
            return listed
        return fill(self.words.gettext("{member} (jury chair)"), member=listed)

    def standing(self, value: Standing) -> str:
        return format_standing(value, locale=self.locale)

    # --- the sections ---

    def title(self, round_: AwardRound, prize: Prize | None) -> Inline:
        name = (
            (Span(self.words.gettext("The Innovation Prize")),)
            if prize is None
            else self.text(prize.name)
        )
        return fill(self.words.gettext("{prize} {year}"), prize=name, year=str(round_.year))

    def lead(self, round_: AwardRound) -> Paragraph:
        template = self.words.gettext("The prize went to {winner}, which received {amount}.")
        amount = format_amount(round_.amount, locale=self.locale, style="long")
        return Paragraph(
            fill(
                template,
                winner=self.municipality_then(round_.winner.municipality, round_.year),
                amount=amount,
            )
        )

    def facts(self, round_: AwardRound) -> Iterator[Block]:
        items: list[tuple[str, Inline]] = []
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
                (
                    label,
                    self.list_of(
                        self.municipality_then(c.municipality, round_.year) for c in citations
                    ),
                )
            )
        if items:
            yield Facts(tuple(items))

    @staticmethod
    def others(round_: AwardRound) -> Iterator[tuple[Standing, tuple[Citation, ...]]]:
        for standing in (Standing.FINALIST, Standing.HONOURABLE_MENTION):
            citations = tuple(c for c in round_.citations if c.standing is standing)
            if citations:
                yield standing, citations

    def event(self, event: Event, awarded_on: date | None) -> Iterator[tuple[str, Inline]]:
        name: Inline = (Span(event.name),)
        start, end = event.start, event.end or event.start
        if start is not None and end is not None and (start != end or start != awarded_on):
            when = format_date_range(start, end, locale=self.locale)
            name = fill(self.words.gettext("{event} ({dates})"), event=name, dates=when)
        yield self.words.gettext("Event"), name
        if event.place is not None:
            yield self.words.gettext("Place"), (Span(event.place),)
        if event.organizer is not None:
            yield self.words.gettext("Organiser"), self.organisation(event.organizer)

    def applicants(self, applicants: Applicants) -> Iterator[Block]:
        sentences: list[Inline] = []
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
                        "In all, {municipalities} applied, with {projects} between them."
                    )
                )
                sentences.append(
                    fill(
                        template,
                        municipalities=count(municipalities, "municipality"),
                        projects=count(projects, "project"),
                    )
                )
            else:
                template = (
                    self.words.gettext("More than {municipalities} applied.")
                    if applicants.more_than
                    else self.words.gettext("In all, {municipalities} applied.")
                )
                sentences.append(
                    fill(template, municipalities=count(municipalities, "municipality"))
                )
        elif projects is not None:
            template = self.words.gettext("The applications named {projects}.")
            sentences.append(fill(template, projects=count(projects, "project")))
        if applicants.applications is not None:
            applications = applicants.applications
            template = self.words.ngettext(
                "There was {applications}.", "There were {applications}.", applications
            )
            sentences.append(fill(template, applications=count(applications, "application")))
        yield Paragraph(joined(" ", sentences))

    def count(self, value: int, noun: str) -> str:
        return format_count(value, noun, locale=self.locale)

    def citations(self, round_: AwardRound) -> Iterator[Block]:
        # A finalist the data says nothing more about is named among the facts already.
        cited = [c for c in round_.citations if self.has_content(c)]
        if not cited:
            return
        yield Heading(SECTION, (Span(self.words.gettext("The jury's citations")),))
        for citation in cited:
            heading = fill(
                self.words.gettext("{municipality} ({standing})"),
                municipality=self.municipality(citation.municipality),
                standing=self.standing(citation.standing),
            )
            yield Heading(3, heading)
            if citation.text is not None:
                yield Paragraph(self.text(citation.text))
            yield from self.citation_facts(citation)

    @staticmethod
    def has_content(citation: Citation) -> bool:
        return bool(
            citation.text is not None
            or citation.projects
            or citation.accepted_by is not None
            or citation.representatives
        )

    def citation_facts(self, citation: Citation) -> Iterator[Block]:
        projects = citation.projects
        summaries = [p for p in projects if p.summary is not None]
        items: list[tuple[str, Inline]] = []
        if projects and not summaries:
            label = self.words.ngettext("Project", "Projects", len(projects))
            items.append((label, self.list_of(self.quoted(p.name) for p in projects)))
        if citation.accepted_by is not None:
            label = (
                self.words.gettext("The prize was received by")
                if citation.standing is Standing.WINNER
                else self.words.gettext("The diploma was received by")
            )
            # They stand for the cited municipality; their organisation goes without saying.
            items.append((label, self.person(citation.accepted_by, organisation=False)))
        if citation.representatives:
            people = citation.representatives
            label = self.words.ngettext("Representative", "Representatives", len(people))
            people_text = self.list_of(self.person(p, organisation=False) for p in people)
            items.append((label, people_text))
        if items:
            yield Facts(tuple(items))
        if summaries:
            yield Bullets(tuple(self.project_item(p.name, p.summary) for p in projects))

    def project_item(self, name: str, summary: LocalizedText | None) -> Inline:
        if summary is None:
            return self.quoted(name)
        return fill(
            self.words.gettext("{project}: {summary}"),
            project=self.quoted(name),
            summary=self.text(summary),
        )

    def jury(self, round_: AwardRound) -> Iterator[Block]:
        jury = round_.jury
        if jury is None:
            return
        yield Heading(SECTION, (Span(self.words.gettext("The jury")),))
        if jury.members:
            yield Bullets(tuple(self.member(m) for m in jury.members))
        if jury.secretariat is not None:
            yield Facts(((self.words.gettext("Secretariat"), self.organisation(jury.secretariat)),))

    def criteria(self, round_: AwardRound) -> Iterator[Block]:
        if round_.criteria:
            yield Heading(SECTION, (Span(self.words.gettext("Criteria")),))
            yield Bullets(tuple(self.text(c) for c in round_.criteria))

    def notes(self, round_: AwardRound) -> Iterator[Block]:
        if round_.notes is not None:
            yield Heading(SECTION, (Span(self.words.gettext("Notes")),))
            yield Paragraph(self.text(round_.notes))

    def sources(self, round_: AwardRound) -> Iterator[Block]:
        if round_.sources:
            yield Heading(SECTION, (Span(self.words.gettext("Sources")),))
            yield Bullets(tuple(self.source(s) for s in round_.sources))

    def source(self, source: Source) -> Inline:
        link = (Span(source.url, href=source.url),)
        details: list[Inline] = []
        if source.publisher is not None:
            details.append((Span(source.publisher),))
        if source.published_on is not None:
            details.append(self.day(source.published_on))
        described: Inline = () if source.title is None else (Span(source.title),)
        if details:
            listed = joined(", ", details)
            described = (
                listed
                if not described
                else fill(
                    self.words.gettext("{title} ({details})"), title=described, details=listed
                )
            )
        if not described:
            return link
        return fill(self.words.gettext("{description}: {url}"), description=described, url=link)

    def document(self, round_: AwardRound, prize: Prize | None) -> Document:
        blocks: list[Block] = [self.lead(round_)]
        blocks.extend(self.facts(round_))
        if round_.applicants is not None:
            blocks.extend(self.applicants(round_.applicants))
        blocks.extend(self.citations(round_))
        blocks.extend(self.jury(round_))
        blocks.extend(self.criteria(round_))
        blocks.extend(self.notes(round_))
        blocks.extend(self.sources(round_))
        return Document(self.language, self.title(round_, prize), tuple(blocks))
