"""Buying from the store: the selected row, the confirmation with price and premium, the purchase and
its download on the worker with progress, and what a failure means for the next step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QTableView, QWidget

from player.errors import BackendRefusedError, PlayerError, UsageError
from player.terminal import BuyAt, LibraryEntry, LibraryState, Progress
from player.ui.kit.guard import while_alive
from player.ui.kit.notice import Notice, Tone
from player.ui.session import ConnectionState, UiSession
from player.ui.store.confirming import one_confirmation, several_bought_words, several_confirmation
from player.ui.store.model import CatalogFilter, CatalogModel, catalog_entry, not_sold
from player.words import yen

if TYPE_CHECKING:
    from player.terminal import CatalogEntry, DirectLicense, Purchase


def owned_tracks(entries: list[LibraryEntry]) -> dict[str, bool]:
    """Content the user holds a license for that the list has not invalidated (a replaced original is
    no longer owned: its alternate is), and whether a policy covers it."""
    owned: dict[str, bool] = {}
    for e in entries:
        if e.state is not LibraryState.INVALID and e.own is None:
            owned[e.row.content_id] = owned.get(e.row.content_id, False) or e.insured
    return owned


def uninsured_entries(entries: list[LibraryEntry], content_ids: set[str]) -> list[LibraryEntry]:
    """The library's entries of these tracks that were bought without insurance and still play."""
    return [
        e
        for e in entries
        if e.bought_uninsured and e.state is not LibraryState.INVALID and e.row.content_id in content_ids
    ]


