"""Story: a track starts and the desktop shows a notification with its title, artist and cover; the
next one replaces it; turned off in the Playback menu, none is sent. A notification server stands on
the test's private session bus, as a desktop's would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import ClassInfo, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusArgument, QDBusConnection
from pytestqt.qtbot import QtBot

from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import PLAY_WAIT, bought, double_click_row, open_window, wait_playing

SERVICE, PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
_class_info: Any = ClassInfo


@_class_info({"D-Bus Interface": SERVICE})
class _Desktop(QDBusAbstractAdaptor):
    """What a desktop's notification daemon offers: Notify, with the spec's exact signature."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.seen: list[dict[str, Any]] = []

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app_name: str,
        replaces_id: int,
        app_icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, Any],
        timeout: int,
    ) -> int:
        image = hints.get("image-data")
        self.seen.append(
            {
                "app": app_name,
                "replaces": replaces_id,
                "summary": summary,
                "body": body,
                "image": image.currentSignature() if isinstance(image, QDBusArgument) else None,
            }
        )
        return 40 + len(self.seen)


def test_a_track_that_starts_is_announced_with_its_cover_and_replaces_the_last_announcement(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        pytest.skip("needs a session bus: run ./test (dbus-run-session)")
    holder = QObject()
    desktop = _Desktop(holder)
    assert bus.registerObject(PATH, holder, QDBusConnection.RegisterOption.ExportAdaptors)
    assert bus.registerService(SERVICE)
    try:
        session = bought(make_session, module_backend.url, "aurora-0001", "aurora-0002")
        window = open_window(qtbot, session, rows=2)
        double_click_row(qtbot, window, 0)
        wait_playing(qtbot, window)
        qtbot.waitUntil(lambda: len(desktop.seen) == 1, timeout=PLAY_WAIT)
        first = desktop.seen[0]
        current = window.now.current
        assert current is not None
        assert (first["app"], first["summary"]) == ("Insured Player", current.title)
        assert first["body"].startswith(current.artist)
        assert first["image"] == "(iiibiiay)"  # the cover, as pixels in the message

        window.next_action.trigger()
        qtbot.waitUntil(lambda: len(desktop.seen) == 2, timeout=PLAY_WAIT)
        assert desktop.seen[1]["replaces"] == 41  # the last one's ID: it replaces it

        window.notify_action.trigger()  # off
        assert not window.settings.notifications
        window.previous_action.trigger()
        qtbot.waitUntil(
            lambda: window.now.current is not None and window.now.current.title == current.title,
            timeout=PLAY_WAIT,
        )
        qtbot.wait(500)
        assert len(desktop.seen) == 2
    finally:
        bus.unregisterService(SERVICE)
        bus.unregisterObject(PATH)
