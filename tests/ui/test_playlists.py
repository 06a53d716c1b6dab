"""Story: the listener makes playlists in the window. Ctrl+N makes one and its name is typed at once;
tracks go in from a track's menu (Ctrl+Shift+A), by dragging library rows or Up Next rows onto a
playlist in the sidebar (or below the playlists, for a new one) or onto the playlist's page where they
land; rows reorder by drag and drop and Delete takes them out; F2 renames, Delete deletes after asking.
A play from the playlist's page makes Next and Previous follow the playlist. After a restart the
playlists are all there, in their order, the one that was open is open again, and Next still follows
the playlist that was playing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.playlist_helpers import (
    add_menu,
    choose,
    drop,
    focus,
    library_drag,
    open_in_sidebar,
    page_titles,
    playlist,
    select_library,
    sidebar,
    sidebar_row,
    wait_entries,
)
from tests.ui.readable import title_clear
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import PLAY_WAIT, WAIT, bought, open_window

TRACKS = ("aurora-0001", "aurora-0002", "aurora-0004", "harbor-0003")
LANTERN, WALTZ, BLOOM, FERRY = "Lantern Street", "Blue Hour Waltz", "Circuit Bloom", "Night Ferry"


def _playing(window: MainWindow) -> str:
    return window.now.current.title if window.now.current is not None else ""


def _new_playlist(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Ctrl+N, then the name typed over "New Playlist" and Enter."""
    before = len(window.playlists.book.playlists)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.playlists.book.playlists) == before + 1, timeout=WAIT)
    page = window.playlists.page
    qtbot.waitUntil(lambda: page.name.hasFocus() and page.name.selectedText().startswith("New Playlist"))
    qtbot.keyClicks(page.name, name)
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: name in sidebar(window), timeout=WAIT)


