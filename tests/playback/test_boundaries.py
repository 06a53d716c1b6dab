"""Two promises of the playback package, read from its source (never executed, so nothing can hide):

- it uses QtCore and QtMultimedia only: widgets belong to `player/ui/` (the import boundaries under
  "Layout" in README.md);
- plaintext audio never touches the disk: no temporary files, no file writes, no disk caches.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "player" / "playback"
SOURCES = sorted(PACKAGE.glob("*.py"))
QT_ALLOWED = {"PySide6.QtCore", "PySide6.QtMultimedia"}
# Anything that creates or writes a file. Reading the container file is the caller's business.
DISK_WRITERS = {
    "tempfile",
    "shutil",
    "QTemporaryFile",
    "QTemporaryDir",
    "QSaveFile",
    "QFile",
    "write_bytes",
    "write_text",
    "mkstemp",
    "NamedTemporaryFile",
}


def _imports(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _identifiers(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.alias):
            found.update(node.name.split("."))
    return found


def _opens_for_writing(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "open":  # open(path, mode)
            modes = list(node.args[1:2])
        elif isinstance(node.func, ast.Attribute) and node.func.attr == "open":  # path.open(mode)
            modes = list(node.args[0:1])
        else:
            continue
        modes += [k.value for k in node.keywords if k.arg == "mode"]
        if any(isinstance(m, ast.Constant) and set(str(m.value)) & set("wax+") for m in modes):
            return True
    return False


def test_the_package_has_modules() -> None:
    assert {p.name for p in SOURCES} >= {"__init__.py", "device.py", "engine.py", "decode.py", "null.py"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_only_qtcore_and_qtmultimedia(path: Path) -> None:
    qt = {n for n in _imports(ast.parse(path.read_text("utf-8"))) if n.startswith("PySide6")}
    modules = {".".join(n.split(".")[:2]) for n in qt}
    assert modules <= QT_ALLOWED, f"{path.name} imports {sorted(modules - QT_ALLOWED)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_nothing_is_written_to_disk(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    used = _identifiers(tree) & DISK_WRITERS
    assert not used, f"{path.name} uses {sorted(used)}: plaintext audio must stay in memory"
    assert not _opens_for_writing(tree), f"{path.name} opens a file for writing"


def test_the_checks_can_fail() -> None:
    assert _identifiers(ast.parse("import tempfile\nf = tempfile.NamedTemporaryFile()")) & DISK_WRITERS
    assert _identifiers(ast.parse("from PySide6.QtCore import QTemporaryFile")) & DISK_WRITERS
    assert _opens_for_writing(ast.parse("open(p, 'wb').write(b)"))
    assert _opens_for_writing(ast.parse("path.open(mode='a')"))
    assert _opens_for_writing(ast.parse("path.open('w')"))
    assert not _opens_for_writing(ast.parse("path.open('rb')"))
    assert not _opens_for_writing(ast.parse("open(p, 'rb')"))
    assert "PySide6.QtWidgets" in _imports(ast.parse("from PySide6 import QtWidgets"))
