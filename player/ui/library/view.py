"""The Library page: a search box and the sortable table of licenses.

Enter or a double-click asks to play a row (`play_requested`); the window decides nothing here. An empty
library shows a short way into the Store instead of an empty table. A row's right-click menu is
`track_menu.py`'s, the columns' widths `widths.py`'s.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.terminal import LibraryEntry, LibraryState
from player.ui.kit.tables import show_whole_text
from player.ui.library import columns
from player.ui.library.browser import LibraryBrowser
from player.ui.library.filtering import LibraryFilter
from player.ui.library.model import Column, LibraryModel, history_lines
from player.ui.library.search_feedback import SearchFeedback
from player.ui.library.track_menu import show_track_menu
from player.ui.library.widths import ColumnWidths

BROWSER_WIDTH = 180  # the artist and album tree's first width (the splitter remembers the user's)
BROWSER_ROOM = 900  # the page width below which the tree steps aside: the table needs ~720 of it


def _welcome(parent: QWidget, text: str, button: str, pressed: SignalInstance) -> QWidget:
    """A page in place of the table: a few words and the one thing to do."""
    page = QWidget(parent)
    hint = QLabel(text, page)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setWordWrap(True)
    action = QPushButton(button, page)
    action.setAccessibleName(button.rstrip("…"))
    action.clicked.connect(pressed)
    box = QVBoxLayout(page)
    box.addStretch(1)
    box.addWidget(hint)
    box.addWidget(action, 0, Qt.AlignmentFlag.AlignHCenter)
    box.addStretch(2)
    return page


class LibraryPage(QWidget):
    play_requested = Signal(object)  # LibraryEntry
    sign_in_requested = Signal()
    current_changed = Signal(object)  # LibraryEntry | None: the row the keyboard or a click moved to
    store_requested = Signal()
    insure_requested = Signal(object)  # list[LibraryEntry]: tracks bought without insurance, to insure
    loss_requested = Signal(object)  # list[str]: content IDs of insured tracks the user reports lost
    queue_requested = Signal(object, bool)  # list[str] license IDs, True: play next, False: at the end
    room_changed = Signal()  # the table's width changed (the window, or a panel beside it)
    add_music_requested = Signal()  # the empty library's Add Music…
    offer_requested = Signal(object)  # CatalogEntry: an own file's recording, to buy insured
    remove_music_requested = Signal(object)  # Path: a folder or file added, to take out of the library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_box: QMessageBox | None = None  # the open History box
        self._several_insurers: bool | None = None  # tracks of several insurers? None: none came yet
        self.menu_extensions: list[Callable[[QMenu], object]] = []  # more in a track's menu (playlists)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search, or artist:, album:, genre:  (Ctrl+F)"))
        self.search.setToolTip(
            self.tr(
                'Words match anywhere; artist:marlow, album:"night shift", genre:, title: or provider: '
                "look in that field only; year:2016, year:2010-2019 or year:>2015 by year."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self._search_icon = self.search.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._search)
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of tracks shown"))

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        show_whole_text(self.table, icon_when_cut=frozenset({Column.INSURED}))
        self.table.sortByColumn(Column.ARTIST, Qt.SortOrder.AscendingOrder)  # then year, album, disc, #
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.lay_out(self.table)
        self.widths = ColumnWidths(self.table)  # fitted to the rows, or the listener's in proportion
        self.table.activated.connect(self._activated)  # Enter, and a double-click
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.viewport().installEventFilter(self)
        self.table.setDragEnabled(True)  # rows drag to the queue
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.insure_button = QPushButton(self.tr("Insure…"), self)
        self.insure_button.setObjectName("insureButton")
        self.insure_button.setAccessibleName(self.tr("Insure the selected tracks bought without insurance"))
        self.insure_button.setToolTip(
            self.tr("Insure tracks bought without insurance (all of them, or those selected)")
        )
        self.insure_button.clicked.connect(self.insure_selected)
        self.insure_button.hide()
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit(self.selected_entry())
        )

        self.empty = _welcome(
            self,
            self.tr(
                "<h3>Your library is empty</h3><p>Tracks you buy with insurance appear here. "
                "If they are ever lost, the insurer gives them back.</p><p>Music you already have can "
                "join them: add its folder, or drop files here. It plays from where it is.</p>"
            ),
            self.tr("Open the Store"),
            self.store_requested,
        )
        add_music = QPushButton(self.tr("Add Music…"), self.empty)
        add_music.setAccessibleName(self.tr("Add Music"))
        add_music.clicked.connect(self.add_music_requested)
        box = self.empty.layout()
        if isinstance(box, QVBoxLayout):
            box.insertWidget(3, add_music, 0, Qt.AlignmentFlag.AlignHCenter)
        signed_out = self.tr("<h3>You are signed out</h3>")
        self.locked = _welcome(self, signed_out, self.tr("Sign In…"), self.sign_in_requested)
        self.locked.setObjectName("signedOut")
        self._locked_for: str | None = None  # the owner, while they are signed out

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.locked)
        self.browser = LibraryBrowser(self)
        self._browser_wanted = True
        self._browser_allowed = True  # wanted, and the page wide enough (`show_browser`)
        self.browser.scope_changed.connect(self._scope_changed)
        self.feedback = SearchFeedback(self)  # Esc, "no tracks match", the browser counting the search
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("librarySplit")
        self.split.addWidget(self.browser)
        self.split.addWidget(self.stack)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([BROWSER_WIDTH, 1000])

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(self.insure_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)
        self._update_count()

    def set_icons(self, insured: QIcon, search: QIcon, offer: QIcon | None = None) -> None:
        """The palette-drawn icons (again after a switch between light and dark)."""
        self.model.set_insured_icon(insured, offer)
        self._search_icon.setIcon(search)

    def fit_columns(self) -> None:
        """Fill the table's width with the columns (`widths.py`)."""
        self.widths.fit()

    def restore_columns(self, state: QByteArray | None, sized_by_user: bool) -> None:
        """The columns as the window last left them; `sized_by_user`: their widths are the listener's."""
        self.widths.restore(state, sized_by_user)

    # --- feeding ---------------------------------------------------------------------------------

    def set_locked(self, owner: str | None) -> None:
        """While the library's `owner` is signed out, their library is not shown (None: it is)."""
        self._locked_for = owner
        if owner is not None:
            label = self.locked.findChild(QLabel)
            if label is not None:
                label.setText(
                    self.tr(
                        "<h3>You are signed out</h3><p>Your library is kept on this computer. "
                        "Sign in as {owner} to play it.</p>"
                    ).format(owner=html.escape(owner))
                )
            self.set_entries([])
        self.search.setEnabled(owner is None)

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        if self._locked_for is not None:
            entries = []
        selected = self.selected_entry()
        self._several_insurers = columns.show_insurers(self.table, entries, self._several_insurers)
        self.model.set_entries(entries)
        self.browser.set_entries(entries)
        if self.proxy.searching:
            self.feedback.browse()  # and narrowed to what the search matches
        page = self.table if entries else self.empty if self._locked_for is None else self.locked
        self.stack.setCurrentWidget(page)
        self.browser.setVisible(self._browser_allowed and bool(entries))
        if selected is not None:
            self.select(selected.row.license_id)
        self._update_count()

    def select(self, license_id: str) -> bool:
        row = self.model.row_of(license_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def selected_entry(self) -> LibraryEntry | None:
        index = self.table.currentIndex()
        return self.proxy.entry_at(index.row()) if index.isValid() else None

    def visible_entries(self) -> list[LibraryEntry]:
        return self.proxy.visible_entries()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- reacting --------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def uninsured_entries(self, *, selected_only: bool = False) -> list[LibraryEntry]:
        """Rows bought without insurance that still play (the selected ones, or all)."""
        if not selected_only:
            return self.model.uninsured()
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        entries = [self.proxy.entry_at(r) for r in sorted(rows)]
        return [e for e in entries if e.bought_uninsured and e.state is not LibraryState.INVALID]

    def insure_selected(self) -> None:
        """Insure the selected uninsured tracks, or every one when none of them is selected."""
        chosen = self.uninsured_entries(selected_only=True) or self.uninsured_entries()
        if chosen:
            self.insure_requested.emit(chosen)

    def _context_menu(self, point: QPoint) -> None:
        show_track_menu(self, point)

    def play_current(self) -> None:
        """Play the row the keyboard or a click is on (the menu's Play)."""
        self._activated(self.table.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.room_changed.emit()
        return super().eventFilter(watched, event)

    def show_browser(self, wanted: bool) -> None:
        """The artist and album tree beside the table, when wanted and the page is wide enough (on a
        narrow one, or beside Up Next, the table keeps the room; what was chosen in the tree stops
        narrowing it), and when there is anything to browse (an empty library shows its welcome alone)."""
        self._browser_wanted = wanted
        self._browser_allowed = wanted and self.width() >= BROWSER_ROOM
        shown = self._browser_allowed and self.model.rowCount() > 0
        if shown != self.browser.isVisible():
            self.browser.setVisible(shown)
        self.proxy.set_scope(*(self.browser.scope if shown else (None, None)))
        self._update_count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.show_browser(self._browser_wanted)

    def _scope_changed(self, artist: str | None, album: str | None) -> None:
        self.proxy.set_scope(artist, album)
        self._update_count()

    def selected_ids(self) -> list[str]:
        """The selected rows that play, as license IDs, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        entries = [self.proxy.entry_at(r) for r in rows]
        return [e.row.license_id for e in entries if e.playable]

    def queue_selected(self, *, at_head: bool) -> None:
        ids = self.selected_ids()
        if ids:
            self.queue_requested.emit(ids, at_head)

    def report_selected_lost(self) -> None:
        """The loss dialog with the selected insured tracks ticked."""
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        chosen = [self.proxy.entry_at(r) for r in sorted(rows)]
        content_ids = [e.row.content_id for e in chosen if e.insured]
        if content_ids:
            self.loss_requested.emit(content_ids)

    def show_history(self) -> None:
        """The earlier copies of the selected track: what replaced them, and when."""
        entry = self.selected_entry()
        if entry is None:
            return
        lines = history_lines(self.model.history(entry.row.license_id))
        close = QMessageBox.StandardButton.Close
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("History"), "", close, self)
        box.setObjectName("trackHistory")
        title = entry.row.title or self.tr("This track")
        box.setText(self.tr("{title}: the copy you have now plays.").format(title=title))
        box.setInformativeText("\n".join(lines) if lines else self.tr("No earlier copy was replaced."))
        self.history_box = box
        box.open()

    def _update_count(self) -> None:
        self.insure_button.setVisible(self.model.has_uninsured())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            said = words.count(total, self.tr("{n} track"), self.tr("{n} tracks"))
        else:
            said = words.count(
                total, self.tr("{shown} of {n} track"), self.tr("{shown} of {n} tracks"), shown=shown
            )
        self.count.setText(said)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.play_requested.emit(self.proxy.entry_at(index.row()))
