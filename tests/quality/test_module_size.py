"""No Python module of the repository is longer than 400 lines.

A module past that size does more than one thing and is hard to read in one sitting: split it into
modules named after what each part does. The code, the tests, the bench and the scripts are measured
alike; only a module that is one data table may stand in `DATA_TABLES`, with the reason why.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURED = ("player", "mock_backend", "tests", "bench", "scripts")
LIMIT = 400
SKIP_DIRS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"})

# Modules that are one data table (rows of facts, not logic) and may run longer, each with why.
# Keep it empty if at all possible: a long table can usually be split by topic too.
DATA_TABLES: dict[str, str] = {}


def _modules() -> list[Path]:
    found: list[Path] = []
    for top in MEASURED:
        for dirpath, dirnames, filenames in os.walk(ROOT / top):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            found += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(".py")]
    return found


def _lines(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for _ in f)


def test_the_measured_folders_hold_modules() -> None:
    assert len(_modules()) > 50, "the walk found (almost) no module: is ROOT right?"


def test_no_module_is_over_the_limit() -> None:
    too_long = {
        rel: n
        for path in _modules()
        if (rel := path.relative_to(ROOT).as_posix()) not in DATA_TABLES and (n := _lines(path)) > LIMIT
    }
    assert not too_long, f"modules over {LIMIT} lines (split them by what they do):\n" + "\n".join(
        f"  {rel}: {n} lines" for rel, n in sorted(too_long.items())
    )


def test_data_tables_are_real_and_long() -> None:
    """An allow-list entry for a file that is gone or short again is stale: drop it."""
    stale = [rel for rel in DATA_TABLES if not (ROOT / rel).is_file() or _lines(ROOT / rel) <= LIMIT]
    assert not stale, f"DATA_TABLES entries no longer needed: {stale}"


# --- the import graph ------------------------------------------------------------------------------------

GRAPHED = ("player", "mock_backend")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.Module, name: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """What a module imports as it loads: module-level statements (inside `if`/`try` too), not inside a
    function or under `if TYPE_CHECKING:`. `from a import b` is `a.b` when that is a module, else `a`:
    the parent packages a module's import loads first are not edges (every module would share them)."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
        elif isinstance(node, ast.If):
            pending += [] if _is_type_checking(node.test) else node.body
            pending += node.orelse
        elif isinstance(node, ast.Try):
            pending += [*node.body, *node.orelse, *node.finalbody]
            for handler in node.handlers:
                pending += handler.body


def _import_graph() -> dict[str, set[str]]:
    files = [p for top in GRAPHED for p in _modules() if p.relative_to(ROOT).parts[0] == top]
    names = {_module_name(p): p for p in files}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = _runtime_imports(tree, name, path.name == "__init__.py", set(names))
        graph[name] = {m for m in imported if m in names and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    """A module never imports, however indirectly, a module that imports it back as it loads."""
    graph = _import_graph()
    assert "player.ui.shell.main_window" in graph, "the graph missed the GUI: is GRAPHED right?"
    cycles = _cycles(graph)
    assert not cycles, "modules that import each other (a cycle):\n" + "\n".join(
        f"  {', '.join(c)}" for c in cycles
    )