def test_playlists_are_made_filled_reordered_played_and_kept_across_a_restart(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = bought(make_session, module_backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.playlists.book.is_loaded, timeout=WAIT)
    assert sidebar(window) == []

    _new_playlist(qtbot, window, "Evening")
    assert window.pages.currentWidget() is window.playlists.page
    assert window.sidebar.nav.currentRow() == -1  # no section is current while a playlist shows
    assert window.playlists.page.empty.isVisible()  # how to fill it, in words
    _new_playlist(qtbot, window, "Morning")
    assert sidebar(window) == ["Evening", "Morning"]  # by name

    # From the library: Ctrl+Shift+A on two selected rows, then a row dragged onto "Evening".
    window.show_section(0)
    assert window.playlists.list.current_id() == ""
    select_library(window, LANTERN, BLOOM)
    menu = add_menu(qtbot, window, window.library.table)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["New Playlist", "Evening", "Morning"]
    assert_words_plain()
    choose(qtbot, window, menu, "Evening")
    wait_entries(qtbot, window, "Evening", 2)
    assert window.statusBar().currentMessage() == "Added 2 tracks to “Evening”."
    select_library(window, FERRY)
    drop(window.playlists.list.names, library_drag(window), sidebar_row(window, "Evening"))
    wait_entries(qtbot, window, "Evening", 3)

    # A track's context menu: Add to Playlist, a submenu of the same.
    select_library(window, LANTERN)
    library_table = window.library.table
    library_table.customContextMenuRequested.emit(
        library_table.visualRect(library_table.currentIndex()).center()
    )
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    (submenu,) = [a.menu() for a in popup.actions() if a.text() == "Add to &Playlist"]
    assert isinstance(submenu, QMenu)
    popup.close()
    choose(qtbot, window, submenu, "Morning")
    wait_entries(qtbot, window, "Morning", 1)

    # From Up Next: a queued row dragged onto "Morning".
    select_library(window, WALTZ)
    qtbot.keyClick(window.library.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    queued = window.queue_panel.list
    dragged = queued.mimeData([queued.item(0)])
    drop(window.playlists.list.names, dragged, sidebar_row(window, "Morning"))
    wait_entries(qtbot, window, "Morning", 2)
    window.now.queue.clear()

    # Dropped below the playlists: a new one of those tracks, its name ready to type; Escape keeps it.
    select_library(window, BLOOM, WALTZ)
    names = window.playlists.list.names
    drop(names, library_drag(window), QPoint(5, names.viewport().height() - 2))
    qtbot.waitUntil(lambda: "New Playlist" in sidebar(window), timeout=WAIT)
    page = window.playlists.page
    qtbot.waitUntil(lambda: page.name.hasFocus(), timeout=WAIT)
    qtbot.keyClick(page.name, Qt.Key.Key_Escape)
    assert page.name.text() == "New Playlist" and len(playlist(window, "New Playlist").entries) == 2

    # The page: rows reorder by drag and drop, library rows land where dropped, Delete takes one out.
    open_in_sidebar(qtbot, window, "Evening")
    shown = page_titles(window)
    assert sorted(shown) == sorted([LANTERN, BLOOM, FERRY]) and shown[2] == FERRY
    table = page.table
    # the Length column's title shows whole, not only its digits (in Japanese too: test_japanese_formats)
    assert title_clear(table.horizontalHeader(), 3)
    drop(table, page.model.mimeData([page.model.index(2, 0)]), QPoint(5, 1))  # the last to the top
    assert page_titles(window) == [FERRY, *shown[:2]]  # at once, before the worker has written it
    wait_entries(qtbot, window, "Evening", 3)
    select_library(window, WALTZ)
    second = table.visualRect(page.model.index(1, 0))
    drop(table, library_drag(window), QPoint(5, second.top() + 2))  # onto the upper half of row 2
    wait_entries(qtbot, window, "Evening", 4)
    assert page_titles(window) == [FERRY, WALTZ, *shown[:2]]
    table.selectRow(3)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert page_titles(window) == [FERRY, WALTZ, shown[0]]
    qtbot.waitUntil(lambda: [e.title for e in playlist(window, "Evening").entries] == page_titles(window))

    # A row's context menu: Up Next and Add to Playlist as in the library, and Remove from Playlist.
    table.selectRow(0)
    table.customContextMenuRequested.emit(table.visualRect(page.model.index(0, 0)).center())
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    offered = [a.text() for a in popup.actions() if not a.isSeparator()]
    assert offered == ["Play", "Play Next", "Add to Queue", "Add to &Playlist", "Remove from Playlist"]
    (play_next,) = [a for a in popup.actions() if a.text() == "Play Next"]
    play_next.trigger()
    popup.close()
    assert [t.split(" — ")[0] for t in window.queue_panel.shown_titles()] == [FERRY]
    window.now.queue.clear()
    window.activateWindow()

    # F2 renames; a name taken is refused in words and the old one stays.
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "Morning")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.messages.isVisible(), timeout=WAIT)
    assert window.messages.title == "The playlist cannot be renamed"
    assert window.messages.text == "There is already a playlist named “Morning”."
    qtbot.waitUntil(lambda: page.name.text() == "Evening", timeout=WAIT)
    focus(qtbot, window.playlists.list.names)  # F2 in the sidebar's list too
    qtbot.keyClick(window.playlists.list.names, Qt.Key.Key_F2)
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "Late Evening")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sidebar(window) == ["Late Evening", "Morning", "New Playlist"], timeout=WAIT)

    # The arrow keys in the sidebar open each playlist in turn; Delete asks first, Cancel keeps it,
    # Delete deletes it (its tracks stay in the library).
    focus(qtbot, names)
    qtbot.keyClick(names, Qt.Key.Key_Down)
    assert page.name.text() == "Morning"
    qtbot.keyClick(names, Qt.Key.Key_Down)
    assert page.name.text() == "New Playlist" and page_titles(window) == [BLOOM, WALTZ]
    gone = playlist(window, "New Playlist").playlist_id
    qtbot.keyClick(names, Qt.Key.Key_Delete)
    box = window.playlists.confirmation
    assert box is not None and box.text() == "Delete the playlist “New Playlist”?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert_words_plain()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert "New Playlist" in sidebar(window)
    window.playlists.ask_delete(gone)
    box = window.playlists.confirmation
    assert box is not None
    (delete,) = [b for b in box.buttons() if b.text() == "Delete"]
    delete.click()
    qtbot.waitUntil(lambda: sidebar(window) == ["Late Evening", "Morning"], timeout=WAIT)
    assert window.pages.currentWidget() is window.library  # where its tracks still are
    assert window.library.model.rowCount() == len(TRACKS)
    qtbot.waitUntil(lambda: not (session.terminal.data_dir / "playlists" / f"{gone}.json").exists())

    # Played from the page: Next and Previous follow the playlist, not the library's order.
    open_in_sidebar(qtbot, window, "Late Evening")
    order = page_titles(window)  # Night Ferry, Blue Hour Waltz, then one of the first two
    first = table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.waitUntil(lambda: _playing(window) == order[0], timeout=PLAY_WAIT)
    assert window.playlists.source.playlist_id == playlist(window, "Late Evening").playlist_id
    assert window.playlists.list.names.item(0).font().bold()  # the playlist played from, in bold
    window.next_action.trigger()
    qtbot.waitUntil(lambda: _playing(window) == order[1], timeout=PLAY_WAIT)
    window.next_action.trigger()
    qtbot.waitUntil(lambda: _playing(window) == order[2], timeout=PLAY_WAIT)
    window.previous_action.trigger()
    qtbot.waitUntil(lambda: _playing(window) == order[1], timeout=PLAY_WAIT)
    kept = [(p.name, p.entries) for p in window.playlists.book.playlists]

    # A restart: the same playlists, the open one open, Next still following it.
    window.close()
    again = open_window(qtbot, make_session(module_backend.url), rows=len(TRACKS))
    qtbot.waitUntil(lambda: again.playlists.book.is_loaded, timeout=WAIT)
    assert [(p.name, p.entries) for p in again.playlists.book.playlists] == kept
    assert sidebar(again) == ["Late Evening", "Morning"]
    assert again.pages.currentWidget() is again.playlists.page
    assert again.playlists.page.name.text() == "Late Evening" and page_titles(again) == order
    assert again.playlists.source.playlist_id == playlist(again, "Late Evening").playlist_id
    assert again.now.current is not None and again.now.current.title == order[1]  # cued where it was
    again.next_action.trigger()  # in the library's order nothing comes after it: here the playlist's does
    qtbot.waitUntil(lambda: _playing(again) == order[2], timeout=PLAY_WAIT)
