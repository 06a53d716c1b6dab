"""What the library's search says back: Escape clears it (a second Escape, or the Down key, goes to the
table), a search that matches nothing says so over the empty table, and the artist and album browser
counts what the search matches, as Rhythmbox's browser and Strawberry's collection filter do.

The browser follows a moment after typing stops, not at every key: at 100,000 rows counting what
matches is a pass over every row, and typing must stay as quick as the table's own filter. It follows
in place (`LibraryBrowser.narrow`), so the artists the listener opened stay open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from player.ui.library.view import LibraryPage

BROWSE_DELAY_MS = 250  # typing has paused this long: the browser follows


class SearchFeedback(QObject):
    def __init__(self, view: LibraryPage) -> None:
        super().__init__(view)
        self.view = view
        self.panel = QWidget(view.table.viewport())  # over the empty table: what was not found
        self.panel.setObjectName("noMatchesPanel")
        self.nothing = QLabel(self.panel)
        self.nothing.setObjectName("noMatches")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.nothing.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(self.tr("Clear Search"), self.panel)
        self.clear_button.setObjectName("clearSearch")
        self.clear_button.setAccessibleName(self.clear_button.text())
        self.clear_button.clicked.connect(self.clear)
        box = QVBoxLayout(self.panel)
        box.addStretch(1)
        box.addWidget(self.nothing)
        box.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        self.panel.hide()
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
        proxy = self.view.proxy
        self.view.browser.narrow(proxy.searched_entries() if proxy.searching else None)

    def clear(self) -> None:
        """The whole library again, the search box ready for another search."""
        self.view.search.clear()
        self.view.search.setFocus(Qt.FocusReason.OtherFocusReason)

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
            self.clear_button.setVisible(bool(query))
            self.panel.setGeometry(view.table.viewport().rect())
        self.panel.setVisible(empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view
        if watched is view.table.viewport() and event.type() == QEvent.Type.Resize:
            self.panel.setGeometry(view.table.viewport().rect())
        elif watched is view.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and view.search.text():
                view.search.clear()  # the whole library again, the search kept in focus
                return True
            if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down) and view.proxy.rowCount():
                view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if not view.table.currentIndex().isValid():
                    view.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)
