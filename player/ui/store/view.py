"""The store (issue 4, item 2): the catalog of every provider, filtered as you type, bought insured.

Buying runs FIG.13 in the core (`Terminal.buy`) on the session's worker; the download's progress comes
back as (done, total) and drives a progress bar. A track whose content ID is already in the library shows
as owned and cannot be bought again. Failures are shown inline with their next step; without a
connection the store says so and offers Retry.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player.errors import BackendError, BackendRefusedError, PlayerError, UsageError
from player.terminal import CatalogEntry, LibraryEntry, LibraryState, Purchase
from player.ui.kit.guard import while_alive
from player.ui.kit.notice import Notice, Tone
from player.ui.kit.tasks import Progress
from player.ui.shell.session import UiSession
from player.ui.store.model import ENTRY_ROLE, CatalogFilter, CatalogModel, Column
from player.words import yen

ALL_GENRES = "All genres"
_SHARES = {Column.TITLE: 0.42, Column.ARTIST: 0.29, Column.ALBUM: 0.29}  # of the width the words get
COVER_SIZE = 28


def owned_content_ids(entries: list[LibraryEntry]) -> set[str]:
    """Content the user holds a license for that the list has not invalidated (a replaced original is
    no longer owned: its alternate is)."""
    return {e.row.content_id for e in entries if e.state is not LibraryState.INVALID}


class StoreView(QWidget):
    """Signals: `bought(content_id)` once a purchase and its download are done; `insurance_needed()`
    when buying needs an account or a policy first (the main window opens the first-run dialog)."""

    bought = Signal(str)
    insurance_needed = Signal()
    catalog_loaded = Signal(int)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("storeView")
        self.model = CatalogModel(self)
        self.proxy = CatalogFilter(self)
        self.proxy.setSourceModel(self.model)
        self.loading = False
        self.loaded = False
        self.buying: CatalogEntry | None = None
        self.confirmation: QMessageBox | None = None
        self._covers: dict[str, QPixmap] = {}  # in memory only, for the life of the view

        self.genre = QComboBox()
        self.genre.setAccessibleName("Genre filter")
        self.genre.addItem(ALL_GENRES)
        self.genre.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.genre.currentIndexChanged.connect(self._genre_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search title, artist, album, provider…")
        self.search.setAccessibleName("Search the store")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.count = QLabel()
        self.count.setObjectName("storeCount")
        self.buy_button = QPushButton("Buy insured…")
        self.buy_button.setObjectName("buyButton")
        self.buy_button.setAccessibleName("Buy the selected track with insurance")
        self.buy_button.setEnabled(False)
        self.buy_button.clicked.connect(self.buy_selected)

        self.notice = Notice(self)
        self.table = QTableView()
        self.table.setObjectName("storeTable")
        self.table.setAccessibleName("Store catalog")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.ARTIST, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(COVER_SIZE, COVER_SIZE))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(COVER_SIZE + 6)
        # The short columns take what their contents need; title, artist and album share the rest
        # (`_fit_columns`), the title most. Fixed widths would squeeze the title in a narrow window.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        for column in Column:
            words = column in _SHARES
            mode = QHeaderView.ResizeMode.Interactive if words else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        header.sectionResized.connect(self._section_resized)
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._double_clicked)

        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setAccessibleName("Download progress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Genre:"))
        bar.addWidget(self.genre)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.buy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)

        session.library_changed.connect(self._library_changed)
        session.online_changed.connect(self._online_changed)
        self.model.set_owned(owned_content_ids(session.library))
        self._update_count()

    # --- loading the catalog ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()
        if not self.loaded and not self.loading:
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()  # the window, or a scroll bar coming or going, changed the room
        return super().eventFilter(watched, event)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in _SHARES:  # a short column grew with its contents ("Owned", "Downloading 45%")
            QTimer.singleShot(0, self, self._fit_columns)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in Column if c not in _SHARES)
        free = max(0, self.table.viewport().width() - fixed - 4)  # a little slack: no horizontal scrollbar
        for column, share in _SHARES.items():
            self.table.setColumnWidth(column, max(80, int(free * share)))

    def reload(self) -> None:
        """Fetch the whole catalog (both providers) on the worker; filtering is done here, as you type."""
        if self.loading:
            return
        self.loading = True
        self.notice.show_message("Loading the catalog…", tone=Tone.INFO, dismissable=False)
        terminal = self.session.terminal
        self.session.call(
            lambda _: terminal.purchases.catalog(),
            while_alive(self, self._catalog_arrived),
            while_alive(self, self._catalog_failed),
        )

    def _catalog_arrived(self, entries: list[CatalogEntry]) -> None:
        self.loading = False
        self.loaded = True
        self.notice.clear()
        self.model.set_entries(entries)
        self._fill_genres()
        self._update_count()
        self._update_buttons()
        self._fit_columns()
        self.catalog_loaded.emit(len(entries))
        self._fetch_covers(entries)

    def _catalog_failed(self, error: PlayerError) -> None:
        self.loading = False
        if isinstance(error, BackendError):
            self.show_offline(error)
        else:
            self.notice.show_error(error, action="Retry", on_action=self.reload)

    def show_offline(self, error: PlayerError | None = None) -> None:
        detail = "Buying and browsing the catalog need the insurer. Your library keeps playing offline."
        if error is not None:
            why = str(error).rstrip(".")
            detail = f"{why[:1].upper()}{why[1:]}. {detail}"
        self.notice.show_message(
            "The store needs a connection",
            detail,
            tone=Tone.WARNING,
            action="Retry",
            on_action=self.reload,
            dismissable=False,
        )

    def _online_changed(self, online: bool) -> None:
        if online and not self.loaded and self.isVisible():
            self.reload()
        elif not online and not self.loaded and not self.loading:
            self.show_offline()

    def _fill_genres(self) -> None:
        current = self.genre.currentText()
        self.genre.blockSignals(True)
        self.genre.clear()
        self.genre.addItem(ALL_GENRES)
        self.genre.addItems(self.model.genres())
        self.genre.setCurrentIndex(max(0, self.genre.findText(current)))
        self.genre.blockSignals(False)
        self._genre_changed()

    def _fetch_covers(self, entries: list[CatalogEntry]) -> None:
        """Covers are optional: one job fetches those not yet cached; a missing one is simply left out."""
        wanted = [e.content_id for e in entries if e.cover_url and e.content_id not in self._covers]
        if not wanted:
            return
        terminal = self.session.terminal

        def work(_: Progress) -> dict[str, QImage]:
            client = terminal.connection.try_client()
            images: dict[str, QImage] = {}
            if client is None:
                return images
            for content_id in wanted:
                try:
                    data = client.cover(content_id)
                except PlayerError:
                    continue
                image = QImage.fromData(data)
                if not image.isNull():
                    images[content_id] = image.scaled(
                        COVER_SIZE,
                        COVER_SIZE,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
            return images

        def done(images: dict[str, QImage]) -> None:
            for content_id, image in images.items():
                pixmap = QPixmap.fromImage(image)
                self._covers[content_id] = pixmap
                self.model.set_cover(content_id, pixmap)

        self.session.call(work, while_alive(self, done), lambda _: None)

    # --- filtering -------------------------------------------------------------------------------

    def _genre_changed(self, *_: Any) -> None:
        text = self.genre.currentText()
        self.proxy.set_genre(None if text in ("", ALL_GENRES) else text)
        self._update_count()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def focus_search(self) -> None:
        """For the window's Find (Ctrl+F) while the store is shown: a shortcut of our own would make the
        window's ambiguous."""
        self.search.setFocus()
        self.search.selectAll()

    def visible_entries(self) -> list[CatalogEntry]:
        """The rows shown now, in their order."""
        out = []
        for row in range(self.proxy.rowCount()):
            entry = self.proxy.index(row, 0).data(ENTRY_ROLE)
            if isinstance(entry, CatalogEntry):
                out.append(entry)
        return out

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} tracks" if shown != total else f"{total} tracks")

    # --- buying ----------------------------------------------------------------------------------

    def selected_entry(self) -> CatalogEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ENTRY_ROLE)
        return entry if isinstance(entry, CatalogEntry) else None

    def select(self, content_id: str) -> bool:
        """Select a track's row (for the keyboard, the main window and tests); False if not shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entry = index.data(ENTRY_ROLE)
            if isinstance(entry, CatalogEntry) and entry.content_id == content_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self, *_: Any) -> None:
        entry = self.selected_entry()
        if self.buying is not None:
            self.buy_button.setEnabled(False)
            self.buy_button.setText("Buying…")
        elif entry is not None and self.model.is_owned(entry.content_id):
            self.buy_button.setEnabled(False)
            self.buy_button.setText("Owned")
        elif entry is not None and not entry.available:
            self.buy_button.setEnabled(False)
            self.buy_button.setText("Not sold now")
        else:
            self.buy_button.setEnabled(entry is not None)
            self.buy_button.setText("Buy insured…")

    def _double_clicked(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, CatalogEntry):
            self.ask_to_buy(entry)

    def buy_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.ask_to_buy(entry)

    def ask_to_buy(self, entry: CatalogEntry) -> None:
        """The confirmation with price and premium; window-modal, never blocking the event loop."""
        if self.buying is not None or self.confirmation is not None:
            return
        if self.model.is_owned(entry.content_id):
            self.notice.show_message(
                f"“{entry.title}” is already in your library",
                "An insured track is bought once; if it is lost, report the loss and it is re-issued.",
            )
            return
        if not entry.available:
            self.notice.show_message(
                f"“{entry.title}” is not sold at the moment", f"{entry.provider_name} does not offer it now."
            )
            return
        box = QMessageBox(self)
        box.setObjectName("buyConfirmation")
        box.setWindowTitle("Buy insured")
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(f"Buy “{entry.title}” by {entry.artist}, insured?")
        box.setInformativeText(
            f"Price: {yen(entry.price)} ({entry.provider_name})\n"
            f"Insurance premium: {yen(entry.premium)}\n"
            f"Together: {yen(entry.price + entry.premium)}\n\n"
            "If the track or its license is lost, the insurer re-distributes it under your policy."
        )
        confirm = box.addButton("Buy insured", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(confirm)
        self.confirmation = box

        def finished(_: int) -> None:
            self.confirmation = None
            chosen = box.clickedButton() is confirm
            box.deleteLater()
            if chosen:
                self.buy(entry)

        box.finished.connect(finished)
        box.open()

    def buy(self, entry: CatalogEntry) -> None:
        """Buy without asking (the confirmation calls this): FIG.13 on the worker, progress here."""
        if self.buying is not None:
            return
        self.buying = entry
        self.notice.clear()
        self.progress.setValue(0)
        self.progress.setFormat(f"Buying “{entry.title}”…")
        self.progress.show()
        self.model.set_downloading(entry.content_id, 0)
        self._update_buttons()
        terminal = self.session.terminal
        content_id = entry.content_id
        self.session.call(
            lambda progress: terminal.purchases.buy(content_id, progress),
            while_alive(self, lambda result: self._bought(entry, result)),
            while_alive(self, lambda error: self._buy_failed(entry, error)),
            while_alive(self, self._progressed),
        )

    def _progressed(self, done: int, total: int) -> None:
        if self.buying is None or total <= 0:
            return
        percent = min(100, done * 100 // total)
        self.progress.setFormat(f"Downloading “{self.buying.title}” — %p%")
        self.progress.setValue(percent)
        self.model.set_downloading(self.buying.content_id, percent)

    def _bought(self, entry: CatalogEntry, purchase: Purchase) -> None:
        self.buying = None
        self.progress.setValue(100)
        self.progress.setFormat(f"Done: “{entry.title}” is in your library")
        self.model.set_downloading(entry.content_id, None)
        self.model.set_owned({*owned_content_ids(self.session.library), entry.content_id})
        self._update_buttons()
        self.notice.show_message(
            f"“{entry.title}” is yours, insured",
            f"Paid {yen(purchase.price)} and a premium of {yen(purchase.premium)}. "
            "It is in your library and plays from there.",
        )
        QTimer.singleShot(4000, self, self._hide_progress)
        self.bought.emit(entry.content_id)
        self.session.sync()  # the new license list, the library, and the Insurance page follow

    def _buy_failed(self, entry: CatalogEntry, error: PlayerError) -> None:
        self.buying = None
        self.model.set_downloading(entry.content_id, None)
        self._hide_progress()
        if isinstance(error, BackendRefusedError) and error.code == "already_owned":
            self.model.set_owned({*owned_content_ids(self.session.library), entry.content_id})
        if isinstance(error, UsageError):
            self.notice.show_message(
                "Take out insurance first",
                "Buying insured needs an account and an insurance policy. "
                "Sign in and accept the terms, then buy again.",
                tone=Tone.WARNING,
                action="Get insured…",
                on_action=self.insurance_needed.emit,
            )
        else:
            self.notice.show_error(error, action="Retry", on_action=lambda: self.ask_to_buy(entry))
        self._update_buttons()

    def _hide_progress(self) -> None:
        if self.buying is None:
            self.progress.hide()

    def _library_changed(self, entries: list[LibraryEntry]) -> None:
        self.model.set_owned(owned_content_ids(entries))
        self._update_buttons()
