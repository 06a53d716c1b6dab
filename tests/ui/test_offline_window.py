"""The insurer goes away: the window says so in a banner, keeps playing from the signed, cached license
list, and offers Retry and Work offline; a lost track file is found by "Check library" and said inline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.library.model import Column
from tests.conftest import StartBackend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import (
    WAIT,
    double_click_row,
    entry_titled,
    open_window,
    row_of,
    shown,
    wait_playing,
)


def test_when_the_backend_stops_the_offline_banner_shows_and_cached_tracks_still_play(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        for content_id in ("aurora-0001", "harbor-0011"):
            session.terminal.purchases.buy(content_id)
        window = open_window(qtbot, session, rows=2)
        assert not window.banner.isVisible()
        assert window.status.connection.text() == "Online"
        backend.stop()

        qtbot.keyClick(window, Qt.Key.Key_F5)  # sync now: the insurer does not answer
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT)
    assert window.status.connection.text() == "Offline"
    assert window.status.retry.isVisible()
    assert "cannot be reached" in window.banner.title
    assert "keep playing until" in window.banner.text, window.banner.text
    assert "days" in window.banner.text
    assert window.status.grace.text().startswith("Offline playback until ")

    row = row_of(window, entry_titled(window, "Lantern Street").row.license_id)
    double_click_row(qtbot, window, row)
    wait_playing(qtbot, window, "Lantern Street")  # decided from the cached list, no network
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
    assert not window.messages.isVisible()

    window.banner.retry.click()  # still gone: still offline, still playing
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
    assert window.banner.isVisible() and session.connection == "offline"
    assert window.player.state is PlaybackState.PLAYING

    window.banner.offline.click()  # the user stops the retries
    assert not window.banner.isVisible()
    assert window.status.connection.text() == "Working offline"
    assert window.status.retry.isVisible()


def test_check_library_finds_a_missing_track_and_offers_a_loss_report_inline(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        for content_id in ("aurora-0001", "aurora-0002"):
            session.terminal.purchases.buy(content_id)
        window = open_window(qtbot, session, rows=2)

        window.verify_action.trigger()
        qtbot.waitUntil(window.messages.isVisible, timeout=WAIT)
        assert window.messages.title == "Library checked"
        assert window.messages.text == "All 2 tracks are intact."

        lost = session.terminal.library.file_path("aurora-0002")
        assert lost is not None
        lost.unlink()  # erased by mistake
        window.verify_action.trigger()
        qtbot.waitUntil(lambda: window.messages.title == "Some tracks are lost", timeout=WAIT)
        assert "Missing: Blue Hour Waltz" in window.messages.text, window.messages.text
        # the library says so too, before anyone presses play
        qtbot.waitUntil(lambda: "Valid · file missing" in shown(window, Column.LICENSE), timeout=WAIT)
        assert sorted(shown(window, Column.LICENSE)) == ["Valid", "Valid · file missing"]
        assert window.messages._action.isVisible()
        assert window.messages._action.text() == "Report a Loss…"
        window.messages._action.click()
        qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible(), timeout=WAIT)
        assert window.dialog is not None
        window.dialog.close()

        # Offline, playing it says so by its title, never by an ID, and offers the loss report.
        backend.stop()
        window.messages.hide()
        missing = entry_titled(window, "Blue Hour Waltz")
        double_click_row(qtbot, window, row_of(window, missing.row.license_id))
        qtbot.waitUntil(window.messages.isVisible, timeout=WAIT)
        assert window.messages.title == "“Blue Hour Waltz” cannot play"
        assert "file is missing" in window.messages.text and "aurora-0002" not in window.messages.text
        assert window.messages._action.text() == "Report a Loss…"
