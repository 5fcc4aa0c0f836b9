"""The package's modules import one another one way only.

Each module of ``src/innovasjonspris`` is parsed, not imported, and every import of another
of the package's modules is an edge of a graph: at module level and inside a function
alike, for an import moved into a function still runs and still ties the two modules
together. Imports under ``if TYPE_CHECKING:`` are no edges: they never run. The graph must
have no cycle, and no module may import one of the package's own modules inside a
function, the usual way to hide a cycle from the interpreter.
"""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

import innovasjonspris

PACKAGE = "innovasjonspris"
# The modules the tests import: the source tree's, or an installed wheel's.
SOURCE = Path(innovasjonspris.__file__).parent

Import = ast.Import | ast.ImportFrom


def _module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    match test:
        case ast.Name(id="TYPE_CHECKING") | ast.Attribute(attr="TYPE_CHECKING"):
            return True
        case _:
            return False


def _imports(node: ast.AST, *, in_function: bool = False) -> Iterator[tuple[Import, bool]]:
    """Each import statement under ``node`` that runs, and whether it is in a function."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, in_function
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports(
                    ast.Module(body=[other], type_ignores=[]), in_function=in_function
                )
        else:
            function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from _imports(child, in_function=in_function or function)


def _deepest(name: str, known: Mapping[str, object]) -> str:
    """The deepest of the package's modules that ``name`` lies in; "" for none."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name


def _imported(statement: Import, importer: str, known: Mapping[str, Path]) -> set[str]:
    """The package's own modules a statement makes Python run, the importer's packages aside.

    ``from innovasjonspris import _model`` runs ``innovasjonspris._model``, and so does
    ``from innovasjonspris._model import Prize``. A module's packages run before it:
    importing ``innovasjonspris.render._html`` runs ``innovasjonspris.render`` too, unless
    the importer is in that package, which is then running already.
    """
    if isinstance(statement, ast.Import):
        targets = {_deepest(alias.name, known) for alias in statement.names}
    else:
        module = statement.module or ""
        if statement.level:
            package = importer.split(".")
            if known[importer].name != "__init__.py":
                package.pop()
            package = package[: len(package) - statement.level + 1]
            module = ".".join([*package, module] if module else package)
        targets = {_deepest(f"{module}.{alias.name}", known) for alias in statement.names}
    own = {importer.rsplit(".", depth)[0] for depth in range(importer.count(".") + 1)}
    found: set[str] = set()
    for target in targets - {""}:
        parts = target.split(".")
        found |= {".".join(parts[:depth]) for depth in range(1, len(parts) + 1)}
    return found - own


def import_graph(root: Path) -> tuple[dict[str, set[str]], list[str]]:
    """The imports between the package's modules, and where one is inside a function."""
    paths = {_module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    local: list[str] = []
    for name, path in paths.items():
        graph[name] = set()
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for statement, in_function in _imports(tree):
            targets = _imported(statement, name, paths)
            graph[name] |= targets
            if in_function and targets:
                where = f"{path.relative_to(root.parent).as_posix()}:{statement.lineno}"
                local.append(f"{where} imports {', '.join(sorted(targets))}")
    return graph, local


def cycle(graph: Mapping[str, set[str]]) -> list[str]:
    """A circle of imports in ``graph``, its first module again at its end; [] if none."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return []


def test_no_module_imports_itself_through_others() -> None:
    graph, _ = import_graph(SOURCE)
    found = cycle(graph)
    assert not found, "a circle of imports: " + " -> ".join(found)


def test_no_module_imports_the_package_inside_a_function() -> None:
    _, local = import_graph(SOURCE)
    assert not local, "imports inside a function:\n" + "\n".join(local)


# The checker itself, on small packages made for the purpose: a checker that cannot see a
# cycle would pass forever.


def _package(root: Path, files: Mapping[str, str]) -> Path:
    package = root / PACKAGE
    for relative, text in {"__init__.py": "", **files}.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return package


@pytest.mark.parametrize(
    ("files", "circle"),
    [
        pytest.param(
            {"a.py": "from innovasjonspris import b\n", "b.py": "from .a import x\n"},
            {"innovasjonspris.a", "innovasjonspris.b"},
            id="module level",
        ),
        pytest.param(
            {
                "a.py": "import innovasjonspris.b\n",
                "b.py": "class B:\n    def f(self):\n        from innovasjonspris.a import x\n",
            },
            {"innovasjonspris.a", "innovasjonspris.b"},
            id="inside a function",
        ),
        pytest.param(
            {
                "sub/__init__.py": "from ._c import c\n",
                "sub/_c.py": "from .. import a\n",
                "a.py": "from innovasjonspris.sub._d import d\n",
                "sub/_d.py": "",
            },
            {"innovasjonspris.a", "innovasjonspris.sub", "innovasjonspris.sub._c"},
            id="through a package that runs first",
        ),
        pytest.param(
            {
                "a.py": "import typing\nif typing.TYPE_CHECKING:\n    from . import b\n",
                "b.py": "import innovasjonspris.a\n",
            },
            set[str](),
            id="for type checking only",
        ),
        pytest.param(
            {
                "sub/__init__.py": "from innovasjonspris.sub import _c\n",
                "sub/_c.py": "from innovasjonspris.sub import _d\n",
                "sub/_d.py": "import json\n",
            },
            set[str](),
            id="a package's modules among themselves",
        ),
    ],
)
def test_the_checker_finds_each_circle(
    tmp_path: Path, files: Mapping[str, str], circle: set[str]
) -> None:
    graph, _ = import_graph(_package(tmp_path, files))
    assert set(cycle(graph)) == circle


def test_the_checker_finds_each_import_inside_a_function(tmp_path: Path) -> None:
    package = _package(
        tmp_path,
        {
            "a.py": "class A:\n    def m(self):\n        import innovasjonspris.b\n",
            "b.py": "def f():\n    import json\n",
            "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import json\n"
            "else:\n    def g():\n        from . import a\n",
        },
    )
    _, local = import_graph(package)
    assert local == [
        "innovasjonspris/a.py:3 imports innovasjonspris.b",
        "innovasjonspris/c.py:6 imports innovasjonspris.a",
    ]
