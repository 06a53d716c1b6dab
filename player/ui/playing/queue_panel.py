"""The queue panel ("Up Next"): what plays before the library's order resumes, to reorder and prune.

Rows are dragged within the list to reorder it, dropped in from the library to add them where they
land, and removed with Delete or the Remove button; the panel only shows and edits the `PlayQueue`,
which `NowPlaying` plays from.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.terminal import LibraryEntry
from player.ui.library.model import LICENSE_IDS_MIME, dropped_ids
from player.ui.playing.queue import PlayQueue
from player.ui.session import UiSession

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _QueueList(QListWidget):
    """A list that reorders itself by drag and drop and takes rows dragged from the library."""

    moved = Signal(list, int)  # positions dragged, the row they were dropped before
    dropped = Signal(list, int)  # license IDs from the library, the row they were dropped before
    delete_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSpacing(3)  # rows as roomy as the library's

    def mimeTypes(self) -> list[str]:  # rows also drag out as the library's do (onto a playlist)
        return [*super().mimeTypes(), LICENSE_IDS_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = super().mimeData(items)
        ids = "\n".join(str(i.data(ID_ROLE)) for i in sorted(items, key=self.row))
        data.setData(LICENSE_IDS_MIME, QByteArray(ids.encode()))
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is self or dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.source() is self or dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """The queue, not the widget, is changed: the list is drawn again from it."""
        target = self.row_at(event.position().toPoint().y())
        if event.source() is self:
            self.moved.emit(sorted(self.row(i) for i in self.selectedItems()), target)
        else:
            self.dropped.emit(dropped_ids(event.mimeData()), target)
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing for Qt to remove afterwards
        event.accept()

    def row_at(self, y: int) -> int:
        """The row a drop at `y` goes before: the first row whose middle is below it (the end if none;
        the spacing between rows belongs to neither)."""
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and y < self.visualItemRect(item).center().y():
                return row
        return self.count()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class QueuePanel(QWidget):
    def __init__(self, session: UiSession, queue: PlayQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.session, self.queue = session, queue
        self.list = _QueueList(self)
        self.list.setAccessibleName(self.tr("Up next"))
        self.empty = QLabel(
            self.tr("Nothing queued. Drag tracks here, or choose Play Next or Add to Queue."), self
        )
        self.empty.setWordWrap(True)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(self.tr("Remove the selected tracks from the queue"))
        self.clear = QPushButton(self.tr("Clear"), self)
        self.clear.setAccessibleName(self.tr("Clear the queue"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.moved.connect(queue.move)
        self.list.dropped.connect(self._dropped)
        self.list.delete_pressed.connect(self._remove_selected)
        self.remove.clicked.connect(self._remove_selected)
        self.clear.clicked.connect(queue.clear)
        queue.changed.connect(self.refresh)
        session.library_changed.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        entries = self.queue.entries(self.session.library) if self.session.library else []
        by_id = {e.row.license_id: e for e in entries}
        self.list.clear()
        for license_id in self.queue.ids:
            entry = by_id.get(license_id)
            if entry is not None:
                self.list.addItem(self._item(entry))
        self.empty.setVisible(self.list.count() == 0)
        self.remove.setEnabled(self.list.count() > 0)
        self.clear.setEnabled(self.list.count() > 0)

    def shown_titles(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _item(self, entry: LibraryEntry) -> QListWidgetItem:
        row = entry.row
        title = row.title or self.tr("Untitled track")
        said = self.tr("{title} — {artist}").format(title=title, artist=row.artist) if row.artist else title
        item = QListWidgetItem(said)
        item.setData(ID_ROLE, row.license_id)
        name = words.track_name(title, row.artist)
        item.setToolTip(
            self.tr("{track}, from {album}").format(track=name, album=row.album) if row.album else name
        )
        return item

    def _dropped(self, ids: list[str], before: int) -> None:
        if not ids:
            return
        self.queue.add(ids)
        moved_to_end = list(range(len(self.queue) - len(ids), len(self.queue)))
        self.queue.move(moved_to_end, before)

    def _remove_selected(self) -> None:
        self.queue.remove(self.list.row(i) for i in self.list.selectedItems())
