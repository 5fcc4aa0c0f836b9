"""The phrases a round's layout is made of: names, people, dates, sources, in one language.

:class:`Phrases` writes the small pieces (a municipality, a person with their title, a span
of days, a source, the round's title) as spans; :class:`~innovasjonspris.render._layout.Layout`
puts them into sections, and ``_jsonld`` takes its texts from them too. Labels and sentences
come from the message catalogs; numbers, dates and lists from the working parts of
:mod:`innovasjonspris.formatting`, for the locale of the messages, parsed once, and
for values the model has checked already. The data's plain strings are Bokmål; a text
the data lacks in the language falls back as :meth:`LocalizedText.resolve
<innovasjonspris.LocalizedText.resolve>` says; either way a span carries the language it
is in, where that is not the document's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final, Literal, cast

import attrs
from babel import Locale

from innovasjonspris import registry
from innovasjonspris._cldr_text import date_text, range_text
from innovasjonspris._formatting import count_text, standing_text
from innovasjonspris._i18n import Messages
from innovasjonspris._model import (
    AwardRound,
    JuryMember,
    LocalizedText,
    Municipality,
    Organisation,
    Person,
    Prize,
    Source,
    Standing,
)
from innovasjonspris._spans import Inline, Span, fill, joined, plain


def _keeps_name(fate: registry.Fate) -> bool:
    """Tell whether the municipality a merger made carries the name of this one."""
    before = fate.events[0].before  # a merged municipality has at least its merger
    return not before.accepted_names.isdisjoint(fate.successors[0].accepted_names)


def shown_prize(round_: object, prize: object) -> Prize | None:
    """Check the round and prize a caller asks to present; return the prize to present.

    That is ``prize`` when given, and otherwise the round's own. A wrong type is the
    caller's mistake: a :class:`TypeError`, whoever asks (a page, its title, JSON-LD).
    """
    if not isinstance(round_, AwardRound):
        msg = f"round must be an AwardRound, not {type(round_).__name__}"
        raise TypeError(msg)
    if prize is None:
        return round_.prize
    if not isinstance(prize, Prize):
        msg = f"prize must be a Prize or None, not {type(prize).__name__}"
        raise TypeError(msg)
    return prize


DATA_LANGUAGE: Final = "nb"
"""The language of the data's plain strings (names, titles, places): Bokmål."""

# The dash between a range's first and last day, with any spaces around it.
_RANGE_DASH: Final = re.compile(r"[\s\u2009\u202f]*\u2013[\s\u2009\u202f]*")


