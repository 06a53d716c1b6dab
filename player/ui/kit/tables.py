"""Small read-only tables (sortable by the value, not the text it is shown as), and what every table
and tree in the window shares: a cell cut short shows an ellipsis, and its whole text on hover."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QIcon, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QTreeView,
)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
WRAP_MARGIN = 6  # px a cell's text keeps from its edges (the style's text margin, rounded up)


class Cell(QTableWidgetItem):
    """A cell showing `text` that sorts by `key` (yen as int, dates as ISO text, counts as int)."""

    def __init__(self, text: str, key: Any = None, *, number: bool = False, tooltip: str = "") -> None:
        super().__init__(text)
        self.setData(SORT_ROLE, text.casefold() if key is None else key)
        if number:
            self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tooltip:
            self.setToolTip(tooltip)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        try:
            return bool(mine < theirs)
        except TypeError:
            return str(mine) < str(theirs)


class WholeTextOnHover(QStyledItemDelegate):
    """A cell whose text is elided shows the whole of it as its tooltip (unless the model has its own)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if own or not isinstance(text, str) or not text:
            return super().helpEvent(event, view, option, index)
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        if _cut(styled, text, view):
            QToolTip.showText(event.globalPos(), text, view)
        else:
            QToolTip.hideText()
        return True


def _cut(option: QStyleOptionViewItem, text: str, view: QAbstractItemView) -> bool:
    """Whether `text` is elided in the cell `option` describes."""
    style = view.style()
    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    return option.fontMetrics.horizontalAdvance(text) + margin > room


class IconWhenCut(WholeTextOnHover):
    """In `columns`, a cell with an icon whose words are cut shows the icon alone, centred: "In…" beside
    the insured shield says less than the shield does, and the cell's tooltip keeps the words. Only the
    painting changes: the cell's size hint (what a column is fitted to) still has room for both."""

    def __init__(self, view: QAbstractItemView, columns: frozenset[int]) -> None:
        super().__init__(view)
        self._view, self._columns = view, columns

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        features = QStyleOptionViewItem.ViewItemFeature
        cut = styled.text and _cut(styled, styled.text, self._view)
        if index.column() not in self._columns or not styled.features & features.HasDecoration or not cut:
            super().paint(painter, option, index)
            return
        icon = QIcon(styled.icon)  # a copy: the member is cleared below
        styled.text, styled.icon = "", QIcon()
        styled.features &= ~(features.HasDisplay | features.HasDecoration)
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, self._view)  # the cell
        state = styled.state
        mode = (
            QIcon.Mode.Selected
            if state & QStyle.StateFlag.State_Selected
            else QIcon.Mode.Normal
            if state & QStyle.StateFlag.State_Enabled
            else QIcon.Mode.Disabled
        )
        place = QStyle.alignedRect(
            styled.direction, Qt.AlignmentFlag.AlignCenter, styled.decorationSize, styled.rect
        )
        icon.paint(painter, place, Qt.AlignmentFlag.AlignCenter, mode)


class RoomyRows(WholeTextOnHover):
    """Rows as tall as the main window's tables (a tree widget's default rows are cramped)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 12))


class WrappedRows(RoomyRows):
    """Rows as tall as their `wrapped` column's text needs at its width: words a user must read (why a
    track was refused, say) shown whole, not cut short for a hover to reveal. Qt's tree sizes a row
    by one line whatever its word wrap, so the height is worked out here, and again on a resize."""

    def __init__(self, view: QTreeView, wrapped: int) -> None:
        super().__init__(view)
        self._view, self._wrapped = view, wrapped
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.header().sectionResized.connect(lambda column, *_: self._resized(column))

    def _resized(self, column: int) -> None:
        if column == self._wrapped or column == self._view.header().count() - 1:
            self._view.scheduleDelayedItemsLayout()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        width = self._view.columnWidth(index.column()) - 2 * WRAP_MARGIN
        if index.column() != self._wrapped or not isinstance(text, str) or not text or width <= 0:
            return size
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        needed = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), flags, text).height()
        return QSize(size.width(), max(size.height(), needed + 12))


def show_whole_text(view: QAbstractItemView, icon_when_cut: frozenset[int] = frozenset()) -> None:
    """Elide on the right and give cut cells their whole text on hover; in `icon_when_cut`, a cut cell
    with an icon shows the icon alone. A column title cut short ends in "…" too: Qt's headers do not
    elide by default, and a centred title wider than its room lost letters at both ends ("nsurance")."""
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    header = view.header() if isinstance(view, QTreeView) else header
    if header is not None:
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(IconWhenCut(view, icon_when_cut) if icon_when_cut else WholeTextOnHover(view))


def make_table(headers: list[str], name: str, accessible: str, stretch: int = -1) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    show_whole_text(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill(table: QTableWidget, rows: list[list[Cell]]) -> None:
    """Replace the rows (sorting is paused while filling, as Qt requires)."""
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)
    table.clearContents()
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            table.setItem(r, c, cell)
    table.setSortingEnabled(sorting)


def texts(table: QTableWidget) -> list[list[str]]:
    """What the table shows, row by row (for tests and screen readers' sake of checking)."""
    out = []
    for r in range(table.rowCount()):
        row = []
        for c in range(table.columnCount()):
            item = table.item(r, c)
            row.append(item.text() if item is not None else "")
        out.append(row)
    return out


def page_heading(text: str) -> QLabel:
    """A page's title (Insurance, Receipts, the first run's steps): bold, a little larger than the text
    around it."""
    heading = QLabel(text)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    heading.setFont(font)
    return heading
