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
