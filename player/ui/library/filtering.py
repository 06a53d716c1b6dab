"""The library's filter: the search box's terms and the artist and album chosen in the browser narrow
the model's rows for the view, which shows them in the model's order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from player.terminal import LibraryEntry
from player.ui.library import query
from player.ui.library.browser import album_artist, unknown_album, unknown_artist
from player.ui.library.model import ENTRY_ROLE, SEARCH_ROLE, LibraryModel

Index = QModelIndex | QPersistentModelIndex


class LibraryFilter(QSortFilterProxyModel):
    """Keeps the rows that match every term of the search (`query.py`: words anywhere, or `artist:`,
    `album:`, `genre:`, `title:`, `provider:` first) and the browser's choice, in the model's order:
    a sort asked of it (a header click) is the model's to do (`LibraryModel.sort`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[query.Term] = []
        self._scope: tuple[str | None, str | None] = (None, None)  # (artist, album) browsed to
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LibraryModel):
            source.sort(column, order)

    def set_search(self, text: str) -> None:
        terms = query.parse(text)
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_scope(self, artist: str | None, album: str | None) -> None:
        """Only one artist's tracks (and of them, one album's), as the browser chose; None: all."""
        if (artist, album) != self._scope:
            self.beginFilterChange()
            self._scope = (artist, album)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        artist, album = self._scope
        if artist is not None:
            entry = model.data(model.index(source_row, 0, source_parent), ENTRY_ROLE)
            if not isinstance(entry, LibraryEntry) or (album_artist(entry) or unknown_artist()) != artist:
                return False
            if album is not None and (entry.row.album or unknown_album()) != album:
                return False
        if not self._terms:
            return True
        fields = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE)
        return isinstance(fields, dict) and query.matches(self._terms, fields)

    def entry_at(self, row: int) -> LibraryEntry:
        entry: LibraryEntry = self.data(self.index(row, 0), ENTRY_ROLE)
        return entry

    def visible_entries(self) -> list[LibraryEntry]:
        """The rows in the order the user sees them: the play queue."""
        return [self.entry_at(r) for r in range(self.rowCount())]
