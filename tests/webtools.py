# pyright: basic
"""The web tools the tests check our pages with: html5lib, pyld, extruct and Chromium.

pyld, extruct and html5lib ship no type information; this module is the one place that
calls them, and gives the tests typed results. The schema.org context and vocabulary are
local copies (see ``data/schemaorg/README.md``), so nothing here touches the network.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import html5lib
from extruct.jsonld import JsonLdExtractor
from pyld import jsonld

SCHEMAORG = Path(__file__).parent / "data" / "schemaorg"
SCHEMA = "http://schema.org/"
"""The namespace the schema.org context expands terms into."""

# The addresses "@context": "https://schema.org" may be fetched as.
_CONTEXT_URLS = frozenset(
    {
        "https://schema.org",
        "https://schema.org/",
        "http://schema.org",
        "http://schema.org/",
        "https://schema.org/docs/jsonldcontext.jsonld",
    }
)


def _read_gzipped_json(name: str) -> Any:
    with gzip.open(SCHEMAORG / name, "rt", encoding="utf-8") as file:
        return cast("Any", json.load(file))


@functools.cache
def schemaorg_context() -> dict[str, Any]:
    return cast("dict[str, Any]", _read_gzipped_json("schemaorgcontext.jsonld.gz"))


class OfflineError(Exception):
    """A JSON-LD processor asked for a document the tests do not carry."""


def _loader(url: str, _options: object = None) -> dict[str, Any]:
    if url not in _CONTEXT_URLS:
        raise OfflineError(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": schemaorg_context(),
    }


def expand(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """pyld's expansion of ``document``, with the schema.org context from our copy."""
    options: Any = {"documentLoader": _loader}
    return cast("list[dict[str, Any]]", jsonld.expand(dict(document), options))


