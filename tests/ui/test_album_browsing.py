"""Story: the listener's albums read as on the record. Track numbers, discs and years come from each
track's own tags; an album plays in its order whatever order it was bought in; a various-artists album
is one album under one heading in the browser; albums show their covers; `year:` finds a decade."""

from __future__ import annotations

import io
from dataclasses import replace

import numpy as np
import soundfile
from mutagen.flac import FLAC
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.ui.library.model import Column
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import bought, open_window, shown

MARLOW = ("aurora-0002", "aurora-0001")  # Blue Hour Waltz (track 2), Lantern Street (track 1), 2016
RATE = 44_100


def _compilation_track(backend: Backend, title: str, artist: str, number: int) -> str:
    """A FLAC tagged as track `number` of disc 1 of the 2020 compilation "Harbour Nights", imported."""
    t = np.arange(RATE * 2) / RATE
    audio = (0.3 * np.sin(2 * np.pi * (220 + 110 * number) * t)).astype(np.float32)
    out = io.BytesIO()
    soundfile.write(out, audio, RATE, format="FLAC")
    out.seek(0)
    flac = FLAC(out)
    tags = {"title": title, "artist": artist, "album": "Harbour Nights", "tracknumber": f"{number}/2"}
    flac.update({**tags, "discnumber": "1", "date": "2020-06-01", "compilation": "1"})
    out.seek(0)
    flac.save(out)
    form = {"provider": "harbor", "price": "150", "genre": "Ambient"}
    files = {"file": (f"{title}.flac", out.getvalue(), "audio/flac")}
    r = backend.post("/admin/tracks", data=form, files=files)
    assert r.status_code == 201, r.text
    content_id: str = r.json()["content_id"]
    return content_id


def _tree(window: object) -> dict[str, list[str]]:
    browser = window.library.browser  # type: ignore[attr-defined]
    return {
        browser.topLevelItem(i).text(0): [
            browser.topLevelItem(i).child(j).text(0) for j in range(browser.topLevelItem(i).childCount())
        ]
        for i in range(browser.topLevelItemCount())
    }


def test_albums_play_in_their_order_compilations_are_one_album_and_covers_show(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    second = _compilation_track(module_backend, "Pier Lights", "Tamsin Rowe", 2)
    first = _compilation_track(module_backend, "Low Tide", "Mira Solenne", 1)
    session = bought(make_session, module_backend.url, *MARLOW, second, first)
    window = open_window(qtbot, session, rows=4)
    window.resize(1280, 800)
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)

    tree = _tree(window)
    assert tree["Various artists (2)"] == ["Harbour Nights (2)"]  # not one album under each artist
    assert tree["The Marlow Quartet (2)"] == ["Night Shift Sessions (2)"]
    assert "Tamsin Rowe (1)" not in tree and "Mira Solenne (1)" not in tree

    window.library.table.sortByColumn(Column.TRACK, Qt.SortOrder.AscendingOrder)  # album, then #
    assert shown(window, Column.TITLE) == ["Low Tide", "Pier Lights", "Lantern Street", "Blue Hour Waltz"]
    assert shown(window, Column.TRACK) == ["1", "2", "1", "2"]
    assert shown(window, Column.YEAR) == ["2020", "2020", "2016", "2016"]
    assert shown(window, Column.DISC) == ["1", "1", "", ""]
    assert shown(window, Column.ALBUM_ARTIST)[:2] == ["Various artists", "Various artists"]

    browser = window.library.browser
    assert browser.choose("Various artists", "Harbour Nights")
    assert shown(window, Column.ARTIST) == ["Mira Solenne", "Tamsin Rowe"]  # the album, in its order
    assert [e.row.title for e in window.library.visible_entries()] == ["Low Tide", "Pier Lights"]

    nodes = [browser.topLevelItem(i) for i in range(browser.topLevelItemCount())]
    marlow = next(n for n in nodes if n is not None and n.text(0).startswith("The Marlow Quartet"))
    album = marlow.child(0)
    assert album is not None and album.icon(0).isNull()  # no cover is read before it is wanted
    marlow.setExpanded(True)  # opening an artist reads their albums' covers
    qtbot.waitUntil(lambda: not album.icon(0).isNull(), timeout=10_000)
    assert not album.icon(0).pixmap(32, 32).isNull()

    browser.choose(None)
    window.library.search.setText("year:2015-2019")
    assert sorted(shown(window, Column.TITLE)) == ["Blue Hour Waltz", "Lantern Street"]
    window.library.search.setText("year:>2019")
    assert sorted(shown(window, Column.TITLE)) == ["Low Tide", "Pier Lights"]
    window.library.search.setText("artist:various")  # the album artist is found under artist: too
    assert sorted(shown(window, Column.TITLE)) == ["Low Tide", "Pier Lights"]
    assert_words_plain()


def test_a_library_kept_from_before_gets_its_track_numbers_when_the_window_opens(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *MARLOW)
    store = session.terminal._store
    for content_id in MARLOW:  # as the previous version kept them: the catalog's words only
        info = session.terminal.library.track_info(content_id)
        assert info is not None
        store.put_track_info(replace(info, track_number=0, year=0, tagged=False))
    window = open_window(qtbot, session, rows=2)
    window.library.table.sortByColumn(Column.TRACK, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: shown(window, Column.TRACK) == ["1", "2"], timeout=30_000)
    assert shown(window, Column.YEAR) == ["2016", "2016"]
    assert shown(window, Column.TITLE) == ["Lantern Street", "Blue Hour Waltz"]
