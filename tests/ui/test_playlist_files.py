"""Story: playlists as files. A damaged playlist file is said once, in words, and left as it is; the
other playlists are there. An XSPF file from another player comes in: its tracks found by content ID
or by title and artist, one this library does not hold kept greyed in its place (it plays nothing, and
says why), and found as soon as the track is bought. A hostile file is refused in words, making
nothing; a playlist goes out as XSPF."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.playlists.model import Column
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.playlist_helpers import open_in_sidebar, page_titles, playlist
from tests.ui.window_helpers import WAIT, bought, open_window

NS = {"x": "http://xspf.org/ns/0/"}
FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>Mixed</title>
  <trackList>
    <track><identifier>urn:insured-player:content:aurora-0001</identifier><title>Old Name</title></track>
    <track><title>night ferry</title><creator>PULSE MERIDIAN</creator></track>
    <track>
      <title>Blue Hour Waltz</title><creator>The Marlow Quartet</creator><duration>31000</duration>
    </track>
    <track><location>file:///home/someone/Music/unknown.flac</location></track>
  </trackList>
</playlist>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE playlist [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track><title>&b;</title></track>
</trackList></playlist>
"""


def test_playlist_files_damaged_imported_hostile_and_exported(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001", "harbor-0003")
    terminal = session.terminal
    terminal.playlists.create("Kept", ["harbor-0003"])
    damaged = terminal.data_dir / "playlists" / "00000000deadbeef.json"
    damaged.write_bytes(b'{"type": "playlist", "format": 1, "na')

    window = open_window(qtbot, session, rows=2)
    qtbot.waitUntil(lambda: window.playlists.book.is_loaded, timeout=WAIT)
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=WAIT)
    assert window.messages.title == "A playlist cannot be read"
    assert window.messages.text == (
        "Its file is damaged (it is not JSON text (cut short, or overwritten)), and left as it is in your "
        "library's folder. Your other playlists are fine."
    )
    assert window.playlists.list.shown_names() == ["Kept"]
    assert damaged.read_bytes() == b'{"type": "playlist", "format": 1, "na'

    # From another player: found by content ID, by words in any case, one not held, one with nothing.
    foreign = tmp_path / "mixed.xspf"
    foreign.write_text(FOREIGN)
    window.playlists.import_from(foreign)
    qtbot.waitUntil(lambda: window.messages.title == "Imported “Mixed”", timeout=WAIT)
    assert window.messages.text == (
        "2 of 3 tracks found in your library. 1 is not: kept greyed in the playlist, they play once you "
        "own them. 1 track with no title left out."
    )
    page = window.playlists.page
    assert window.pages.currentWidget() is page and page.name.text() == "Mixed"
    assert page_titles(window) == ["Lantern Street", "Night Ferry", "Blue Hour Waltz"]
    assert page.summary.text() == "3 tracks · 1:44 · 1 not playable here"
    greyed = page.model.index(2, Column.TITLE)
    assert greyed.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert greyed.data(Qt.ItemDataRole.ToolTipRole).startswith("This track is not in your library.")
    assert page.model.index(0, Column.TITLE).data(Qt.ItemDataRole.ForegroundRole) is None

    page.play_requested.emit(page.playlist_id, 2)  # Enter on the greyed row: nothing plays, and why
    assert (
        window.statusBar().currentMessage() == "“Blue Hour Waltz” does not play: it is not in your library."
    )
    assert window.now.current is None

    # A hostile file: refused in words, nothing made.
    laughs = tmp_path / "laughs.xspf"
    laughs.write_text(LAUGHS)
    window.playlists.import_from(laughs)
    qtbot.waitUntil(lambda: window.messages.title == "The playlist cannot be imported", timeout=WAIT)
    assert window.messages.text.startswith(
        "The file laughs.xspf cannot be imported: it declares a document type or entities"
    )
    assert window.playlists.list.shown_names() == ["Kept", "Mixed"]

    # The track not held is bought: the greyed entry finds it by its words, and keeps it from then on.
    terminal.purchases.buy("aurora-0002")
    session.refresh_library()
    qtbot.waitUntil(lambda: all(item.playable for item in page.model.items()), timeout=WAIT)
    mixed = playlist(window, "Mixed").playlist_id
    qtbot.waitUntil(
        lambda: terminal.playlists.get(mixed).entries[2].content_id == "aurora-0002", timeout=WAIT
    )

    exported = tmp_path / "out"  # no suffix typed: .xspf is added
    window.playlists.export_to(mixed, exported)
    written = tmp_path / "out.xspf"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"), timeout=WAIT)
    assert window.statusBar().currentMessage() == "Exported “Mixed” (3 tracks) to out.xspf."
    tracks = ET.parse(written).getroot().findall("x:trackList/x:track", NS)
    assert [t.findtext("x:identifier", namespaces=NS) for t in tracks] == [
        "urn:insured-player:content:aurora-0001",
        "urn:insured-player:content:harbor-0003",
        "urn:insured-player:content:aurora-0002",
    ]
    assert [t.findtext("x:title", namespaces=NS) for t in tracks] == page_titles(window)


def test_a_signed_out_owners_playlists_wait_with_the_library(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0003")
    session.terminal.playlists.create("Private Mix", ["aurora-0003"])
    window = open_window(qtbot, session, rows=1)
    qtbot.waitUntil(lambda: window.playlists.list.shown_names() == ["Private Mix"], timeout=WAIT)
    open_in_sidebar(qtbot, window, "Private Mix")

    window.sign_out_action.trigger()
    box = window.sign_out_box
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Sign Out").click()
    qtbot.waitUntil(lambda: window.library.stack.currentWidget() is window.library.locked, timeout=WAIT)
    assert not window.playlists.list.isVisible()  # their names are the owner's to see
    assert window.pages.currentWidget() is window.library
    assert not window.playlists.new_action.isEnabled() and not window.playlists.import_action.isEnabled()
    assert session.terminal.playlists.listed()[0][0].name == "Private Mix"  # kept, only hidden
