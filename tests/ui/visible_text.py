"""What a user can read in the window right now, walked from the live widgets, and the rule that text keeps:
no patent figure number, no internal ID (a license, policy, claim, purchase, receipt… ID, or a track's
content ID) and no URL, except inside a container marked Advanced, where someone checking the
record-keeping asked to see them.

The rule runs on the widgets and not on the source: an ID reaches the screen through an f-string, a
tooltip or a model cell that no grep of literals finds, and a literal in the source may never be shown.
`findings()` walks every visible window (dialogs and message boxes too), `assert_words_plain()` lets a
story check a transient dialog the moment it opens, and the hook `check_after_call` (imported by
tests/ui/conftest.py) checks every story's windows when it ends, before pytest-qt closes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from player.ui.kit import ADVANCED

# Each rule: its name and what it looks for. Word boundaries keep ordinary words and prices out:
# "L-" inside a word, a yen range "¥1-2", a date "2026-05-01", "A-side" are no IDs.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # The patent's figures: "FIG.7", "FIG. 6B", "Figs 3".
    ("patent figure", re.compile(r"\bFIG(?:URE)?S?\.?\s*\d", re.IGNORECASE)),
    # The backend's IDs: a one- or two-letter kind, a dash and hex (mock_backend: "L-" licenses, "P-"
    # policies and contracts, "C-" claims, "CI-" claim items, "A-" alternates, "I-" purchase items, "B-"
    # purchases, "R-" receipts, "u-" users), also cut short ("L-3f2…"): three hex or more, one a digit.
    ("internal ID", re.compile(r"\b(?:CI|[ABCILPR]|u)-(?=[0-9a-f]*\d)[0-9a-f]{3,}\b")),
    # A track's content ID: "<provider>-NNNN" (provider IDs are lower-case letters, digits and dashes).
    ("content ID", re.compile(r"\b[a-z][a-z0-9-]*-\d{4}\b")),
    ("URL", re.compile(r"https?://|\b127\.0\.0\.1\b|\blocalhost:", re.IGNORECASE)),
)
ROLES = ((Qt.ItemDataRole.DisplayRole, "text"), (Qt.ItemDataRole.ToolTipRole, "tooltip"))


@dataclass(frozen=True)
class Readable:
    """One piece of text a user can read, and where: the widget and what part of it."""

    where: str
    part: str
    text: str


@dataclass(frozen=True)
class Finding:
    rule: str
    match: str
    readable: Readable

    def __str__(self) -> str:
        r = self.readable
        return f"{self.rule} {self.match!r} in {r.where}, {r.part}: {r.text!r}"


def broken_rules(text: str) -> list[tuple[str, str]]:
    """The rules `text` breaks, each with the part that breaks it."""
    return [(name, m.group(0)) for name, pattern in RULES for m in pattern.finditer(text)]


def plain(text: str) -> str:
    """What the user reads of `text`: rich text without its tags, as a label or tooltip renders it."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def describe(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName()
    title = widget.window().windowTitle()
    return f"{type(widget).__name__}{f' {name!r}' if name else ''} in window {title!r}"


def _advanced(widget: QWidget) -> bool:
    return bool(widget.property(ADVANCED))


def _readable_child(child: QWidget) -> bool:
    """Shown now, or a page of a stack (a tab, a sidebar page, a wizard step) the user can bring up."""
    if child.isWindow():
        return False  # walked as a window of its own when it shows
    if not child.isHidden():
        return True
    stack = child.parentWidget()
    if not isinstance(stack, QStackedWidget) or stack.indexOf(child) < 0:
        return False
    tabs = stack.parentWidget()
    return not isinstance(tabs, QTabWidget) or tabs.isTabVisible(tabs.indexOf(child))


def _action_texts(actions: Iterable[QAction], where: str, seen: set[int]) -> Iterator[Readable]:
    """Menu and toolbar entries, into their submenus."""
    for action in actions:
        if id(action) in seen or not action.isVisible() or action.isSeparator():
            continue
        seen.add(id(action))
        label = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        part = f"action {label!r}"
        yield Readable(where, part, label)
        yield Readable(where, f"{part} tooltip", plain(action.toolTip()))
        yield Readable(where, f"{part} status tip", action.statusTip())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield Readable(where, f"{part} menu title", menu.title())
            yield from _action_texts(menu.actions(), where, seen)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model has one column (PySide keeps its `columnCount` private)."""
    if isinstance(model, QAbstractListModel):
        return 0 if parent.isValid() else 1
    return model.columnCount(parent)


def _cells(model: QAbstractItemModel, parent: QModelIndex, where: str, tree: bool) -> Iterator[Readable]:
    """Every cell's text and tooltip, all rows and columns (and, in a tree, all levels)."""
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role, part in ROLES:
                value = model.data(index, role)
                if value is not None:
                    yield Readable(where, f"cell ({row}, {column}) {part}", plain(str(value)))
            if tree and column == 0 and model.rowCount(index) > 0:
                yield from _cells(model, index, f"{where} under row {row}", tree)


