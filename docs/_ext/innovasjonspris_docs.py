"""Sphinx extension for the innovasjonspris docs: tables generated from the bundled data.

Directives:

``rounds-table``
    The prize's history, one row per bundled round.
``counties-table``
    Every county number in :data:`innovasjonspris.registry.COUNTIES`, with its period.
``file-diff``
    The changes from one file beside the page to another, as a unified diff.
``command-output``
    Runs the ``innovasjonspris`` command in-process at build time and shows what it printed,
    so the output in the docs is always the output of the code being documented.

The build also fails if a name in the ``__all__`` of a public module is missing from the
API reference. It links standard-library names to Python's documentation without an
intersphinx inventory, because the docs are built without network access.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib
import io
import os
import pkgutil
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext.napoleon.docstring import GoogleDocstring
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from innovasjonspris import AwardRound, Standing, rounds
from innovasjonspris.cli import main
from innovasjonspris.formatting import format_count, format_date, format_list
from innovasjonspris.registry import COUNTIES

logger = logging.getLogger(__name__)


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["generated-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=width) for width in widths)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for section, lines in ((head, [headers]), (body, rows)):
        for line in lines:
            row = nodes.row()
            for text in line:
                row += nodes.entry("", nodes.paragraph(text=text))
            section.append(row)
    return table


def _names(award: AwardRound, standing: Standing) -> str:
    return format_list(
        [c.municipality.name for c in award.citations if c.standing is standing], locale="en"
    )


def _applicants(award: AwardRound) -> str:
    counted = award.applicants
    if counted is None:
        return ""
    parts = [
        format_count(count, noun, locale="en")
        for count, noun in (
            (counted.municipalities, "municipality"),
            (counted.applicants, "applicant"),
            (counted.projects, "project"),
            (counted.applications, "application"),
        )
        if count is not None
    ]
    more = "more than " if counted.more_than else ""
    return more + ", ".join(parts)


def _event(award: AwardRound) -> str:
    event = award.event
    if event is None:
        return ""
    return event.name if event.place is None else f"{event.name}, {event.place}"


def _chair(award: AwardRound) -> str:
    chair = None if award.jury is None else award.jury.chair
    return "" if chair is None else chair.person.name


class RoundsTable(SphinxDirective):
    """A table of every bundled round, built from the data when the docs are built."""

    def run(self) -> list[nodes.Node]:
        headers = [
            "Year",
            "Winner",
            "Finalists",
            "Awarded on",
            "Event",
            "Presented by",
            "Jury chair",
            "Applicants",
        ]
        rows = [
            [
                str(award.year),
                _names(award, Standing.WINNER),
                _names(award, Standing.FINALIST),
                "" if award.awarded_on is None else format_date(award.awarded_on, locale="en"),
                _event(award),
                format_list([person.name for person in award.presented_by], locale="en"),
                _chair(award),
                _applicants(award),
            ]
            for award in rounds()
        ]
        return [_table(headers, rows, [6, 12, 16, 12, 22, 16, 14, 16])]


class CountiesTable(SphinxDirective):
    """A table of every county number the registry knows, with the years it was in use."""

    def run(self) -> list[nodes.Node]:
        headers = ["Number", "County (fylke)", "In use"]
        rows = []
        for county in sorted(COUNTIES, key=lambda c: (c.number, c.valid_from)):
            first = county.valid_from.year
            until = county.valid_until
            used = f"{first} on" if until is None else f"{first}–{until.year - 1}"
            rows.append([county.number, county.name, used])
        return [_table(headers, rows, [8, 24, 12])]


class FileDiff(SphinxDirective):
    """Show the changes from one file to another, beside the page, as a unified diff.

    Sphinx's own ``literalinclude :diff:`` names the files by their absolute paths; this
    names them as the reader saved them.
    """

    required_arguments = 2

    def run(self) -> list[nodes.Node]:
        folder = Path(self.env.doc2path(self.env.docname)).parent
        old, new = self.arguments
        for name in (old, new):
            self.env.note_dependency(str(folder / name))
        lines = difflib.unified_diff(
            (folder / old).read_text(encoding="utf-8").splitlines(keepends=True),
            (folder / new).read_text(encoding="utf-8").splitlines(keepends=True),
            fromfile=old,
            tofile=new,
        )
        shown = "".join(lines)
        block = nodes.literal_block(shown, shown, language="diff")
        self.set_source_info(block)
        return [block]


class CommandOutput(SphinxDirective):
    """Show ``$ innovasjonspris ARGS`` and what it printed, run from the document's folder."""

    required_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        arguments = shlex.split(self.arguments[0])
        folder = Path(self.env.doc2path(self.env.docname)).parent
        for argument in arguments:
            if (folder / argument).is_file():
                self.env.note_dependency(str(folder / argument))
        output = io.StringIO()
        # stderr joins stdout, in order, as a terminal shows them.
        with (
            _working_directory(folder),
            contextlib.redirect_stdout(output),
            contextlib.redirect_stderr(output),
        ):
            try:
                status = main(arguments)
            except SystemExit as stop:
                status = int(stop.code or 0)
        shown = f"$ innovasjonspris {self.arguments[0]}\n{output.getvalue()}"
        if status != 0:
            shown += f"$ echo $?\n{status}\n"
        block = nodes.literal_block(shown, shown, language="console")
        self.set_source_info(block)
        return [block]


