from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import attrs
import pytest

from factories import full_round
from innovasjonspris import (
    Applicants,
    AwardRound,
    Citation,
    Event,
    Jury,
    JuryMember,
    LocalizedText,
    Money,
    Municipality,
    Organisation,
    Person,
    Project,
    Source,
    Standing,
    ValidationError,
)
from innovasjonspris.render import FORMATS, render_round

LOCALES = ("nb", "nn", "en")

_VOID = {"meta", "br"}


class _Checker(HTMLParser):
    """Collects text and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert not checker.open
    return checker


def minimal_round(**changes: object) -> AwardRound:
    fields: dict[str, object] = {
        "id": "innovasjonsprisen-2020",
        "year": 2020,
        "amount": Money(amount=Decimal(500000)),
        "citations": (
            Citation(
                municipality=Municipality(number="5001", name="Trondheim"), standing=Standing.WINNER
            ),
        ),
    }
    fields.update(changes)
    return AwardRound(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", LOCALES)
def test_full_round_in_text(locale: str) -> None:
    text = render_round(full_round(), locale=locale)
    expected = {
        "nb": [
            "Innovasjonsprisen 2019\n======================\n",
            "Prisen gikk til Trondheim kommune, som fikk 500\xa0000\xa0kroner.",
            "Delt ut: fredag 7.\xa0juni 2019",
            "Arrangement: Fremtidens kommuner 2019 (6.–7.\xa0juni 2019)",
            "Sted: Arendal",
            "Delt ut av: statssekretær Aase Marthe Horrigmo",
            "Kunngjort: 11.\xa0juni 2019",
            "Finalister: Ulstein kommune og Fjell kommune",
            "I alt søkte 20 kommuner, og søknadene gjaldt 40 prosjekter.",
            "Trondheim kommune (vinner)",
            "Prosjekter: «Ledelsesskolen» og «Universitetskommunen»",
            "Prisen ble tatt imot av: kommunaldirektør Elin Rognes Solbu",
            "Prosjekt: «Teknologiskolen»",
            "- Rolf Rønning, professor, Høgskolen i Lillehammer (juryleder)",
            "Sekretariat: Direktoratet for forvaltning og IKT (Difi)",
            "Kriterier\n---------\n\n- Nyhetsverdi",
            "Merknader\n---------\n\nFørste avsnitt.\n\nAndre avsnitt.",
            "- Innovasjonsprisen 2019 (KMD, 11.\xa0juni 2019): https://",
        ],
        "nn": [
            "Prisen gjekk til Trondheim kommune, som fekk 500\xa0000\xa0kroner.",
            "Stad: Arendal",
            "Finalistar: Ulstein kommune og Fjell kommune",
            "I alt søkte 20 kommunar, og søknadene galdt 40 prosjekt.",
            "Grunngjevingane frå juryen",
            "Trondheim kommune (vinnar)",
            "Trondheim arbeider heilskapleg.",
            "Prosjekt: «Ledelsesskolen» og «Universitetskommunen»",
            "(juryleiar)",
            "Prisen vart teken imot av: kommunaldirektør Elin Rognes Solbu",
            "Kriteria\n--------\n\n- Nyheitsverdi",
            "Kjelder",
        ],
        "en": [
            "The Innovation Prize 2019",
            "The prize went to Trondheim Municipality, which received 500,000\xa0Norwegian kroner.",
            "Awarded: Friday 7 June 2019",
            "Presented by: State Secretary Aase Marthe Horrigmo",
            "In all, 20 municipalities applied, with 40 projects between them.",
            "Projects: ‘Ledelsesskolen’ and ‘Universitetskommunen’",
            "Rolf Rønning, professor, Høgskolen i Lillehammer (jury chair)",
            "The prize was received by: executive director Elin Rognes Solbu",
            "- Novelty",
        ],
    }[locale]
    for piece in expected:
        assert piece in text
    # Fjell has nothing beyond its standing: it is among the finalists, with no section.
    assert "Fjell kommune (finalist)" not in text
    assert "Fjell Municipality (finalist)" not in text


def test_regional_and_alias_locales() -> None:
    assert render_round(full_round(), locale="nb_NO") == render_round(full_round())
    assert render_round(full_round(), locale="no") == render_round(full_round())
    assert render_round(full_round(), locale="en_GB").startswith("The Innovation Prize 2019")


@pytest.mark.parametrize("format_", FORMATS)
def test_minimal_round_has_no_empty_section(format_: str) -> None:
    for locale in LOCALES:
        shown = render_round(minimal_round(), locale=locale, format=format_)  # type: ignore[arg-type]
        for empty in ("Juryen", "Kilder", "Kjelder", "Criteria", "Sources", "Notes", "Merknader"):
            assert empty not in shown
        assert "Trondheim" in shown
        assert "2020" in shown
    text = render_round(minimal_round())
    # The round names no prize, so nothing says whose it is.
    assert text == (
        "Prisutdeling 2020\n=================\n\n"
        "Prisen gikk til Trondheim kommune, som fikk 500\xa0000\xa0kroner.\n"
    )


@pytest.mark.parametrize(
    ("applicants", "nb", "nn", "en"),
    [
        (
            Applicants(municipalities=20, projects=40, more_than=True),
            "Flere enn 20 kommuner søkte, med til sammen 40 prosjekter.",
            "Fleire enn 20 kommunar søkte, med til saman 40 prosjekt.",
            "More than 20 municipalities applied, with 40 projects between them.",
        ),
        (
            Applicants(municipalities=1),
            "I alt søkte 1 kommune.",
            "I alt søkte 1 kommune.",
            "In all, 1 municipality applied.",
        ),
        (
            Applicants(municipalities=30, more_than=True),
            "Flere enn 30 kommuner søkte.",
            "Fleire enn 30 kommunar søkte.",
            "More than 30 municipalities applied.",
        ),
        (
            Applicants(projects=1),
            "Søknadene gjaldt 1 prosjekt.",
            "Søknadene galdt 1 prosjekt.",
            "The applications named 1 project.",
        ),
        (
            Applicants(applications=25),
            "Det kom inn 25 søknader.",
            "Det kom inn 25 søknader.",
            "There were 25 applications.",
        ),
        (
            Applicants(municipalities=21, applications=1),
            "I alt søkte 21 kommuner. Det kom inn 1 søknad.",
            "I alt søkte 21 kommunar. Det kom inn 1 søknad.",
            "In all, 21 municipalities applied. There was 1 application.",
        ),
        # Applicants of every kind (municipalities, county municipalities, city districts),
        # counted together as 2017's sources count them: never called municipalities.
        (
            Applicants(applicants=18, projects=33),
            "Det var 18 søkere, og søknadene gjaldt 33 prosjekter.",
            "Det var 18 søkjarar, og søknadene galdt 33 prosjekt.",
            "There were 18 applicants, with 33 projects between them.",
        ),
        (
            Applicants(applicants=1, projects=2),
            "Det var 1 søker, og søknaden gjaldt 2 prosjekter.",
            "Det var 1 søkjar, og søknaden galdt 2 prosjekt.",
            "There was 1 applicant, with 2 projects between them.",
        ),
        (
            Applicants(applicants=1),
            "Det var 1 søker.",
            "Det var 1 søkjar.",
            "There was 1 applicant.",
        ),
        (
            Applicants(municipalities=17, applicants=18),
            "I alt søkte 17 kommuner. Det var 18 søkere.",
            "I alt søkte 17 kommunar. Det var 18 søkjarar.",
            "In all, 17 municipalities applied. There were 18 applicants.",
        ),
    ],
)
def test_applicant_counts(applicants: Applicants, nb: str, nn: str, en: str) -> None:
    award = minimal_round(applicants=applicants)
    for locale, sentence in (("nb", nb), ("nn", nn), ("en", en)):
        assert f"\n\n{sentence}\n" in render_round(award, locale=locale)


def test_fallback_language_is_marked_in_html() -> None:
    award = minimal_round(notes=LocalizedText(nb="Bare på bokmål."))
    page = render_round(award, locale="en", format="html")
    assert (
        '<p class="innovasjonspris-notes-text"><span lang="nb">Bare på bokmål.</span></p>' in page
    )
    assert '<html lang="en-GB">' in page  # English is British English
    assert "<span lang" not in render_round(award, locale="nb", format="html")
    nynorsk = render_round(award, locale="nn", format="html")
    assert '<span lang="nb">Bare på bokmål.</span>' in nynorsk


def test_html_is_a_whole_valid_document() -> None:
    tags = {"nb": "nb", "nn": "nn", "en": "en-GB"}
    for locale in LOCALES:
        page = render_round(full_round(), locale=locale, format="html")
        assert page.startswith(
            f'<!DOCTYPE html>\n<html lang="{tags[locale]}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>'
        )
        checker = _parse(page)
        assert checker.doctype == "DOCTYPE html"
        assert [tag for tag, _ in checker.tags].count("h1") == 1
        links = [a["href"] for tag, a in checker.tags if tag == "a" and "class" not in a]
        assert links == ["https://www.regjeringen.no/no/aktuelt/innovasjonsprisen/id0/"]


def test_html_splits_paragraphs_and_keeps_line_breaks() -> None:
    award = minimal_round(notes=LocalizedText(nb="En\nto\n\ntre"))
    page = render_round(award, format="html")
    notes = '<p class="innovasjonspris-notes-text">'
    assert f"{notes}En<br>\nto</p>\n{notes}tre</p>" in page


HOSTILE = "<script>alert(1)</script>"
MARKDOWN = "*Bø*_[x](y)"


def hostile_round() -> AwardRound:
    # A round's municipality carries the registry's name; the markup goes everywhere else.
    municipality = Municipality(number="5001", name="Trondheim")
    return minimal_round(
        citations=(
            Citation(
                municipality=municipality,
                standing=Standing.WINNER,
                text=LocalizedText(
                    nb=f"{MARKDOWN}\n# Overskrift\n1. punkt\n- punkt\n    kode\n"
                    "=====\n> sitat & &amp; \\"
                ),
                projects=(Project(name=f"{MARKDOWN}\"'<b>", municipality="5001"),),
                accepted_by=Person(
                    name="`kode` | ~~x~~ !", title=LocalizedText(nb="<i>tittel</i>")
                ),
            ),
        ),
        event=Event(name="2019. Konferanse", place=f"{HOSTILE} {MARKDOWN}"),
        jury=Jury(
            members=(
                JuryMember(person=Person(name="- Listepunkt")),
                JuryMember(person=Person(name="1) Tall")),
            ),
            secretariat=Organisation(name=LocalizedText(nb="+ pluss"), short_name=MARKDOWN),
        ),
        criteria=(LocalizedText(nb="+ kriterium\n2. linje"),),
        sources=(
            Source(url='https://example.org/a)b<c>d\\e"f', title=f"{HOSTILE}]", publisher=MARKDOWN),
        ),
    )


def test_hostile_text_is_escaped_in_html() -> None:
    for locale in LOCALES:
        page = render_round(hostile_round(), locale=locale, format="html")
        assert "<script>" not in page
        assert page.count("<script") == 1  # the JSON-LD alone
        assert "<b>" not in page
        assert "<i>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        checker = _parse(page)
        assert {tag for tag, _ in checker.tags} <= {
            "html",
            "head",
            "meta",
            "title",
            "body",
            "main",
            "article",
            "section",
            "script",
            "time",
            "h1",
            "h2",
            "h3",
            "p",
            "dl",
            "dt",
            "dd",
            "ul",
            "li",
            "a",
            "br",
            "span",
        }
        assert HOSTILE in "".join(checker.text)
        hrefs = [a["href"] for tag, a in checker.tags if tag == "a" and "class" not in a]
        assert hrefs == ['https://example.org/a)b<c>d\\e"f']


def _markdown_text(markdown: str) -> str:
    """Undo the backslash escapes: what a CommonMark reader shows as text."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def test_hostile_text_is_escaped_in_markdown() -> None:
    markdown = render_round(hostile_round(), format="markdown")
    # No raw HTML, emphasis, link, code or strike-through survives from the data.
    assert "<script>" not in markdown
    assert "](" not in markdown.replace("\\](", "")
    for line in markdown.splitlines():
        # Lines the data starts never open a list, heading, quote or code block.
        assert not re.match(r"(-|\+|[0-9]+[.)]|>|#|=+$| {4})", line) or line.startswith(("- ", "#"))
    assert "\\*Bø\\*\\_\\[x\\](y)" in markdown
    assert "\n1\\. punkt\n" in markdown
    assert "\n\\- punkt\n" in markdown
    assert "\nkode\n" in markdown
    assert "\n\\=====\n" in markdown
    assert "\n\\> sitat \\& \\&amp; \\\\" in markdown
    assert "- \\- Listepunkt" in markdown
    assert "- 1\\) Tall" in markdown
    assert "- \\+ kriterium\n  2\\. linje" in markdown
    assert "\\`kode\\` \\| \\~\\~x\\~\\~ \\!" in markdown
    assert "<https://example.org/a)b%3Cc%3Ed%5Ce%22f>" in markdown
    assert HOSTILE in _markdown_text(markdown)


