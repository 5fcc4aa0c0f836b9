"""How a round is laid out: which sections it has, in which order, and their words.

:class:`Layout` turns an :class:`~innovasjonspris.AwardRound` into a
:class:`~innovasjonspris.render._document.Document` in one language, out of the pieces
:class:`~innovasjonspris.render._phrases.Phrases` writes. Sections the data has nothing
for are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Final

import attrs

from innovasjonspris._cldr_text import amount_text
from innovasjonspris._i18n import Messages
from innovasjonspris._model import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    Prize,
    Standing,
)
from innovasjonspris._phrases import Phrases
from innovasjonspris._spans import Inline, fill, joined
from innovasjonspris.render import _document as doc

__all__ = ["Layout"]


_LABELS: Final[dict[Standing, Callable[[Messages, int], str]]] = {
    Standing.WINNER: lambda words, count: words.ngettext("Winner", "Winners", count),
    Standing.FINALIST: lambda words, count: words.ngettext("Finalist", "Finalists", count),
    Standing.HONOURABLE_MENTION: lambda words, count: words.ngettext(
        "Honourable mention", "Honourable mentions", count
    ),
}


@attrs.frozen
class Layout(Phrases):
    """Lays out one round in one language."""

    def standing_label(self, standing: Standing, count: int) -> str:
        """``Vinner``, ``Finalister``, ``Hederlig omtale``: a standing as a label."""
        return _LABELS[standing](self.words, count)

    def conferred_by(self, round_: AwardRound, prize: Prize | None) -> Iterator[tuple[str, Inline]]:
        """Who confers the prize, unless a presenter already says it, speaking for them."""
        if prize is None:
            return
        giver = prize.conferred_by.name.resolve(self.language)
        for person in round_.presented_by:
            if person.organisation and person.organisation.name.resolve(self.language) == giver:
                return
        yield self.words.gettext("Conferred by"), self.organisation(prize.conferred_by)

    def lead(self, round_: AwardRound) -> doc.Paragraph:
        template = self.words.gettext("The prize went to {winner}, which received {amount}.")
        amount = amount_text(round_.amount, self.where, "long")
        return doc.Paragraph(
            fill(
                template,
                winner=self.municipality_then(round_.winner.municipality, round_.year),
                amount=amount,
            ),
            part="lead",
        )

    def facts(self, round_: AwardRound, prize: Prize | None = None) -> Iterator[doc.Block]:
        items: list[tuple[str, Inline]] = [*self.conferred_by(round_, prize)]
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
            items.append(
                (
                    self.standing_label(standing, len(citations)),
                    self.list_of(
                        self.municipality_then(c.municipality, round_.year) for c in citations
                    ),
                )
            )
        if items:
            yield doc.Facts(tuple(items), part="facts")

    @staticmethod
    def others(round_: AwardRound) -> Iterator[tuple[Standing, tuple[Citation, ...]]]:
        for standing in (Standing.FINALIST, Standing.HONOURABLE_MENTION):
            citations = tuple(c for c in round_.citations if c.standing is standing)
            if citations:
                yield standing, citations

    def event(self, event: Event, awarded_on: date | None) -> Iterator[tuple[str, Inline]]:
        name = self.data(event.name)
        start, end = event.start, event.end or event.start
        if start is not None and end is not None and (start != end or start != awarded_on):
            when = self.days(start, end)
            name = fill(self.words.gettext("{event} ({dates})"), event=name, dates=when)
        yield self.words.gettext("Event"), name
        if event.place is not None:
            yield self.words.gettext("Place"), self.data(event.place)
        if event.organizer is not None:
            yield self.words.gettext("Organiser"), self.organisation(event.organizer)

    def applicants(self, applicants: Applicants) -> Iterator[doc.Block]:
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
        elif applicants.applicants is not None:
            sentences.append(self.applicant_count(applicants.applicants, projects))
        elif projects is not None:
            template = self.words.gettext("The applications named {projects}.")
            sentences.append(fill(template, projects=count(projects, "project")))
        if municipalities is not None and applicants.applicants is not None:
            sentences.append(self.applicant_count(applicants.applicants, None))
        if applicants.applications is not None:
            applications = applicants.applications
            template = self.words.ngettext(
                "There was {applications}.", "There were {applications}.", applications
            )
            sentences.append(fill(template, applications=count(applications, "application")))
        yield doc.Paragraph(joined(" ", sentences), part="applicants")

    def applicant_count(self, applicants: int, projects: int | None) -> Inline:
        """Applicants of every kind, counted together, with their projects if counted."""
        who = self.count(applicants, "applicant")
        if projects is None:
            template = self.words.ngettext(
                "There was {applicants}.", "There were {applicants}.", applicants
            )
            return fill(template, applicants=who)
        template = self.words.ngettext(
            "There was {applicants}, with {projects} between them.",
            "There were {applicants}, with {projects} between them.",
            applicants,
        )
        return fill(template, applicants=who, projects=self.count(projects, "project"))

    def citations(self, round_: AwardRound) -> Iterator[doc.Block]:
        # A finalist the data says nothing more about is named among the facts already.
        cited = [c for c in round_.citations if self.has_content(c)]
        if not cited:
            return
        heading = doc.section_heading(self.words.gettext("The jury’s citations"))
        yield doc.Section("citations", (heading, *(self.citation(c) for c in cited)))

    def citation(self, citation: Citation) -> doc.Section:
        heading = fill(
            self.words.gettext("{municipality} ({standing})"),
            municipality=self.municipality(citation.municipality),
            standing=self.standing(citation.standing),
        )
        blocks: list[doc.Block] = [doc.Heading(doc.SECTION + 1, heading)]
        if citation.text is not None:
            blocks.append(doc.Paragraph(self.text(citation.text), part="citation-text"))
        blocks.extend(self.citation_facts(citation))
        return doc.Section(
            "citation",
            tuple(blocks),
            key=citation.municipality.number,
            kind=citation.standing.value.replace("_", "-"),
        )

    @staticmethod
    def has_content(citation: Citation) -> bool:
        return bool(
            citation.text is not None
            or citation.projects
            or citation.accepted_by is not None
            or citation.representatives
        )

    def citation_facts(self, citation: Citation) -> Iterator[doc.Block]:
        projects = citation.projects
        summaries = [p for p in projects if p.summary is not None]
        items: list[tuple[str, Inline]] = []
        if projects and not summaries:
            label = self.words.ngettext("Project", "Projects", len(projects))
            items.append((label, self.list_of(self.quoted(self.data(p.name)) for p in projects)))
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
            yield doc.Facts(tuple(items), part="citation-facts")
        if summaries:
            yield doc.Bullets(
                tuple(self.project_item(p.name, p.summary) for p in projects),
                part="projects",
                item_part="project",
            )

    def jury(self, round_: AwardRound) -> Iterator[doc.Block]:
        jury = round_.jury
        if jury is None:
            return
        blocks: list[doc.Block] = [doc.section_heading(self.words.gettext("The jury"))]
        if jury.members:
            members = tuple(self.member(m) for m in jury.members)
            blocks.append(doc.Bullets(members, part="jury-members", item_part="jury-member"))
        if jury.secretariat is not None:
            label = self.words.gettext("Secretariat")
            blocks.append(
                doc.Facts(((label, self.organisation(jury.secretariat)),), part="secretariat")
            )
        yield doc.Section("jury", tuple(blocks))

    def criteria(self, round_: AwardRound) -> Iterator[doc.Block]:
        if round_.criteria:
            heading = doc.section_heading(self.words.gettext("Criteria"))
            items = doc.Bullets(tuple(self.text(c) for c in round_.criteria), part="criteria-list")
            yield doc.Section("criteria", (heading, items))

    def notes(self, round_: AwardRound) -> Iterator[doc.Block]:
        if round_.notes is not None:
            heading = doc.section_heading(self.words.gettext("Notes"))
            yield doc.Section(
                "notes", (heading, doc.Paragraph(self.text(round_.notes), part="notes-text"))
            )

    def sources(self, round_: AwardRound) -> Iterator[doc.Block]:
        if round_.sources:
            heading = doc.section_heading(self.words.gettext("Sources"))
            items = doc.Bullets(
                tuple(self.source(s) for s in round_.sources),
                part="sources-list",
                item_part="source",
            )
            yield doc.Section("sources", (heading, items))

    def document(self, round_: AwardRound, prize: Prize | None) -> doc.Document:
        blocks: list[doc.Block] = [self.lead(round_)]
        blocks.extend(self.facts(round_, prize))
        if round_.applicants is not None:
            blocks.extend(self.applicants(round_.applicants))
        blocks.extend(self.citations(round_))
        blocks.extend(self.jury(round_))
        blocks.extend(self.criteria(round_))
        blocks.extend(self.notes(round_))
        blocks.extend(self.sources(round_))
        return doc.Document(self.language, self.title(round_, prize), tuple(blocks))