@contextlib.contextmanager
def _working_directory(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


PYTHON_DOCS = "https://docs.python.org/3/library/"
"""Where the standard library's documentation lives."""

STANDARD_MODULES = (
    "collections.abc",
    "datetime",
    "decimal",
    "enum",
    "html",
    "json",
    "pathlib",
    "tomllib",
    "types",
    "typing",
)
"""Standard-library modules whose names the docs and docstrings refer to.

Intersphinx would link these from Python's inventory, but the docs are built without
network access, so the links are made here from the documentation's stable address scheme:
``library/<module>.html`` for a module, ``library/<module>.html#<module>.<name>`` for a
name in it. A reference to any other module still fails the nitpicky build.
"""


def _standard_library_link(target: str, reftype: str) -> str | None:
    if reftype == "mod":
        return f"{PYTHON_DOCS}{target}.html" if target in STANDARD_MODULES else None
    module = max(
        (name for name in STANDARD_MODULES if target.startswith(f"{name}.")), key=len, default=None
    )
    return None if module is None else f"{PYTHON_DOCS}{module}.html#{target}"


def _link_type_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    # A type alias such as AmountStyle is module data, but annotations refer to it as a
    # class; look for it as data of the referring module or by its full name.
    target: str = node["reftarget"]
    module = node.get("py:module") or ""
    if not (module.startswith("innovasjonspris") or target.startswith("innovasjonspris.")):
        return None
    domain = env.get_domain("py")
    for name in (target, f"{module}.{target}"):
        found = domain.resolve_xref(env, node["refdoc"], app.builder, "data", name, node, contnode)
        if found is not None:
            return found
    return None


def _link_external(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    if node.get("refdomain") != "py":
        return None
    if node["reftype"] == "class":
        alias = _link_type_alias(app, env, node, contnode)
        if alias is not None:
            return alias
    url = _standard_library_link(node["reftarget"], node["reftype"])
    if url is None:
        return None
    reference = nodes.reference("", "", internal=False, refuri=url)
    reference += contnode
    return reference


def public_modules() -> list[str]:
    """The package and its public modules: those whose names do not start with ``_``."""
    package = importlib.import_module("innovasjonspris")
    names = [
        f"innovasjonspris.{module.name}"
        for module in pkgutil.iter_modules(package.__path__)
        if not module.name.startswith("_")
    ]
    return ["innovasjonspris", *sorted(names)]


def _check_every_public_name(_app: Sphinx, env: BuildEnvironment) -> None:
    documented = env.get_domain("py").objects  # type: ignore[attr-defined]
    for module_name in public_modules():
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            if f"{module_name}.{name}" not in documented:
                logger.warning("%s.%s is public but not in the API reference", module_name, name)


def _attribute_docstring_as_written(self: GoogleDocstring) -> list[str]:
    return list(self._lines)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the standard-library links with Sphinx."""
    app.connect("missing-reference", _link_external)
    app.connect("env-check-consistency", _check_every_public_name)
    # Napoleon reads the first line of an attribute's docstring as "type: description",
    # which turns ``"short"``: ``500 000 kr`` into a type. Our attributes take their types
    # from annotations, so their docstrings are kept as written.
    if not hasattr(GoogleDocstring, "_parse_attribute_docstring"):
        msg = "napoleon changed: review _attribute_docstring_as_written"
        raise RuntimeError(msg)
    GoogleDocstring._parse_attribute_docstring = _attribute_docstring_as_written  # noqa: SLF001
    app.add_directive("rounds-table", RoundsTable)
    app.add_directive("counties-table", CountiesTable)
    app.add_directive("command-output", CommandOutput)
    app.add_directive("file-diff", FileDiff)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