def test_hostile_text_is_plain_in_text() -> None:
    text = render_round(hostile_round())
    assert f"Sted: {HOSTILE} {MARKDOWN}" in text
    assert "Trondheim kommune (vinner)" in text


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\r"])
def test_control_characters_never_reach_a_rendering(control: str) -> None:
    with pytest.raises(ValidationError):
        Municipality(number="5001", name=f"Bø{control}")
    with pytest.raises(ValidationError):
        LocalizedText(nb=f"tekst{control}tekst")


def test_line_breaks_in_one_line_places_become_spaces() -> None:
    prize = minimal_round(
        presented_by=(Person(name="Ola Nordmann", title=LocalizedText(nb="stats-\nsekretær")),),
    )
    assert "Delt ut av: stats- sekretær Ola Nordmann\n" in render_round(prize)


def test_titles_stand_before_names_as_the_data_writes_them() -> None:
    people = (
        Person(name="Ola Nordmann", title=LocalizedText(nb="statssekretær", en="State Secretary")),
        Person(name="Kari Nordmann", title=LocalizedText(en="special adviser on innovation")),
        Person(name="Per Nordmann", title=LocalizedText(nb="rådmann")),
    )
    award = minimal_round(presented_by=people)
    # English changes no title's case: the data says which titles are capitalised.
    assert (
        "Presented by: State Secretary Ola Nordmann, special adviser on innovation Kari "
        "Nordmann and rådmann Per Nordmann\n"
    ) in render_round(award, locale="en")
    # A title the data has only in Bokmål keeps its Norwegian form and is marked as such,
    # as is the name, which is data and so Bokmål.
    assert '<span lang="nb">rådmann</span> <span lang="nb">Per Nordmann</span>' in render_round(
        award, locale="en", format="html"
    )
    assert "Delt ut av: statssekretær Ola Nordmann, " in render_round(award)


