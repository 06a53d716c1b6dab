"""Story: the user, listening to a track, hears a clip in the store. The track waits while the clip
plays and goes on where it was when the clip plays out by itself or the user leaves the store, as a
store's preview does; the alternates' previews (tests/ui/test_preview.py) share the same code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.shell.main_window import MainWindow
from player.ui.shell.window_actions import LIBRARY, STORE
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.test_store import WAIT
from tests.ui.window_helpers import bought, double_click_row, entry_titled, open_window, row_of, wait_playing

CLIP = "harbor-0005"  # a track the user does not hold: heard before buying


def _hear_clip(qtbot: QtBot, window: MainWindow) -> int:
    """Start CLIP's preview in the store; the position the playing track waits at."""
    view = window.store
    qtbot.waitUntil(lambda: view.loaded, timeout=WAIT)
    assert view.select(CLIP)
    qtbot.keyClick(view.table, Qt.Key.Key_P)
    previewer = view.row_actions.previewer
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    assert window.player.state is PlaybackState.PAUSED  # the track waits while the clip plays
    return window.player.position


def test_a_track_paused_for_a_store_clip_goes_on_when_the_clip_ends_or_the_store_is_left(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001")  # Lantern Street
    window = open_window(qtbot, session, rows=1)
    double_click_row(qtbot, window, row_of(window, entry_titled(window, "Lantern Street").row.license_id))
    wait_playing(qtbot, window, "Lantern Street")
    window.show_section(STORE)  # the track plays on while the user browses
    previewer = window.store.row_actions.previewer

    waited_at = _hear_clip(qtbot, window)
    player = previewer.player
    assert player is not None
    qtbot.waitUntil(lambda: player.duration > 0, timeout=WAIT)
    assert player.duration <= 16_000  # a clip: it ends soon by itself
    player.seek(player.duration - 600)  # its last moments (the test need not sit through the rest)
    # the clip plays out by itself: the track goes on where it was, the same track
    qtbot.waitUntil(lambda: previewer.playing == "", timeout=WAIT)
    wait_playing(qtbot, window, "Lantern Street")
    assert window.player.position >= waited_at

    waited_at = _hear_clip(qtbot, window)
    window.show_section(LIBRARY)  # leaving the store stops the clip, and the track goes on
    assert previewer.state is PlaybackState.STOPPED
    wait_playing(qtbot, window, "Lantern Street")
    assert window.player.position >= waited_at
