"""Every HTML page and fragment we render passes axe-core's WCAG rules and the Nu Html Checker.

Every bundled round, the year not awarded, the timeline and a municipality's record are
rendered as HTML in Bokmål, Nynorsk and English, each round as a whole page and as a
fragment placed in a page of another language. One headless Chromium runs axe-core's
rules for WCAG 2.0 and 2.1, levels A and AA, on every one of them, with the example
stylesheet of the web docs page applied so that its contrast is checked too; one run of
the Nu Html Checker validates them all. Both must find nothing.

The checkers come from the npm registry at the versions ``.ci/web-checkers`` pins, put in
place by ``scripts/install-web-checkers``; Chromium and Java come from Debian. Where one
is missing the tests are skipped, except in CI (``CI=true``), where ``.ci/run`` installs
them all and a missing one fails the run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from innovasjonspris import AwardRound, YearNotAwarded, timeline
from innovasjonspris.history import appearances
from innovasjonspris.render import (
    render_appearances,
    render_not_awarded,
    render_round,
    render_timeline,
)

webtools = pytest.importorskip("webtools")

LOCALES = ("nb", "nn", "en")
DOCS_PAGE = Path(__file__).parent.parent / "docs" / "how-to" / "html.md"
# A municipality with a record across the reforms (0105 Sarpsborg, 3105 from 2024).
RECORD = "3105"
# A fragment goes into a page of another language, as on a site in that language.
HOST_LANGUAGE = {"nb": "en", "nn": "en", "en": "nb"}

if not DOCS_PAGE.is_file():
    # scripts/check-dist runs a copy of the tests against the installed wheel, away from
    # the checkout's docs and checkers; the checkout's own run has checked every page.
    pytest.skip("the page checks run in a checkout, beside docs/", allow_module_level=True)


def _tool(found: object, what: str) -> None:
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing; .ci/run installs it")
        pytest.skip(f"{what} is missing (scripts/install-web-checkers and apt install it)")


def host_page(fragment: str, language: str) -> str:
    """A page of a site's own, in ``language``, with a round's fragment as its main part."""
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Site</title>\n</head>\n<body>\n<header><p>Site</p></header>\n"
        f"<main>\n<h1>Site</h1>\n{fragment}</main>\n</body>\n</html>\n"
    )


def pages() -> dict[str, str]:
    """Every HTML document we render, by file name."""
    found: dict[str, str] = {}
    for locale in LOCALES:
        for entry in timeline():
            if isinstance(entry, AwardRound):
                name = f"round-{entry.year}.{locale}"
                found[f"{name}.html"] = render_round(entry, locale=locale, format="html")
                fragment = render_round(
                    entry, locale=locale, format="html", fragment=True, heading_level=2
                )
                found[f"{name}.fragment.html"] = host_page(fragment, HOST_LANGUAGE[locale])
            else:
                assert isinstance(entry, YearNotAwarded)
                found[f"not-awarded-{entry.year}.{locale}.html"] = render_not_awarded(
                    entry, locale=locale, format="html"
                )
        found[f"timeline.{locale}.html"] = render_timeline(locale=locale, format="html")
        found[f"record-{RECORD}.{locale}.html"] = render_appearances(
            appearances(RECORD), locale=locale, format="html"
        )
    return found


def example_stylesheet() -> str:
    """The example stylesheet of the web docs page."""
    found = re.search(r"```css\n(.*?)```", DOCS_PAGE.read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    return found.group(1)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pages")
    written: list[Path] = []
    for name, text in pages().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def test_every_kind_of_page_is_checked() -> None:
    names = pages()
    years = {entry.year for entry in timeline()}
    for locale in LOCALES:
        for year in years:
            assert any(f"-{year}.{locale}" in name for name in names), (year, locale)
        assert f"timeline.{locale}.html" in names
    assert sum(".fragment." in name for name in names) == 3 * sum(
        isinstance(entry, AwardRound) for entry in timeline()
    )
    assert ".innovasjonspris-round" in example_stylesheet()


def test_no_page_breaks_a_wcag_a_or_aa_rule(written: list[Path]) -> None:
    browser = webtools.chromium()
    _tool(browser, "Chromium")
    axe = webtools.axe_script()
    _tool(axe, "axe-core")
    assert browser is not None
    assert axe is not None
    found = webtools.axe_violations(
        browser, axe, written, written[0].parent, stylesheet=example_stylesheet()
    )
    assert sorted(found) == sorted(path.name for path in written)
    violations = {name: problems for name, problems in found.items() if problems}
    assert violations == {}


def test_the_checker_finds_what_it_should(tmp_path: Path) -> None:
    # A page with an image without text and a link without words: axe must object.
    browser = webtools.chromium()
    _tool(browser, "Chromium")
    axe = webtools.axe_script()
    _tool(axe, "axe-core")
    assert browser is not None
    assert axe is not None
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head>'
        '<body><main><img src="x.png"><a href="#x"></a>'
        '<p style="color:#bbb;background:#fff">faint</p></main></body></html>',
        encoding="utf-8",
    )
    found = webtools.axe_violations(browser, axe, [page], tmp_path)
    rules = {problem.split(":")[0] for problem in found["bad.html"]}
    assert {"html-has-lang", "image-alt", "link-name", "color-contrast"} <= rules


def test_every_page_is_valid_html(written: list[Path], tmp_path: Path) -> None:
    java = webtools.java()
    _tool(java, "A Java runtime")
    jar = webtools.vnu_jar()
    _tool(jar, "The Nu Html Checker (vnu-jar)")
    assert java is not None
    assert jar is not None
    invalid = tmp_path / "invalid.html"
    invalid.write_text("<!DOCTYPE html><html lang=en><title>t</title><p><div></p>", "utf-8")
    errors = webtools.nu_html_checker_errors(java, jar, [*written, invalid])
    assert any(error.startswith("invalid.html:") for error in errors)
    assert [error for error in errors if not error.startswith("invalid.html:")] == []
