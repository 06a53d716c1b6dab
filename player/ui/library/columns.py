"""The library table's columns: their first order and widths, and which are shown (the header's
context menu). Their widths once the rows are in are `widths.py`'s.

Tag columns (#, Disc, Year, Album artist) come after the first eight in the model, so a column layout saved
before they existed keeps its meaning; a first run moves # to the front and Year beside the album, and
hides Disc and Album artist until the listener asks for them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView

from player.terminal import LibraryEntry
from player.ui.kit.header_room import title_room
from player.ui.library.model import HIDDEN_AT_FIRST, Column, header_tip
from player.ui.library.model import header as title_of
from player.ui.library.widths import MEASURED_ROWS, MIN_WIDTH, NUMBER_WIDTH, PADDING

FIRST_ORDER = (
    Column.TRACK,
    Column.TITLE,
    Column.ARTIST,
    Column.ALBUM,
    Column.YEAR,
    Column.DURATION,
    Column.GENRE,
    Column.PROVIDER,
    Column.INSURED,
    Column.LICENSE,
    Column.DISC,
    Column.ALBUM_ARTIST,
    Column.INSURER,
)
FIRST_WIDTHS = {
    Column.TITLE: 200,
    Column.ARTIST: 150,
    Column.ALBUM: 150,
    Column.DURATION: 58,
    Column.GENRE: 90,
    Column.PROVIDER: 130,
    Column.INSURED: 88,
    Column.ALBUM_ARTIST: 150,
    Column.INSURER: 150,
}
ALWAYS_SHOWN = (Column.TITLE,)  # a table with no title column would show nobody what plays


def lay_out(table: QTableView) -> None:
    """The first run's layout: the columns in `FIRST_ORDER`, Disc and Album artist hidden."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(MEASURED_ROWS)
    for visual, column in enumerate(FIRST_ORDER):
        header.moveSection(header.visualIndex(column), visual)
    for column, width in FIRST_WIDTHS.items():
        table.setColumnWidth(column, width)
    for column in HIDDEN_AT_FIRST:
        header.hideSection(column)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda point: _column_menu(table, point))


def _column_menu(table: QTableView, point: QPoint) -> None:
    """Right-click on the header: tick the columns to show."""
    header = table.horizontalHeader()
    menu = QMenu(header)
    menu.setObjectName("libraryColumns")
    for column in sorted(Column, key=header.visualIndex):
        name = header_tip(column) or title_of(column)
        action = menu.addAction(name)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(column not in ALWAYS_SHOWN)
        action.toggled.connect(lambda on, c=column: show_column(table, c, on))
    menu.popup(header.mapToGlobal(point))


def show_column(table: QTableView, column: Column, shown: bool) -> None:
    header = table.horizontalHeader()
    if column in ALWAYS_SHOWN or header.isSectionHidden(column) != shown:
        return
    header.setSectionHidden(column, not shown)
    if shown and header.sectionSize(column) < MIN_WIDTH // 2:
        header.resizeSection(column, max(_number_width(table, column), FIRST_WIDTHS.get(column, MIN_WIDTH)))


def _number_width(table: QTableView, column: Column) -> int:
    """A short column's width: what it holds, and its title."""
    floor = NUMBER_WIDTH if column in (Column.TRACK, Column.DISC) else MIN_WIDTH
    return max(floor, table.sizeHintForColumn(column) + PADDING, title_room(table.horizontalHeader(), column))


def show_insurers(table: QTableView, entries: list[LibraryEntry], several_before: bool | None) -> bool | None:
    """The Insurer column: hidden while every track has the one insurer; shown when a second insurer's
    tracks arrive (from then on it is the user's to hide, through the header's menu, as any column).
    Returns whether the tracks are of several insurers (None, as given, while there are none)."""
    if not entries:
        return several_before
    insurers = {e.insurer for e in entries if e.own is None}
    several = len(insurers) > 1 or any(e.audio_insurer for e in entries)  # or one track's parts apart
    header = table.horizontalHeader()
    if not several and not header.isSectionHidden(Column.INSURER):
        header.hideSection(Column.INSURER)
    elif several and several_before is False:
        header.showSection(Column.INSURER)
    return several
