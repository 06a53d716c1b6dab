"""A playlist's page: its name (edited in place: F2, or a click), what it holds, and its tracks in order.

Enter or a double-click plays from that entry, and Next and Previous then follow the playlist. Rows are
reordered by drag and drop, tracks dragged in from the library or Up Next land where they are dropped,
and Delete takes the selected entries out (the tracks stay in the library). The page asks nothing of
the core itself: it shows the book's copy and says what the user did.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.ui.kit.header_room import title_room
from player.ui.kit.tables import show_whole_text
from player.ui.library.model import dropped_ids
from player.ui.playlists.book import PlaylistBook
from player.ui.playlists.model import Column, PlaylistModel, dragged_rows, shown_words

EMPTY = QT_TRANSLATE_NOOP(
    "PlaylistPage",
    "This playlist is empty. Drag tracks here from the library or from Up Next, or choose "
    "Add to Playlist in a track's menu (Ctrl+Shift+A).",
)


class PlaylistTable(QTableView):
    """A table that reorders its playlist by drag and drop and takes rows dragged in from elsewhere."""

    moved = Signal(list, int)  # positions dragged, the position they were dropped before
    dropped = Signal(list, int)  # license IDs dragged in, the position they were dropped before
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAcceptDrops(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)  # as the library's
        show_whole_text(self)

    def _own_rows(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[int] | None:
        model = self.model()
        playlist_id = model.playlist_id if isinstance(model, PlaylistModel) else ""
        return dragged_rows(event.mimeData(), playlist_id)

    def _wanted(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        return self._own_rows(event) is not None or bool(dropped_ids(event.mimeData()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if self._wanted(event) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # the drop indicator and the scrolling near an edge
        event.acceptProposedAction() if self._wanted(event) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """The playlist, not the table, is changed; the table is drawn again from it."""
        target = self.drop_row(event.position().toPoint().y())
        rows = self._own_rows(event)
        if rows is not None:
            self.moved.emit(rows, target)
        else:
            self.dropped.emit(dropped_ids(event.mimeData()), target)
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing for Qt to remove afterwards
        event.accept()

    def drop_row(self, y: int) -> int:
        """The position a drop at `y` goes before: a row's upper half before it, its lower half after."""
        row = self.rowAt(y)
        model = self.model()
        if row < 0:
            return model.rowCount() if y > 0 or model.rowCount() == 0 else 0
        return row if y < self.visualRect(model.index(row, 0)).center().y() else row + 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class PlaylistPage(QWidget):
    play_requested = Signal(str, int)  # playlist ID, the position to play from
    rename_requested = Signal(str, str)  # playlist ID, the new name
    export_requested = Signal(str)  # playlist ID
    queue_requested = Signal(list, bool)  # license IDs, True: play next, False: at the end of Up Next
    menu_wanted = Signal(QMenu)  # a row's context menu, for more (Add to Playlist)

    def __init__(self, book: PlaylistBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playlistPage")
        self.book = book
        self.playlist_id = ""
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Playlist name"))
        self.name.setToolTip(self.tr("The playlist's name: click it or press F2 to rename"))
        self.name.setFrame(False)
        blend = self.name.palette()  # reads as the page's heading; the cursor shows it takes typing
        blend.setColor(blend.ColorRole.Base, blend.color(blend.ColorRole.Window))
        self.name.setPalette(blend)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.name.editingFinished.connect(self._name_edited)
        self.name.installEventFilter(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("What the playlist holds"))
        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setAccessibleName(self.tr("Play the playlist from its first track"))
        self.play_button.clicked.connect(lambda: self.play_requested.emit(self.playlist_id, -1))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setAccessibleName(self.tr("Export the playlist as an XSPF file"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.playlist_id))

        self.model = PlaylistModel(self)
        self.table = PlaylistTable(self)
        self.table.setAccessibleName(self.tr("Playlist"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column in (Column.TITLE, Column.ARTIST, Column.ALBUM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DURATION, QHeaderView.ResizeMode.ResizeToContents)
        # the length's title whole in the language spoken ("Length", "長さ"): the digits beneath are
        # narrower than the word in some languages (the other columns stretch)
        header.setMinimumSectionSize(max(header.minimumSectionSize(), title_room(header, Column.DURATION)))
        self.table.activated.connect(self._activated)  # Enter, and a double-click
        self.table.moved.connect(lambda rows, to: self.book.move(self.playlist_id, rows, to))
        self.table.dropped.connect(lambda ids, to: self.book.add(self.playlist_id, ids, to))
        self.table.delete_pressed.connect(self.remove_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel(translate("PlaylistPage", EMPTY), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFrameShape(QFrame.Shape.NoFrame)

        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.play_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        book.changed.connect(self.refresh)
        book.session.library_changed.connect(lambda _: self.refresh())

    def show_playlist(self, playlist_id: str) -> None:
        if playlist_id != self.playlist_id:
            self.playlist_id = playlist_id
            self.table.clearSelection()
            playlist = self.book.get(playlist_id)
            self.name.setText(playlist.name if playlist is not None else "")
        self.refresh()

    def refresh(self) -> None:
        playlist = self.book.get(self.playlist_id)
        if playlist is None:
            return
        if not self.name.hasFocus():
            self.name.setText(playlist.name)
        current = self.table.currentIndex().row()
        selected = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        items = self.book.items(self.playlist_id)
        self.model.set_items(self.playlist_id, items)
        for row in selected:
            if row < len(items):
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                self.table.selectionModel().select(self.model.index(row, 0), flags)
        if 0 <= current < len(items):
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        greyed = sum(not i.playable for i in items)
        said = words.count(len(items), self.tr("{n} track"), self.tr("{n} tracks"))
        total = sum(shown_words(i)[3] for i in items)
        if total:
            said = self.tr("{tracks} · {length}").format(tracks=said, length=words.duration(total))
        if greyed:
            said = self.tr("{said} · {n} not playable here").format(said=said, n=greyed)
        self.summary.setText(said)
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.play_button.setEnabled(any(i.playable for i in items))

    def start_rename(self) -> None:
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name.selectAll()

    def selected_positions(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        """The selected entries that play, as license IDs, in order."""
        out: list[str] = []
        for row in self.selected_positions():
            item = self.model.item(row)
            if item.playable and item.track is not None and item.track.row.license_id not in out:
                out.append(item.track.row.license_id)
        return out

    def remove_selected(self) -> None:
        positions = self.selected_positions()
        if positions:
            self.book.remove(self.playlist_id, positions)
            self.table.clearSelection()

    def _context_menu(self, point: QPoint) -> None:
        """Play, Up Next and Add to Playlist for the selected rows that play; Remove for any of them."""
        ids = self.selected_ids()
        menu = QMenu(self)
        play = menu.addAction(self.tr("Play"))
        play.setEnabled(bool(ids))
        play.triggered.connect(lambda: self._activated(self.table.currentIndex()))
        for text, at_head in ((self.tr("Play Next"), True), (self.tr("Add to Queue"), False)):
            queue = menu.addAction(text)
            queue.setEnabled(bool(ids))
            queue.triggered.connect(lambda _=False, h=at_head: self.queue_requested.emit(ids, h))
        self.menu_wanted.emit(menu)
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove from Playlist"))
        remove.setEnabled(bool(self.selected_positions()))
        remove.triggered.connect(self.remove_selected)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.play_requested.emit(self.playlist_id, index.row())

    def _name_edited(self) -> None:
        """Enter, or leaving the name: a new name is asked for (the book's answer shows it); an empty
        one puts the old name back."""
        playlist = self.book.get(self.playlist_id)
        if playlist is None:
            return
        text = self.name.text().strip()
        if text and text != playlist.name:
            self.rename_requested.emit(self.playlist_id, text)
        else:
            self.name.setText(playlist.name)
        if self.name.hasFocus():
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in the name puts the old name back and leaves it."""
        if (
            watched is self.name
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            playlist = self.book.get(self.playlist_id)
            self.name.setText(playlist.name if playlist is not None else "")
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)
