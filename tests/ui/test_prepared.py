"""Opening ahead: the row the user rests on, and the track after the one playing, are opened on the
worker before their play, and the play takes them as they are — but never past a change of the list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.errors import PlayerError
from player.terminal import OpenedTrack, Terminal
from player.ui.library.model import Column
from player.ui.playing.prepared import TTL_S, PreparedTrack, Preparer
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import bought, double_click_row, entry_titled, open_window, row_of, wait_playing

JAZZ_1, JAZZ_2, AMBIENT = "aurora-0001", "aurora-0002", "harbor-0011"


def count_opens(terminal: Terminal) -> list[str]:
    """Record which licenses the terminal opens (the real method still does the work)."""
    opened: list[str] = []
    real: Callable[[str], OpenedTrack] = terminal.open_track

    def open_track(license_id: str) -> OpenedTrack:
        opened.append(license_id)
        return real(license_id)

    terminal.open_track = open_track  # type: ignore[method-assign,assignment]
    return opened


def test_the_selected_row_is_opened_ahead_and_enter_plays_it_without_opening_it_again(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2)
    window = open_window(qtbot, session, rows=2)
    opened = count_opens(session.terminal)
    waltz = entry_titled(window, "Blue Hour Waltz").row.license_id

    window.library.table.setFocus()
    window.library.table.setCurrentIndex(window.library.proxy.index(row_of(window, waltz), 0))
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(waltz), timeout=10_000)
    assert opened == [waltz]

    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    wait_playing(qtbot, window, "Blue Hour Waltz")
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    assert opened.count(waltz) == 1  # the play took the opened track
    assert waltz not in window.now.preparer.held()  # handed over once, not kept
    current = window.now.current
    assert current is not None and current.cover is not None  # read while opening ahead


def test_while_a_track_plays_the_next_is_opened_ahead_and_follows_without_opening_again(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2, AMBIENT)
    window = open_window(qtbot, session, rows=3)
    window.library.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    first, second = (window.library.proxy.entry_at(r).row.license_id for r in (0, 1))
    opened = count_opens(session.terminal)

    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window, "Blue Hour Waltz")
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(second), timeout=10_000)
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    window.now.seek(window.now.current_duration - 1500)
    wait_playing(qtbot, window, "Buoy Lights")
    assert opened.count(second) == 1, opened
    assert opened.count(first) == 1, opened


def test_a_license_invalidated_after_its_row_was_opened_ahead_is_not_played_its_successor_is(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2)
    window = open_window(qtbot, session, rows=2)
    lantern = entry_titled(window, "Lantern Street").row.license_id
    row = row_of(window, lantern)
    window.library.table.setCurrentIndex(window.library.proxy.index(row, 0))
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(lantern), timeout=10_000)

    # The insurer invalidates it (a loss report re-issues the track); the list reaches the window.
    _, outcomes = session.terminal.claims.report_loss([JAZZ_1])
    assert [o.outcome for o in outcomes] == ["reissued"]
    with qtbot.waitSignal(session.library_changed, timeout=30_000):
        session.sync()
    assert window.now.preparer.held() == []  # decided on the old list: dropped

    # The track's row is now its re-issued copy: that one plays, never the one opened ahead.
    successor = entry_titled(window, "Lantern Street", "valid").row.license_id
    assert successor != lantern and window.library.model.row_of(lantern) >= 0
    double_click_row(qtbot, window, row_of(window, successor))
    wait_playing(qtbot, window, "Lantern Street")
    assert window.now.current is not None and window.now.current.license_id == successor


def test_a_track_opened_too_long_ago_is_opened_anew(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1)
    session.refresh_library()
    qtbot.waitUntil(lambda: len(session.library) == 1, timeout=30_000)
    now = [1000.0]
    preparer = Preparer(session, clock=lambda: now[0])
    entry = session.library[0]
    preparer.prepare(entry)
    qtbot.waitUntil(lambda: preparer.is_ready(entry.row.license_id), timeout=10_000)

    got: list[tuple[Any, PlayerError | None]] = []
    now[0] += TTL_S + 1
    assert preparer.claim(entry.row.license_id, lambda p, e: got.append((p, e)))
    assert got == [(None, None)]  # too old: the caller decides again
    assert preparer.held() == []

    # Fresh, it is handed over with its reader open and its first segments decrypted.
    preparer.prepare(entry)
    qtbot.waitUntil(lambda: preparer.is_ready(entry.row.license_id), timeout=10_000)
    handed: list[PreparedTrack | None] = []
    assert preparer.claim(entry.row.license_id, lambda p, e: handed.append(p))
    prepared = handed[0]
    assert prepared is not None and prepared.device.isOpen()
    assert prepared.device.read(4) == b"fLaC"
    prepared.close()
    assert not preparer.claim(entry.row.license_id, lambda p, e: None)  # handed over once


def test_clearing_closes_what_was_opened_ahead_and_answers_a_waiting_play(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1)
    session.refresh_library()
    qtbot.waitUntil(lambda: len(session.library) == 1, timeout=30_000)
    preparer = Preparer(session)
    entry = session.library[0]
    preparer.prepare(entry)
    waiting: list[tuple[Any, Any]] = []
    assert preparer.claim(entry.row.license_id, lambda p, e: waiting.append((p, e)))  # still opening
    preparer.clear()
    assert waiting == [(None, None)]  # the play opens it anew
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=10_000)
    assert preparer.held() == []  # the opening that finished after the clear was closed, not kept


def test_after_a_sync_the_next_track_is_opened_again_on_the_new_list(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, JAZZ_1, JAZZ_2)
    window = open_window(qtbot, session, rows=2)
    window.library.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    second = window.library.proxy.entry_at(1).row.license_id
    opened = count_opens(session.terminal)

    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window, "Blue Hour Waltz")
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(second), timeout=10_000)
    with qtbot.waitSignal(session.library_changed, timeout=30_000):
        session.sync()
    qtbot.waitUntil(lambda: window.now.preparer.is_ready(second), timeout=10_000)
    assert opened.count(second) == 2  # dropped with the old list, opened again on the new one
