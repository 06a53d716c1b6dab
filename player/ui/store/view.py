"""The store: the catalog of every provider, filtered as you type, bought insured.

Buying runs FIG.13 in the core (`Terminal.buy`) on the session's worker; the download's progress comes
back as (done, total) and drives a progress bar. A track whose content ID is already in the library shows
as owned, insured or not, and cannot be bought again (held without insurance, it can be insured from
here). Several rows may be selected and bought with one confirmation; P previews the highlighted one.
Failures are shown inline with their next step; without a connection the store says so and offers
Retry.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from player.errors import BackendError, PlayerError
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import LibraryEntry
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import describe
from player.ui.kit.notice import Notice, Tone
from player.ui.kit.tables import show_whole_text
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession
from player.ui.store import widths
from player.ui.store.actions import StoreActions
from player.ui.store.buying import BuyingView, owned_tracks
from player.ui.store.model import CatalogFilter, CatalogModel, Column, catalog_entry
from player.ui.store.preparing import CatalogPreparing
from player.words import count

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


ALL_GENRES = QT_TRANSLATE_NOOP("StoreView", "All genres")  # translated where shown
COVER_SIZE = 28


class StoreView(BuyingView):
    """Signals: `bought(content_id)` once a purchase and its download are done; `insurance_needed()`
    when buying needs an account or a policy first (the main window opens the first-run dialog)."""

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
        self._to_buy, self._bought_now = [], []
        self.confirmation: QMessageBox | None = None
        self._covers: dict[str, QPixmap] = {}  # in memory only, for the life of the view

        self.genre = QComboBox()
        self.genre.setAccessibleName(self.tr("Genre filter"))
        self.genre.addItem(translate("StoreView", ALL_GENRES), None)
        self.genre.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.genre.currentIndexChanged.connect(self._genre_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, artist, album, provider…"))
        self.search.setAccessibleName(self.tr("Search the store"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.count = QLabel()
        self.count.setObjectName("storeCount")
        self.buy_button = QPushButton(self.tr("Buy insured…"))
        self.buy_button.setObjectName("buyButton")
        self.buy_button.setAccessibleName(self.tr("Buy the selected track with insurance"))
        self.buy_button.setEnabled(False)
        self.buy_button.clicked.connect(self.buy_selected)
        self.buy_plain_button = QPushButton(self.tr("Buy without insurance…"))
        self.buy_plain_button.setObjectName("buyPlainButton")
        self.buy_plain_button.setAccessibleName(
            self.tr("Buy the selected track at its provider, without insurance")
        )
        self.buy_plain_button.setEnabled(False)
        self.buy_plain_button.clicked.connect(lambda: self.buy_selected(insured=False))

        self.notice = Notice(self)
        self.table = QTableView()
        self.table.setObjectName("storeTable")
        self.table.setAccessibleName(self.tr("Store catalog"))
        self.table.setModel(self.proxy)
        show_whole_text(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.ARTIST, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        widths.prepare(header)
        header.sectionResized.connect(self._section_resized)
        self.model.dataChanged.connect(self._availability_changed)
        self.model.modelReset.connect(self._fit_columns)
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self._double_clicked)

        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.preparing = CatalogPreparing(session, self)
        self.preparing.grew.connect(self._refresh_quietly)
        self.preparing.whole.connect(self._refresh_quietly)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Genre:")))
        bar.addWidget(self.genre)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        self.row_actions = StoreActions(self)  # Preview (P) and the rows' context menu
        bar.addWidget(self.row_actions.preview_button)
        bar.addWidget(self.buy_plain_button)
        bar.addWidget(self.buy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preparing)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)  # below: a message never pushes the catalog's rows down

        session.library_changed.connect(self._library_changed)
        session.online_changed.connect(self._online_changed)
        session.connection_changed.connect(self._connection_changed)  # bound: dropped with the view
        session.synced.connect(self._synced)
        self.model.set_owned(owned_tracks(session.library))
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
        if column not in widths.SHARES and column != Column.AVAILABILITY:  # grew with its contents
            QTimer.singleShot(0, self, self._fit_columns)

    def _availability_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        """The Availability column's room is looked at again: "Owned" or "Downloading 45%" may be where
        "Available" was."""
        if top.column() <= Column.AVAILABILITY <= bottom.column():
            QTimer.singleShot(0, self, self._fit_columns)

    def _fit_columns(self) -> None:
        widths.fit(self.table)

    def reload(self) -> None:
        """Fetch the whole catalog (both providers) on the worker; filtering is done here, as you type."""
        if self.loading:
            return
        self.loading = True
        self.notice.show_message(self.tr("Loading the catalog…"), tone=Tone.INFO, dismissable=False)
        terminal = self.session.terminal
        self.session.call(
            lambda _: terminal.purchases.catalog(),
            while_alive(self, self._catalog_arrived),
            while_alive(self, self._catalog_failed),
        )

    def _synced(self, _trusted: object) -> None:
        """After each sync, the catalog again, quietly: a track withdrawn meanwhile stops looking
        available (the selection and the covers stay)."""
        self._refresh_quietly()

    def _refresh_quietly(self) -> None:
        """The catalog again, the rows shown kept meanwhile: after a sync, or as the tracks of a catalog
        still being prepared go on sale."""
        if not self.loaded or self.loading or self.buying is not None:
            return
        self.loading = True
        selected = self.selected_entry()
        terminal = self.session.terminal

        def arrived(entries: list[CatalogEntry]) -> None:
            self.loading = False
            grew = len(entries) != self.model.rowCount()
            self.model.set_entries(entries)
            if grew:
                self._fill_genres()
                self._fetch_covers(entries)
            if selected is not None:
                self.select(selected.content_id)
            self._update_count()
            self._update_buttons()

        def failed(_error: PlayerError) -> None:
            self.loading = False  # the banner says offline; what is shown stays

        self.session.call(
            lambda _: terminal.purchases.catalog(), while_alive(self, arrived), while_alive(self, failed)
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
        self.preparing.check()  # a backend on its first start may still be preparing it

    def _catalog_failed(self, error: PlayerError) -> None:
        self.loading = False
        if isinstance(error, BackendError):
            self.show_offline(error)
        else:
            self.notice.show_error(error, action=self.tr("Retry"), on_action=self.reload)

    def show_offline(self, error: PlayerError | None = None) -> None:
        detail = self.tr(
            "Buying and browsing the catalog need the insurer. Your library keeps playing offline."
        )
        if error is not None:
            why = re.split(r"(?<=[.。])\s*", describe(error)[1])[0].rstrip(".。")  # its first sentence
            detail = self.tr("{why}. {detail}").format(why=why, detail=detail)
        self.notice.show_message(
            self.tr("The store needs a connection"),
            detail,
            tone=Tone.WARNING,
            action=self.tr("Retry"),
            on_action=self.reload,
            dismissable=False,
        )

    def _connection_changed(self, _state: str) -> None:
        self._update_buttons()

    def _online_changed(self, online: bool) -> None:
        self._update_buttons()  # buying needs the insurer: the buttons say so while offline
        if online and not self.loaded and self.isVisible():
            self.reload()
        elif not online and not self.loaded and not self.loading:
            self.show_offline()

    def _fill_genres(self) -> None:
        current = self.genre.currentData()
        self.genre.blockSignals(True)
        self.genre.clear()
        self.genre.addItem(translate("StoreView", ALL_GENRES), None)
        for genre in self.model.genres():
            self.genre.addItem(genre, genre)
        self.genre.setCurrentIndex(max(0, self.genre.findData(current)) if current else 0)
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
        genre = self.genre.currentData()
        self.proxy.set_genre(genre if isinstance(genre, str) else None)
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
            entry = catalog_entry(self.proxy.index(row, 0))
            if entry is not None:
                out.append(entry)
        return out

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown != total:
            self.count.setText(self.tr("{shown} of {total} tracks").format(shown=shown, total=total))
        else:
            self.count.setText(count(total, self.tr("{n} track"), self.tr("{n} tracks")))

    def _library_changed(self, entries: list[LibraryEntry]) -> None:
        self.model.set_owned(owned_tracks(entries))
        self._update_buttons()
