"""The rules of the house (docs/architecture.md, "The rules, and the tests that keep them") as a test:
which part may import what.

Imports are read with `ast`, never executed, so a module that fails to import cannot hide a violation.
An import counts however it is written: `import a.b`, `from a import b` (as `a` and `a.b`), a relative
import (resolved against the file's package), or `importlib.import_module("a.b")` / `__import__("a.b")`
with a literal name. Imports under `if TYPE_CHECKING:` count too: a type-only edge is still an edge.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("player", "mock_backend")

WIDGETS = (
    "PySide6.QtWidgets",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSvgWidgets",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtCharts",
)
CORE = (
    "player/storage",
    "player/license_decision",
    "player/playback",
    "player/redistribution",
    "player/protocol",
    "player/terminal",
    "player/client.py",
    "player/exchanges.py",
    "player/transfer.py",
    "player/errors.py",
    "player/words",
    "player/language.py",
)
FACES = ("player/ui", "player/cli", "player/app.py")
# What a face may import of the player: the terminal's public face (the package itself, never one of its
# modules), the errors, the words, the playback engine, the packaged icons, and its own package.
FACE_DOORS = (
    "player.errors",
    "player.language",
    "player.qt_logging",  # the Qt application's logging rules, set by each face before it starts
    "player.words",
    "player.playback",
    "player.resources",
    "player.ui",
    "player.cli",
)
FACE_EXACT = ("player.terminal",)


@dataclass(frozen=True)
class Rule:
    """Files under any of `within` (and under none of `outside`) import none of `forbidden`,
    except what is in (or a parent package of) `allowed`, or exactly one of `exact`."""

    name: str
    within: tuple[str, ...]
    forbidden: tuple[str, ...]
    outside: tuple[str, ...] = ()
    allowed: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()

    def applies_to(self, path: str) -> bool:
        return any(_under(path, p) for p in self.within) and not any(_under(path, p) for p in self.outside)

    def breaks(self, name: str) -> bool:
        if not _matches(name, self.forbidden) or _matches(name, self.allowed) or name in self.exact:
            return False
        # `player` itself, for player.protocol; `player.terminal.X` where X is a name the package exports
        parents = (*self.allowed, *self.exact)
        if any(a.startswith(name + ".") for a in parents):
            return False
        return not any(name.startswith(e + ".") and _exported(e, name) for e in self.exact)


def _exported(package: str, name: str) -> bool:
    """`from player.terminal import LibraryEntry` reads as an import of `player.terminal.LibraryEntry`:
    a name, not a module of the package (a module would be a file or folder under it)."""
    rest = name[len(package) + 1 :]
    base = ROOT / package.replace(".", "/")
    first = rest.split(".")[0]
    return not (base / f"{first}.py").exists() and not (base / first).is_dir()


RULES = (
    Rule(
        "widgets live in player/ui/ only",
        within=SCANNED,
        outside=("player/ui",),
        forbidden=WIDGETS,
    ),
    Rule(
        "the faces do no network, database or crypto of their own",
        within=FACES,
        forbidden=("requests", "sqlite3", "cryptography", "keyring"),
    ),
    Rule(
        "the faces reach the core through the terminal only",
        within=FACES,
        forbidden=("player",),
        allowed=FACE_DOORS,
        exact=FACE_EXACT,
    ),
    Rule(
        "the core imports no widget and no face",
        within=CORE,
        forbidden=(*WIDGETS, "player.ui", "player.app", "player.cli"),
    ),
    Rule(
        "the terminal owns re-distribution requesting, never the reverse",
        within=("player/redistribution",),
        forbidden=("player.terminal",),
    ),
    Rule(
        "player/protocol is pure formats: no network, database or Qt",
        within=("player/protocol",),
        forbidden=("requests", "sqlite3", "PySide6"),
    ),
    Rule(
        "mock_backend shares only player.protocol, player.errors and player.language with the player",
        within=("mock_backend",),
        forbidden=("player",),
        allowed=("player.protocol", "player.errors", "player.language"),
    ),
)


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def imported_names(source: str, path: str) -> Iterator[tuple[int, str]]:
    """(line, dotted module name) for every import in `source`, the file at `path` (relative, posix)."""
    module = path.removesuffix(".py").replace("/", ".")
    package = module.removesuffix(".__init__") if path.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            yield node.lineno, base
            for alias in node.names:
                if alias.name != "*":
                    yield node.lineno, f"{base}.{alias.name}"
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def violations(rule: Rule, path: str, source: str) -> list[str]:
    if not rule.applies_to(path):
        return []
    names = imported_names(source, path)
    return sorted({f"{path}:{line}: imports {name}" for line, name in names if rule.breaks(name)})


def _source_files() -> list[str]:
    files = (p for top in SCANNED for p in (ROOT / top).rglob("*.py"))
    return sorted(p.relative_to(ROOT).as_posix() for p in files)


# --- the real tree -------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_source_tree_keeps_the_rule(rule: Rule) -> None:
    found = [v for path in _source_files() for v in violations(rule, path, (ROOT / path).read_text("utf-8"))]
    assert not found, f"{rule.name}:\n" + "\n".join(found)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_covers_some_file(rule: Rule) -> None:
    """A moved or renamed folder must not turn a rule into one that checks nothing."""
    assert any(rule.applies_to(path) for path in _source_files()), f"{rule.name}: matches no file"


# --- the checker itself: every rule can fail -----------------------------------------------------

WIDGET_RULE, FACES_RULE, DOOR_RULE, CORE_RULE, REDIST_RULE, PROTOCOL_RULE, BACKEND_RULE = RULES


@pytest.mark.parametrize(
    ("rule", "path", "source"),
    [
        (WIDGET_RULE, "player/storage/files.py", "from PySide6.QtWidgets import QLabel\n"),
        (WIDGET_RULE, "player/cli/commands.py", "from PySide6 import QtCore, QtWidgets\n"),
        (WIDGET_RULE, "mock_backend/app.py", "import PySide6.QtMultimediaWidgets as w\n"),
        (WIDGET_RULE, "player/app.py", "from PySide6.QtWidgets import QApplication\n"),
        (FACES_RULE, "player/ui/shell/main_window.py", "import requests\n"),
        (FACES_RULE, "player/ui/claims/alternates_dialog.py", "from cryptography.hazmat import primitives\n"),
        (FACES_RULE, "player/cli/output.py", "import sqlite3\n"),
        (FACES_RULE, "player/ui/shell/first_run.py", "import keyring\n"),
        # a face reaching around the terminal: storage, the decision, re-distribution, the client,
        # protocol internals, a module of the terminal package
        (DOOR_RULE, "player/ui/library/view.py", "from player.storage.records import TrackInfo\n"),
        (DOOR_RULE, "player/ui/shell/status.py", "from player.license_decision import TrustedList\n"),
        (DOOR_RULE, "player/ui/claims/loss_dialog.py", "from player.redistribution import requester\n"),
        (DOOR_RULE, "player/cli/commands.py", "from player.client import Progress\n"),
        (DOOR_RULE, "player/cli/commands.py", "from player.protocol.canonical import format_time\n"),
        (DOOR_RULE, "player/ui/store/view.py", "from player.protocol import api\n"),
        (DOOR_RULE, "player/ui/screenshots.py", "from player.terminal.bundled import EmbeddedBackend\n"),
        (DOOR_RULE, "player/ui/session.py", "from player.terminal import connection\n"),
        (DOOR_RULE, "player/app.py", "import player.storage\n"),
        (DOOR_RULE, "player/ui/x.py", "from player import storage\n"),
        (REDIST_RULE, "player/redistribution/requester.py", "from player.terminal import Terminal\n"),
        (CORE_RULE, "player/playback/engine.py", "from PySide6 import QtWidgets\n"),
        (CORE_RULE, "player/license_decision/decide.py", "from ..ui import dialogs\n"),
        (CORE_RULE, "player/redistribution/claims.py", "importlib.import_module('player.ui.x')\n"),
        (PROTOCOL_RULE, "player/protocol/license.py", "from PySide6.QtCore import QByteArray\n"),
        (PROTOCOL_RULE, "player/protocol/__init__.py", "import requests\n"),
        (PROTOCOL_RULE, "player/protocol/policy.py", "def f():\n    import sqlite3\n"),
        (BACKEND_RULE, "mock_backend/db.py", "from player.storage import atomic\n"),
        (BACKEND_RULE, "mock_backend/db.py", "from player import storage\n"),
        (BACKEND_RULE, "mock_backend/insurer/claims.py", "__import__('player.license_decision')\n"),
    ],
)
def test_checker_catches(rule: Rule, path: str, source: str) -> None:
    assert violations(rule, path, source), f"{rule.name}: missed a violation in {path}"


@pytest.mark.parametrize(
    ("rule", "path", "source"),
    [
        (WIDGET_RULE, "player/ui/shell/main_window.py", "from PySide6.QtWidgets import QMainWindow\n"),
        (WIDGET_RULE, "player/playback/engine.py", "from PySide6.QtMultimedia import QMediaPlayer\n"),
        (FACES_RULE, "player/ui/shell/main_window.py", "from player.storage import library\n"),
        (DOOR_RULE, "player/ui/x.py", "from player.terminal import LibraryEntry, Terminal\n"),
        (
            DOOR_RULE,
            "player/ui/x.py",
            "from player.errors import PlayerError\nfrom player.words import yen\n",
        ),
        (
            DOOR_RULE,
            "player/ui/x.py",
            "from player.playback import Player\nfrom player.ui.kit.tasks import T\n",
        ),
        (
            DOOR_RULE,
            "player/cli/commands.py",
            "from player.cli.output import Output\nimport player.terminal\n",
        ),
        (REDIST_RULE, "player/redistribution/requester.py", "from player.storage import Store\n"),
        (FACES_RULE, "player/storage/files.py", "import sqlite3\n"),
        (CORE_RULE, "player/playback/engine.py", "from PySide6 import QtCore, QtMultimedia\n"),
        (CORE_RULE, "player/license_decision/decide.py", "from . import a\nfrom ..protocol import x\n"),
        (PROTOCOL_RULE, "player/protocol/license.py", "import defusedxml.ElementTree\nimport cryptography\n"),
        (BACKEND_RULE, "mock_backend/db.py", "import sqlite3\nfrom player.protocol.canonical import b64e\n"),
        (BACKEND_RULE, "mock_backend/errors.py", "from player import errors, protocol\nimport player\n"),
    ],
)
def test_checker_lets_pass(rule: Rule, path: str, source: str) -> None:
    assert violations(rule, path, source) == []


def test_relative_imports_are_resolved_against_the_package() -> None:
    names = {n for _, n in imported_names("from .. import ui\nfrom .x import y\n", "player/storage/a.py")}
    assert {"player", "player.ui", "player.storage.x", "player.storage.x.y"} <= names
    names = {n for _, n in imported_names("from . import files\n", "player/storage/__init__.py")}
    assert "player.storage.files" in names
