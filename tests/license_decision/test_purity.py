"""The decision is pure: no disk, network, keyring, Qt or clock of its own.

Like the TUF client's trusted metadata set, every trust decision is a function over the bytes and times
the caller passes in (docs/protocol.md, "Trust rules"); storage, the network and the keyring feed it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import player.license_decision

PACKAGE = Path(player.license_decision.__file__).parent
FORBIDDEN_MODULES = (
    "os", "pathlib", "io", "shutil", "tempfile", "socket", "requests", "urllib", "http",
    "sqlite3", "keyring", "PySide6", "time", "random", "player.storage", "player.client",
)  # fmt: skip
FORBIDDEN_CALLS = {"now", "utcnow", "today", "open", "now_utc"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_module_imports_no_io_and_reads_no_clock(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in FORBIDDEN_CALLS:
                found.append(f"line {node.lineno}: calls {called}()")
        found += [
            f"line {getattr(node, 'lineno', '?')}: imports {n}"
            for n in names
            if any(n == m or n.startswith(m + ".") for m in FORBIDDEN_MODULES)
        ]
    assert not found, f"{path.name} is not pure:\n" + "\n".join(found)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_module_stays_small(path: Path) -> None:
    # 330, not the house's 400: the decision is read in one sitting (its refusals, each a translated
    # sentence with named fields, take three lines or more apiece).
    assert len(path.read_text("utf-8").splitlines()) < 330
