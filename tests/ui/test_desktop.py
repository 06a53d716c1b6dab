"""Desktop conventions: the keyboard drives playback, the window remembers itself, Ctrl+Q also stops the
bundled backend, and MPRIS2 answers on the session bus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QRect, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher, QDBusVariant
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.terminal import Terminal
from player.ui.library.model import Column
from player.ui.playing.mpris import OBJECT_PATH, PLAYER_INTERFACE, SERVICE
from player.ui.session import UiSession
from player.ui.shell.main_window import MainWindow
from player.ui.shell.sidebar import COVER as SIDEBAR_COVER
from tests.support.backend import Backend, clone_template
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import double_click_row, open_window, shown, wait_playing


def test_the_keyboard_plays_pauses_seeks_and_skips(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    for content_id in ("aurora-0001", "aurora-0002"):
        session.terminal.purchases.buy(content_id)
    window = open_window(qtbot, session, rows=2)
    window.library.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    first, second = shown(window, Column.TITLE)
    window.library.table.setFocus()

    qtbot.keyClick(window.library.table, Qt.Key.Key_Space)  # nothing loaded: the first in view order
    wait_playing(qtbot, window, first)
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Right)  # +5 s
    qtbot.waitUntil(lambda: window.player.position >= 5000, timeout=10_000)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.PAUSED, timeout=10_000)
    at = window.player.position
    qtbot.keyClick(window.library.table, Qt.Key.Key_Left)  # -5 s
    qtbot.waitUntil(lambda: window.player.position <= at - 4000, timeout=10_000)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    wait_playing(qtbot, window, second)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    wait_playing(qtbot, window, first)

    # In the search box the same keys type and move the cursor; they do not drive the player.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.library.search, "a b")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Left)
    assert window.library.search.text() == "a b"
    assert window.library.search.cursorPosition() == 2
    assert window.player.state is PlaybackState.PLAYING


def test_every_control_of_the_window_has_an_accessible_name(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    """Screen readers name what they land on: the library, the player bar, the sections, the banners and
    the status bar (the Store, Insurance and dialogs are checked by their own stories)."""
    window = open_window(qtbot, make_session(module_backend.url, user=unique_name(), insured=True), rows=0)
    kinds = (QAbstractButton, QAbstractSlider, QLineEdit, QComboBox, QAbstractItemView)
    unnamed = []
    for area in (window.library, window.bar, window.sidebar, window.banner, window.messages, window.status):
        for widget in [area, *area.findChildren(QWidget)]:
            internal = isinstance(widget.parent(), (QLineEdit, QAbstractScrollArea))  # clear box, corner
            control = isinstance(widget, kinds) and not isinstance(widget, (QScrollBar, QHeaderView))
            if control and not internal and not widget.accessibleName().strip():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(area).__name__}")
    assert unnamed == []
    assert all(a.text() for a in window.actions())  # every shortcut has a menu text too


def test_volume_layout_and_the_last_track_survive_a_restart(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    user = unique_name()
    session = make_session(module_backend.url, user=user, insured=True)
    session.terminal.purchases.buy("aurora-0001")
    window = open_window(qtbot, session, rows=1)
    window.setGeometry(QRect(10, 5, 780, 590))  # within the offscreen screen (800 x 600)
    window.bar.volume.setValue(35)
    window.library.table.setColumnWidth(Column.ALBUM, 222)
    window.library.table.sortByColumn(Column.DURATION, Qt.SortOrder.DescendingOrder)
    double_click_row(qtbot, window, 0)
    wait_playing(qtbot, window, "Lantern Street")
    window.now.seek(12_000)
    qtbot.waitUntil(lambda: window.player.position >= 12_000, timeout=10_000)
    table = window.library.table
    sized = {c: table.columnWidth(c) for c in (Column.TITLE, Column.ARTIST, Column.ALBUM)}
    window.close()
    assert window.player.state is PlaybackState.STOPPED

    again = make_session(module_backend.url)  # the same data dir: the same library, a new process
    restored = open_window(qtbot, again, rows=1)
    assert restored.bar.volume.value() == 35
    assert restored.player.volume == pytest.approx(0.35)
    assert (restored.width(), restored.height()) == (780, 590)
    # The listener's layout comes back: the album as much wider than the title and the artist as they
    # left it, the whole fitted to the table (222 px did not fit beside the rest at this width).
    table = restored.library.table
    back = {c: table.columnWidth(c) for c in sized}
    for column in (Column.TITLE, Column.ARTIST):
        assert back[Column.ALBUM] / back[column] == pytest.approx(
            sized[Column.ALBUM] / sized[column], rel=0.05
        )
    shown = [c for c in Column if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    header = restored.library.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.DURATION,
        Qt.SortOrder.DescendingOrder,
    )
    # The last track is back, paused where it was, and plays from there.
    assert restored.now.current is not None and restored.now.current.title == "Lantern Street"
    assert restored.player.state is PlaybackState.STOPPED
    assert 12_000 <= restored.now.position < 14_000
    assert restored.bar.elapsed.text() in ("0:12", "0:13")
    # with its cover, in the bar and the sidebar, as when it played (not the blank of no track)
    qtbot.waitUntil(lambda: restored.now.current is not None and restored.now.current.cover is not None)
    assert restored.bar.cover.accessibleDescription() == "Cover of Lantern Street"
    assert restored.sidebar.cover.pixmap().width() == SIDEBAR_COVER  # the app's icon is smaller
    restored.play_action.trigger()
    wait_playing(qtbot, restored, "Lantern Street")
    qtbot.waitUntil(lambda: restored.player.position >= 12_000, timeout=10_000)


def test_ctrl_q_closes_the_window_and_stops_the_bundled_backend(
    qtbot: QtBot, real_keyring: None, demo_template: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "library"
    clone_template(demo_template, data_dir / "bundled-backend")  # the demo catalog, already rendered
    terminal = Terminal(data_dir)  # no server: the player starts its own backend
    session = UiSession(terminal)
    window = MainWindow(session, mpris=False, first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: session.connection == "online", timeout=60_000)
    child = terminal.connection._embedded
    assert child is not None and child.running
    assert child._proc is not None
    pid = child._proc.pid

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert child._proc is None or child._proc.poll() is not None, "the bundled backend is still running"
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone and reaped


def _dbus_call(
    qtbot: QtBot, bus: QDBusConnection, interface: str, method: str, *args: object
) -> list[object]:
    """Call the player over the bus without blocking the event loop it answers from (a blocking call,
    or a QDBusInterface, which introspects synchronously, would wait on ourselves until D-Bus times out)."""
    message = QDBusMessage.createMethodCall(SERVICE, OBJECT_PATH, interface, method)
    message.setArguments(list(args))
    watcher = QDBusPendingCallWatcher(bus.asyncCall(message, 10_000))
    with qtbot.waitSignal(watcher.finished, timeout=15_000):
        pass
    reply = watcher.reply()
    assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
    return [a.variant() if isinstance(a, QDBusVariant) else a for a in reply.arguments()]


def _get(qtbot: QtBot, bus: QDBusConnection, interface: str, name: str) -> object:
    [value] = _dbus_call(qtbot, bus, "org.freedesktop.DBus.Properties", "Get", interface, name)
    return value


def _dbus_send(qtbot: QtBot, *args: str) -> str:
    """`dbus-send --print-reply` as a separate process, as a desktop applet would ask; it runs while
    the event loop goes on (the player answers from it)."""
    process = QProcess()
    with qtbot.waitSignal(process.finished, timeout=15_000):
        process.start("dbus-send", ["--session", "--print-reply", f"--dest={SERVICE}", OBJECT_PATH, *args])
    assert process.exitCode() == 0, bytes(process.readAllStandardError().data()).decode()
    return bytes(process.readAllStandardOutput().data()).decode()


def test_mpris_answers_on_the_session_bus(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    if not QDBusConnection.sessionBus().isConnected():
        pytest.skip("MPRIS needs a session bus: run ./test (dbus-run-session)")
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.purchases.buy("aurora-0002")
    window = open_window(qtbot, session, rows=1, mpris=True)
    assert window.mpris.registered and window.mpris.service_name == SERVICE
    # Another connection, as a desktop applet would be: the call really crosses the bus.
    bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, "mpris-test-client")
    try:
        assert _get(qtbot, bus, PLAYER_INTERFACE, "PlaybackStatus") == "Stopped"

        double_click_row(qtbot, window, 0)
        wait_playing(qtbot, window, "Blue Hour Waltz")
        assert _get(qtbot, bus, PLAYER_INTERFACE, "PlaybackStatus") == "Playing"
        # The metadata map (a{sv}), read by another process as `dbus-send` prints it.
        meta = " ".join(
            _dbus_send(
                qtbot,
                "org.freedesktop.DBus.Properties.Get",
                f"string:{PLAYER_INTERFACE}",
                "string:Metadata",
            ).split()
        )
        assert 'string "xesam:title" variant string "Blue Hour Waltz"' in meta, meta[:2000]
        assert 'string "xesam:artist" variant array [ string "The Marlow Quartet" ]' in meta
        assert 'string "mpris:length" variant int32 31000000' in meta
        assert 'string "mpris:artUrl" variant string "data:image/png;base64,' in meta
        assert 'string "mpris:trackid" variant object path "/org/insured_player/track/' in meta

        _dbus_call(qtbot, bus, PLAYER_INTERFACE, "PlayPause")  # the desktop's media key
        qtbot.waitUntil(lambda: window.player.state is PlaybackState.PAUSED, timeout=10_000)
        assert _get(qtbot, bus, PLAYER_INTERFACE, "PlaybackStatus") == "Paused"
        assert _get(qtbot, bus, "org.mpris.MediaPlayer2", "Identity") == "Insured Player"
    finally:
        QDBusConnection.disconnectFromBus("mpris-test-client")
    window.close()
    assert not window.mpris.registered
