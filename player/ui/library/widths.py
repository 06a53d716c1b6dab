"""The library table's column widths: the columns always fill the table's width, as Strawberry's
stretching header does, and nothing hides past its right edge.

Until the listener sizes a column, the widths follow the rows (`fit`): the short columns (#, year,
length, insurance, license) are as wide as what they hold and their title (`kit/header_room.py`), and
the text columns (title, artist, album and the like) share the rest, the title most. Where the room is
short, the provider, genre and the like give way first, then the insurance's and license's rarer long
words ("· file missing"), then artist and album; the columns' own titles stay whole until only the
title's words would be cut for them, and the title gives way last: it is what a listener reads a row by.

Once the listener drags a border, the layout is theirs (`ColumnWidths`): the text columns to the right
give or take what the dragged one took or gave, so the others stay where they were; and when the room
changes (the window, Up Next opening beside the table) the text columns keep the proportions the
listener gave them while the short ones keep their widths. The window remembers the header's state
and that the layout is the listener's (`UiSettings.columns_sized`); a layout restored at another
width is scaled to the room there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QObject, QTimer, Signal
from PySide6.QtWidgets import QTableView

from player.ui.kit.header_room import title_room
from player.ui.kit.proportions import in_proportion, share
from player.ui.library.model import Column

STRETCH = (
    Column.TITLE,
    Column.ARTIST,
    Column.ALBUM,
    Column.ALBUM_ARTIST,
    Column.GENRE,
    Column.PROVIDER,
    Column.INSURER,
)  # text: they share the width the short columns leave
SHARES = {  # how the spare width is shared among the text columns shown: the title most
    Column.TITLE: 4,
    Column.ARTIST: 3,
    Column.ALBUM: 3,
    Column.ALBUM_ARTIST: 2,
    Column.GENRE: 1,
    Column.PROVIDER: 1,
    Column.INSURER: 1,
}
SECONDARY = (Column.PROVIDER, Column.GENRE, Column.ALBUM_ARTIST, Column.INSURER)
STATES = (Column.INSURED, Column.LICENSE)  # a word or two, now and then a longer phrase
MAX_WIDTH = 280  # a text column's widest before spare width is shared
MIN_WIDTH = 56
NUMBER_WIDTH = 36  # "#" and "Disc": a few digits
MIN_TEXT_WIDTH = 90
FAIR_TEXT_WIDTH = 120
PADDING = 12
# The rows a column is sized to: those on screen and the nearest others, up to this many. Qt's own 1,000
# is a sample of a big library all the same, and measuring it is a tenth of a second per column there.
MEASURED_ROWS = 200

Widths = dict[Column, int]
Floor = Callable[[Column], int]


def needs(table: QTableView) -> Widths:
    """Each shown column's width for its cells (the rows measured) and its title."""
    header = table.horizontalHeader()
    out: Widths = {}
    for column in (c for c in Column if not header.isSectionHidden(c)):
        content = table.sizeHintForColumn(column) + PADDING
        title = title_room(header, column)
        if column in STRETCH:
            out[column] = max(MIN_WIDTH, title, min(content, MAX_WIDTH))
        else:
            floor = NUMBER_WIDTH if column in (Column.TRACK, Column.DISC) else 0
            out[column] = max(floor, title, content)
    return out


