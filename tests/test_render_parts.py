"""The parts users wrote by hand: a localized title, the JSON-LD element, one call per year."""

from __future__ import annotations

import json

import attrs
import pytest

from innovasjonspris import AwardRound, ValidationError, YearNotAwarded, load_round, prize, timeline
from innovasjonspris.jsonld import to_jsonld
from innovasjonspris.render import (
    render_entry,
    render_jsonld_script,
    render_not_awarded,
    render_round,
    render_title,
)

OPEN = '<script type="application/ld+json">\n'
CLOSE = "\n</script>"


@pytest.mark.parametrize(
    ("locale", "title"),
    [
        ("nb", "Innovasjonsprisen 2019"),
        ("nn", "Innovasjonsprisen 2019"),
        ("en", "The Innovation Prize 2019"),
        ("en_GB", "The Innovation Prize 2019"),
    ],
)
def test_the_title_is_the_first_line_of_the_rendering(locale: str, title: str) -> None:
    award = load_round(2019)
    assert render_title(award, locale=locale) == title
    assert render_round(award, locale=locale).splitlines()[0] == title


def test_the_title_names_the_prize_given() -> None:
    award = load_round(2015)
    given = prize()
    assert render_title(award, locale="en", prize=given).endswith(" 2015")
    assert (
        render_title(award, locale="en", prize=given)
        == render_round(award, locale="en", prize=given).splitlines()[0]
    )


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_the_script_element_is_the_one_a_whole_page_carries(locale: str) -> None:
    award = load_round(2019)
    script = render_jsonld_script(award, locale=locale)
    assert script.startswith(OPEN)
    assert script.endswith(CLOSE)
    assert script in render_round(award, locale=locale, format="html")
    assert json.loads(script[len(OPEN) : -len(CLOSE)]) == to_jsonld(award, locale=locale)


def test_no_data_can_end_the_script_element() -> None:
    award = load_round(2019)
    assert award.event is not None
    name = "</script><!-- Fremtidens kommuner"
    hostile = attrs.evolve(award, event=attrs.evolve(award.event, name=name))
    script = render_jsonld_script(hostile)
    body = script[len(OPEN) : -len(CLOSE)]
    assert script.count("</script>") == 1
    assert "<" not in body
    assert name in json.dumps(json.loads(body), ensure_ascii=False)


@pytest.mark.parametrize("call", [render_title, render_jsonld_script])
def test_the_parts_refuse_what_is_not_a_round_or_a_prize(call: object) -> None:
    with pytest.raises(TypeError, match=r"^round must be an AwardRound, not str$"):
        call("2019")  # type: ignore[operator]
    with pytest.raises(TypeError, match=r"^prize must be a Prize or None, not str$"):
        call(load_round(2019), prize="Innovasjonsprisen")  # type: ignore[operator]
    with pytest.raises(ValidationError) as caught:
        call(load_round(2019), locale="xx")  # type: ignore[operator]
    assert caught.value.field == "locale"


@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_every_entry_of_the_timeline_renders_in_one_call(format_: str) -> None:
    for entry in timeline():
        rendered = render_entry(entry, locale="nn", format=format_)  # type: ignore[arg-type]
        if isinstance(entry, AwardRound):
            assert rendered == render_round(entry, locale="nn", format=format_)  # type: ignore[arg-type]
        else:
            assert isinstance(entry, YearNotAwarded)
            assert rendered == render_not_awarded(entry, locale="nn", format=format_)  # type: ignore[arg-type]


@pytest.mark.parametrize("entry", [2019, "2019", None])
def test_an_entry_of_something_else_is_a_type_error(entry: object) -> None:
    with pytest.raises(TypeError, match="entry must be an AwardRound or a YearNotAwarded"):
        render_entry(entry)  # type: ignore[arg-type]
