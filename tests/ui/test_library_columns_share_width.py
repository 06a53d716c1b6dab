"""Window story: the library's columns share the table's width. At 1280 px the titles, artists and albums
read whole while the short columns (year, length, insurance, license) are as wide as their words; with
Up Next open beside the table the title still reads whole and nothing hides past the right edge. Once
the listener drags a border, the layout is theirs: the next column gives what the dragged one took, and
when the room changes (Up Next, another window size, the next launch) the text columns keep the
proportions the listener gave them. Where the room is so short that the insurance's word is cut, its
cell shows the shield alone, the word a hover away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from player.ui.kit.header_room import title, title_rects
from player.ui.library.model import Column
from player.ui.shell.main_window import MainWindow
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.readable import shown_whole, title_clear
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import bought, open_window, shown

# The Halden String Players, The Marlow Quartet's Night Shift Sessions, Afterglow Protocol and the like
TRACKS = ("aurora-0001", "aurora-0002", "aurora-0013", "harbor-0003", "harbor-0006", "harbor-0011")
TEXT = (Column.TITLE, Column.ARTIST, Column.ALBUM)
SHORT = (Column.TRACK, Column.YEAR, Column.DURATION, Column.INSURED, Column.LICENSE)
MARGINS = 8  # px a cell or a title keeps from its edges
UP_NEXT_WIDTH = 260
ARROW = 16  # px the sort arrow takes beside a title
STEADY = 5  # polls in a row with the same widths: the window's layout has settled


def _shown(header: QHeaderView) -> list[Column]:
    return [c for c in Column if not header.isSectionHidden(c)]


def _widths(header: QHeaderView) -> dict[Column, int]:
    return {c: header.sectionSize(c) for c in _shown(header)}


def _filled(table: QTableView) -> bool:
    """The shown columns fill the table's width exactly: no blank band, nothing past the right edge."""
    total = sum(_widths(table.horizontalHeader()).values())
    return total == table.viewport().width() and table.horizontalScrollBar().maximum() == 0


def _settle(qtbot: QtBot, table: QTableView) -> None:
    """Wait until the window has laid itself out (a panel opened, the tree stepped aside) and the
    columns fill the table: the same widths a few looks in a row."""
    seen: list[tuple[int, dict[Column, int]]] = []

    def steady() -> bool:
        seen.append((table.viewport().width(), _widths(table.horizontalHeader())))
        return len(seen) > STEADY and all(s == seen[-1] for s in seen[-STEADY:]) and _filled(table)

    qtbot.waitUntil(steady, timeout=5_000)


def _cut(window: MainWindow, column: Column) -> list[str]:
    """The cells of `column` too wide for it: shown cut short, with an ellipsis."""
    table, proxy = window.library.table, window.library.proxy
    cells = [proxy.index(r, column) for r in range(proxy.rowCount())]
    return [str(i.data()) for i in cells if not shown_whole(table, i)]


def _titles_cut(header: QHeaderView) -> list[str]:
    """The column titles cut short: a number column's (right-aligned, beside where the style puts the
    sort arrow whatever the width) not whole in its place, another's not clear of the arrow's place
    (any column may be sorted on)."""
    cut = []
    for column in _shown(header):
        said = title(header, column)
        aligned = header.model().headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
        )
        if aligned is not None and Qt.AlignmentFlag(aligned) & Qt.AlignmentFlag.AlignRight:
            label, _arrow = title_rects(header, column, header.sectionSize(column))
            if header.fontMetrics().horizontalAdvance(said) > label.width():
                cut.append(said)
        elif not title_clear(header, column):
            cut.append(said)
    return cut


