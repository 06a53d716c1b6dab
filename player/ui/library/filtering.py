"""The library's filter: the search box's terms and the artist and album chosen in the browser narrow
the model's rows for the view, which shows them in the model's order.

A proxy of our own rather than `QSortFilterProxyModel`: that one asks a Python `filterAcceptsRow` once
per row at every key typed (100,000 calls), and announces a scattered result as thousands of removed
ranges. Here the rows shown are one list of the model's rows, worked out by `rows.Rows` in a few list
comprehensions, and a change of them is one layout change, the selection and the current row carried
over to where they now stand.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from player.terminal import LibraryEntry
from player.ui.library import query
from player.ui.library.model import FLAGS, LibraryModel, rows_moved, rows_moving

Index = QModelIndex | QPersistentModelIndex
# Roles the view asks of every cell it paints and the library never answers: no call into the model.
_NEVER = frozenset(
    {Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.CheckStateRole}
)


class LibraryFilter(QAbstractProxyModel):
    """Keeps the rows that match every term of the search (`query.py`: words anywhere, or `artist:`,
    `album:`, `genre:`, `title:`, `provider:` first) and the browser's choice, in the model's order:
    a sort asked of it (a header click) is the model's to do (`LibraryModel.sort`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = LibraryModel(self)  # until `setSourceModel`
        self._terms: list[query.Term] = []
        self._scope: tuple[str | None, str | None] = (None, None)  # (artist, album) browsed to
        self._shown: list[int] | None = None  # the model's rows shown, ascending; None: every row
        self._scoped: list[int] | None = None  # the rows of the browser's choice; None: no choice
        # What `_shown` was found for: the model's generation, the scope, the terms.
        self._found: tuple[int, tuple[str | None, str | None], list[query.Term]] = (-1, (None, None), [])
        self._held: tuple[list[QModelIndex], list[QPersistentModelIndex]] = ([], [])

    def setSourceModel(self, model: Any) -> None:
        assert isinstance(model, LibraryModel)
        super().setSourceModel(model)
        self._model = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._model_reset)
        model.layoutAboutToBeChanged.connect(self._model_moving)
        model.layoutChanged.connect(self._model_moved)
        model.dataChanged.connect(self._model_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._refilter(announce=False)

    # --- what is shown ---------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        terms = query.parse(text)
        if terms != self._terms:
            self._terms = terms
            self._refilter()

    def set_scope(self, artist: str | None, album: str | None) -> None:
        """Only one artist's tracks (and of them, one album's), as the browser chose; None: all."""
        if (artist, album) != self._scope:
            self._scope = (artist, album)
            self._refilter()

    def _rows_now(self) -> list[int] | None:
        rows, generation = self._model.rows, self._model.generation
        found_generation, found_scope, found_terms = self._found
        if found_generation != generation or found_scope != self._scope:
            artist, album = self._scope
            self._scoped = None if artist is None else rows.in_scope(artist, album)
            among = self._scoped
        elif self._shown is not None and query.narrows(found_terms, self._terms):
            among = self._shown  # the query only grew: look among what it found
        else:
            among = self._scoped
        self._found = (generation, self._scope, list(self._terms))
        if not self._terms:
            return among
        return rows.matching(self._terms, among)

    def _refilter(self, *, announce: bool = True) -> None:
        if not announce:
            self._shown = self._rows_now()
            return
        rows_moving(self)
        kept = self.persistentIndexList()
        sources = [self.mapToSource(i) for i in kept]
        self._shown = self._rows_now()
        self.changePersistentIndexList(kept, [self.mapFromSource(s) for s in sources])
        rows_moved(self)

    def _model_reset(self) -> None:
        self._shown = self._rows_now()
        self.endResetModel()

    def _model_moving(self) -> None:
        """The model sorts: remember what each index held here points at in the model (the model moves
        those along), to point at it again after."""
        rows_moving(self)
        kept = self.persistentIndexList()
        self._held = (kept, [QPersistentModelIndex(self.mapToSource(i)) for i in kept])

    def _model_moved(self) -> None:
        self._shown = self._rows_now()
        kept, sources = self._held
        self.changePersistentIndexList(kept, [self.mapFromSource(s) for s in sources])
        self._held = ([], [])
        rows_moved(self)

    def _model_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Sequence[int] = ()) -> None:
        """A column's cells changed (an icon, a name): the same column of every row shown."""
        if self.rowCount():
            first, last = self.index(0, top.column()), self.index(self.rowCount() - 1, bottom.column())
            self.dataChanged.emit(first, last, list(roles))

    # --- QAbstractProxyModel ---------------------------------------------------------------------

    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        row = index.row() if self._shown is None else self._shown[index.row()]
        return self._model.index(row, index.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        row = source.row()
        if self._shown is not None:
            at = bisect_left(self._shown, row)
            if at == len(self._shown) or self._shown[at] != row:
                return QModelIndex()
            row = at
        return self.index(row, source.column())

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return self._model.rowCount() if self._shown is None else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._model.columnCount()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.rowCount() > 0

    def data(self, index: Index, role: int = 0) -> Any:
        if role in _NEVER or not index.isValid():
            return None
        row = index.row() if self._shown is None else self._shown[index.row()]
        return self._model.cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        return self._model.headerData(section, orientation, role)  # shown even when no row is

    def flags(self, index: Index) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    # --- for the page ----------------------------------------------------------------------------

    def entry_at(self, row: int) -> LibraryEntry:
        return self._model.entry(row if self._shown is None else self._shown[row])

    def searched_entries(self) -> list[LibraryEntry]:
        """The model's entries the search matches, whatever the browser chose: what the browser counts."""
        entries = self._model.rows.entries
        if not self._terms:
            return list(entries)
        return [entries[r] for r in self._model.rows.matching(self._terms)]

    @property
    def searching(self) -> bool:
        return bool(self._terms)

    def visible_entries(self) -> list[LibraryEntry]:
        """The rows in the order the user sees them: the play queue."""
        entries = self._model.rows.entries
        return list(entries) if self._shown is None else [entries[r] for r in self._shown]
