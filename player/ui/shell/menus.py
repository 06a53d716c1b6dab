"""The main window's actions and menu bar: shortcuts that work with the menus closed, and the menus
laid out from one table, so the window itself only says which action runs what.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


def make_action(
    window: QWidget,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    slot: object,
    name: str = "",
    *,
    within: tuple[QWidget, ...] = (),
) -> QAction:
    """An action whose shortcut works with the menus closed: in the whole window, or only while the
    focus is inside `within` (plain arrow keys must keep their meaning in the Store's and the
    dialogs' own controls)."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setObjectName(name or text.lower().replace(" ", "_").strip("._"))
    action.triggered.connect(slot)
    if within:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in within:
            widget.addAction(action)
    else:
        window.addAction(action)
    return action


def fill_menus(bar: QMenuBar, menus: Sequence[tuple[str, Sequence[QAction | None]]]) -> None:
    """One menu per (title, actions); None in the actions is a separator."""
    for title, actions in menus:
        menu = bar.addMenu(title)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
