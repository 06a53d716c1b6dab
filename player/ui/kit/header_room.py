"""The room a column's title needs in the language spoken.

A column sized for its cells ("0:37", "¥200") cuts a title wider than them ("長さ", "Difference"), and
Qt's own size hint for a title counts its text and margins but not the sort arrow the style paints
beside it, so a column can be exactly its hint and still show "…" or the arrow over the last letter.
The room here is what the style's own rectangles for the title and the arrow need to hold both.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

SLACK = 4  # px beyond the text: a glyph's overhang, and the frame line between two titles
_TRIAL = 1000  # px: any width wider than a title, to learn how much of it the style keeps for itself


def title(header: QHeaderView, section: int) -> str:
    model = header.model()
    return "" if model is None else str(model.headerData(section, header.orientation()) or "")


def title_rects(header: QHeaderView, section: int, width: int) -> tuple[QRect, QRect | None]:
    """Where the style paints `section`'s title and its sort arrow (None if the header shows none)
    when the section is `width` wide; every column keeps the arrow's place, any may be sorted on."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.orientation = header.orientation()
    if header.orientation() == Qt.Orientation.Horizontal:
        option.state |= QStyle.StateFlag.State_Horizontal
    option.section = section
    option.text = title(header, section)
    sorted_on = header.isSortIndicatorShown()
    if sorted_on:
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    option.rect = QRect(0, 0, width, max(header.height(), header.sizeHint().height()))
    style = header.style()
    label = style.subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
    arrow = style.subElementRect(QStyle.SubElement.SE_HeaderArrow, option, header) if sorted_on else None
    return label, arrow


def title_room(header: QHeaderView, section: int) -> int:
    """The narrowest width of `section` that shows its title whole, clear of the sort arrow's place
    (on both sides: a title is centred)."""
    label, arrow = title_rects(header, section, _TRIAL)
    kept = _TRIAL - label.width()  # margins, and what the style takes for the arrow
    overlap = 0 if arrow is None else max(0, label.right() - arrow.left() + 1)
    return kept + 2 * overlap + header.fontMetrics().horizontalAdvance(title(header, section)) + SLACK
