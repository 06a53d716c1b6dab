"""The library as a table model: one row per track the user owns, and the proxy that sorts and filters it
for the view. A license replaced by another held here (re-issued after a loss, an alternate, an upgrade,
insured later) is no row of its own: it folds under the copy that replaced it, as that row's history.

Display only: states and reasons come from the core as they are; the model phrases them and greys out
what the cached list calls invalid (through the palette, so light and dark themes both work).
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
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import CatalogEntry, LibraryEntry, LibraryState
from player.ui.kit.messages import plain
from player.ui.library import own_rows, query
from player.ui.library.browser import album_artist
from player.words import duration

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(enum.IntEnum):
    TITLE = 0
    ARTIST = 1
    ALBUM = 2
    DURATION = 3
    GENRE = 4
    PROVIDER = 5
    INSURED = 6
    LICENSE = 7
    # From the tracks' tags; added after the first eight so a saved column order keeps its meaning.
    TRACK = 8
    DISC = 9
    YEAR = 10
    ALBUM_ARTIST = 11


HIDDEN_AT_FIRST = (Column.DISC, Column.ALBUM_ARTIST)  # the header's menu shows them
# Marked for translation, translated where shown (`header`, `header_tip`): at import no language is set.
HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    Column.ARTIST: QT_TRANSLATE_NOOP("LibraryModel", "Artist"),
    Column.ALBUM: QT_TRANSLATE_NOOP("LibraryModel", "Album"),
    Column.DURATION: QT_TRANSLATE_NOOP("LibraryModel", "Length"),
    Column.GENRE: QT_TRANSLATE_NOOP("LibraryModel", "Genre"),
    Column.PROVIDER: QT_TRANSLATE_NOOP("LibraryModel", "Provider"),
    Column.INSURED: QT_TRANSLATE_NOOP("LibraryModel", "Insurance"),
    Column.LICENSE: QT_TRANSLATE_NOOP("LibraryModel", "License"),
    Column.TRACK: "#",
    Column.DISC: QT_TRANSLATE_NOOP("LibraryModel", "Disc"),
    Column.YEAR: QT_TRANSLATE_NOOP("LibraryModel", "Year"),
    Column.ALBUM_ARTIST: QT_TRANSLATE_NOOP("LibraryModel", "Album artist"),
}
HEADER_TIPS = {
    Column.TRACK: QT_TRANSLATE_NOOP("LibraryModel", "Track number"),
    Column.DISC: QT_TRANSLATE_NOOP("LibraryModel", "Disc number"),
}
NUMBERS = (Column.DURATION, Column.TRACK, Column.DISC, Column.YEAR)  # right-aligned


def header(column: Column) -> str:
    """A column's title, in the language spoken."""
    return translate("LibraryModel", HEADERS[column])


def header_tip(column: Column) -> str | None:
    """A column's longer name (its tooltip, and its line in the header's menu), where it has one."""
    tip = HEADER_TIPS.get(column)
    return translate("LibraryModel", tip) if tip else None


def _album_order(entry: LibraryEntry) -> str:
    """Sorts an album's tracks as on the record: disc, then track number, then title."""
    r = entry.row
    return f"{r.album.casefold()}\x00{r.disc_number:04d}{r.track_number:05d}\x00{r.title.casefold()}"


STATE_WORDS = {
    LibraryState.VALID: QT_TRANSLATE_NOOP("LibraryModel", "Valid"),
    LibraryState.INVALID: QT_TRANSLATE_NOOP("LibraryModel", "Invalid"),
    LibraryState.UNKNOWN: QT_TRANSLATE_NOOP("LibraryModel", "Unknown"),
}
STATE_ORDER = {LibraryState.VALID: 0, LibraryState.UNKNOWN: 1, LibraryState.INVALID: 2}


def reason_text(entry: LibraryEntry) -> str:
    """Why the entry is not valid, in words, with the date of invalidation when there is one."""
    if entry.state is not LibraryState.INVALID and entry.row.file is None:
        return translate(
            "LibraryModel",
            "The track's file is missing: play it to fetch it again, or use File > Report a Loss.",
        )
    if entry.state is LibraryState.VALID:
        return translate(
            "LibraryModel", "The cached license list says this license is valid: it plays, online or offline."
        )
    if words.knows_reason(entry.reason):
        return words.sentence(words.reason(entry.reason, entry.invalidated_at))
    return words.sentence(plain(entry.detail) or entry.reason or translate("LibraryModel", "no reason given"))


def history_lines(replaced: list[LibraryEntry]) -> list[str]:
    """What happened to the earlier copies of a track, in words (for its tooltip and History)."""
    if not replaced:
        return []
    lines = [
        words.count(
            len(replaced),
            translate("LibraryModel", "Replaces an earlier copy:"),
            translate("LibraryModel", "Replaces {n} earlier copies:"),
        )
    ]
    for old in replaced:
        what = (
            words.reason(old.reason, old.invalidated_at)
            if words.knows_reason(old.reason)
            else plain(old.detail)
        )
        title = old.row.title or translate("LibraryModel", "this track")
        lines.append(translate("LibraryModel", "• {title}: {what}").format(title=title, what=what))
    return lines


LICENSE_IDS_MIME = "application/x-insured-player-license-ids"  # rows dragged out of the library


