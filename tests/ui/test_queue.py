"""Story: the listener queues tracks. Play Next puts one at the head, Add to Queue at the end, rows
dragged from the library land where they are dropped; Next and the end of a track play the queue
before the library's order, and the track after is opened ahead from the queue; the queue is there
again after a restart."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import PLAY_WAIT, bought, double_click_row, entry_titled, open_window, row_of

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0003", "harbor-0011")


def _select(window: MainWindow, *titles: str) -> None:
    table, proxy = window.library.table, window.library.proxy
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for title in titles:
        row = row_of(window, entry_titled(window, title).row.license_id)
        table.selectionModel().select(proxy.index(row, 0), flags)
    table.setFocus()


def _titles(window: MainWindow) -> list[str]:
    return [t.split(" — ")[0] for t in window.queue_panel.shown_titles()]


def _playing(window: MainWindow) -> str:
    return window.now.current.title if window.now.current is not None else ""


def test_queued_tracks_play_next_in_the_order_asked_and_the_queue_survives_a_restart(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    window.resize(1280, 800)
    titles = [e.row.title for e in window.library.visible_entries()]
    first, last = titles[0], titles[-1]

    _select(window, last)
    qtbot.keyClick(window.library.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Add to Queue
    _select(window, titles[2])
    qtbot.keyClick(  # Play Next: before what was queued
        window.library.table,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _titles(window) == [titles[2], last]
    assert window.queue_dock.isVisible()
    assert window.statusBar().currentMessage().startswith("Added 1 track to play next")

    # A row dragged from the library onto the top of the queue lands there.
    _select(window, titles[1])
    dragged = window.library.proxy.mimeData(window.library.table.selectionModel().selectedRows())
    target = window.queue_panel.list
    drop = QDropEvent(
        QPointF(5, 1),
        Qt.DropAction.CopyAction,
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(drop)
    assert _titles(window) == [titles[1], titles[2], last]

    window.queue_panel.list.setCurrentRow(1)  # Delete removes the selected entry
    qtbot.keyClick(window.queue_panel.list, Qt.Key.Key_Delete)
    assert _titles(window) == [titles[1], last]

    double_click_row(qtbot, window, 0)  # the first row plays; the queue's head is opened ahead
    qtbot.waitUntil(lambda: _playing(window) == first, timeout=PLAY_WAIT)
    head = entry_titled(window, titles[1]).row.license_id
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(head), timeout=PLAY_WAIT)
    window.next_action.trigger()
    qtbot.waitUntil(lambda: _playing(window) == titles[1], timeout=PLAY_WAIT)
    assert _titles(window) == [last]  # the head left the queue as it played

    window.close()
    assert session.library  # what the closed window's session last knew: enough to show the queue
    again = MainWindow(session, mpris=False, first_run=False)
    qtbot.addWidget(again)
    assert _titles(again) == [last]  # kept across the restart
