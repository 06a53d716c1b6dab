"""Checks that a text is read whole where it is shown (a cell, a column's title), and the player speaking
a language for one story, as `LANG` would make it speak (its catalog, its dates and numbers)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPointF, QSize, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QHeaderView, QStyle, QTableView, QTreeView

from player.language import install
from player.ui.kit.header_room import title, title_rects


@contextmanager
def speaking(app: QApplication, language: str) -> Iterator[None]:
    """The player speaking `language` ("en" or "ja") inside the block; afterwards English and the
    locale as before, for every other test."""
    before = QLocale()
    spoken = install(app, language) if language != "en" else None
    assert spoken is None or spoken.missing == []
    try:
        yield
    finally:
        for translator in spoken.translators if spoken else []:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(before)


def shown_whole(view: QTableView | QTreeView, index: QModelIndex) -> bool:
    """Whether the cell's text, laid out as the style lays out text (wrapped, if the view wraps), fits
    the cell: nothing is cut off for a tooltip to reveal."""
    text = str(index.data())
    cell = view.visualRect(index)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = cell.width() - 2 * margin
    if not view.wordWrap():
        return view.fontMetrics().horizontalAdvance(text) <= width
    layout = QTextLayout(text, view.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height, widest = 0.0, 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return widest <= width and height <= cell.height()


def title_clear(header: QHeaderView, section: int) -> bool:
    """Whether the section's title, placed as its alignment asks in the style's title rectangle, is
    inside that rectangle and clear of the sort arrow's place."""
    label, arrow = title_rects(header, section, header.sectionSize(section))
    text = title(header, section)
    size = QSize(header.fontMetrics().horizontalAdvance(text), header.fontMetrics().height())
    model = header.model()
    aligned = model.headerData(section, header.orientation(), Qt.ItemDataRole.TextAlignmentRole)
    alignment = Qt.AlignmentFlag(aligned) if aligned is not None else Qt.AlignmentFlag.AlignCenter
    placed = QStyle.alignedRect(header.layoutDirection(), alignment, size, label)
    return (
        placed.left() >= label.left()
        and placed.right() <= label.right()
        and not (arrow is not None and arrow.intersects(placed))
    )
