"""The library as a table model: one row per track the user owns, sorted here (`rows.py`), which the filter
(`filtering.py`) narrows for the view. A license replaced by another held here (re-issued after a loss,
an alternate, an upgrade, insured later) is no row of its own: it folds under the copy that replaced it,
as that row's history.

Display only: states and reasons come from the core as they are; the model phrases them (`cells.py`)
and greys out what the cached list calls invalid (through the palette, so light and dark themes both
work). A cell is worked out when Qt asks for it, for the few rows on screen, from the entry itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette

from player.terminal import LibraryEntry, LibraryState
from player.ui.library import own_rows, query
from player.ui.library.browser import album_artist
from player.ui.library.cells import (
    HEADERS,
    HIDDEN_AT_FIRST,
    NUMBERS,
    STATE_ORDER,
    STATE_WORDS,
    Column,
    display,
    header,
    header_tip,
    history_lines,
    reason_text,
    sort_key,
)
from player.ui.library.rows import Rows

__all__ = [  # what the rest of the window imports from here
    "ENTRY_ROLE",
    "HEADERS",
    "HIDDEN_AT_FIRST",
    "LICENSE_IDS_MIME",
    "NUMBERS",
    "SEARCH_ROLE",
    "SORT_ROLE",
    "STATE_ORDER",
    "STATE_WORDS",
    "Column",
    "LibraryModel",
    "dropped_ids",
    "header",
    "header_tip",
    "history_lines",
    "reason_text",
]

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)  # plain numbers: `cell` compares the role to each
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
# Every cell's flags: asked for each cell painted, so worked out once.
FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)

LICENSE_IDS_MIME = "application/x-insured-player-license-ids"  # rows dragged out of the library
# A layout change that moves (or hides) rows only: the columns' header then leaves its sections and
# their widths alone. PySide reaches the signal's arguments through its full signature.
_WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"
_ROWS_ONLY = QAbstractItemModel.LayoutChangeHint.VerticalSortHint


def rows_moving(model: QAbstractItemModel) -> None:
    model.layoutAboutToBeChanged[_WITH_HINT].emit([], _ROWS_ONLY)  # type: ignore[index]  # (not in the stubs)


def rows_moved(model: QAbstractItemModel) -> None:
    model.layoutChanged[_WITH_HINT].emit([], _ROWS_ONLY)  # type: ignore[index]


def dropped_ids(data: QMimeData) -> list[str]:
    """The license IDs a drag from the library carries ([] for anything else)."""
    if not data.hasFormat(LICENSE_IDS_MIME):
        return []
    return [i for i in bytes(data.data(LICENSE_IDS_MIME).data()).decode().split("\n") if i]


def _uninsured(entry: LibraryEntry) -> bool:
    return entry.bought_uninsured and entry.state is not LibraryState.INVALID


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._providers: dict[str, str] = {}
        self.rows = Rows([], {}, self._provider)
        self._any_uninsured = False  # (asked at every key typed, to show Insure…)
        self._current = ""  # license ID of the loaded track
        self._playing_icon = QIcon()
        self._insured_icon = QIcon()
        self._offer_icon = QIcon()
        self._offers: dict[str, CatalogEntry] = {}  # own file ID -> the same recording, sold insured
        self._order = (Column.ARTIST, Qt.SortOrder.AscendingOrder)
        self.generation = 0  # goes up whenever the rows change: a search made before starts over

    # --- feeding ---------------------------------------------------------------------------------

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Show one row per track owned: each replaced license goes to its successor's history."""
        history: dict[str, list[LibraryEntry]] = {}
        for e in entries:
            if e.replaced_by:
                history.setdefault(e.replaced_by, []).append(e)
        shown = [e for e in entries if not e.replaced_by] if history else list(entries)
        self.beginResetModel()
        self.rows = Rows(shown, history, self._provider)
        self.rows.sort(self._order[0], self._order[1] == Qt.SortOrder.DescendingOrder)
        self._any_uninsured = any(_uninsured(e) for e in shown)
        self.generation += 1
        self.endResetModel()
        if shown:
            rows = self.rows
            QTimer.singleShot(0, self, lambda: self._prepare_search(rows))  # (not once the model is gone)

    def _prepare_search(self, rows: Rows) -> None:
        """Make the rows' search text one field at a time, between events, from once the new rows are
        painted (the text searched anywhere first): the first key typed then finds it made, and the
        window answers meanwhile (a few hundredths of a second a field for 100,000 rows)."""
        if rows is self.rows and rows.prepare_text():  # (not once other rows came)
            QTimer.singleShot(0, self, lambda: self._prepare_search(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort by keys made once per column: a proxy sorting through
        `data()` pays a Python call per comparison (seconds for 100,000 rows, the window frozen)."""
        self._order = (Column(column) if 0 <= column < len(Column) else Column.ARTIST, order)
        rows_moving(self)
        kept = self.persistentIndexList()
        moved = self.rows.sort(self._order[0], order == Qt.SortOrder.DescendingOrder)
        new_row = {old: new for new, old in enumerate(moved)} if kept else {}
        self.changePersistentIndexList(kept, [self.index(new_row[i.row()], i.column()) for i in kept])
        self.generation += 1
        rows_moved(self)

    def history(self, license_id: str) -> list[LibraryEntry]:
        """The copies the license `license_id` replaced, oldest first."""
        return sorted(
            self.rows.history.get(license_id, []),
            key=lambda e: e.invalidated_at.isoformat() if e.invalidated_at else "",
        )

    def set_provider_names(self, names: dict[str, str]) -> None:
        self._providers = dict(names)
        self.rows.providers_renamed()
        self.generation += 1
        self._changed_column(Column.PROVIDER)

    def set_insured_icon(self, icon: QIcon, offer: QIcon | None = None) -> None:
        self._insured_icon = icon
        self._offer_icon = offer or QIcon()
        self._changed_column(Column.INSURED)

    def set_offers(self, offers: dict[str, CatalogEntry]) -> None:
        """Own files whose recording the store sells insured (`own_rows`)."""
        self._offers = dict(offers)
        for column in Column:
            self._changed_column(column)  # every cell's tooltip names the offer

    def offer(self, entry: LibraryEntry) -> CatalogEntry | None:
        return self._offers.get(entry.row.license_id) if entry.own is not None else None

    def set_current(self, license_id: str, icon: QIcon) -> None:
        """Mark the loaded track's row (an icon in the title column)."""
        self._current, self._playing_icon = license_id, icon
        self._changed_column(Column.TITLE)

    def _changed_column(self, column: Column) -> None:
        if self.rows.entries:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def entry(self, row: int) -> LibraryEntry:
        return self.rows.entries[row]

    def entries(self) -> list[LibraryEntry]:
        return list(self.rows.entries)

    def uninsured(self) -> list[LibraryEntry]:
        """The rows bought without insurance that still play (what *Insure…* offers), in the order shown."""
        return [e for e in self.rows.entries if _uninsured(e)] if self._any_uninsured else []

    def has_uninsured(self) -> bool:
        return self._any_uninsured

    def row_of(self, license_id: str) -> int:
        """The row of `license_id`, or of the copy that replaced it (-1: neither is shown)."""
        return self.rows.row_of(license_id)

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        return FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:
        return [LICENSE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged rows as their license IDs (to the queue panel, in the order they are shown)."""
        ids: list[str] = []
        for index in sorted(indexes, key=lambda i: i.row()):
            license_id = self.rows.entries[index.row()].row.license_id
            if license_id not in ids:
                ids.append(license_id)
        data = QMimeData()
        data.setData(LICENSE_IDS_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.rows.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < _COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(_COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tip(_COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and _COLUMNS[section] in NUMBERS:
            return _RIGHT
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, column_number: int, role: int) -> Any:
        """What `data` answers for (row, column): Qt asks it of every cell it paints or measures, several
        times each, so the common roles come first and the column is not looked up twice."""
        entries = self.rows.entries
        if not 0 <= row < len(entries) or not 0 <= column_number < len(_COLUMNS):
            return None
        entry, column = entries[row], _COLUMNS[column_number]
        if role == _DISPLAY:
            return display(entry, column, self._provider)
        if role == _DECORATION:
            if column is Column.INSURED:
                offered = self.offer(entry) is not None
                return self._insured_icon if entry.insured else self._offer_icon if offered else None
            if column is Column.TITLE and entry.row.license_id == self._current:
                return self._playing_icon
            return None
        if role == _FOREGROUND:
            if entry.playable:
                return None
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == _ALIGNMENT:
            return _RIGHT if column in NUMBERS else None
        if role == ENTRY_ROLE:
            return entry
        invalid = entry.state is LibraryState.INVALID
        if role == Qt.ItemDataRole.FontRole and invalid and column is Column.LICENSE:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return display(entry, column, self._provider)
        if role == SORT_ROLE:
            return sort_key(entry, column, self._provider)
        if role == SEARCH_ROLE:
            return self._search_fields(entry)
        return None

    def _provider(self, provider_id: str) -> str:
        return self._providers.get(provider_id) or provider_id

    def _search_fields(self, entry: LibraryEntry) -> dict[str, str]:
        """One row's fields as the search reads them (`query.matches`); a search of every row reads
        `rows.Rows.text` instead."""
        r = entry.row
        year = str(r.year) if r.year else ""
        values = (r.title, r.artist, r.album, r.genre, self._provider(r.provider), year)
        found = {name: value.casefold() for name, value in zip(query.FIELDS, values, strict=True)}
        found["artist"] += f"\n{album_artist(entry).casefold()}"  # artist: finds the album's too
        return found

    def _tooltip(self, entry: LibraryEntry, column: Column) -> str:
        if entry.own is not None:
            return own_rows.tooltip(entry, self.offer(entry))
        if column is Column.LICENSE:
            return "\n".join([reason_text(entry), *history_lines(self.history(entry.row.license_id))])
        if column is Column.INSURED and not entry.insured:
            return self.tr("Bought without insurance: a loss is not covered. Choose Insure… to insure it.")
        if column is Column.INSURED:
            return self.tr("Insured: if the track is lost, your insurer re-issues it.")
        if entry.state is LibraryState.INVALID:
            return self.tr("This copy does not play: {reason}").format(reason=reason_text(entry))
        return ""