def test_prize_names_the_title() -> None:
    from innovasjonspris import Prize  # noqa: PLC0415

    prize = Prize(
        id="x",
        name=LocalizedText(nb="Prisen", en="The Prize"),
        conferred_by=Organisation(name=LocalizedText(nb="KMD")),
        amount=Money(amount=Decimal(1)),
    )
    assert render_round(minimal_round(), prize=prize).startswith("Prisen 2020\n===========\n")
    html_page = render_round(minimal_round(), prize=prize, locale="nn", format="html")
    assert '<span lang="nb">Prisen</span> 2020</a></h1>' in html_page
    assert "<title>Prisen 2020</title>" in html_page


def test_other_standings_and_details() -> None:
    award = minimal_round(
        citations=(
            Citation(
                municipality=Municipality(number="5001", name="Trondheim"), standing=Standing.WINNER
            ),
            Citation(
                municipality=Municipality(number="3024", name="Bærum"),
                standing=Standing.HONOURABLE_MENTION,
                projects=(
                    Project(name="A", municipality="3024", summary=LocalizedText(nb="Om A.")),
                    Project(name="B", municipality="3024"),
                ),
                representatives=(Person(name="Kari"),),
            ),
        ),
        event=Event(
            name="Konferansen",
            start=__import__("datetime").date(2020, 6, 5),
            organizer=Organisation(name=LocalizedText(nb="KS"), short_name="KS"),
        ),
        awarded_on=__import__("datetime").date(2020, 6, 5),
        presented_by=(
            Person(name="Ola", organisation=Organisation(name=LocalizedText(nb="KMD"))),
            Person(name="Kari"),
        ),
        jury=Jury(secretariat=Organisation(name=LocalizedText(nb="Difi"))),
        sources=(
            Source(url="https://a.example/1"),
            Source(url="https://a.example/2", title="To"),
            Source(url="https://a.example/3", publisher="KS"),
        ),
    )
    nb = render_round(award)
    assert "Hederlig omtale: Bærum kommune" in nb
    assert "Bærum kommune (hederlig omtale)" in nb
    assert "Representant: Kari" in nb
    assert "- «A»: Om A.\n- «B»" in nb
    assert "Arrangement: Konferansen\n" in nb
    assert "Arrangør: KS\n" in nb
    assert "Delt ut av: Ola (KMD) og Kari" in nb
    assert "Juryen\n------\n\nSekretariat: Difi\n" in nb
    assert "- https://a.example/1\n- To: https://a.example/2\n- KS: https://a.example/3" in nb
    assert "Heiderleg omtale: Bærum kommune" in render_round(award, locale="nn")
    en = render_round(award, locale="en")
    assert "Honourable mention: Bærum Municipality" in en
    assert "Representative: Kari" in en