class BuyingView(QWidget):
    """The store page's buying, apart from how the page is built and filled (`view.py`)."""

    bought = Signal(str)
    insurance_needed = Signal()
    insure_requested = Signal(object)  # list[LibraryEntry]: held without insurance, to insure

    session: UiSession
    model: CatalogModel
    proxy: CatalogFilter
    table: QTableView
    notice: Notice
    progress: QProgressBar
    buy_button: QPushButton
    buy_plain_button: QPushButton
    buying: CatalogEntry | None
    confirmation: QMessageBox | None
    # the rest of a confirmed purchase of several tracks, bought one after another
    _to_buy: list[tuple[CatalogEntry, bool, BuyAt | None]]
    _bought_now: list[CatalogEntry]

    # --- buying ----------------------------------------------------------------------------------

    def selected_entry(self) -> CatalogEntry | None:
        """The row with the focus among those selected (the one a single-track action is for)."""
        current = catalog_entry(self.table.currentIndex())
        chosen = self.selected_entries()
        if current is not None and any(e.content_id == current.content_id for e in chosen):
            return current
        return chosen[0] if chosen else None

    def selected_entries(self) -> list[CatalogEntry]:
        """The selected rows, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [e for e in (catalog_entry(i) for i in rows) if e is not None]

    def buyable(self, entries: list[CatalogEntry]) -> list[CatalogEntry]:
        """Of these, the tracks on sale that the library does not hold."""
        return [e for e in entries if e.available and not self.model.is_owned(e.content_id)]

    def select(self, content_id: str) -> bool:
        """Select a track's row (for the keyboard, the main window and tests); False if not shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entry = catalog_entry(index)
            if entry is not None and entry.content_id == content_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self, *_: Any) -> None:
        chosen = self.selected_entries()
        to_buy = self.buyable(chosen)
        can_buy = bool(to_buy)
        if self.buying is not None:
            self.buy_button.setText(self.tr("Buying…"))
            can_buy = False
        elif len(to_buy) > 1:
            self.buy_button.setText(self.tr("Buy {n} insured…").format(n=len(to_buy)))
        elif to_buy or not chosen:
            self.buy_button.setText(self.tr("Buy insured…"))
        elif all(self.model.owned_uninsured(e.content_id) for e in chosen):
            self.buy_button.setText(self.tr("Insure…"))
            can_buy = True
        elif all(self.model.is_owned(e.content_id) for e in chosen):
            self.buy_button.setText(self.tr("Owned"))
        else:  # the first that is neither held nor on sale says why
            self.buy_button.setText(
                not_sold(next(e for e in chosen if not self.model.is_owned(e.content_id)))
            )
        offline = not self.online()
        tip = (
            self.tr("Buying needs a connection to the insurer: Retry, or wait until it answers.")
            if offline
            else ""
        )
        self.buy_button.setEnabled(can_buy and not offline)
        self.buy_plain_button.setEnabled(bool(to_buy) and self.buying is None and not offline)
        for button in (self.buy_button, self.buy_plain_button):
            button.setToolTip(tip)

    def online(self) -> bool:
        return self.session.connection not in (ConnectionState.OFFLINE, ConnectionState.WORKING_OFFLINE)

    def free_to_buy(self) -> bool:
        """Connected, and no purchase or confirmation under way."""
        return self.online() and self.buying is None and self.confirmation is None

    def _double_clicked(self, index: QModelIndex) -> None:
        entry = catalog_entry(index)
        if entry is not None and self.model.owned_uninsured(entry.content_id):
            self.insure_held([entry])
        elif entry is not None:
            self.ask_to_buy(entry)

    def buy_selected(self, *, insured: bool = True) -> None:
        """The selected tracks: one is asked about as before, several in one confirmation; held without
        insurance (and nothing to buy), the button insures them instead."""
        chosen = self.selected_entries()
        to_buy = self.buyable(chosen)
        if len(to_buy) > 1:
            self.ask_to_buy_several(to_buy, insured=insured)
        elif to_buy:
            self.ask_to_buy(to_buy[0], insured=insured)
        elif insured and chosen and all(self.model.owned_uninsured(e.content_id) for e in chosen):
            self.insure_held(chosen)
        elif chosen:
            self.ask_to_buy(chosen[0], insured=insured)  # says why it cannot be bought

    def insure_held(self, entries: list[CatalogEntry]) -> None:
        """Tracks held without insurance: the window's Insure dialog, as from the library."""
        held = uninsured_entries(self.session.library, {e.content_id for e in entries})
        if held:
            self.insure_requested.emit(held)

    def ask_to_buy(self, entry: CatalogEntry, *, insured: bool = True) -> None:
        """The confirmation with price and premium; window-modal, never blocking the event loop."""
        if self.buying is not None or self.confirmation is not None:
            return
        if self.model.is_owned(entry.content_id):
            self.notice.show_message(
                self.tr("“{title}” is already in your library").format(title=entry.title),
                self.tr(
                    "An insured track is bought once; if it is lost, report the loss and it is re-issued."
                ),
            )
            return
        if not entry.available:
            self.notice.show_message(
                self.tr("“{title}” is not sold at the moment").format(title=entry.title),
                self.tr("{provider} does not offer it now.").format(provider=entry.provider_name),
            )
            return
        box, confirm, at_checkout = one_confirmation(self, entry, insured=insured)
        self.confirmation = box

        def finished(_: int) -> None:
            self.confirmation = None
            chosen = box.clickedButton() is confirm
            at: BuyAt | None = "provider" if at_checkout is not None and at_checkout.isChecked() else None
            box.deleteLater()
            if chosen:
                self.buy(entry, insured=insured, at=at)

        box.finished.connect(finished)
        box.open()

    def buy(self, entry: CatalogEntry, *, insured: bool = True, at: BuyAt | None = None) -> None:
        """Buy without asking (the confirmation calls this): FIG.13 (or, uninsured, FIG.15 (1)-(2)) on the
        worker, progress here. `at`: "provider" for the provider's own checkout (FIG.11), else where the
        provider sells."""
        if self.buying is not None:
            return
        self.buying = entry
        self.notice.clear()
        self.progress.setValue(0)
        self.progress.setFormat(self._buying_words(entry))
        self.progress.show()
        self.model.set_downloading(entry.content_id, 0)
        self._update_buttons()
        terminal = self.session.terminal
        content_id = entry.content_id

        def buying(progress: Progress) -> Purchase | DirectLicense:
            if insured:
                return terminal.purchases.buy(content_id, progress, at=at)
            return terminal.insure_later.buy(content_id, progress)

        self.session.call(
            buying,
            while_alive(self, lambda result: self._bought(entry, result)),
            while_alive(self, lambda error: self._buy_failed(entry, error, insured)),
            while_alive(self, self._progressed),
        )

    def _progressed(self, done: int, total: int) -> None:
        if self.buying is None or total <= 0:
            return
        percent = min(100, done * 100 // total)
        self.progress.setFormat(self._buying_words(self.buying, downloading=True))
        self.progress.setValue(percent)
        self.model.set_downloading(self.buying.content_id, percent)

    def _bought(self, entry: CatalogEntry, purchase: Purchase | DirectLicense) -> None:
        from player.terminal import Purchase

        self.buying = None
        self.progress.setValue(100)
        self.progress.setFormat(self.tr("Done: “{title}” is in your library").format(title=entry.title))
        self.model.set_downloading(entry.content_id, None)
        self._hold(entry, insured=isinstance(purchase, Purchase))
        self._update_buttons()
        if isinstance(purchase, Purchase):
            paid = (
                self.tr(
                    "Paid {price} and a premium of {premium}. It is in your library and plays from there."
                )
                if purchase.sold_by == "insurer"
                else self.tr(
                    "Paid {price} and a premium of {premium} at the checkout of {provider}. It is in your "
                    "library and plays from there."
                )
            )
            self.notice.show_message(
                self.tr("“{title}” is yours, insured").format(title=entry.title),
                paid.format(
                    price=yen(purchase.price), premium=yen(purchase.premium), provider=entry.provider_name
                ),
            )
        else:
            self.notice.show_message(
                self.tr("“{title}” is yours, not insured").format(title=entry.title),
                self.tr(
                    "Paid {price} to {provider}. It is in your library and plays from there; insure it later "
                    "from the library (Insure…)."
                ).format(price=yen(purchase.price), provider=entry.provider_name),
            )
        self._bought_now.append(entry)
        self.bought.emit(entry.content_id)
        if self._buy_next():
            return
        if len(self._bought_now) > 1:
            self._say_several_bought(self._bought_now, isinstance(purchase, Purchase))
        self._bought_now = []
        QTimer.singleShot(4000, self, self._hide_progress)
        self.session.sync()  # the new license list, the library, and the Insurance page follow

    def _buy_failed(self, entry: CatalogEntry, error: PlayerError, insured: bool = True) -> None:
        self.buying = None
        left = [entry] + [e for e, _, _ in self._to_buy]  # a failure stops the rest: Retry asks again
        if self._bought_now:
            self.session.sync()  # those bought before it are in the library all the same
        self._to_buy, self._bought_now = [], []
        self.model.set_downloading(entry.content_id, None)
        self._hide_progress()
        if isinstance(error, BackendRefusedError) and error.code == "already_owned":
            self._hold(entry, insured=True)
        if isinstance(error, UsageError):
            self.notice.show_message(
                self.tr("Take out insurance first"),
                self.tr(
                    "Buying insured needs an account and an insurance policy. "
                    "Sign in and accept the terms, then buy again."
                ),
                tone=Tone.WARNING,
                action=self.tr("Get insured…"),
                on_action=self.insurance_needed.emit,
            )
        else:
            retry = (
                (lambda: self.ask_to_buy_several(left, insured=insured))
                if len(left) > 1
                else (lambda: self.ask_to_buy(entry, insured=insured))
            )
            self.notice.show_error(error, action=self.tr("Retry"), on_action=retry)
        self._update_buttons()

    def _hide_progress(self) -> None:
        if self.buying is None:
            self.progress.hide()

    def _hold(self, entry: CatalogEntry, *, insured: bool) -> None:
        """The row turns owned at once, before the sync brings the library."""
        self.model.hold(entry.content_id, insured=insured)

    # --- several tracks at once --------------------------------------------------------------------

    def ask_to_buy_several(self, entries: list[CatalogEntry], *, insured: bool = True) -> None:
        """One confirmation for all the tracks selected (an album, say), then bought one after another."""
        if self.buying is not None or self.confirmation is not None:
            return
        entries = self.buyable(entries)
        if len(entries) < 2:
            if entries:
                self.ask_to_buy(entries[0], insured=insured)
            return
        box, confirm = several_confirmation(self, entries, insured=insured)
        self.confirmation = box

        def finished(_: int) -> None:
            self.confirmation = None
            chosen = box.clickedButton() is confirm
            box.deleteLater()
            if chosen:
                self._to_buy = [(e, insured, None) for e in entries[1:]]
                self._bought_now = []
                self.buy(entries[0], insured=insured)

        box.finished.connect(finished)
        box.open()

    def _buy_next(self) -> bool:
        """The next track of a confirmed batch, if any is left that is still to be bought."""
        while self._to_buy:
            entry, insured, at = self._to_buy.pop(0)
            if self.model.can_buy(entry):
                self.buy(entry, insured=insured, at=at)
                return True
        return False

    def _buying_words(self, entry: CatalogEntry, *, downloading: bool = False) -> str:
        """What the progress bar says: the track, and in a batch how far along it is."""
        if self._to_buy or self._bought_now:
            n, total = len(self._bought_now) + 1, len(self._bought_now) + 1 + len(self._to_buy)
            said = (
                self.tr("Downloading “{title}” ({n} of {total}) — %p%")
                if downloading
                else self.tr("Buying “{title}” ({n} of {total})…")
            )
            return said.format(title=entry.title, n=n, total=total)
        said = self.tr("Downloading “{title}” — %p%") if downloading else self.tr("Buying “{title}”…")
        return said.format(title=entry.title)

    def _say_several_bought(self, entries: list[CatalogEntry], insured: bool) -> None:
        title, text = several_bought_words(entries, insured=insured)
        self.progress.setFormat(title)
        self.notice.show_message(title, text)
