"""What the library's search says back: Escape clears it (a second Escape, or the Down key, goes to the
table), a search that matches nothing says so over the empty table, and the artist and album browser
counts what the search matches, as Rhythmbox's browser and Strawberry's collection filter do.

The browser is rebuilt a moment after typing stops, not at every key: at 100,000 rows a rebuild is a
pass over every row, and typing must stay as quick as the table's own filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from player.ui.library.view import LibraryPage

BROWSE_DELAY_MS = 250  # typing has paused this long: the browser follows


class SearchFeedback(QObject):
    def __init__(self, view: LibraryPage) -> None:
        super().__init__(view)
        self.view = view
        self.nothing = QLabel(view.table.viewport())
        self.nothing.setObjectName("noMatches")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.nothing.setTextFormat(Qt.TextFormat.PlainText)
        self.nothing.hide()
        self._browse_timer = QTimer(self)
        self._browse_timer.setSingleShot(True)
        self._browse_timer.setInterval(BROWSE_DELAY_MS)
        self._browse_timer.timeout.connect(self.browse)
        view.search.textChanged.connect(self._typed)
        view.search.installEventFilter(self)
        view.table.viewport().installEventFilter(self)
        for signal in (view.proxy.layoutChanged, view.proxy.modelReset):
            signal.connect(self.update_message)

    def browse(self) -> None:
        """The browser counts what the search matches now (everything, with no search)."""
        self._browse_timer.stop()
        self.view.browser.set_entries(self.view.proxy.searched_entries())

    def _typed(self, _text: str) -> None:
        self._browse_timer.start()
        self.update_message()

    def update_message(self) -> None:
        view = self.view
        empty = view.proxy.rowCount() == 0 and view.model.rowCount() > 0
        if empty:
            query = view.search.text().strip()
            said = (
                self.tr("No tracks match “{query}”.").format(query=query)
                if query
                else self.tr("No tracks here.")
            )
            hint = self.tr("Press Esc to clear the search.") if query else ""
            self.nothing.setText(f"{said}\n{hint}".strip())
            self.nothing.setAccessibleName(self.nothing.text())
            self.nothing.setGeometry(view.table.viewport().rect())
        self.nothing.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view
        if watched is view.table.viewport() and event.type() == QEvent.Type.Resize:
            self.nothing.setGeometry(view.table.viewport().rect())
        elif watched is view.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and view.search.text():
                view.search.clear()  # the whole library again
                return True
            if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down) and view.proxy.rowCount():
                view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not view.table.currentIndex().isValid():
                    view.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