def _shrink(widths: Widths, columns: tuple[Column, ...], floor: Floor, excess: int) -> int:
    """Take up to `excess` px from `columns`, each in proportion to what it has above its floor;
    returns what is still to take."""
    above = {c: widths[c] - floor(c) for c in columns if c in widths and widths[c] > floor(c)}
    total = sum(above.values())
    if excess <= 0 or total <= 0:
        return excess
    taken = min(excess, total)
    cuts = {c: taken * a // total for c, a in above.items()}
    for c in sorted(above, key=above.__getitem__, reverse=True)[: taken - sum(cuts.values())]:
        cuts[c] += 1  # the remainder, one px each from the widest
    for c, cut in cuts.items():
        widths[c] -= cut
    return excess - taken


def fitted(table: QTableView, room: int) -> Widths:
    """The widths the rows ask for, within `room` px (see the module's docstring)."""
    header = table.horizontalHeader()
    widths = needs(table)
    spare = room - sum(widths.values())
    if spare >= 0:
        share(widths, {c: s for c, s in SHARES.items() if c in widths}, spare)
        return widths

    def titled(column: Column) -> int:
        return max(MIN_WIDTH, title_room(header, column))

    excess = -spare
    stages: tuple[tuple[tuple[Column, ...], Floor], ...] = (
        (SECONDARY, titled),  # "Aurora Rec…": its whole name on hover
        (STATES, titled),  # "Valid · file mi…"
        ((Column.ARTIST, Column.ALBUM), lambda _c: FAIR_TEXT_WIDTH),
        ((Column.ARTIST, Column.ALBUM), lambda _c: MIN_TEXT_WIDTH),
        ((*SECONDARY, *STATES), lambda _c: MIN_WIDTH),  # "Insu…": their titles before the title's words
        ((Column.TITLE,), lambda _c: MIN_TEXT_WIDTH),
        ((*STRETCH, *STATES), lambda _c: MIN_WIDTH),  # a small screen: titles cut too
    )
    for columns, floor in stages:
        excess = _shrink(widths, columns, floor, excess)
    return widths


def fit(table: QTableView) -> None:
    """Size the shown columns to what they hold, within the table's width."""
    for column, width in fitted(table, table.viewport().width()).items():
        table.setColumnWidth(column, width)


class ColumnWidths(QObject):
    """Fits the columns until the listener sizes one, then keeps the listener's layout in proportion."""

    sized_by_user = Signal()  # the first border dragged: the layout is the listener's from now on

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.header = table.horizontalHeader()
        self.users = False  # the listener has sized a column
        self._own = False  # a sizing of ours is under way: not the listener's
        self._shares: dict[Column, float] = {}  # the text columns' widths in the listener's layout
        self._room = 0  # the table's width the listener's layout was last kept to
        self._refit = QTimer(self)  # once, after a column is shown or hidden
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.header.sectionResized.connect(self._resized)

    @contextmanager
    def _sizing(self) -> Iterator[None]:
        self._own = True
        try:
            yield
        finally:
            self._own = False

    def restore(self, state: QByteArray | None, users: bool) -> None:
        """The header as the window last left it (order, sort, hidden columns, widths), and whether
        those widths are the listener's."""
        with self._sizing():
            if state is not None:
                self.header.restoreState(state)
        self.users = users
        self._shares = {}

    def fit(self) -> None:
        """Fill the table's width: fitted to the rows, or the listener's layout scaled to the room."""
        if self.table.model().rowCount() == 0:
            return
        with self._sizing():
            if self.users:
                self._keep_proportions()
            else:
                fit(self.table)

    def _text_shown(self) -> list[Column]:
        return [c for c in STRETCH if not self.header.isSectionHidden(c)]

    def _keep_proportions(self) -> None:
        """The text columns share what the short ones leave, in the listener's proportions. In the
        room the listener last sized them in, their layout stays as they left it."""
        header, room = self.header, self.table.viewport().width()
        text = self._text_shown()
        if set(self._shares) != set(text):  # restored, or a column shown or hidden since
            self._shares = {c: float(max(1, header.sectionSize(c))) for c in text}
        elif room == self._room:
            return
        self._room = room
        fixed = sum(header.sectionSize(c) for c in Column if c not in text and not header.isSectionHidden(c))
        for column, width in in_proportion(self._shares, room - fixed, MIN_WIDTH).items():
            header.resizeSection(column, width)

    def _resized(self, column: int, old: int, new: int) -> None:
        if self._own:
            return
        if not old or not new:  # shown or hidden (the header's menu, the Insurer column)
            self._refit.start()
            return
        if not self.users:
            self.users = True
            self.sized_by_user.emit()
        with self._sizing():
            self._give_and_take(Column(column), new - old)
        self._shares = {c: float(self.header.sectionSize(c)) for c in self._text_shown()}
        self._room = self.table.viewport().width()

    def _give_and_take(self, dragged: Column, grown: int) -> None:
        """The text columns to the right of the dragged border give what it took (or take what it
        gave), the nearest first: the columns to the left stay where they are, and the right edge too."""
        header = self.header
        after = [header.logicalIndex(v) for v in range(header.visualIndex(dragged) + 1, header.count())]
        for column in (c for c in after if c in STRETCH and not header.isSectionHidden(c)):
            size = header.sectionSize(column)
            new = max(MIN_WIDTH, size - grown)
            grown -= size - new
            header.resizeSection(column, new)
            if grown == 0:
                break
