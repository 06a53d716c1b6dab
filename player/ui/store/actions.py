"""What the store offers for its rows beside buying: a short preview before buying (P, as in the
alternates dialog) and the rows' context menu (preview, buy one or several, buy a whole album, insure a
track held without insurance).

The preview plays the provider's clip through its own player, so the track the user was hearing only
pauses; leaving the store page stops the clip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QToolButton

from player.ui.playing.preview import PreviewButton, Previewer

if TYPE_CHECKING:
    from player.terminal import CatalogEntry
    from player.ui.store.view import StoreView


class StoreActions(QObject):
    def __init__(self, view: StoreView) -> None:
        super().__init__(view)
        self.view = view
        # an icon (play/stop) with its words as tooltip and accessible text: the bar above the catalog
        # holds two buy buttons already, and must fit an 800-pixel screen
        self.preview_button = QToolButton()
        self.preview_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.preview_button.setAutoRaise(False)
        self.preview_button.setObjectName("storePreviewButton")
        self.preview_button.setAccessibleName(self.tr("Preview the selected track"))
        self.previewer = Previewer(view.session, self)
        self.preview = PreviewButton(self.preview_button, self.previewer, self._preview_key, view)
        self.previewer.failed.connect(lambda words: view.notice.show_message(words))
        selection = view.table.selectionModel()
        selection.currentChanged.connect(lambda *_: self.preview.update())
        selection.selectionChanged.connect(lambda *_: self.preview.update())
        view.proxy.modelReset.connect(self.preview.update)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._context_menu)
        view.installEventFilter(self)

    def _preview_key(self) -> tuple[str, str, str] | None:
        entry = self.view.selected_entry()
        return None if entry is None else (entry.content_id, entry.provider, entry.content_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Hide:
            self.previewer.stop()  # another page shown: the clip stops, what was playing resumes
        return super().eventFilter(watched, event)

    def _context_menu(self, point: QPoint) -> None:
        view = self.view
        chosen = view.selected_entries()
        to_buy = view.buyable(chosen)
        menu = QMenu(view)
        menu.setObjectName("storeMenu")
        key = self._preview_key()
        stops = key is not None and key[0] == self.previewer.playing
        preview = menu.addAction(self.tr("Stop Preview") if stops else self.tr("Preview"))
        preview.setEnabled(key is not None)
        preview.triggered.connect(self.preview.toggle)
        menu.addSeparator()
        several = len(to_buy) > 1
        buy = menu.addAction(
            self.tr("Buy {n} Tracks Insured…").format(n=len(to_buy)) if several else self.tr("Buy Insured…")
        )
        plain = menu.addAction(
            self.tr("Buy {n} Tracks without Insurance…").format(n=len(to_buy))
            if several
            else self.tr("Buy without Insurance…")
        )
        free = view.free_to_buy()
        for action, insured in ((buy, True), (plain, False)):
            action.setEnabled(bool(to_buy) and free)
            action.triggered.connect(lambda _=False, i=insured: view.ask_to_buy_several(to_buy, insured=i))
        current = view.selected_entry()
        album = self.album_of(current) if current is not None and current.album else []
        whole = menu.addAction(self.tr("Buy the Whole Album Insured…"))
        whole.setEnabled(bool(view.buyable(album)) and free)
        whole.triggered.connect(lambda: view.ask_to_buy_several(album))
        held = [e for e in chosen if view.model.owned_uninsured(e.content_id)]
        insure = menu.addAction(self.tr("Insure…"))
        insure.setEnabled(bool(held))
        insure.triggered.connect(lambda: view.insure_held(held))
        menu.popup(view.table.viewport().mapToGlobal(point))
        self.menu = menu  # for tests: the menu last shown

    def album_of(self, entry: CatalogEntry) -> list[CatalogEntry]:
        """Every track of `entry`'s album at its provider, in album order (compilations included: the
        album, not the artist, makes it), whatever the filter shows."""
        tracks = [
            e for e in self.view.model.entries if e.album == entry.album and e.provider == entry.provider
        ]
        return sorted(tracks, key=lambda e: (e.track_number or 1_000, e.title.casefold()))
