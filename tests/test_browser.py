"""A real browser opens a page whose every text is hostile, and runs none of it.

Headless Chromium loads the whole page of a round in which every text field the model
accepts it in carries a script element, an ``onerror`` handler, a ``</script>`` that
would end the JSON-LD, and a ``javascript:`` link. Each payload, had it run, would mark
the document; the DOM Chromium dumps after loading shows no mark, no element the data
made, and every payload as text. A control page proves that scripts do run in this
browser. The screenshot is kept under ``test-artefacts/`` (and the test's tmp folder).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

from factories import full_round
from innovasjonspris import AwardRound, LocalizedText, ValidationError
from innovasjonspris.jsonld import to_jsonld
from innovasjonspris.render import render_round

webtools = pytest.importorskip("webtools")
pytest.importorskip("html5lib")

BROWSER = webtools.chromium()
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on this machine (.ci/run installs Debian's chromium)",
)

MARK = "data-ran"
ARTEFACTS = Path(__file__).parent.parent / "test-artefacts"


def payload(where: str) -> str:
    """Markup that, were it markup, would set ``data-ran`` on the document to ``where``."""
    run = f"document.documentElement.setAttribute('{MARK}','{where}')"
    return (
        f"<script>{run}</script>"
        f'<img src="missing.png" onerror="{run}">'
        f"</script><script>{run}</script>"
        f'<a href="javascript:{run}">link</a>'
    )


def compact_payload(where: str) -> str:
    """The same without spaces, for fields such as a source's address that allow none."""
    run = f"document.documentElement.setAttribute('{MARK}','{where}')"
    return f'#"><script>{run}</script><img/src=x/onerror="{run}"></script>'


def _hostile(value: object, path: str) -> object:
    """``value`` with a payload in every string field that accepts one."""
    if isinstance(value, tuple):
        items = cast("tuple[object, ...]", value)
        return tuple(_hostile(item, f"{path}{index}") for index, item in enumerate(items))
    kind: type[Any] = type(value)
    if not attrs.has(kind):
        return value
    instance: Any = value
    for field in attrs.fields(kind):
        current = getattr(instance, field.name)
        here = f"{path}.{field.name}"
        candidates: list[Any]
        if isinstance(current, str):
            candidates = [f"{current} {payload(here)}", f"{current}{compact_payload(here)}"]
        elif isinstance(current, LocalizedText):
            candidates = [
                LocalizedText(
                    nb=f"nb {payload(here)}", nn=f"nn {payload(here)}", en=f"en {payload(here)}"
                )
            ]
        else:
            candidates = [_hostile(current, here)]
        for candidate in candidates:
            try:
                instance = attrs.evolve(instance, **{field.name: candidate})
                break
            except ValidationError:
                continue  # a field with a format of its own (a number, an id) refuses it
    return cast("object", instance)


def hostile_round() -> AwardRound:
    return cast("AwardRound", _hostile(full_round(), "round"))


def test_the_hostile_round_is_hostile_throughout() -> None:
    award = hostile_round()
    assert payload("round.event.name") in award.event.name  # type: ignore[union-attr]
    assert payload("round.presented_by0.name") in award.presented_by[0].name
    assert "<script>" in award.sources[0].url
    assert "<script>" in (award.notes.en or "")  # type: ignore[union-attr]


def _open(browser: str, page: Path, tmp_path: Path) -> str:
    return str(webtools.run_chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri()))


def test_scripts_run_in_this_browser(tmp_path: Path) -> None:
    assert BROWSER is not None
    page = tmp_path / "control.html"
    control = f"<!DOCTYPE html><title>t</title><p>x</p>{payload('control')}"
    page.write_text(control, encoding="utf-8")
    dom = _open(BROWSER, page, tmp_path)
    assert webtools.root_attributes(dom).get(MARK) == "control"


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_no_script_in_the_data_runs_in_a_real_browser(locale: str, tmp_path: Path) -> None:
    assert BROWSER is not None
    award = hostile_round()
    page = tmp_path / f"hostile.{locale}.html"
    page.write_text(render_round(award, locale=locale, format="html"), encoding="utf-8")

    dom = _open(BROWSER, page, tmp_path)
    assert all(MARK not in attributes for attributes in webtools.attributes_of(dom, "*"))
    # The one script is our JSON-LD, and the data made no element: no img, no link of its own.
    assert webtools.script_elements(dom) == [{"type": "application/ld+json"}]
    assert "<img" not in dom
    assert "javascript:" not in "".join(a.get("href", "") for a in webtools.attributes_of(dom, "a"))
    shown = webtools.text_of(dom)
    assert payload("round.event.name") in shown
    assert payload("round.presented_by0.name") in shown
    assert payload("round.event.place") in shown
    assert webtools.extract_jsonld(dom) == [to_jsonld(award, locale=locale)]

    screenshot = tmp_path / f"hostile.{locale}.png"
    webtools.run_chromium(
        BROWSER,
        tmp_path / "profile",
        f"--screenshot={screenshot}",
        "--window-size=1200,2400",
        "--hide-scrollbars",
        page.as_uri(),
    )
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    ARTEFACTS.mkdir(exist_ok=True)
    shutil.copy(screenshot, ARTEFACTS / screenshot.name)
