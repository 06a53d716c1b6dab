"""Messages appear in one fixed place that never moves a row, one at a time; the status bar's times
come from the one signed list, so they agree, and they stay true while the window sits open."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from player.ui.library.model import Column
from player.ui.shell.main_window import MainWindow
from player.ui.shell.status import when
from tests.conftest import StartBackend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import WAIT, bought, open_window

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0003", "harbor-0011", "harbor-0012")


def _row_top(window: MainWindow, row: int) -> QPoint:
    """Where a row is drawn, in the window's coordinates: what the mouse is over."""
    table = window.library.table
    rect = table.visualRect(window.library.proxy.index(row, Column.TITLE))
    return table.viewport().mapTo(window, rect.topLeft())


def _shown_panels(window: MainWindow) -> list[str]:
    return [name for name, w in (("offline", window.banner), ("message", window.messages)) if w.isVisible()]


def test_messages_and_the_offline_banner_share_one_place_and_never_move_the_rows(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = bought(make_session, backend.url, *TRACKS)
        window = open_window(qtbot, session, rows=len(TRACKS))
        window.resize(1000, 700)
        qtbot.wait(50)
        before = [_row_top(window, r) for r in range(len(TRACKS))]
        assert _shown_panels(window) == []

        window.messages.show_message("info", "Library checked", "All 5 tracks are intact.")
        qtbot.wait(50)
        assert [_row_top(window, r) for r in range(len(TRACKS))] == before
        # below the table, above the player bar
        strip_top = window.notices.mapTo(window, QPoint(0, 0)).y()
        table = window.library.table
        assert strip_top >= table.mapTo(window, QPoint(0, table.height())).y()
        assert strip_top < window.bar.mapTo(window, QPoint(0, 0)).y()

        backend.stop()
        qtbot.keyClick(window, Qt.Key.Key_F5)  # the insurer does not answer: offline
        qtbot.waitUntil(lambda: session.connection == "offline", timeout=WAIT)
        assert _shown_panels(window) == ["message"]  # the newer message covers the banner
        window.messages.hide()  # dismissed: the offline state shows again, in the same place
        assert _shown_panels(window) == ["offline"]
        qtbot.wait(50)
        assert [_row_top(window, r) for r in range(len(TRACKS))] == before

        window.messages.show_message("warning", "A message while offline", "One panel at a time.")
        assert _shown_panels(window) == ["message"]
        qtbot.wait(50)
        assert [_row_top(window, r) for r in range(len(TRACKS))] == before
        window.messages.hide()
        assert _shown_panels(window) == ["offline"]


def test_the_status_bar_times_come_from_the_list_held_and_stay_true_as_time_passes(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        session.terminal.purchases.buy("aurora-0001")
        window = open_window(qtbot, session, rows=1)
        qtbot.waitUntil(lambda: window.status.trusted is not None, timeout=WAIT)
        first = window.status.trusted
        assert first is not None
        assert window.status.synced.text() == f"Synced {when(first.issued_at)}"
        assert when(first.expires_at) in window.status.grace.text()
        assert "30 days" in window.status.grace.text() or "29 days" in window.status.grace.text()

        # a purchase fetches a newly signed list outside the window's own sync: both times follow it
        session.terminal.purchases.buy("aurora-0002")
        session.refresh_library()
        qtbot.waitUntil(lambda: window.library.model.rowCount() == 2, timeout=WAIT)
        newer = window.status.trusted
        assert newer is not None and newer.issued_at >= first.issued_at
        assert window.status.synced.text() == f"Synced {when(newer.issued_at)}"

        window.status.tick(newer.expires_at - timedelta(hours=30))
        assert "less than 2 days" in window.status.grace.text()
        window.status.tick(newer.expires_at + timedelta(minutes=1))
        assert window.status.grace.text().startswith("The cached license list ran out")