def flatten(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """pyld's flattening of ``document``: every node once, with all its properties."""
    options: Any = {"documentLoader": _loader}
    return cast("list[dict[str, Any]]", jsonld.flatten(dict(document), None, options))


class Vocabulary:
    """The schema.org classes and properties, from our copy of a schema.org release."""

    def __init__(self) -> None:
        graph = _read_gzipped_json("schemaorg-current-http.trimmed.jsonld.gz")["@graph"]
        self.supers: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.superseded: set[str] = set()
        for node in graph:
            name = _expand_curie(node["@id"])
            kinds = _as_list(node.get("@type"))
            if "rdfs:Class" in kinds:
                self.supers[name] = {
                    _expand_curie(s["@id"]) for s in _as_list(node.get("rdfs:subClassOf"))
                }
            if "rdf:Property" in kinds:
                self.domains[name] = {
                    _expand_curie(d["@id"]) for d in _as_list(node.get("schema:domainIncludes"))
                }
                self.ranges[name] = {
                    _expand_curie(r["@id"]) for r in _as_list(node.get("schema:rangeIncludes"))
                }
            if "schema:supersededBy" in node:
                self.superseded.add(name)

    def closure(self, kind: str) -> set[str]:
        """``kind`` and every class above it."""
        found = {kind}
        pending = [kind]
        while pending:
            for parent in self.supers.get(pending.pop(), set()):
                if parent not in found:
                    found.add(parent)
                    pending.append(parent)
        return found


def _expand_curie(name: str) -> str:
    return SCHEMA + name.removeprefix("schema:") if name.startswith("schema:") else name


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@functools.cache
def vocabulary() -> Vocabulary:
    return Vocabulary()


def vocabulary_problems(document: Mapping[str, Any]) -> list[str]:
    """Every type or property in ``document`` that schema.org lacks or does not allow there.

    A property must exist, not be superseded, and have in its domain one of the types of the
    node it is on (or a class above one); a node it points to must have a type in its range.
    A ``Role`` (schema.org's pattern for qualifying a value) may stand for the value of any
    property, and carries that same property itself.
    """
    vocab = vocabulary()
    nodes = {node["@id"]: node for node in flatten(document)}
    problems: list[str] = []
    for node in nodes.values():
        kinds = set(node.get("@type", []))
        problems.extend(f"no type {kind}" for kind in kinds if kind not in vocab.supers)
        above = _reach(vocab, kinds)
        for key, values in node.items():
            if not key.startswith("@"):
                problems.extend(
                    _property_problems(
                        vocab, nodes, key=key, values=values, kinds=kinds, above=above
                    )
                )
    return problems


_ROLE = SCHEMA + "Role"


def _reach(vocab: Vocabulary, kinds: set[str]) -> set[str]:
    return set().union(*(vocab.closure(kind) for kind in kinds))


def _property_problems(
    vocab: Vocabulary,
    nodes: dict[str, dict[str, Any]],
    *,
    key: str,
    values: list[dict[str, Any]],
    kinds: set[str],
    above: set[str],
) -> Iterator[str]:
    if key not in vocab.domains or key in vocab.superseded:
        yield f"no property {key}"
        return
    if _ROLE not in above and not vocab.domains[key] & above:
        yield f"{key} is not a property of {sorted(kinds)}"
    for value in values:
        target_kinds = set(nodes.get(value.get("@id", ""), {}).get("@type", []))
        reach = _reach(vocab, target_kinds)
        if target_kinds and _ROLE not in reach and not vocab.ranges[key] & reach:
            yield f"{key} cannot point to {sorted(target_kinds)}"


def extract_jsonld(page: str) -> list[dict[str, Any]]:
    """The JSON-LD documents extruct finds in ``page``."""
    return cast("list[dict[str, Any]]", JsonLdExtractor().extract(page))


def html5_parse_errors(markup: str, *, fragment: bool = False) -> list[str]:
    """html5lib's parse errors for ``markup`` (a whole document, or a fragment in a div).

    The parser is strict: it stops at the first error, which is returned with any before it.
    """
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        if fragment:
            parser.parseFragment(markup, container="div")
        else:
            parser.parse(markup)
    except html5lib.html5parser.ParseError as error:
        return [str(error), *(f"{p}: {c} {d}" for p, c, d in parser.errors)]
    return [f"{position}: {code} {data}" for position, code, data in parser.errors]


def text_of(markup: str) -> str:
    """The text a reader sees: every text node of the parsed document, joined."""
    tree = html5lib.parse(markup, namespaceHTMLElements=False)
    body = tree.find("body")
    return "".join(_texts(body)) if body is not None else ""


def _texts(element: Any) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def script_elements(markup: str) -> list[dict[str, str]]:
    """The attributes of every script element of the parsed document."""
    tree = html5lib.parse(markup, namespaceHTMLElements=False)
    return [dict(element.attrib) for element in tree.iter("script")]


def root_attributes(markup: str) -> dict[str, str]:
    tree = html5lib.parse(markup, namespaceHTMLElements=False)
    return dict(tree.attrib)


CHROMIUM_NAMES = ("chromium", "chromium-browser")


def chromium() -> str | None:
    """The path of a Chromium, if the machine has one."""
    override = os.environ.get("INNOVASJONSPRIS_CHROMIUM")
    if override:
        return override
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(browser: str, profile: Path, *arguments: str) -> str:
    """Run headless Chromium with a fresh profile and nothing that calls home; its stdout."""
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    done = subprocess.run(  # noqa: S603 - our own arguments, no shell
        command, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def attributes_of(markup: str, tag: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` element of the parsed document."""
    tree = html5lib.parse(markup, namespaceHTMLElements=False)
    return [dict(element.attrib) for element in tree.iter(None if tag == "*" else tag)]


WEB_CHECKERS = Path(
    os.environ.get("INNOVASJONSPRIS_WEB_CHECKERS")
    or Path(__file__).parent.parent / ".ci" / "web-checkers" / "node_modules"
)
"""Where ``scripts/install-web-checkers`` puts axe-core and the Nu Html Checker.

``INNOVASJONSPRIS_WEB_CHECKERS`` names another place, for tests run away from the tree.
"""

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""axe-core's rules for WCAG 2.0 and 2.1, levels A and AA."""


def axe_script() -> Path | None:
    """axe-core's script, if it is installed."""
    found = WEB_CHECKERS / "axe-core" / "axe.min.js"
    return found if found.is_file() else None


def vnu_jar() -> Path | None:
    """The Nu Html Checker's jar, if it is installed."""
    found = WEB_CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    return found if found.is_file() else None


def java() -> str | None:
    """The path of a Java runtime, if the machine has one."""
    return shutil.which("java")


def nu_html_checker_errors(java_path: str, jar: Path, pages: list[Path]) -> list[str]:
    """Every error the Nu Html Checker finds in ``pages``, in one run over them all.

    Each is ``"<file>:<line>: <message>"``; warnings and notes are left out.
    """
    command = [java_path, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)]
    done = subprocess.run(  # noqa: S603 - our own arguments, no shell
        command, capture_output=True, text=True, timeout=300, check=False
    )
    # The checker exits 1 when it finds errors; its report is on stderr either way.
    report = cast("dict[str, Any]", json.loads(done.stderr))
    return [
        f"{Path(message.get('url', '?')).name}:{message.get('lastLine', '?')}: "
        f"{message.get('message')} [{message.get('extract', '')!r}]"
        for message in report["messages"]
        if message.get("type") == "error" or message.get("subType") == "fatal"
    ]


_AXE_HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>axe</title></head>
<body><pre id="results"></pre>
<script>
const pages = %(pages)s;
const axeSource = %(axe)s;
const styleSheet = %(style)s;
const tags = %(tags)s;
async function check(name) {
  const frame = document.createElement("iframe");
  frame.style.width = "1280px";
  frame.style.height = "1024px";
  const loaded = new Promise((resolve) => { frame.onload = resolve; });
  frame.src = name;
  document.body.appendChild(frame);
  await loaded;
  const page = frame.contentDocument;
  const style = page.createElement("style");
  style.textContent = styleSheet;
  page.head.appendChild(style);
  const script = page.createElement("script");
  script.textContent = axeSource;
  page.head.appendChild(script);
  const result = await frame.contentWindow.axe.run(page, {runOnly: {type: "tag", values: tags}});
  frame.remove();
  return [name, result.violations.map((v) => v.id + ": " + v.nodes.map(
    (n) => n.target.join(" ") + " (" + n.failureSummary.replace(/\\s+/g, " ") + ")").join("; "))];
}
(async () => {
  const found = {};
  for (const name of pages) {
    try {
      const [page, violations] = await check(name);
      found[page] = violations;
    } catch (error) {
      found[name] = ["the check did not run: " + error];
    }
  }
  document.getElementById("results").textContent = JSON.stringify(found);
})();
</script></body></html>
"""


def axe_violations(
    browser: str, axe: Path, pages: list[Path], folder: Path, *, stylesheet: str = ""
) -> dict[str, list[str]]:
    """axe-core's violations of the WCAG 2.0 and 2.1 A and AA rules, by page file name.

    One headless Chromium opens a page of ours that loads each of ``pages`` (which must
    lie in ``folder``) in turn in a frame, adds ``stylesheet`` and axe-core to it, and
    runs axe-core there; the results come back in the DOM Chromium dumps.
    """
    harness = folder / "axe-harness.html"
    harness.write_text(
        _AXE_HARNESS
        % {
            "pages": json.dumps([page.name for page in pages]),
            "axe": json.dumps(axe.read_text(encoding="utf-8")).replace("</", "<\\/"),
            "style": json.dumps(stylesheet).replace("</", "<\\/"),
            "tags": json.dumps(AXE_TAGS),
        },
        encoding="utf-8",
    )
    dom = run_chromium(
        browser,
        folder / "profile",
        "--allow-file-access-from-files",
        "--virtual-time-budget=600000",
        "--dump-dom",
        harness.as_uri(),
    )
    tree = html5lib.parse(dom, namespaceHTMLElements=False)
    results = next(element for element in tree.iter("pre") if element.get("id") == "results")
    return cast("dict[str, list[str]]", json.loads(results.text or "{}"))
