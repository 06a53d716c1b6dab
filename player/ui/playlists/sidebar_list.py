"""The sidebar's Playlists: a heading with a New button, and one row per playlist, by name.

A click opens a playlist; tracks dragged from the library, Up Next or another playlist and dropped on a
row are added to it, and dropped below the rows they make a new playlist. Delete deletes the selected
playlist (after asking), F2 renames it, and the context menu has the rest. On a narrow window the column
shows icons only, each playlist's name as its tooltip and, as always, its accessible text (a screen
reader names the row, not a blank).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.terminal import Playlist
from player.ui.library.model import LICENSE_IDS_MIME, dropped_ids

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.AccessibleTextRole  # the name, kept whether the row shows it or not


class _Names(QListWidget):
    """The playlists' names: a drop on a row adds to that playlist, a drop below them makes a new one."""

    dropped = Signal(str, list)  # playlist ID ("" for a new playlist), license IDs
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        # As wide as the column, however narrow (a list's own minimum would push past the icons-only one).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if dropped_ids(event.mimeData()) else event.ignore()

    def mimeTypes(self) -> list[str]:  # so Qt draws where a drag of tracks would land
        return [LICENSE_IDS_MIME]

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # the drop indicator round the row under the pointer
        event.acceptProposedAction() if dropped_ids(event.mimeData()) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        self.dropped.emit(str(item.data(ID_ROLE)) if item is not None else "", dropped_ids(event.mimeData()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class PlaylistList(QWidget):
    open_requested = Signal(str)  # playlist ID
    play_requested = Signal(str)
    rename_requested = Signal(str)
    delete_requested = Signal(str)
    export_requested = Signal(str)
    new_requested = Signal(list)  # license IDs for the new playlist ([]: an empty one)
    import_requested = Signal()
    dropped = Signal(str, list)  # playlist ID, license IDs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playlistList")
        self.heading = QLabel(self.tr("Playlists"), self)
        self.heading.setEnabled(False)  # the palette's secondary text, as the cover's artist line
        self.new_button = QToolButton(self)
        self.new_button.setText("+")
        self.new_button.setAutoRaise(True)
        self.new_button.setToolTip(self.tr("New playlist (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New playlist"))
        self.new_button.clicked.connect(lambda: self.new_requested.emit([]))
        self.names = _Names(self)
        self.names.setAccessibleName(self.tr("Playlists"))
        self.names.setIconSize(QSize(18, 18))
        self.names.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.names.customContextMenuRequested.connect(self._context_menu)
        self.names.itemClicked.connect(lambda item: self.open_requested.emit(str(item.data(ID_ROLE))))
        self.names.currentItemChanged.connect(self._current_changed)  # the arrow keys open as they move
        self.names.itemActivated.connect(lambda item: self.open_requested.emit(str(item.data(ID_ROLE))))
        self.names.dropped.connect(self._dropped)
        self.names.delete_pressed.connect(self._delete_current)
        self.menu: QMenu | None = None  # the context menu last shown
        self._icon = QIcon()
        self._playing = ""
        self.compact = False
        top = self._top = QHBoxLayout()
        top.setContentsMargins(6, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.names, 1)
        blend = self.names.palette()  # the list sits on the window, as the sections above it
        blend.setColor(blend.ColorRole.Base, blend.color(blend.ColorRole.Window))
        self.names.setPalette(blend)

    def set_playlists(self, playlists: list[Playlist], current: str) -> None:
        """One row per playlist, by name; `current` (an ID) selected, or none."""
        self.names.blockSignals(True)
        self.names.clear()
        for p in playlists:
            item = QListWidgetItem(self._icon, "")
            item.setData(ID_ROLE, p.playlist_id)
            item.setData(NAME_ROLE, p.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDropEnabled)
            self._show_name(item)
            self.names.addItem(item)
        self.names.blockSignals(False)
        self.select(current)
        self.set_playing(self._playing)

    def ids(self) -> list[str]:
        return [str(self.names.item(i).data(ID_ROLE)) for i in range(self.names.count())]

    def shown_names(self) -> list[str]:
        return [self.names.item(i).text() or self.names.item(i).toolTip() for i in range(self.names.count())]

    def select(self, playlist_id: str) -> None:
        """Mark the open playlist (none when a section above is shown)."""
        self.names.blockSignals(True)
        self.names.clearSelection()
        self.names.setCurrentRow(-1)
        for i, found in enumerate(self.ids()):
            if found == playlist_id:
                self.names.setCurrentRow(i)
        self.names.blockSignals(False)

    def current_id(self) -> str:
        item = self.names.currentItem()
        return str(item.data(ID_ROLE)) if item is not None and item.isSelected() else ""

    def set_playing(self, playlist_id: str) -> None:
        """The playlist next and previous follow, in bold."""
        self._playing = playlist_id
        for i, found in enumerate(self.ids()):
            item = self.names.item(i)
            font = QFont(self.names.font())
            font.setBold(found == playlist_id)
            item.setFont(font)

    def set_icon(self, icon: QIcon) -> None:
        self._icon = icon
        for i in range(self.names.count()):
            self.names.item(i).setIcon(icon)

    def set_compact(self, compact: bool) -> None:
        """Icons only, each name as its tooltip, in the narrow column."""
        self.compact = compact
        self.heading.setVisible(not compact)
        # In line with the sections' icons: as large, as far in (their list spaces its rows by 2).
        self.names.setIconSize(QSize(22, 22) if compact else QSize(18, 18))
        self.names.setViewportMargins(1 if compact else 0, 0, 0, 0)
        self._top.setContentsMargins(2 if compact else 6, 0, 0, 0)
        for i in range(self.names.count()):
            self._show_name(self.names.item(i))

    def _show_name(self, item: QListWidgetItem) -> None:
        """The name beside the icon, or on hover in the narrow column."""
        name = str(item.data(NAME_ROLE))
        item.setText("" if self.compact else name)
        item.setToolTip(name if self.compact else "")

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(str(item.data(ID_ROLE)))

    def _dropped(self, playlist_id: str, ids: list[str]) -> None:
        if not ids:
            return
        if playlist_id:
            self.dropped.emit(playlist_id, ids)
        else:
            self.new_requested.emit(ids)

    def _delete_current(self) -> None:
        playlist_id = self.current_id()
        if playlist_id:
            self.delete_requested.emit(playlist_id)

    def _context_menu(self, point: QPoint) -> None:
        item = self.names.itemAt(point)
        menu = QMenu(self)
        if item is not None:
            playlist_id = str(item.data(ID_ROLE))
            for text, signal in (
                (self.tr("Play"), self.play_requested),
                (self.tr("Rename"), self.rename_requested),
                (self.tr("Export…"), self.export_requested),
            ):
                action = menu.addAction(text)
                action.triggered.connect(lambda _=False, s=signal, p=playlist_id: s.emit(p))
            menu.addSeparator()
            delete = menu.addAction(self.tr("Delete…"))
            delete.triggered.connect(lambda _=False, p=playlist_id: self.delete_requested.emit(p))
            menu.addSeparator()
        menu.addAction(self.tr("New Playlist")).triggered.connect(lambda: self.new_requested.emit([]))
        menu.addAction(self.tr("Import Playlist…")).triggered.connect(self.import_requested)
        self.menu = menu
        menu.popup(self.names.viewport().mapToGlobal(point))
