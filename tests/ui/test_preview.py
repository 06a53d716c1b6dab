"""Story: before taking an alternate, the user hears a short preview of it. The clip plays from memory
(nothing is written to the library), the track that was playing pauses, and the button and the P key
start and stop it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState
from player.ui.claims.alternates_dialog import AlternatesDialog
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import WAIT
from tests.ui.window_helpers import double_click_row, entry_titled, open_window, row_of, wait_playing

DISCONTINUED, PLAYING = "aurora-0009", "aurora-0001"  # Highway Postcards; Lantern Street


def _files(root: Path) -> dict[str, int]:
    """The library's files and sizes (SQLite's own journal files come and go with any read)."""
    return {
        str(p.relative_to(root)): p.stat().st_size
        for p in root.rglob("*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
    }


def test_an_alternate_is_heard_from_memory_before_it_is_taken_and_the_track_playing_pauses(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("ines"), insured=True)
    terminal = session.terminal
    for content_id in (DISCONTINUED, PLAYING):
        terminal.purchases.buy(content_id)
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    claim, _ = terminal.claims.report_loss([DISCONTINUED])
    waiting = [i for i in claim.items if i.outcome == "alternates_offered"]

    window = open_window(qtbot, session, rows=2)
    double_click_row(qtbot, window, row_of(window, entry_titled(window, "Lantern Street").row.license_id))
    wait_playing(qtbot, window, "Lantern Street")

    dialog = AlternatesDialog(session, waiting, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    first = dialog.selected()
    assert first is not None and dialog.preview_button.text() == "Preview"
    before = _files(terminal.data_dir)

    qtbot.keyClick(dialog.table, Qt.Key.Key_P)  # the highlighted alternate's clip
    previewer = dialog.previewer
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    player = previewer.player
    assert player is not None
    qtbot.waitUntil(lambda: player.position > 300, timeout=WAIT)  # heard: the sink takes the audio
    assert 0 < player.duration <= 16_000  # a short clip, not the track
    assert previewer.playing == first.alternate_id
    assert dialog.preview_button.text() == "Stop Preview"
    assert window.player.state is PlaybackState.PAUSED  # what was playing waits
    assert _files(terminal.data_dir) == before  # the clip never touched the disk

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # another row: the button offers its preview
    second = dialog.selected()
    assert second is not None and second.alternate_id != first.alternate_id
    assert dialog.preview_button.text() == "Preview"
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: previewer.playing == second.alternate_id, timeout=WAIT)
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    assert window.player.state is PlaybackState.PAUSED  # one clip after another: still waiting
    dialog.preview_button.click()  # Stop Preview
    assert previewer.playing == "" and previewer.state is PlaybackState.STOPPED
    assert dialog.preview_button.text() == "Preview"
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.PLAYING, timeout=WAIT)  # it goes on
    paused_at = window.player.position

    dialog.preview_button.click()
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.PAUSED, timeout=WAIT)
    qtbot.waitUntil(lambda: previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    dialog.reject()  # closing the dialog ends the clip, and what it paused goes on where it was
    assert previewer.state is PlaybackState.STOPPED
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.PLAYING, timeout=WAIT)
    assert window.player.position >= paused_at


def test_a_track_the_user_had_paused_stays_paused_after_a_preview(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("ivo"), insured=True)
    lost = "aurora-0013"  # another discontinued track: the backend is the module's
    for content_id in (lost, PLAYING):
        session.terminal.purchases.buy(content_id)
    module_backend.admin(f"/content/{lost}/discontinue")
    claim, _ = session.terminal.claims.report_loss([lost])
    waiting = [i for i in claim.items if i.outcome == "alternates_offered"]
    window = open_window(qtbot, session, rows=2)
    double_click_row(qtbot, window, row_of(window, entry_titled(window, "Lantern Street").row.license_id))
    wait_playing(qtbot, window, "Lantern Street")
    window.now.pause()  # the user's own pause
    qtbot.waitUntil(lambda: window.player.state is PlaybackState.PAUSED, timeout=WAIT)

    dialog = AlternatesDialog(session, waiting, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.previewer.state is PlaybackState.PLAYING, timeout=WAIT)
    dialog.reject()
    qtbot.wait(300)  # time enough for a wrong resume to show
    assert window.player.state is PlaybackState.PAUSED


def test_a_preview_the_provider_no_longer_serves_is_said_in_words_and_nothing_plays(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("iris"), insured=True)
    lost = "harbor-0002"  # Velvet Ledger
    session.terminal.purchases.buy(lost)
    module_backend.admin(f"/content/{lost}/discontinue")
    claim, _ = session.terminal.claims.report_loss([lost])
    waiting = [i for i in claim.items if i.outcome == "alternates_offered"]
    dialog = AlternatesDialog(session, waiting)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.details_loaded, timeout=WAIT)
    chosen = dialog.selected()
    assert chosen is not None
    module_backend.admin(f"/content/{chosen.content_id}/discontinue")  # withdrawn while the list is open

    qtbot.keyClick(dialog.table, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("No preview:"), timeout=WAIT)
    assert "Its supplier no longer distributes this track." in dialog.status.text(), dialog.status.text()
    assert dialog.previewer.playing == "" and dialog.previewer.state is PlaybackState.STOPPED
    assert dialog.preview_button.text() == "Preview"
