"""The store's table: the aggregated catalog of every provider as a Qt model, and its genre/text filter.

The model only shows what the insurer's catalog says (price, premium, availability) and what the
library says is owned; it decides nothing. Sorting uses the raw values (yen, milliseconds), not the text.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from player.language import QT_TRANSLATE_NOOP, translate
from player.words import duration, unavailable, yen

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


def catalog_entry(index: QModelIndex) -> CatalogEntry | None:
    """The track of a store row (None for none). The contract's classes load with the first catalog,
    not with the window, so the class is looked up here rather than at import, and only once a row
    holds an entry: asked before the catalog came (the window being built), it would load them on the
    GUI thread before the first paint."""
    entry = index.data(ENTRY_ROLE)
    if entry is None:
        return None
    from player.terminal import CatalogEntry

    return entry if isinstance(entry, CatalogEntry) else None


class Column(IntEnum):
    TITLE = 0
    ARTIST = 1
    ALBUM = 2
    GENRE = 3
    PROVIDER = 4
    DURATION = 5
    PRICE = 6
    PREMIUM = 7
    AVAILABILITY = 8


# Marked texts: translated where shown, translate("CatalogModel", TEXT).
HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("CatalogModel", "Title"),
    Column.ARTIST: QT_TRANSLATE_NOOP("CatalogModel", "Artist"),
    Column.ALBUM: QT_TRANSLATE_NOOP("CatalogModel", "Album"),
    Column.GENRE: QT_TRANSLATE_NOOP("CatalogModel", "Genre"),
    Column.PROVIDER: QT_TRANSLATE_NOOP("CatalogModel", "Provider"),
    Column.DURATION: QT_TRANSLATE_NOOP("CatalogModel", "Length"),
    Column.PRICE: QT_TRANSLATE_NOOP("CatalogModel", "Price"),
    Column.PREMIUM: QT_TRANSLATE_NOOP("CatalogModel", "Premium"),
    Column.AVAILABILITY: QT_TRANSLATE_NOOP("CatalogModel", "Availability"),
}
_NUMERIC = {Column.DURATION, Column.PRICE, Column.PREMIUM}

OWNED = QT_TRANSLATE_NOOP("CatalogModel", "Owned")
OWNED_UNINSURED = QT_TRANSLATE_NOOP("CatalogModel", "Owned, not insured")
AVAILABLE = QT_TRANSLATE_NOOP("CatalogModel", "Available")
UNAVAILABLE = QT_TRANSLATE_NOOP("CatalogModel", "Not sold now")
SUPPLIER_DOWN = QT_TRANSLATE_NOOP("CatalogModel", "Supplier not answering")  # an outage: it passes


def not_sold(e: CatalogEntry) -> str:
    """Why a track cannot be bought now, in the store's short words: a supplier's outage is not the end
    of its sale, and a listener should know to come back rather than look elsewhere."""
    if e.unavailable == "provider_unavailable":
        return translate("CatalogModel", SUPPLIER_DOWN)
    return translate("CatalogModel", UNAVAILABLE)


class CatalogModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[CatalogEntry] = []
        self._owned: dict[str, bool] = {}  # content ID -> insured
        self._covers: dict[str, QPixmap] = {}
        self._downloading: dict[str, int] = {}  # content ID -> percent

    # --- what the view feeds in ------------------------------------------------------------------

    def set_entries(self, entries: list[CatalogEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_owned(self, owned: dict[str, bool]) -> None:
        """What the library holds: content ID -> whether a policy covers it."""
        self._owned = dict(owned)
        self._changed_column(Column.PREMIUM)
        self._changed_column(Column.AVAILABILITY)

    def hold(self, content_id: str, *, insured: bool) -> None:
        """One track held now (bought a moment ago), before the library says so."""
        self.set_owned({**self._owned, content_id: insured})

    def set_cover(self, content_id: str, pixmap: QPixmap) -> None:
        self._covers[content_id] = pixmap
        row = self.row_of(content_id)
        if row is not None:
            index = self.index(row, Column.TITLE)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def set_downloading(self, content_id: str, percent: int | None) -> None:
        if percent is None:
            self._downloading.pop(content_id, None)
        else:
            self._downloading[content_id] = percent
        row = self.row_of(content_id)
        if row is not None:
            index = self.index(row, Column.AVAILABILITY)
            self.dataChanged.emit(index, index)

    # --- what the view asks ------------------------------------------------------------------------

    @property
    def entries(self) -> list[CatalogEntry]:
        return list(self._entries)

    def genres(self) -> list[str]:
        return sorted({e.genre for e in self._entries if e.genre})

    def entry(self, row: int) -> CatalogEntry:
        return self._entries[row]

    def row_of(self, content_id: str) -> int | None:
        for row, e in enumerate(self._entries):
            if e.content_id == content_id:
                return row
        return None

    def is_owned(self, content_id: str) -> bool:
        return content_id in self._owned

    def owned_uninsured(self, content_id: str) -> bool:
        """Held, bought without insurance: what the store offers to insure rather than to buy."""
        return self._owned.get(content_id) is False

    def availability(self, e: CatalogEntry) -> str:
        if e.content_id in self._downloading:
            return self.tr("Downloading {percent}%").format(percent=self._downloading[e.content_id])
        if self._owned.get(e.content_id) is False:
            return translate("CatalogModel", OWNED_UNINSURED)
        if e.content_id in self._owned:
            return translate("CatalogModel", OWNED)
        return translate("CatalogModel", AVAILABLE) if e.available else not_sold(e)

    def can_buy(self, e: CatalogEntry) -> bool:
        return e.available and e.content_id not in self._owned and e.content_id not in self._downloading

    # --- QAbstractTableModel -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("CatalogModel", HEADERS[Column(section)])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, column)
        if role == SORT_ROLE:
            return self._sort_key(e, column)
        if role == ENTRY_ROLE:
            return e
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.TITLE:
            return self._covers.get(e.content_id)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.AVAILABILITY:
            if self.is_owned(e.content_id) and e.content_id not in self._downloading:
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
                return icon.pixmap(16, 16)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(e)
        if role == Qt.ItemDataRole.ForegroundRole and not e.available and e.content_id not in self._owned:
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and column == Column.AVAILABILITY and self.is_owned(e.content_id):
            font = QApplication.font()
            font.setBold(True)
            return font
        return None

    def _text(self, e: CatalogEntry, column: Column) -> str:
        return {
            Column.TITLE: e.title,
            Column.ARTIST: e.artist,
            Column.ALBUM: e.album,
            Column.GENRE: e.genre,
            Column.PROVIDER: e.provider_name,
            Column.DURATION: duration(e.duration_ms),
            Column.PRICE: yen(e.price),
            # held insured, the premium is paid: only a track not yet insured has one to pay
            Column.PREMIUM: "" if self._owned.get(e.content_id) else yen(e.premium),
            Column.AVAILABILITY: self.availability(e),
        }[column]

    def _sort_key(self, e: CatalogEntry, column: Column) -> Any:
        if column == Column.DURATION:
            return e.duration_ms
        if column == Column.PRICE:
            return e.price
        if column == Column.PREMIUM:
            return e.premium
        return self._text(e, column).casefold()

    def _tooltip(self, e: CatalogEntry) -> str:
        lines = [
            f"{e.title} — {e.artist}",
            f"{e.album} ({e.genre})",
            self.tr("Sold by {provider}").format(provider=e.provider_name),
            self.tr("Price {price} + insurance premium {premium}").format(
                price=yen(e.price), premium=yen(e.premium)
            ),
        ]
        if self.owned_uninsured(e.content_id):
            lines.append(self.tr("In your library, bought without insurance: choose Insure… to insure it"))
        elif self.is_owned(e.content_id):
            lines.append(self.tr("In your library, insured"))
        elif not e.available:
            lines.append(
                unavailable(e.unavailable) or self.tr("The provider does not sell this track at the moment")
            )
        return "\n".join(lines)

    def _changed_column(self, column: Column) -> None:
        if self._entries:
            top, bottom = self.index(0, column), self.index(len(self._entries) - 1, column)
            self.dataChanged.emit(top, bottom)


def _alignment(column: Column) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if column in _NUMERIC else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


class CatalogFilter(QSortFilterProxyModel):
    """Genre (exact, or None for all) and free text over title, artist, album, genre and provider."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._genre: str | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_genre(self, genre: str | None) -> None:
        self.beginFilterChange()
        self._genre = genre or None
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CatalogModel):
            return True
        e = model.entry(source_row)
        if self._genre is not None and e.genre != self._genre:
            return False
        haystack = " ".join((e.title, e.artist, e.album, e.genre, e.provider_name)).casefold()
        return all(word in haystack for word in self._words)