def _drag_border(qtbot: QtBot, header: QHeaderView, column: Column, by: int) -> None:
    """Drag the border at the right of `column` by `by` px, as the mouse would."""
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    viewport = header.viewport()

    def send(kind: QEvent.Type, at: int, buttons: Qt.MouseButton) -> None:
        point = QPointF(at, y)
        event = QMouseEvent(
            kind,
            point,
            QPointF(viewport.mapToGlobal(QPoint(at, y))),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    held, free = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QEvent.Type.MouseMove, x, free)  # the cursor over the border first: Qt arms the resize there
    send(QEvent.Type.MouseButtonPress, x, held)
    for step in range(1, 5):
        send(QEvent.Type.MouseMove, x + by * step // 4, held)
    send(QEvent.Type.MouseButtonRelease, x + by, free)


def _open_up_next(qtbot: QtBot, window: MainWindow) -> None:
    """Up Next beside the library, as wide as it opens on a 1280 px screen; the tree steps aside."""
    room = window.library.table.viewport().width()
    window.queue_dock.show()
    window.resizeDocks([window.queue_dock], [UP_NEXT_WIDTH], Qt.Orientation.Horizontal)
    _settle(qtbot, window.library.table)
    assert window.library.table.viewport().width() < room


def _remembered(window: MainWindow) -> bool:
    """The window remembers that the columns' widths are the listener's."""
    return window.settings.columns_sized


def _ratio(header: QHeaderView, a: Column, b: Column) -> float:
    return header.sectionSize(a) / header.sectionSize(b)


def _library_at_1280(
    qtbot: QtBot, make_session: MakeSession, backend: Backend
) -> tuple[MainWindow, QTableView, QHeaderView]:
    """The window 1280 px wide on the library of the six tracks; its table and header."""
    session = bought(make_session, backend.url, *TRACKS)
    window = open_window(qtbot, session, rows=len(TRACKS))
    window.resize(1280, 800)
    table = window.library.table
    return window, table, table.horizontalHeader()


def test_text_columns_read_whole_at_1280_and_short_ones_keep_to_their_words(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window, table, header = _library_at_1280(qtbot, make_session, module_backend)
    qtbot.waitUntil(window.library.browser.isVisible, timeout=5_000)
    _settle(qtbot, table)

    for column in TEXT:
        assert _cut(window, column) == [], f"{column.name} cut at {header.sectionSize(column)} px"
    assert _titles_cut(header) == []
    for column in SHORT:  # a word or a few digits: no more room than the longest of them and its title
        title = str(header.model().headerData(column, Qt.Orientation.Horizontal))
        words = [*shown(window, column), title]
        widest = max(table.fontMetrics().horizontalAdvance(w) for w in words)
        icon = table.iconSize().width() if column is Column.INSURED else 0
        assert header.sectionSize(column) <= widest + icon + 3 * MARGINS + ARROW, column.name

    _open_up_next(qtbot, window)  # Up Next beside the table: less room, the same columns
    assert _cut(window, Column.TITLE) == []  # the title is the last to give way
    assert _titles_cut(header) == []
    assert_words_plain()


def test_the_listeners_widths_are_kept_in_proportion_as_the_room_changes_and_at_the_next_launch(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window, table, header = _library_at_1280(qtbot, make_session, module_backend)
    _settle(qtbot, table)
    before = _widths(header)
    assert not _remembered(window)  # fitted to the rows so far

    _drag_border(qtbot, header, Column.TITLE, 40)  # the border between Title and Artist, 40 px right
    grown = header.sectionSize(Column.TITLE) - before[Column.TITLE]
    assert 38 <= grown <= 40  # as far as the mouse went
    assert header.sectionSize(Column.ARTIST) == before[Column.ARTIST] - grown  # the next column gave it
    rest = [c for c in before if c not in (Column.TITLE, Column.ARTIST)]
    assert {c: header.sectionSize(c) for c in rest} == {c: before[c] for c in rest}  # the others stay
    assert _filled(table)
    assert _remembered(window)  # the layout is the listener's, at the next launch too
    _settle(qtbot, table)
    theirs = _widths(header)
    assert theirs[Column.TITLE] == before[Column.TITLE] + grown  # no fitting undoes the drag
    title_to_album = _ratio(header, Column.TITLE, Column.ALBUM)

    _open_up_next(qtbot, window)  # less room: the text columns narrow together, the short ones stay
    assert header.sectionSize(Column.TITLE) < theirs[Column.TITLE]
    assert abs(_ratio(header, Column.TITLE, Column.ALBUM) - title_to_album) < 0.03
    assert header.sectionSize(Column.TITLE) > header.sectionSize(Column.ARTIST)  # as the listener left them
    assert _cut(window, Column.TITLE) == []  # the title they widened still reads whole
    for column in SHORT:
        assert header.sectionSize(column) == theirs[column], column.name
    window.queue_dock.hide()  # the room as it was: the layout exactly as the listener left it
    qtbot.waitUntil(lambda: _widths(header) == theirs, timeout=5_000)
    window.close()  # the header's state is saved as the window closes

    again = open_window(qtbot, make_session(module_backend.url), rows=len(TRACKS))
    again.resize(1000, 700)  # another room: the listener's proportions, scaled to it
    table = again.library.table
    header = table.horizontalHeader()
    _settle(qtbot, table)
    assert table.viewport().width() < sum(theirs.values())
    assert abs(_ratio(header, Column.TITLE, Column.ALBUM) - title_to_album) < 0.03
    assert header.sectionSize(Column.TITLE) > header.sectionSize(Column.ARTIST)
    for column in SHORT:
        assert header.sectionSize(column) == theirs[column], column.name
    assert_words_plain()


def _index(table: QTableView, row: int, column: Column) -> QModelIndex:
    return table.model().index(row, column)


def _inked(table: QTableView, column: Column, row: int) -> tuple[list[int], list[int]]:
    """The x of every pixel column and the y of every pixel row of a cell that is painted on (icon or
    words), its background aside."""
    index = _index(table, row, column)
    image = table.viewport().grab(table.visualRect(index)).toImage()
    background = image.pixelColor(1, 1).lightness()
    inked = [
        (x, y)
        for x in range(1, image.width() - 1)
        for y in range(1, image.height() - 1)
        if abs(image.pixelColor(x, y).lightness() - background) > 40
    ]
    return sorted({x for x, _ in inked}), sorted({y for _, y in inked})


def test_an_insurance_cell_too_narrow_for_its_words_shows_the_shield_alone(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    window, table, header = _library_at_1280(qtbot, make_session, module_backend)
    _settle(qtbot, table)
    icon = table.iconSize().width() if table.iconSize().isValid() else 16
    words = "Insured"
    assert window.library.proxy.index(0, Column.INSURED).data() == words
    xs, _ = _inked(table, Column.INSURED, 0)
    assert max(xs) > icon + 2 * MARGINS  # room enough: the shield and its word beside it

    window.resize(1000, 700)
    _open_up_next(qtbot, window)  # the room short: every column gives way, the insurance's too
    width = header.sectionSize(Column.INSURED)
    assert table.fontMetrics().horizontalAdvance(words) + icon + MARGINS > width  # the word is cut
    xs, ys = _inked(table, Column.INSURED, 0)
    assert xs and all(abs(x - width / 2) <= icon / 2 + 2 for x in xs)  # the shield alone, centred
    height = table.rowHeight(0)
    assert abs((ys[0] + ys[-1]) / 2 - height / 2) <= 2  # and level with the row's words
    tip = window.library.proxy.index(0, Column.INSURED).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Insured:")  # the words stay a hover away

    # its title, cut too, ends in "…" (Qt's headers do not elide by default, and a centred title wider
    # than its room lost letters at both ends: "nsurance")
    assert header.fontMetrics().horizontalAdvance(title(header, Column.INSURED)) > width - 4
    assert header.textElideMode() is Qt.TextElideMode.ElideRight
