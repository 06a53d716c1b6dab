"""Story: the transport does what a listener expects. A click on the seek bar or the volume jumps there;
mute silences without losing the volume, and is remembered with shuffle and repeat; stop stops; the
playing row stays selected as tracks follow; the end of the queue says so; and shuffle and repeat are
set from the player bar and from the desktop (MPRIS, as `playerctl` does)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, QProcess, Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QSlider
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.playing.order import Repeat, Shuffle
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import PLAY_WAIT, bought, double_click_row, open_window, wait_playing

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0003")  # by The Marlow Quartet, one album, in order


def _click_groove(qtbot: QtBot, slider: QSlider, fraction: float) -> None:
    x = round(slider.width() * fraction)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))


def _playerctl(qtbot: QtBot, *args: str) -> str:
    """`playerctl` in its own process, as a desktop's media keys or applet would call; the player
    answers from the event loop, which goes on meanwhile."""
    process = QProcess()
    with qtbot.waitSignal(process.finished, timeout=15_000):
        process.start("playerctl", ["--player=insured_player", *args])
    assert process.exitCode() == 0, bytes(process.readAllStandardError().data()).decode()
    return bytes(process.readAllStandardOutput().data()).decode().strip()


def test_seek_and_volume_jump_to_the_click_mute_keeps_the_volume_and_stop_stops(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.purchases.buy(TRACKS[0])
    window = open_window(qtbot, session, rows=1)
    window.resize(1200, 700)
    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window)
    duration = window.now.current_duration
    assert duration > 20_000

    _click_groove(qtbot, window.bar.seek, 0.6)  # not a page toward the click: there
    qtbot.waitUntil(lambda: abs(window.player.position - duration * 0.6) < duration * 0.1, timeout=PLAY_WAIT)
    _click_groove(qtbot, window.bar.volume, 0.3)
    assert 20 <= window.bar.volume.value() <= 40

    set_to = window.bar.volume.value()
    qtbot.keyClick(window.library.table, Qt.Key.Key_M)  # mute
    assert window.bar.mute.isChecked() and window.player.volume == 0.0
    assert window.bar.volume.value() == set_to  # the volume is kept for when the sound comes back
    qtbot.keyClick(window.library.table, Qt.Key.Key_M)
    assert not window.bar.mute.isChecked() and window.player.volume == pytest.approx(set_to / 100)
    window.bar.mute.click()

    window.bar.stop.click()
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.STOPPED, timeout=PLAY_WAIT)
    window.close()
    again = MainWindow(session, mpris=False, first_run=False)
    qtbot.addWidget(again)
    assert again.bar.mute.isChecked() and again.player.volume == 0.0  # remembered
    assert again.bar.volume.value() == set_to


def test_tracks_follow_in_order_with_the_row_selected_and_the_end_of_the_queue_is_said(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS[:2])
    window = open_window(qtbot, session, rows=2)
    window.library.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window)
    first = window.now.current
    assert first is not None
    window.library.table.clearSelection()
    window.next_action.trigger()
    qtbot.waitUntil(lambda: window.now.current is not None and window.now.current != first, timeout=PLAY_WAIT)
    second = window.now.current
    assert second is not None
    selected = window.library.selected_entry()
    assert selected is not None and selected.row.license_id == second.license_id  # the playing row

    window.next_action.trigger()  # past the last track, repeat off
    assert window.statusBar().currentMessage().startswith("End of the queue")
    assert window.now.current == second

    window.bar.repeat.click()  # repeat all: Next starts from the top again
    assert window.now.order.repeat is Repeat.ALL and window.bar.repeat.isChecked()
    window.next_action.trigger()
    qtbot.waitUntil(
        lambda: window.now.current is not None and window.now.current.license_id == first.license_id,
        timeout=PLAY_WAIT,
    )


@pytest.mark.skipif(shutil.which("playerctl") is None, reason="needs playerctl (./test installs it)")
def test_shuffle_and_repeat_from_the_bar_and_from_the_desktop_are_the_same_and_remembered(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    if not QDBusConnection.sessionBus().isConnected():
        pytest.skip("MPRIS needs a session bus: run ./test (dbus-run-session)")
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.purchases.buy(TRACKS[0])
    window = open_window(qtbot, session, rows=1, mpris=True)
    try:
        assert _playerctl(qtbot, "shuffle") == "Off" and _playerctl(qtbot, "loop") == "None"
        _playerctl(qtbot, "shuffle", "on")
        qtbot.waitUntil(lambda: window.now.order.shuffle is Shuffle.TRACKS, timeout=10_000)
        assert window.bar.shuffle.isChecked() and window.bar.shuffle.toolTip() == "Shuffle: tracks"
        _playerctl(qtbot, "loop", "Playlist")
        qtbot.waitUntil(lambda: window.now.order.repeat is Repeat.ALL, timeout=10_000)
        assert window.bar.repeat.toolTip() == "Repeat: all tracks"

        window.bar.repeat.click()  # all -> this track, seen by the desktop
        assert _playerctl(qtbot, "loop") == "Track"
        window.bar.shuffle.click()  # tracks -> albums: still "on" for MPRIS
        assert window.now.order.shuffle is Shuffle.ALBUMS and _playerctl(qtbot, "shuffle") == "On"
    finally:
        window.close()
    again = MainWindow(session, mpris=False, first_run=False)
    qtbot.addWidget(again)
    assert (again.now.order.repeat, again.now.order.shuffle) == (Repeat.TRACK, Shuffle.ALBUMS)
