"""The store table's column widths: the short columns as wide as what they hold, title, artist, album
and provider sharing the rest (the title most), and nothing past the right edge down to an 800×600
screen.

Availability is the one short column whose words vary in length: "Owned" and "Available" on most rows,
now and then "Owned, not insured" or "Downloading 45%". Sized to its longest cell it took the room
the title needed at 800 px, and the table scrolled sideways. It takes what its longest cell needs
while the shared columns keep their floor, and no less than its common words; a longer phrase is then
cut with "…" and read whole on hover (the row's tooltip says it too).
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from player.language import translate
from player.ui.kit.proportions import in_proportion
from player.ui.store.model import AVAILABLE, OWNED, Column

SHARES = {Column.TITLE: 0.36, Column.ARTIST: 0.24, Column.ALBUM: 0.24, Column.PROVIDER: 0.16}
MIN_SHARE_WIDTH = 48
SHARED_FLOOR = 300  # px the shared columns keep before Availability takes more than its common words
SLACK = 4  # px left free: no horizontal scrollbar for a rounding
ICON_ROOM = 16 + 3 * 6  # the owned mark and the margins around it and the words


def prepare(header: QHeaderView) -> None:
    """The resize modes: the short columns follow their contents, the others are set here."""
    for column in Column:
        shared = column in SHARES or column is Column.AVAILABILITY
        mode = QHeaderView.ResizeMode.Interactive if shared else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)


def fit(table: QTableView) -> None:
    """The columns fitted to the table's room now (the window, a scroll bar or the cells changed it)."""
    header = table.horizontalHeader()
    room = table.viewport().width() - SLACK
    fixed = sum(header.sectionSize(c) for c in Column if c not in SHARES and c is not Column.AVAILABILITY)
    availability = _availability(table, room - fixed - SHARED_FLOOR)
    if header.sectionSize(Column.AVAILABILITY) != availability:
        header.resizeSection(Column.AVAILABILITY, availability)
    for column, width in in_proportion(SHARES, room - fixed - availability, MIN_SHARE_WIDTH).items():
        if header.sectionSize(column) != width:
            header.resizeSection(column, width)


def _availability(table: QTableView, room: int) -> int:
    """What the Availability cells shown need, within `room`, and no less than its common words."""
    header = table.horizontalHeader()
    bold = table.font()
    bold.setBold(True)
    words = max(
        QFontMetrics(bold).horizontalAdvance(translate("CatalogModel", w)) for w in (OWNED, AVAILABLE)
    )
    floor = max(header.sectionSizeHint(Column.AVAILABILITY), words + ICON_ROOM)
    wanted = max(table.sizeHintForColumn(Column.AVAILABILITY), floor)
    return max(floor, min(wanted, room))
