"""How a year without a round, the prize's whole timeline and a municipality's record are laid out.

Built over :class:`~innovasjonspris.render._layout.Layout`, whose words, municipality
names, texts and sources they share, so that a year reads the same wherever it appears.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from innovasjonspris._model import AwardRound, Citation, Municipality, Standing, YearNotAwarded
from innovasjonspris._spans import Inline, Span, fill
from innovasjonspris.history import CitationRow
from innovasjonspris.render import _document as doc
from innovasjonspris.render._layout import Layout

__all__ = ["YearsLayout"]


@attrs.frozen
class YearsLayout:
    """Lays out years not awarded and timelines in the language of ``layout``."""

    layout: Layout

    def title(self, years: str) -> Inline:
        """``Innovasjonsprisen 2020``, or ``Innovasjonsprisen 2014–2020`` for a span."""
        name = (Span(self.layout.words.gettext("The Innovation Prize")),)
        return self.layout.prize_title(name, years)

    def not_awarded_lead(self, record: YearNotAwarded) -> Iterator[doc.Block]:
        """The sentence that says so, then the reason."""
        template = self.layout.words.gettext("The prize was not awarded in {year}.")
        yield doc.Paragraph(fill(template, year=str(record.year)))
        yield doc.Paragraph(self.layout.text(record.reason))

    def not_awarded(self, record: YearNotAwarded) -> doc.Document:
        """A page of its own for a year not awarded, with its notes and sources."""
        words = self.layout.words
        blocks = list(self.not_awarded_lead(record))
        if record.notes is not None:
            blocks.append(doc.section_heading(words.gettext("Notes")))
            blocks.append(doc.Paragraph(self.layout.text(record.notes)))
        blocks.append(doc.section_heading(words.gettext("Sources")))
        blocks.append(doc.Bullets(tuple(self.layout.source(s) for s in record.sources)))
        return doc.Document(self.layout.language, self.title(str(record.year)), tuple(blocks))

    def honoured(self, citations: Iterable[Citation]) -> doc.Facts:
        """Who the jury honoured, one fact per standing, the winner first."""
        by_standing: dict[Standing, list[Inline]] = {}
        for citation in sorted(citations, key=lambda c: c.standing.rank):
            named = self.layout.municipality(citation.municipality)
            by_standing.setdefault(citation.standing, []).append(named)
        return doc.Facts(
            tuple(
                (self.layout.standing_label(standing, len(names)), self.layout.list_of(names))
                for standing, names in by_standing.items()
            )
        )

    def timeline(self, entries: tuple[AwardRound | YearNotAwarded, ...]) -> doc.Document:
        """Every year, oldest first: who was honoured, or why the prize was not awarded."""
        blocks: list[doc.Block] = []
        for entry in entries:
            blocks.append(doc.section_heading(str(entry.year)))
            if isinstance(entry, AwardRound):
                blocks.append(self.honoured(entry.citations))
            else:
                blocks.extend(self.not_awarded_lead(entry))
        first, last = entries[0].year, entries[-1].year
        years = str(first) if first == last else f"{first}–{last}"
        return doc.Document(self.layout.language, self.title(years), tuple(blocks))

    def appearances(self, rows: tuple[CitationRow, ...]) -> doc.Document:
        """One municipality's citations, oldest first, headed by what it is today."""
        layout = self.layout
        today = rows[-1].now
        title = layout.list_of(
            layout.municipality(Municipality(number=m.number, name=m.name)) for m in today
        )
        template = layout.words.gettext("{year}: {standing}, as {number} {name} ({county})")
        items = tuple(
            fill(
                template,
                year=str(row.year),
                standing=layout.standing(row.standing),
                number=row.kommunenummer,
                name=row.municipality,
                county=row.county,
            )
            for row in rows
        )
        return doc.Document(layout.language, title, (doc.Bullets(items),))
