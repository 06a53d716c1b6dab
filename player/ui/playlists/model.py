"""One playlist as a table model: its entries in order, each shown as the library's copy it plays as.

An entry whose track no longer plays, or is not in the library at all, keeps its place and its words,
greyed, with why in its tooltip. Rows drag out as their positions (to reorder the playlist) and as the
license IDs of those that play (to the queue, or to another playlist in the sidebar).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import PlaylistItem
from player.ui.library.model import LICENSE_IDS_MIME, reason_text

Index = QModelIndex | QPersistentModelIndex
ROWS_MIME = "application/x-insured-player-playlist-rows"  # a playlist's ID and the positions dragged


class Column(enum.IntEnum):
    TITLE = 0
    ARTIST = 1
    ALBUM = 2
    DURATION = 3


HEADERS = {  # marked, and translated where shown: at import no language is set
    Column.TITLE: QT_TRANSLATE_NOOP("PlaylistModel", "Title"),
    Column.ARTIST: QT_TRANSLATE_NOOP("PlaylistModel", "Artist"),
    Column.ALBUM: QT_TRANSLATE_NOOP("PlaylistModel", "Album"),
    Column.DURATION: QT_TRANSLATE_NOOP("PlaylistModel", "Length"),
}


def dragged_rows(data: QMimeData, playlist_id: str) -> list[int] | None:
    """The positions a drag out of the playlist `playlist_id` carries (None: not a drag out of it)."""
    if not data.hasFormat(ROWS_MIME):
        return None
    source, _, rows = bytes(data.data(ROWS_MIME).data()).decode().partition("\n")
    return [int(n) for n in rows.split(",") if n.isdigit()] if source == playlist_id else None


def shown_words(item: PlaylistItem) -> tuple[str, str, str, int]:
    """Title, artist, album and length as shown: the playing copy's, else the entry's own."""
    track = item.track
    if track is not None and item.playable and track.row.title:
        r = track.row
        return r.title, r.artist, r.album, r.duration_ms
    e = item.entry
    return e.title or translate("PlaylistModel", "Untitled track"), e.artist, e.album, e.duration_ms


def why_not(item: PlaylistItem) -> str:
    """Why a greyed entry does not play, in words."""
    if item.track is None:
        return translate(
            "PlaylistModel",
            "This track is not in your library. The playlist keeps its place: it plays once you own it.",
        )
    return translate("PlaylistModel", "This copy does not play: {reason}").format(
        reason=reason_text(item.track)
    )


class PlaylistModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[PlaylistItem] = []
        self.playlist_id = ""
        self._current = ""
        self._icon = QIcon()

    def set_items(self, playlist_id: str, items: list[PlaylistItem]) -> None:
        self.beginResetModel()
        self.playlist_id, self._items = playlist_id, list(items)
        self.endResetModel()

    def item(self, row: int) -> PlaylistItem:
        return self._items[row]

    def items(self) -> list[PlaylistItem]:
        return list(self._items)

    def set_current(self, license_id: str, icon: QIcon) -> None:
        """Mark the rows of the loaded track (an icon in the title column)."""
        self._current, self._icon = license_id, icon
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("PlaylistModel", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title, artist, album, ms = shown_words(item)
            return {Column.TITLE: title, Column.ARTIST: artist, Column.ALBUM: album}.get(
                column, words.duration(ms) if ms else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole and not item.playable:
            return why_not(item)
        if role == Qt.ItemDataRole.ForegroundRole and not item.playable:
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.TITLE:
            track = item.track
            return self._icon if track is not None and track.row.license_id == self._current else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME, LICENSE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if 0 <= i.row() < len(self._items)})
        ids: list[str] = []
        for row in rows:
            item = self._items[row]
            if item.playable and item.track is not None and item.track.row.license_id not in ids:
                ids.append(item.track.row.license_id)
        data = QMimeData()
        data.setData(ROWS_MIME, QByteArray(f"{self.playlist_id}\n{','.join(map(str, rows))}".encode()))
        data.setData(LICENSE_IDS_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def playing_ids(self) -> list[str]:
        """License IDs of the entries that play, once each, in order."""
        out: list[str] = []
        for item in self._items:
            if item.playable and item.track is not None and item.track.row.license_id not in out:
                out.append(item.track.row.license_id)
        return out
