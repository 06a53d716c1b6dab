"""Story: a playlist survives an alternate replacing one of its tracks. The listener's "Drive" playlist
holds a track whose file is then lost; its supplier has discontinued it, so the insurer offers
alternates. While the choice waits, the playlist keeps the lost track in its place; once an alternate
is chosen, the alternate stands there instead, plays from the playlist, is what the playlist file names,
and is what an export says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import WAIT, confirm_choice, open_loss_dialog, wait_for_result, wait_idle
from tests.ui.playlist_helpers import add_menu, choose, page_titles, playlist, select_library
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import open_window, wait_playing

DISCONTINUED = "aurora-0009"  # Highway Postcards, Copper Lanes, Rock
LOST, KEPT = "Highway Postcards", ("Lantern Street", "Night Ferry")


def test_a_playlist_survives_an_alternate_replacing_one_of_its_tracks(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = make_session(module_backend.url, user=unique_name("rosa"), insured=True)
    terminal = session.terminal
    for content_id in (DISCONTINUED, "aurora-0001", "harbor-0003"):
        terminal.purchases.buy(content_id)
    window = open_window(qtbot, session, rows=3)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.playlists.book.is_loaded, timeout=WAIT)

    # "Drive": the three tracks, made from the library's selection (Ctrl+Shift+A, New Playlist).
    select_library(window, LOST, *KEPT)
    choose(qtbot, window, add_menu(qtbot, window, window.library.table), "New Playlist")
    page = window.playlists.page
    qtbot.waitUntil(lambda: page.name.hasFocus() and page.model.rowCount() == 3, timeout=WAIT)
    qtbot.keyClicks(page.name, "Drive")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.playlists.list.shown_names() == ["Drive"], timeout=WAIT)
    before = page_titles(window)
    place = before.index(LOST)
    drive = playlist(window, "Drive").playlist_id

    # The file is lost and the supplier discontinued the track: the insurer offers alternates.
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    path = terminal.library.file_path(DISCONTINUED)
    assert path is not None
    path.unlink()
    loss = open_loss_dialog(qtbot, session)
    assert loss.checked_content_ids() == [DISCONTINUED]
    loss.submit.click()
    ((_, outcome, _),) = wait_for_result(qtbot, loss)
    assert outcome == "Choose an alternate"
    assert page_titles(window) == before  # while the choice waits, the lost track keeps its place

    loss.choose_button.click()
    dialog = loss.alternates_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.details_loaded and dialog.model.rowCount() > 0, timeout=WAIT)
    wanted = dialog.selected()
    assert wanted is not None
    with qtbot.waitSignal(dialog.chosen, timeout=WAIT):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        confirm_choice(qtbot, dialog)
    wait_idle(qtbot, session)
    loss.close()

    # The alternate stands in the lost track's place, plays, and is what the playlist keeps.
    after = [*before[:place], wanted.title, *before[place + 1 :]]
    qtbot.waitUntil(lambda: page_titles(window) == after, timeout=WAIT)
    assert all(item.playable for item in page.model.items())
    assert window.playlists.list.shown_names() == ["Drive"]
    qtbot.waitUntil(lambda: terminal.playlists.get(drive).entries[place].content_id == wanted.content_id)
    kept = terminal.playlists.get(drive).entries[place]
    assert (kept.title, kept.artist) == (wanted.title, wanted.artist)
    assert_words_plain()

    table = page.table
    row = table.visualRect(page.model.index(place, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    wait_playing(qtbot, window, wanted.title)

    exported = tmp_path / "drive.xspf"
    window.playlists.export_to(drive, exported)
    qtbot.waitUntil(exported.exists, timeout=WAIT)
    text = exported.read_text()
    assert f"urn:insured-player:content:{wanted.content_id}" in text and DISCONTINUED not in text
    assert LOST not in text
