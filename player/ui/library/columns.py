"""The library table's columns: their first order and widths, which are shown (the header's context
menu), and fitting them to the table's width.

Tag columns (#, Disc, Year, Album artist) come after the first eight in the model, so a column layout saved
before they existed keeps its meaning; a first run moves # to the front and Year beside the album, and
hides Disc and Album artist until the listener asks for them.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from player.terminal import LibraryEntry
from player.ui.library.model import HIDDEN_AT_FIRST, Column, header_tip
from player.ui.library.model import header as title_of

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
MAX_WIDTH = 280
MIN_WIDTH = 56
NUMBER_WIDTH = 36  # "#" and "Disc": a few digits
MIN_TEXT_WIDTH = 90
PADDING = 12
SHRINKABLE = (
    Column.TITLE,
    Column.ARTIST,
    Column.ALBUM,
    Column.PROVIDER,
    Column.GENRE,
    Column.ALBUM_ARTIST,
    Column.INSURER,
)
# Who gives way first: the provider, genre and the like down to a short word, then artist and album
# down to a fair width, then those short columns to the narrowest (their whole text on hover; the
# insurance keeps its icon), then artist and album further, then the title last: the title is what a
# listener reads a row by. On a small screen every column but the numbers, down to the narrowest.
SECONDARY = (Column.PROVIDER, Column.GENRE, Column.ALBUM_ARTIST, Column.INSURER, Column.INSURED)
FAIR_TEXT_WIDTH = 120
SHRINK_STAGES = (
    # Insurance too: an own file's "Your file (not insured)" is long, and whole on hover.
    (SECONDARY, MIN_TEXT_WIDTH),
    ((Column.ARTIST, Column.ALBUM), FAIR_TEXT_WIDTH),
    ((*SECONDARY, Column.LICENSE), MIN_WIDTH),
    ((Column.ARTIST, Column.ALBUM), MIN_TEXT_WIDTH),
    ((Column.TITLE,), MIN_TEXT_WIDTH),
    ((*SHRINKABLE, Column.INSURED, Column.LICENSE), MIN_WIDTH),
)
SPARE_SHARES = {Column.TITLE: 4, Column.ARTIST: 3, Column.ALBUM: 3}  # who takes the width left over
NUMBERS = (Column.DURATION, Column.TRACK, Column.DISC, Column.YEAR)  # as wide as their digits and word
# The rows a column is sized to: those on screen and the nearest others, up to this many. Qt's own 1,000
# is a sample of a big library all the same, and measuring it is a tenth of a second per column there.
MEASURED_ROWS = 200


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
    """A number column's width: its digits or its header's word, not the room for a sort arrow."""
    label = table.horizontalHeader().fontMetrics().horizontalAdvance(title_of(column)) + 2 * PADDING
    floor = NUMBER_WIDTH if column in (Column.TRACK, Column.DISC) else MIN_WIDTH
    return max(floor, table.sizeHintForColumn(column) + PADDING, label)


def fit(table: QTableView) -> None:
    """Size the shown columns to what they hold, within bounds and within the table's width (the text
    columns give way first, and take the spare width: the title most); for a first run, before the
    user's own layout is remembered. No column stretches to the edge: the last one (the license's
    state, a word or two) once took all the spare width while titles were cut."""
    header: QHeaderView = table.horizontalHeader()
    table.resizeColumnsToContents()
    shown = [c for c in Column if not header.isSectionHidden(c)]
    widths = {c: max(MIN_WIDTH, min(header.sectionSize(c) + PADDING, MAX_WIDTH)) for c in shown}
    for column in NUMBERS:
        if column in widths:
            widths[column] = _number_width(table, column)
    room = table.viewport().width()
    spare = room - sum(widths.values())
    if spare > 0:
        weights = sum(SPARE_SHARES.values())
        for column, share in SPARE_SHARES.items():
            if column in widths:
                widths[column] += spare * share // weights
    excess = sum(widths.values()) - room
    for stage, floor in SHRINK_STAGES:  # the text columns first; on a small screen, all but numbers
        flexible = [c for c in stage if widths.get(c, 0) > floor]
        while excess > 0 and flexible:
            share = max(1, excess // len(flexible))
            for column in list(flexible):
                cut = min(share, widths[column] - floor, excess)
                widths[column] -= cut
                excess -= cut
                if widths[column] <= floor:
                    flexible.remove(column)
    for column, width in widths.items():
        header.resizeSection(column, width)


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