def _headers(model: QAbstractItemModel, where: str) -> Iterator[Readable]:
    for orientation, count in (
        (Qt.Orientation.Horizontal, _columns(model, QModelIndex())),
        (Qt.Orientation.Vertical, model.rowCount()),
    ):
        for section in range(count):
            for role, part in ROLES:
                value: Any = model.headerData(section, orientation, role)
                if value is not None:
                    yield Readable(where, f"{orientation.name} header {section} {part}", plain(str(value)))


def _own_texts(widget: QWidget, seen: set[int]) -> Iterator[Readable]:
    """The texts one widget shows by itself (its children are walked on their own)."""
    where = describe(widget)
    if widget.isWindow():
        yield Readable(where, "window title", widget.windowTitle())
    yield Readable(where, "tooltip", plain(widget.toolTip()))
    yield Readable(where, "status tip", widget.statusTip())
    yield Readable(where, "what's this", plain(widget.whatsThis()))
    # Read aloud by a screen reader: what a blind user reads.
    yield Readable(where, "accessible name", widget.accessibleName())
    yield Readable(where, "accessible description", widget.accessibleDescription())
    if isinstance(widget, QLabel):
        text = widget.text()
        rich = widget.textFormat() is Qt.TextFormat.RichText or (
            widget.textFormat() is Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        )
        yield Readable(where, "text", plain(text) if rich else text)
    elif isinstance(widget, QAbstractButton):
        yield Readable(where, "text", widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
        menu = widget.menu() if isinstance(widget, QPushButton | QToolButton) else None
        if menu is not None:
            yield from _action_texts(menu.actions(), where, seen)
    elif isinstance(widget, QLineEdit):
        if widget.echoMode() is QLineEdit.EchoMode.Normal:
            yield Readable(where, "text", widget.text())
        yield Readable(where, "placeholder", widget.placeholderText())
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield Readable(where, "text", widget.toPlainText())
        yield Readable(where, "placeholder", widget.placeholderText())
    elif isinstance(widget, QGroupBox):
        yield Readable(where, "title", widget.title())
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            if widget.isTabVisible(i):
                yield Readable(where, f"tab {i}", widget.tabText(i).replace("&", ""))
                yield Readable(where, f"tab {i} tooltip", plain(widget.tabToolTip(i)))
    elif isinstance(widget, QComboBox):
        yield Readable(where, "current text", widget.currentText())
        yield Readable(where, "placeholder", widget.placeholderText())
        yield from _cells(widget.model(), QModelIndex(), f"{where} item", tree=False)
    elif isinstance(widget, QStatusBar):
        yield Readable(where, "message", widget.currentMessage())
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        yield Readable(where, "text", widget.text())
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        model = widget.model()
        if model is not None:
            yield from _cells(model, QModelIndex(), where, tree=widget.inherits("QTreeView"))
            yield from _headers(model, where)
    shows_actions = isinstance(widget, QMenuBar | QToolBar | QMenu) or (
        widget.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    )
    if shows_actions:
        yield from _action_texts(widget.actions(), where, seen)


def _walk(widget: QWidget, seen: set[int]) -> Iterator[Readable]:
    if _advanced(widget):
        return
    yield from _own_texts(widget, seen)
    for child in widget.children():
        if isinstance(child, QWidget) and _readable_child(child):
            yield from _walk(child, seen)


def windows() -> list[QWidget]:
    """The top-level windows showing now: main windows, dialogs, message boxes, open menus, tooltips."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def readable(roots: Iterable[QWidget] | None = None) -> list[Readable]:
    """Every non-empty text a user can read in `roots` (default: every window showing)."""
    seen: set[int] = set()
    found: list[Readable] = []
    for root in windows() if roots is None else roots:
        found += (r for r in _walk(root, seen) if r.text.strip())
    return found


def findings(roots: Iterable[QWidget] | None = None) -> list[Finding]:
    """What breaks the rule in `roots` (default: every window showing), each once."""
    out: dict[tuple[str, str, str], Finding] = {}
    for r in readable(roots):
        for rule, match in broken_rules(r.text):
            out.setdefault((r.where, r.part, match), Finding(rule, match, r))
    return list(out.values())


def assert_words_plain(roots: Iterable[QWidget] | None = None) -> None:
    """For a story, the moment a dialog opens: no figure number, internal ID or URL is on show."""
    found = findings(roots)
    assert not found, "the window shows what a user should not read:\n" + "\n".join(map(str, found))


@pytest.hookimpl(wrapper=True)
def check_after_call(item: pytest.Item) -> Iterator[None]:
    """After a story passed, and while its windows still show (pytest-qt closes them at the start of the
    teardown, before any fixture's teardown runs), the rule holds for everything on screen."""
    result = yield
    if "qtbot" in getattr(item, "fixturenames", ()):
        QApplication.processEvents()
        assert_words_plain()
    return result
