"""Add to Playlist: the submenu of a track's context menu, and the same menu popped up by Ctrl+Shift+A
at the selected row of whichever list has the focus (the library, Up Next or a playlist's page).

Its first line makes a new playlist of the tracks; then one line per playlist, by name.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget

from player.ui.library.view import LibraryPage
from player.ui.playing.queue_panel import ID_ROLE, QueuePanel
from player.ui.playlists.book import PlaylistBook
from player.ui.playlists.page import PlaylistPage


class AddMenus(QObject):
    new_requested = Signal(list)  # license IDs: a new playlist of them
    add_requested = Signal(str, list)  # playlist ID, license IDs

    def __init__(
        self,
        book: PlaylistBook,
        library: LibraryPage,
        queue_panel: QueuePanel,
        page: PlaylistPage,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.book, self.library, self.queue_panel, self.page = book, library, queue_panel, page
        self.shown: QMenu | None = None  # the menu Ctrl+Shift+A last popped up

    def for_ids(self, ids: list[str], parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Add to &Playlist"), parent)
        menu.setObjectName("addToPlaylist")
        menu.setEnabled(bool(ids))
        new = menu.addAction(self.tr("New Playlist"))
        new.triggered.connect(lambda: self.new_requested.emit(list(ids)))
        if self.book.playlists:
            menu.addSeparator()
        for playlist in self.book.playlists:
            action = menu.addAction(playlist.name.replace("&", "&&"))  # an ampersand, not a mnemonic
            action.triggered.connect(
                lambda _=False, p=playlist.playlist_id: self.add_requested.emit(p, list(ids))
            )
        return menu

    def pop_up(self) -> None:
        """The menu for the selected tracks of the list with the focus, beside its current row."""
        focused = QApplication.focusWidget()
        view: QAbstractItemView
        if focused is not None and self.queue_panel.isAncestorOf(focused):
            view = self.queue_panel.list
            ids = [str(i.data(ID_ROLE)) for i in self.queue_panel.list.selectedItems()]
        elif focused is not None and self.page.isAncestorOf(focused):
            view, ids = self.page.table, self.page.selected_ids()
        else:
            view, ids = self.library.table, self.library.selected_ids()
        if not ids:
            return
        rect = view.visualRect(view.currentIndex())
        at = rect.bottomLeft() if rect.isValid() else QPoint(0, 0)
        menu = self.for_ids(ids, view)
        self.shown = menu
        menu.popup(view.viewport().mapToGlobal(at))