def test_jury_without_secretariat() -> None:
    award = minimal_round(jury=Jury(members=(JuryMember(person=Person(name="Kari")),)))
    assert render_round(award).endswith("Juryen\n------\n\n- Kari\n")


def test_event_dates_shown_when_they_differ_from_the_award() -> None:
    from datetime import date  # noqa: PLC0415

    award = minimal_round(event=Event(name="Dagen", start=date(2020, 6, 4)), awarded_on=None)
    assert "Arrangement: Dagen (4.\xa0juni 2020)" in render_round(award)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"format": "pdf"}, "format"),
        ({"locale": "xx"}, "locale"),
        ({"locale": "de"}, "locale"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render_round(minimal_round(), **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"format": None}, "format must be one of 'text', 'markdown', 'html', not NoneType"),
        ({"locale": 3}, "locale must be"),
        ({"prize": "Innovasjonsprisen"}, "prize must be a Prize or None, not str"),
    ],
)
def test_arguments_of_the_wrong_type(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(TypeError) as caught:
        render_round(minimal_round(), **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("value", [42, None, "2019", attrs.asdict(minimal_round())])
def test_not_a_round(value: object) -> None:
    with pytest.raises(TypeError, match=r"^round must be an AwardRound, not "):
        render_round(value)  # type: ignore[arg-type]