@attrs.frozen
class Phrases:
    """Writes the pieces of one round's text in one language."""

    words: Messages

    @property
    def language(self) -> str:
        return self.words.language

    @property
    def where(self) -> Locale:
        """The locale, parsed once, whose CLDR data writes the numbers, dates and lists."""
        return self.words.locale

    def text(self, value: LocalizedText) -> Inline:
        used, found = value.resolve(self.language)
        return (Span(found, None if used == self.language else used),)

    def data(self, value: str, language: str = DATA_LANGUAGE) -> Inline:
        """A plain string from the data: a name, a title, in Bokmål unless said otherwise."""
        return (Span(value, None if language == self.language else language),)

    def list_of(self, parts: Iterable[Inline]) -> Inline:
        """The parts joined as CLDR's list patterns join them, each keeping its own spans.

        Joined as :func:`babel.lists.format_list` joins text: the pattern for two, or
        the first two by the start pattern, each further one by the middle pattern, and
        the last by the end pattern.
        """
        items = list(parts)
        if len(items) < 2:  # noqa: PLR2004 - one part, or none, has nothing to join
            return items[0] if items else ()
        patterns = cast("Mapping[str, str]", self.where.list_patterns["standard"])
        if len(items) == 2 and "2" in patterns:  # noqa: PLR2004 - CLDR's pattern for two
            return fill(patterns["2"], **{"0": items[0], "1": items[1]})
        joined_so_far = fill(patterns["start"], **{"0": items[0], "1": items[1]})
        for item in items[2:-1]:
            joined_so_far = fill(patterns["middle"], **{"0": joined_so_far, "1": item})
        return fill(patterns["end"], **{"0": joined_so_far, "1": items[-1]})

    def day(self, value: date, style: Literal["long", "full"] = "long") -> Inline:
        return (Span(date_text(value, self.where, style), when=value),)

    def days(self, start: date, end: date) -> Inline:
        """A span of days, each end marked with its date where the range's dash parts them."""
        if start == end:
            return self.day(start)
        text = range_text(start, end, self.where)
        parted = _RANGE_DASH.search(text)
        if parted is None:
            return (Span(text),)
        first, dash, last = text[: parted.start()], parted.group(), text[parted.end() :]
        return (Span(first, when=start), Span(dash), Span(last, when=end))

    def title(self, round_: AwardRound, prize: Prize | None) -> Inline:
        if prize is None:
            # A prize the data does not name is no one's in particular: never KMD's.
            return (Span(self.words.gettext("Prize award {year}").format(year=round_.year)),)
        return self.prize_title(self.text(prize.name), str(round_.year))

    def prize_title(self, prize: Inline, years: str) -> Inline:
        """A page's title: the prize's name and the year, or the span of years, it covers."""
        return fill(self.words.gettext("{prize} {year}"), prize=prize, year=years)

    def municipality(self, value: Municipality) -> Inline:
        return self.municipality_named(value.name)

    def municipality_then(self, value: Municipality, year: int) -> Inline:
        """The municipality, and what it has become since, where that is not the same."""
        fate = registry.fate(value.number, year=year)
        named = self.municipality(value)
        successors = [self.municipality_named(m.name) for m in fate.successors]
        since = str(fate.since)
        if fate.kind is registry.FateKind.MERGED and _keeps_name(fate):
            template = self.words.gettext(
                "{municipality} (merged into a new {successor} from {year})"
            )
        elif fate.kind is registry.FateKind.MERGED:
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
        return fill(self.words.gettext("{name} Municipality"), name=self.data(name))

    def quoted(self, value: Inline) -> Inline:
        # CLDR has quotation marks per locale, but Babel does not expose them.
        return fill(self.words.pgettext("quotation", "‘{text}’"), text=value)

    def organisation(self, value: Organisation, *, short_name: bool = True) -> Inline:
        name = self.text(value.name)
        if not short_name or value.short_name is None or value.short_name == plain(name):
            return name
        template = self.words.gettext("{name} ({short_name})")
        return fill(template, name=name, short_name=self.data(value.short_name))

    def person(self, value: Person, *, organisation: bool = True) -> Inline:
        """A person in running text: ``statssekretær Aase Marthe Horrigmo``."""
        named = self.data(value.name)
        if value.title is not None:
            template = self.words.gettext("{title} {name}")
            # The title as the data writes it, in every language: whether a title is
            # capitalised («State Secretary») is the data's choice, not the rendering's.
            named = fill(template, name=named, title=self.text(value.title))
        if not organisation or value.organisation is None:
            return named
        # Already in brackets: the organisation's name alone, without its short name.
        where = self.organisation(value.organisation, short_name=False)
        return fill(
            self.words.gettext("{person} ({organisation})"), person=named, organisation=where
        )

    def member(self, value: JuryMember) -> Inline:
        """A jury member in a list: name, title, organisation."""
        person = value.person
        parts: list[Inline] = [self.data(person.name)]
        if person.title is not None:
            parts.append(self.text(person.title))
        if person.organisation is not None:
            parts.append(self.organisation(person.organisation))
        listed = joined(", ", parts)
        if not value.chair:
            return listed
        return fill(self.words.gettext("{member} (jury chair)"), member=listed)

    def standing(self, value: Standing) -> str:
        return standing_text(self.words, value)

    def count(self, value: int, noun: str) -> str:
        return count_text(self.words, value, noun)

    def project_item(self, name: str, summary: LocalizedText | None) -> Inline:
        if summary is None:
            return self.quoted(self.data(name))
        return fill(
            self.words.gettext("{project}: {summary}"),
            project=self.quoted(self.data(name)),
            summary=self.text(summary),
        )

    def source(self, source: Source) -> Inline:
        link = (Span(source.url, href=source.url),)
        details: list[Inline] = []
        if source.publisher is not None:
            details.append(self.data(source.publisher))
        if source.published_on is not None:
            details.append(self.day(source.published_on))
        described: Inline = (
            ()
            if source.title is None
            else self.data(source.title, source.language or DATA_LANGUAGE)
        )
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