def dropped_ids(data: QMimeData) -> list[str]:
    """The license IDs a drag from the library carries ([] for anything else)."""
    if not data.hasFormat(LICENSE_IDS_MIME):
        return []
    return [i for i in bytes(data.data(LICENSE_IDS_MIME).data()).decode().split("\n") if i]


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self._history: dict[str, list[LibraryEntry]] = {}  # license ID -> the copies it replaced
        self._providers: dict[str, str] = {}
        self._current = ""  # license ID of the loaded track
        self._playing_icon = QIcon()
        self._insured_icon = QIcon()
        self._offer_icon = QIcon()
        self._offers: dict[str, CatalogEntry] = {}  # own file ID -> the same recording, sold insured
        self._order = (Column.ARTIST, Qt.SortOrder.AscendingOrder)

    # --- feeding ---------------------------------------------------------------------------------

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Show one row per track owned: each replaced license goes to its successor's history."""
        history: dict[str, list[LibraryEntry]] = {}
        for e in entries:
            if e.replaced_by:
                history.setdefault(e.replaced_by, []).append(e)
        self.beginResetModel()
        self._entries = self._sorted([e for e in entries if not e.replaced_by])
        self._history = history
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort by each row's key: a proxy sorting through `data()` pays a
        Python call per comparison (about a second for 10,000 rows, the window frozen meanwhile)."""
        self._order = (Column(column) if 0 <= column < len(Column) else Column.ARTIST, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        old = [self._entries[i.row()] for i in kept]
        self._entries = self._sorted(self._entries)
        row = {id(e): n for n, e in enumerate(self._entries)}
        self.changePersistentIndexList(
            kept, [self.index(row[id(e)], i.column()) for e, i in zip(old, kept, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorted(self, entries: list[LibraryEntry]) -> list[LibraryEntry]:
        column, order = self._order
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(entries, key=lambda e: self._sort_key(e, column), reverse=descending)

    def history(self, license_id: str) -> list[LibraryEntry]:
        """The copies the license `license_id` replaced, oldest first."""
        return sorted(
            self._history.get(license_id, []),
            key=lambda e: e.invalidated_at.isoformat() if e.invalidated_at else "",
        )

    def set_provider_names(self, names: dict[str, str]) -> None:
        self._providers = dict(names)
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
        if self._entries:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._entries) - 1, column))

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def row_of(self, license_id: str) -> int:
        """The row of `license_id`, or of the copy that replaced it (-1: neither is shown)."""
        for i, e in enumerate(self._entries):
            if e.row.license_id == license_id or any(
                old.row.license_id == license_id for old in self._history.get(e.row.license_id, [])
            ):
                return i
        return -1

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [LICENSE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged rows as their license IDs (to the queue panel, in the order they are shown)."""
        ids: list[str] = []
        for index in sorted(indexes, key=lambda i: i.row()):
            license_id = self._entries[index.row()].row.license_id
            if license_id not in ids:
                ids.append(license_id)
        data = QMimeData()
        data.setData(LICENSE_IDS_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tip(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == SEARCH_ROLE:
            r = entry.row
            year = str(r.year) if r.year else ""
            values = (r.title, r.artist, r.album, r.genre, self._provider(r.provider), year)
            found = {name: value.casefold() for name, value in zip(query.FIELDS, values, strict=True)}
            found["artist"] += f"\n{album_artist(entry).casefold()}"  # artist: finds the album's too
            return found
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.DecorationRole:
            if column is Column.INSURED:
                offered = self.offer(entry) is not None
                return self._insured_icon if entry.insured else self._offer_icon if offered else None
            if column is Column.TITLE and entry.row.license_id == self._current:
                return self._playing_icon
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not entry.playable:
            return QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if (
            role == Qt.ItemDataRole.FontRole
            and entry.state is LibraryState.INVALID
            and column is Column.LICENSE
        ):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._display(entry, column)}"
        return None

    def _provider(self, provider_id: str) -> str:
        return self._providers.get(provider_id) or provider_id

    def _display(self, entry: LibraryEntry, column: Column) -> str:
        r = entry.row
        match column:
            case Column.TITLE:
                return r.title or self.tr("Untitled track")
            case Column.ARTIST:
                return r.artist
            case Column.ALBUM:
                return r.album
            case Column.DURATION:
                return duration(r.duration_ms)
            case Column.GENRE:
                return r.genre
            case Column.PROVIDER:
                return self._provider(r.provider)
            case Column.INSURED if entry.own is not None:
                return own_rows.insurance_text(entry)
            case Column.INSURED:
                return self.tr("Insured") if entry.insured else self.tr("Not insured")
            case Column.LICENSE if entry.own is not None:
                return own_rows.license_text(entry)
            case Column.TRACK:
                return str(r.track_number) if r.track_number else ""
            case Column.DISC:
                return str(r.disc_number) if r.disc_number else ""
            case Column.YEAR:
                return str(r.year) if r.year else ""
            case Column.ALBUM_ARTIST:
                return album_artist(entry)
            case Column.LICENSE:
                known = STATE_WORDS.get(entry.state)
                label = translate("LibraryModel", known) if known else str(entry.state)
                # A valid license whose file is gone: the user should see it before pressing play.
                return (
                    self.tr("{state} · file missing").format(state=label)
                    if entry.state is not LibraryState.INVALID and r.file is None
                    else label
                )

    def _sort_key(self, entry: LibraryEntry, column: Column) -> Any:
        """Strings Qt compares itself (no Python per comparison): an album always in its own order."""
        r = entry.row
        match column:
            case Column.DURATION:
                return r.duration_ms
            case Column.LICENSE:
                return own_rows.sort_key(entry) if entry.own else STATE_ORDER.get(entry.state, 9)
            case Column.ALBUM | Column.TRACK | Column.DISC:
                return _album_order(entry)
            case Column.ARTIST | Column.ALBUM_ARTIST:
                first = r.artist if column is Column.ARTIST else album_artist(entry)
                return f"{first.casefold()}\x00{r.year:04d}\x00{_album_order(entry)}"
            case Column.YEAR:
                return f"{r.year:04d}\x00{album_artist(entry).casefold()}\x00{_album_order(entry)}"
        return self._display(entry, column).casefold()

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
