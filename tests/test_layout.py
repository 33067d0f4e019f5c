"""The house layout, checked: stages in the tree, imports going one way, small modules and functions.

These hold the code to what ``docs/design.md`` draws: one subpackage per pipeline stage,
shared vocabulary at the top, imports from a stage only to stages before it, no import
cycle between modules, no module over 700 lines and no function over 60 (a declarative
table may be longer, and is named here).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "acurefs"
STAGES = ("reference", "claims", "document", "sources", "resolve", "export", "report", "cli")
"""The stages in the order imports may go: a stage imports only from stages before it."""
SHARED = ("models", "errors", "identifiers", "text", "_version")
"""Shared vocabulary at the top: importable from every stage, importing no stage."""
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 60
TABLES: frozenset[str] = frozenset()
"""Functions allowed past the limit because they are declarative tables (none today)."""


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(name: str, path: Path) -> set[str]:
    """The acurefs modules ``name`` imports (relative imports resolved), at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    known = {n for n, _ in _modules()}
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("acurefs"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if not base.startswith("acurefs"):
                continue
            submodules = {f"{base}.{a.name}" for a in node.names} & known
            if len(submodules) < len(node.names):
                found.add(base)  # names from the module itself, not only its submodules
            found.update(submodules)
    return {m for m in found if m in known and m != name}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_the_tree_shows_the_stages() -> None:
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert set(STAGES) <= set(packages)
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= 8, loose


@pytest.mark.parametrize(("name", "path"), [pytest.param(n, p, id=n) for n, p in _modules()])
def test_imports_go_one_way(name: str, path: Path) -> None:
    mine = _stage(name)
    for imported in _imports(name, path):
        theirs = _stage(imported)
        if theirs is None:
            # Shared vocabulary (and the package face, which only the CLI entry may not need).
            assert imported.split(".")[1] in SHARED, (name, imported)
            continue
        if mine is None:
            assert name in ("acurefs", "acurefs.__main__"), f"shared {name} imports {imported}"
            continue
        assert STAGES.index(theirs) <= STAGES.index(mine), f"{name} imports {imported}"


def test_no_import_cycle_between_modules() -> None:
    graph = {name: _imports(name, path) for name, path in _modules()}
    graph.pop("acurefs")  # the face imports everything and nothing imports it
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt == node or nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])


@pytest.mark.parametrize(("name", "path"), [pytest.param(n, p, id=n) for n, p in _modules()])
def test_modules_and_functions_stay_small(name: str, path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{name} has {source.count(chr(10))} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if f"{name}.{node.name}" not in TABLES:
                assert length <= MAX_FUNCTION_LINES, f"{name}.{node.name} has {length} lines"
