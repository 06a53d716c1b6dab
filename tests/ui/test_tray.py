"""Stories: the player on a desktop with a tray. Its icon appears in the tray (a StatusNotifier host on
the test's private session bus, as a panel's would be); a click hides the window and another brings it
back; the tray's menu has the transport and Quit, and Quit ends the player. Run as the real program on a
private X server: only Qt's X11 platform offers a tray icon."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, Properties, new_method_call
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtCore import ClassInfo, Property, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.terminal import Terminal
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.support.display import mapped, xvfb
from tests.ui.conftest import PASSWORD, MakeSession
from tests.ui.window_helpers import bought, open_window, wait_playing

WATCHER = "org.kde.StatusNotifierWatcher"
TITLE = "Insured Player"
_class_info: Any = ClassInfo


@_class_info({"D-Bus Interface": WATCHER})
class _Panel(QDBusAbstractAdaptor):
    """What a desktop panel offers: a watcher that items register with, and a host that shows them."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.items: list[str] = []

    @Slot(str)
    def RegisterStatusNotifierItem(self, service: str) -> None:
        self.items.append(service)

    @Slot(str)
    def RegisterStatusNotifierHost(self, _service: str) -> None:
        pass

    def _host(self) -> bool:
        return True

    IsStatusNotifierHostRegistered = Property(bool, _host)

    def _version(self) -> int:
        return 0

    ProtocolVersion = Property(int, _version)


def _labels(layout: tuple[int, dict[str, Any], list[Any]]) -> dict[str, int]:
    """Menu entry label (mnemonics removed) -> its id, from a dbusmenu layout."""
    found: dict[str, int] = {}
    item_id, props, children = layout
    if "label" in props:
        found[props["label"][1].replace("_", "")] = item_id
    for _signature, child in children:
        found.update(_labels(child))
    return found


def test_the_tray_icon_hides_and_shows_the_window_and_its_menu_quits(
    qtbot: QtBot, module_backend: Backend, tmp_path: Path
) -> None:
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        pytest.skip("needs a session bus: run ./test (dbus-run-session)")
    owner = QObject()
    panel = _Panel(owner)
    assert bus.registerObject("/StatusNotifierWatcher", owner) and bus.registerService(WATCHER)

    data_dir = tmp_path / "library"
    terminal = Terminal(data_dir, module_backend.url)
    terminal.account.sign_up(f"t{uuid.uuid4().hex[:10]}", PASSWORD)
    terminal.account.insure()
    terminal.close()

    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        code = "import sys; from player.app import main; sys.exit(main(sys.argv[1:]))"
        args = ["--data-dir", str(data_dir), "--server", module_backend.url]
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args], env=env, stderr=subprocess.PIPE, text=True
        )
        try:
            qtbot.waitUntil(lambda: bool(panel.items), timeout=60_000)  # the icon is in the tray
            qtbot.waitUntil(lambda: mapped(display, TITLE) is True, timeout=30_000)
            conn = open_dbus_connection(bus="SESSION")
            try:
                item = DBusAddress("/StatusNotifierItem", panel.items[0], "org.kde.StatusNotifierItem")
                menu_path = conn.send_and_get_reply(Properties(item).get("Menu")).body[0][1]
                menu = DBusAddress(menu_path, panel.items[0], "com.canonical.dbusmenu")
                _revision, layout = conn.send_and_get_reply(
                    new_method_call(menu, "GetLayout", "iias", (0, -1, []))
                ).body
                labels = _labels(layout)
                for wanted in ("Hide Insured Player", "Play/Pause", "Next Track", "Previous Track", "Quit"):
                    assert wanted in labels, labels

                conn.send_and_get_reply(new_method_call(item, "Activate", "ii", (0, 0)))  # a click
                qtbot.waitUntil(lambda: mapped(display, TITLE) is False, timeout=30_000)
                conn.send_and_get_reply(new_method_call(item, "Activate", "ii", (0, 0)))
                qtbot.waitUntil(lambda: mapped(display, TITLE) is True, timeout=30_000)

                event = new_method_call(menu, "Event", "isvu", (labels["Quit"], "clicked", ("s", ""), 0))
                conn.send_and_get_reply(event)
            finally:
                conn.close()
            assert child.wait(timeout=60) == 0
            assert child.stderr is not None and "Traceback" not in child.stderr.read()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)
    bus.unregisterService(WATCHER)
    bus.unregisterObject("/StatusNotifierWatcher")


def _state(window: MainWindow) -> PlaybackState:
    return window.player.state


def test_closing_to_the_tray_keeps_the_music_playing_until_quit(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desktop has a tray (Qt's answer, given here as a panel's presence would): closing the window
    with "close to the tray" on hides it and the music goes on; Quit (Ctrl+Q) really quits."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    session = bought(make_session, module_backend.url, "aurora-0001")
    window = open_window(qtbot, session, rows=1)
    window.settings.close_to_tray = True
    window.apply_desktop_settings()
    window.now.play(window.library.visible_entries()[0])
    wait_playing(qtbot, window)

    window.close()
    assert not window.isVisible() and window.tray.icon.isVisible()
    assert _state(window) is PlaybackState.PLAYING  # still playing, from the tray
    assert window.settings.told_about_tray  # said once, in a tray message

    window.tray.toggle_window()  # a click on the icon brings it back
    assert window.isVisible()
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.quit_action.trigger()
    assert quits == [True] and not window.isVisible()
    assert _state(window) is PlaybackState.STOPPED  # shut down: the music stopped with it
