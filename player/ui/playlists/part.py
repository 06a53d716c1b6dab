"""Playlists in the main window: built here and wired to the window's parts, so the window itself only
makes room for them (a row of the sidebar, a page, a menu, a line in the library's context menu).

What the user does with a playlist, and where it shows: New (Ctrl+N, the sidebar's +, a drop below the
sidebar's rows), Add to Playlist (a track's menu, Ctrl+Shift+A from the library, Up Next or a playlist,
a drop on a playlist in the sidebar), Rename (F2, or the page's name), Delete (asks first), Import and
Export (XSPF), and playing from a playlist (its page, or Play in the sidebar's menu), after which Next
and Previous follow it. The open playlist and the one played from are remembered for the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from player import words
from player.errors import PlayerError, StorageError
from player.playback import PlaybackState
from player.terminal import DamagedPlaylist, ImportedPlaylist
from player.ui.kit import icons
from player.ui.kit.banners import MessageBar
from player.ui.kit.messages import describe, what_happened
from player.ui.library.view import LibraryPage
from player.ui.playing.now_playing import NowPlaying, NowPlayingTrack
from player.ui.playing.queue_panel import QueuePanel
from player.ui.playlists import said
from player.ui.playlists.book import PlaylistBook
from player.ui.playlists.menu import AddMenus
from player.ui.playlists.page import PlaylistPage
from player.ui.playlists.sidebar_list import PlaylistList
from player.ui.playlists.source import PlaySource
from player.ui.session import UiSession

OPEN_KEY, PLAYING_KEY = "playlists/open", "playlists/playing"


class PlaylistsPart(QObject):
    def __init__(
        self,
        window: QMainWindow,
        session: UiSession,
        now: NowPlaying,
        library: LibraryPage,
        queue_panel: QueuePanel,
        nav: QListWidget,
        pages: QStackedWidget,
        messages: MessageBar,
        settings_path: Path,
    ) -> None:
        super().__init__(window)
        self.window, self.session, self.now, self.nav, self.pages = window, session, now, nav, pages
        self.messages = messages
        self._settings = QSettings(str(settings_path), QSettings.Format.IniFormat)  # the window's file
        self.book = PlaylistBook(session, self)
        self.source = PlaySource(library.visible_entries, self.book, self)
        self.list = PlaylistList()
        self.page = PlaylistPage(self.book)
        pages.addWidget(self.page)
        self.menus = AddMenus(self.book, library, queue_panel, self.page, window)
        self.confirmation: QMessageBox | None = None  # the open "Delete the playlist?" question
        self._build_actions(library, queue_panel)
        self._connect(library)
        self.book.load()

    # --- building ----------------------------------------------------------------------------------

    def _action(
        self, name: str, text: str, key: str | None, slot: object, within: tuple[QWidget, ...] = ()
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)  # not made from the text, which is in the language spoken
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        if within:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for widget in within:
                widget.addAction(action)
        else:
            self.window.addAction(action)
        return action

    def _build_actions(self, library: LibraryPage, queue_panel: QueuePanel) -> None:
        a = self._action
        current = self.current_id
        self.new_action = a("new_playlist", self.tr("&New Playlist"), "Ctrl+N", lambda: self.new_playlist([]))
        lists = (library, queue_panel, self.page)
        self.add_action = a(
            "add_to_playlist", self.tr("&Add to Playlist…"), "Ctrl+Shift+A", self.menus.pop_up, lists
        )
        self.rename_action = a(
            "rename_playlist", self.tr("&Rename Playlist"), "F2", self.rename_current, (self.list, self.page)
        )
        self.delete_action = a(
            "delete_playlist", self.tr("&Delete Playlist…"), None, lambda: self.ask_delete(current())
        )
        self.import_action = a("import_playlist", self.tr("&Import Playlist…"), None, self.ask_import)
        self.export_action = a(
            "export_playlist", self.tr("&Export Playlist…"), None, lambda: self.ask_export(current())
        )

    def menu_actions(self) -> list[QAction | None]:
        """The window's Playlists menu."""
        return [
            *(self.new_action, self.add_action, None),
            *(self.rename_action, self.delete_action, None),
            *(self.import_action, self.export_action),
        ]

    def _connect(self, library: LibraryPage) -> None:
        b = self.book
        b.changed.connect(self._book_changed)
        b.loaded.connect(self._restore)
        b.damaged_found.connect(self._say_damaged)
        b.failed.connect(self._failed)
        self.list.open_requested.connect(self.open_playlist)
        self.list.play_requested.connect(lambda playlist_id: self.play_from(playlist_id, -1))
        self.list.rename_requested.connect(self.rename)
        self.list.delete_requested.connect(self.ask_delete)
        self.list.export_requested.connect(self.ask_export)
        self.list.new_requested.connect(self.new_playlist)
        self.list.import_requested.connect(self.ask_import)
        self.list.dropped.connect(self.add_to)
        self.page.play_requested.connect(self.play_from)
        self.page.rename_requested.connect(b.rename)
        self.page.export_requested.connect(self.ask_export)
        self.page.queue_requested.connect(self._queue)
        self.page.menu_wanted.connect(
            lambda menu: menu.addMenu(self.menus.for_ids(self.page.selected_ids(), menu))
        )
        self.menus.new_requested.connect(self.new_playlist)
        self.menus.add_requested.connect(self.add_to)
        self.nav.currentRowChanged.connect(lambda row: self.list.select("") if row >= 0 else None)
        self.source.changed.connect(self.list.set_playing)
        self.session.signed_in_changed.connect(self._signed_in_changed)
        self.now.track_changed.connect(self._mark_playing)
        self.now.player.state_changed.connect(lambda _: self._mark_playing(self.now.current))
        library.menu_extensions.append(
            lambda menu: menu.addMenu(self.menus.for_ids(library.selected_ids(), menu))
        )

    def apply_icons(self, palette: QPalette) -> None:
        self.list.set_icon(icons.themed_icon("playlist", palette))

    # --- what the user does --------------------------------------------------------------------------

    def current_id(self) -> str:
        """The playlist shown, else the one selected in the sidebar."""
        if self.pages.currentWidget() is self.page and self.page.playlist_id:
            return self.page.playlist_id
        return self.list.current_id()

    def open_playlist(self, playlist_id: str) -> None:
        if self.book.get(playlist_id) is None:
            return
        focused = self.window.focusWidget()  # the window's, even while another window is active
        if focused is None or (self.pages.isAncestorOf(focused) and not self.page.isAncestorOf(focused)):
            # Not left to drift to the sections when the page it is on hides: a section list given
            # the focus by the keyboard makes its first row current, and that would show the Library.
            self.list.names.setFocus(Qt.FocusReason.OtherFocusReason)
        self.nav.setCurrentRow(-1)  # no section above is current while a playlist is shown
        self.list.select(playlist_id)
        self.page.show_playlist(playlist_id)
        self.pages.setCurrentWidget(self.page)
        if self.list.names.hasFocus() and self.page.table.isVisible():
            self.page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_playlist(self, ids: list[str]) -> None:
        """A playlist named "New Playlist" (numbered if taken), opened with its name ready to type over."""

        def made(playlist_id: str) -> None:
            self.open_playlist(playlist_id)
            self.page.start_rename()

        self.book.create(said.new_name(), ids, lambda p: made(p.playlist_id))

    def add_to(self, playlist_id: str, ids: list[str]) -> None:
        playlist = self.book.get(playlist_id)
        if playlist is None or not ids:
            return
        text = said.added(len(ids), playlist.name)
        self.book.add(playlist_id, ids, done=lambda: self.window.statusBar().showMessage(text, 6000))

    def rename_current(self) -> None:
        self.rename(self.current_id())

    def rename(self, playlist_id: str) -> None:
        if self.book.get(playlist_id) is not None:
            self.open_playlist(playlist_id)
            self.page.start_rename()

    def ask_delete(self, playlist_id: str) -> None:
        playlist = self.book.get(playlist_id)
        if playlist is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Delete Playlist"), "", QMessageBox.StandardButton.NoButton
        )
        box.setParent(self.window, box.windowFlags())
        box.setObjectName("deletePlaylist")
        box.setText(self.tr("Delete the playlist “{name}”?").format(name=playlist.name))
        box.setInformativeText(self.tr("Its tracks stay in your library."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # a Delete key pressed twice deletes nothing

        def answered() -> None:
            self.confirmation = None
            if box.clickedButton() is delete:
                self.delete(playlist_id)

        box.finished.connect(answered)
        self.confirmation = box
        box.open()

    def delete(self, playlist_id: str) -> None:
        if self.pages.currentWidget() is self.page and self.page.playlist_id == playlist_id:
            self.nav.setCurrentRow(0)  # the library, where its tracks still are
        self.book.delete(playlist_id)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a Playlist"), str(Path.home()), said.file_kinds(any_file=True)
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        def done(result: ImportedPlaylist) -> None:
            self.open_playlist(result.playlist.playlist_id)
            self.messages.show_message("info", *said.imported(result))

        self.book.import_file(path, done)

    def ask_export(self, playlist_id: str) -> None:
        playlist = self.book.get(playlist_id)
        if playlist is None:
            return
        suggested = str(Path.home() / f"{playlist.name.replace('/', '-')}.xspf")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Playlist"), suggested, said.file_kinds(any_file=False)
        )
        if path:
            self.export_to(playlist_id, Path(path))

    def export_to(self, playlist_id: str, path: Path) -> None:
        if not path.suffix:
            path = path.with_suffix(".xspf")
        playlist = self.book.get(playlist_id)
        if playlist is None:
            return
        name = playlist.name

        def done(n: int) -> None:
            self.window.statusBar().showMessage(said.exported(n, name, path.name), 8000)

        self.book.export_file(playlist_id, path, done)

    def play_from(self, playlist_id: str, position: int) -> None:
        """Play the playlist from the entry at `position` (-1: from its first in play order)."""
        items = self.book.items(playlist_id)
        if position >= len(items):
            return
        if position < 0:
            self.source.use_playlist(playlist_id)
            first = self.now.order.neighbour(self.source.entries(), None, +1, wrap=False)
            if first is not None:
                self.messages.hide()
                self.now.play(first)
            return
        item = items[position]
        if not item.playable or item.track is None:
            self.window.statusBar().showMessage(said.not_in_library(item.entry.title), 8000)
            return
        self.source.use_playlist(playlist_id)
        self.messages.hide()
        self.now.play(item.track)

    def _queue(self, ids: list[str], at_head: bool) -> None:
        """Play Next / Add to Queue from a playlist's rows, as from the library's."""
        if at_head:
            self.now.queue.play_next(ids)
        else:
            self.now.queue.add(ids)
        self.window.statusBar().showMessage(said.queued(len(ids), at_head=at_head), 6000)

    # --- what the book and the player say ------------------------------------------------------------

    def _book_changed(self) -> None:
        shown = self.page.playlist_id if self.pages.currentWidget() is self.page else ""
        self.list.set_playlists(self.book.playlists, shown)
        if shown and self.book.get(shown) is None:
            self.nav.setCurrentRow(0)

    def _signed_in_changed(self, signed_in: bool) -> None:
        """Signed out, the owner's playlists wait with the library behind its "signed out" page: their
        names and tracks are theirs to see."""
        locked = not signed_in and self.session.terminal.account.signed_out
        self.list.setVisible(not locked)
        for action in (self.new_action, self.add_action, self.rename_action, self.delete_action):
            action.setEnabled(not locked)
        for action in (self.import_action, self.export_action):
            action.setEnabled(not locked)
        if locked and self.pages.currentWidget() is self.page:
            self.nav.setCurrentRow(0)

    def _mark_playing(self, track: NowPlayingTrack | None) -> None:
        playing = self.now.player.state is PlaybackState.PLAYING
        pixmap = QStyle.StandardPixmap.SP_MediaPlay if playing else QStyle.StandardPixmap.SP_MediaPause
        icon = self.window.style().standardIcon(pixmap) if track is not None else QIcon()
        self.page.model.set_current(track.license_id if track is not None else "", icon)

    def _say_damaged(self, damaged: list[DamagedPlaylist]) -> None:
        self.messages.show_message("warning", *said.damaged(damaged))

    def _failed(self, doing: str, error: PlayerError) -> None:
        if isinstance(error, StorageError):
            _, text = describe(error)
        else:
            text = words.sentence(what_happened(error))
        self.messages.show_message("error", said.failed(doing), text)

    # --- remembered ----------------------------------------------------------------------------------

    def _restore(self) -> None:
        playing = str(self._settings.value(PLAYING_KEY, "") or "")
        if self.book.get(playing) is not None:
            self.source.use_playlist(playing)
        shown = str(self._settings.value(OPEN_KEY, "") or "")
        if self.book.get(shown) is not None:
            self.open_playlist(shown)

    def save(self) -> None:
        shown = self.page.playlist_id if self.pages.currentWidget() is self.page else ""
        self._settings.setValue(OPEN_KEY, shown)
        self._settings.setValue(PLAYING_KEY, self.source.playlist_id)
        self._settings.sync()
