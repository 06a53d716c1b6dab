"""Story: Ada plays her own music in the window. She adds her music folder (File > Add Music Folder…):
its FLAC and MP3 files join the library beside the track she bought, each marked "Your file (not
insured)", the junk in it named and skipped. She plays one, and it is heard; Next and the queue go from
her files to what she bought and back. While the window is open the folder is watched: a file copied in
shows up, a file deleted goes, a file retagged changes; when the drive is unplugged its tracks stay,
greyed, and come back with it; files dropped on the window are added. Where the store sells the same
recording, her row offers to buy it insured and opens the store on it. No request the player sends
names a file of hers, and the files stay as they were."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from player.playback import PlaybackState, ReplayGainMode
from player.terminal import LibraryEntry, Terminal
from player.ui.library.model import Column
from player.ui.playing.mpris import metadata
from player.ui.shell.main_window import MainWindow
from tests.support import sound
from tests.support.backend import Backend
from tests.support.hostile import hostile_proxy
from tests.support.own_files import adas_music, cover_png, fingerprint, retag, write_track
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import (
    PLAY_WAIT,
    WAIT,
    bought,
    double_click_row,
    open_window,
    row_of,
    wait_playing,
)

OWN = "Your file (not insured)"
WATCH_WAIT = 10_000  # a change is gathered for under a second, then scanned


@pytest.fixture
def music() -> Iterator[Path]:
    """Ada's music folder (outside pytest's numbered folders: its path shows in tooltips)."""
    root = adas_music(Path(tempfile.mkdtemp(prefix="ada-music.")), seconds=(8, 6, 6), cover=cover_png(5))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _add_folder(
    qtbot: QtBot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.add_folder_action.trigger()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == rows, timeout=WAIT)


def _entry(window: MainWindow, title: str) -> LibraryEntry:
    (entry,) = [e for e in window.library.model.entries() if e.row.title == title]
    return entry


def _cell(window: MainWindow, title: str, column: Column) -> str:
    return str(
        window.library.proxy.index(row_of(window, _entry(window, title).row.license_id), column).data()
    )


def test_her_own_music_joins_the_library_plays_and_nothing_of_it_is_sent(
    qtbot: QtBot,
    make_session: MakeSession,
    module_backend: Backend,
    music: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = fingerprint(music)
    with hostile_proxy(module_backend.url, {}) as insurer:  # passes everything through, and records it
        session = bought(make_session, insurer.url, "aurora-0001")
        window = open_window(qtbot, session, rows=1)
        assert window.add_music_action.shortcut().toString() == "Ctrl+O"
        _add_folder(qtbot, window, music, monkeypatch, rows=4)

        assert window.messages.isVisible() and "Added 3 tracks" in window.messages.text
        assert "5 files were not added" in window.messages.text
        assert {_cell(window, t, Column.INSURED) for t in ("Lanterns", "Low Tide", "Saltwater Waltz")} == {
            OWN
        }
        assert _cell(window, "Lantern Street", Column.INSURED) == "Insured"
        lanterns = _entry(window, "Lanterns")
        assert (
            _cell(window, "Lanterns", Column.YEAR) == "2019"
            and _cell(window, "Lanterns", Column.TRACK) == "1"
        )
        tip = window.library.proxy.index(row_of(window, lanterns.row.license_id), Column.TITLE).data(
            Qt.ItemDataRole.ToolTipRole
        )
        assert "Your own file, played from where it is" in tip and "Not insured" in tip
        assert window.library.uninsured_entries() == []  # Insure… is for tracks bought without insurance
        assert not window.library.insure_button.isVisible()
        assert_words_plain()

        qtbot.keyClicks(window.library.search, "harbour")  # the search and the browser know her tags
        assert window.library.proxy.rowCount() == 2
        window.library.search.clear()
        assert window.library.browser.choose("Ada Lindqvist", "Quiet Harbour")
        assert window.library.proxy.rowCount() == 2
        assert window.library.browser.choose(None)

        double_click_row(qtbot, window, row_of(window, lanterns.row.license_id))
        wait_playing(qtbot, window, "Lanterns")
        current = window.now.current
        assert current is not None and current.album == "Quiet Harbour" and current.cover is not None
        qtbot.waitUntil(lambda: window.player.position > 0, timeout=PLAY_WAIT)
        assert window.bar.title.text() == "Lanterns"
        meta = metadata(current, window.now.current_duration)  # what MPRIS tells the desktop
        assert meta["xesam:title"] == "Lanterns" and meta["xesam:url"].startswith("file://")
        assert meta["xesam:url"].endswith("01%20Lanterns.flac") and "mpris:artUrl" in meta

        browser = window.library.browser  # her album in the browser, with the cover from her file's tags
        nodes = [browser.topLevelItem(i) for i in range(browser.topLevelItemCount())]
        (node,) = [n for n in nodes if n is not None and n.text(0).startswith("Ada Lindqvist")]
        node.setExpanded(True)
        album = node.child(0)
        assert album is not None and album.text(0).startswith("Quiet Harbour")
        qtbot.waitUntil(lambda: not album.icon(0).isNull(), timeout=WAIT)

        order = [e.row.title for e in window.library.visible_entries()]
        window.next_action.trigger()  # Next goes on in the library's order, whatever kind comes next
        wait_playing(qtbot, window, order[order.index("Lanterns") + 1])
        window.previous_action.trigger()  # within 3 s of its start: the track before it
        wait_playing(qtbot, window, "Lanterns")
        window.now.queue.play_next([_entry(window, "Lantern Street").row.license_id])  # the one she bought
        window.next_action.trigger()
        wait_playing(qtbot, window, "Lantern Street")
        window.now.stop()
        session.sync()
        qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)

    sent = "\n".join(f"{m} {p} {rest}" for m, p, rest in insurer.seen)
    assert "/api/v1/" in sent
    secrets = {"Lanterns", "Low Tide", "Saltwater Waltz", "Ada Lindqvist", "Quiet Harbour", music.name}
    assert [s for s in secrets if s in sent] == []
    assert fingerprint(music) == before


def test_her_music_folder_is_watched_while_the_window_is_open(
    qtbot: QtBot,
    make_session: MakeSession,
    module_backend: Backend,
    music: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = make_session(module_backend.url, user=unique_name("ada"), insured=True)
    window = open_window(qtbot, session, rows=0)
    _add_folder(qtbot, window, music, monkeypatch, rows=3)

    def titles() -> set[str]:
        return {e.row.title for e in window.library.model.entries()}

    write_track(music / "Singles/Ferry Song.flac", tags={"title": "Ferry Song", "artist": "Ada Lindqvist"})
    qtbot.waitUntil(lambda: "Ferry Song" in titles(), timeout=WATCH_WAIT)
    (music / "Quiet Harbour/02 Low Tide.flac").unlink()
    qtbot.waitUntil(lambda: "Low Tide" not in titles(), timeout=WATCH_WAIT)
    retag(music / "Quiet Harbour/01 Lanterns.flac", title="Lanterns (2024 mix)")  # a tag editor, in place
    qtbot.waitUntil(lambda: "Lanterns (2024 mix)" in titles(), timeout=WATCH_WAIT)
    assert titles() == {"Lanterns (2024 mix)", "Saltwater Waltz", "Ferry Song"}

    unplugged = music.with_name(music.name + ".away")
    music.rename(unplugged)  # the drive goes: its tracks stay, greyed, with words
    qtbot.waitUntil(lambda: not any(e.playable for e in window.library.model.entries()), timeout=WATCH_WAIT)
    assert len(window.library.model.entries()) == 3
    assert _cell(window, "Ferry Song", Column.LICENSE) == "Not reachable"
    assert "cannot be reached" in window.messages.text
    assert window.now.next() is False  # nothing to play: nothing is tried
    assert_words_plain()
    unplugged.rename(music)
    qtbot.waitUntil(lambda: all(e.playable for e in window.library.model.entries()), timeout=WATCH_WAIT)

    elsewhere = Path(tempfile.mkdtemp(prefix="downloads."))
    try:
        dropped = write_track(elsewhere / "Gift.mp3", tags={"title": "Gift", "artist": "A Friend"})
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(dropped))])
        how = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(QPoint(200, 200), *how)  # from a file manager, onto the window
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted()
        drop = QDropEvent(QPointF(200, 200), *how)
        QApplication.sendEvent(window, drop)
        qtbot.waitUntil(lambda: "Gift" in titles(), timeout=WAIT)
        assert drop.isAccepted()
        assert _entry(window, "Gift").own is not None

        write_track(elsewhere / "Postcard.ogg", tags={"title": "Postcard", "artist": "A Friend"})
        cli = Terminal(session.terminal.data_dir, module_backend.url)  # `add-music` run meanwhile
        try:
            cli.own_music.add([elsewhere / "Postcard.ogg"])
        finally:
            cli.close()
        qtbot.waitUntil(lambda: "Postcard" in titles(), timeout=WATCH_WAIT)  # the window sees it
    finally:
        shutil.rmtree(elsewhere, ignore_errors=True)


def test_where_the_store_sells_her_recording_the_row_offers_to_buy_it_insured(
    qtbot: QtBot,
    make_session: MakeSession,
    module_backend: Backend,
    music: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = make_session(module_backend.url, user=unique_name("ada"), insured=True)
    sold = next(c for c in session.terminal.purchases.catalog() if c.content_id == "aurora-0002")
    write_track(  # her rip of a track the store sells, tagged a little differently
        music / "Rips/blue hour waltz.flac",
        seconds=sold.duration_ms / 1000 + 1,
        tags={"title": sold.title.upper(), "artist": f" {sold.artist.lower()} "},
    )
    window = open_window(qtbot, session, rows=0)
    _add_folder(qtbot, window, music, monkeypatch, rows=4)
    rip = next(e for e in window.library.model.entries() if e.row.title == sold.title.upper())
    qtbot.waitUntil(lambda: window.library.model.offer(rip) is not None, timeout=WAIT)
    assert window.library.model.offer(_entry(window, "Lanterns")) is None

    tip = window.library.proxy.index(row_of(window, rip.row.license_id), Column.INSURED).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert f"{sold.provider_name} sells this recording insured" in tip
    window.library.select(rip.row.license_id)
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *_: menus.append(self))
    window.library.table.customContextMenuRequested.emit(QPoint(5, 5))
    (buy,) = [a for a in menus[-1].actions() if a.text() == "Buy Insured…"]
    assert buy.isEnabled()
    buy.trigger()

    assert window.pages.currentWidget() is window.store
    qtbot.waitUntil(
        lambda: (e := window.store.selected_entry()) is not None and e.content_id == sold.content_id,
        timeout=WAIT,
    )
    assert window.store.buy_button.isEnabled()
    assert_words_plain()


@pytest.mark.sound
def test_her_own_file_is_heard_from_the_window(
    qtbot: QtBot,
    make_session: MakeSession,
    module_backend: Backend,
    music: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    sound.require_null_sink()
    session = make_session(module_backend.url, user=unique_name("ada"), insured=True)
    window = open_window(qtbot, session, rows=0)
    _add_folder(qtbot, window, music, monkeypatch, rows=3)
    heard = tmp_path / "heard.wav"
    with sound.recording(heard):
        double_click_row(qtbot, window, row_of(window, _entry(window, "Lanterns").row.license_id))
        qtbot.waitUntil(lambda: window.player.position > 2500, timeout=PLAY_WAIT)
        assert window.player.state is PlaybackState.PLAYING
    window.now.stop()
    rms, peak, seconds = sound.rms(heard)
    assert rms > sound.AUDIBLE_RMS and peak > sound.AUDIBLE_PEAK, (rms, peak, seconds)


@pytest.mark.sound
def test_her_own_file_is_levelled_by_its_replaygain_tags_as_bought_tracks_are(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    sound.require_null_sink()
    folder = Path(tempfile.mkdtemp(prefix="ada-loud."))
    tags = {
        "title": "Too Loud",
        "artist": "Ada",
        "replaygain_track_gain": "-6.00 dB",
        "replaygain_track_peak": "0.5",
    }
    write_track(folder / "loud.flac", seconds=6, tags=tags)
    try:
        session = make_session(module_backend.url, user=unique_name("ada"), insured=True)
        window = open_window(qtbot, session, rows=0)
        _add_folder(qtbot, window, folder, monkeypatch, rows=1)
        window.replaygain_menu.actions_by_mode[ReplayGainMode.TRACK].trigger()

        double_click_row(qtbot, window, 0)
        qtbot.waitUntil(lambda: window.player.state is PlaybackState.PLAYING, timeout=PLAY_WAIT)

        assert window.player.level == pytest.approx(10 ** (-6 / 20), rel=1e-3)  # -6 dB, as tagged
        window.replaygain_menu.actions_by_mode[ReplayGainMode.OFF].trigger()
        assert window.player.level == 1.0
        window.now.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
