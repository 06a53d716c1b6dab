"""Driving the main window from a story: open it on a session, find rows, click and type like a user."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.terminal import LibraryEntry
from player.ui.library.model import Column
from player.ui.session import UiSession
from player.ui.shell.main_window import MainWindow
from tests.ui.conftest import MakeSession, unique_name

WAIT = 30_000
PLAY_WAIT = 15_000


def bought(make_session: MakeSession, url: str, *content_ids: str) -> UiSession:
    """A signed-up, insured user who bought `content_ids` (through the core, as the store would)."""
    session = make_session(url, user=unique_name(), insured=True)
    for content_id in content_ids:
        session.terminal.purchases.buy(content_id)
    return session


def open_window(
    qtbot: QtBot, session: UiSession, *, rows: int | None = None, mpris: bool = False
) -> MainWindow:
    """The window on `session`, shown and started; waits until the library shows `rows` rows and the
    first contact with the insurer is over."""
    window = MainWindow(session, mpris=mpris, first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: session.connection != "connecting", timeout=WAIT)
    if rows is not None:
        qtbot.waitUntil(lambda: window.library.model.rowCount() == rows, timeout=WAIT)
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    return window


def shown(window: MainWindow, column: Column) -> list[str]:
    """One column as the user sees it, top to bottom."""
    proxy = window.library.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def row_of(window: MainWindow, license_id: str) -> int:
    proxy = window.library.proxy
    for r in range(proxy.rowCount()):
        if proxy.entry_at(r).row.license_id == license_id:
            return r
    raise AssertionError(f"{license_id} is not shown")


def entry_titled(window: MainWindow, title: str, state: str | None = None) -> LibraryEntry:
    matches = [
        e
        for e in window.library.model.entries()
        if e.row.title == title and (state is None or e.state == state)
    ]
    assert matches, f"no {state or ''} row titled {title!r}"
    return matches[-1]


def cell_center(window: MainWindow, row: int, column: Column = Column.TITLE) -> QPoint:
    table = window.library.table
    return table.visualRect(window.library.proxy.index(row, column)).center()


def double_click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.library.table
    point = cell_center(window, row)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def wait_playing(qtbot: QtBot, window: MainWindow, title: str | None = None) -> None:
    def playing() -> bool:
        current = window.now.current
        return window.player.state is PlaybackState.PLAYING and (
            title is None or (current is not None and current.title == title)
        )

    qtbot.waitUntil(playing, timeout=PLAY_WAIT)


def visible_dialogs() -> list[QWidget]:
    """Top-level windows other than main windows that are showing (message boxes, dialogs)."""
    return [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow() and w.inherits("QDialog")
    ]
