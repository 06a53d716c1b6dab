"""Buying from the store: the selected row, the confirmation with price and premium, the purchase and
its download on the worker with progress, and what a failure means for the next step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QProgressBar, QPushButton, QTableView, QWidget

from player.errors import BackendRefusedError, PlayerError, UsageError
from player.language import translate
from player.terminal import BuyAt, LibraryEntry, LibraryState, Progress
from player.ui.kit.guard import while_alive
from player.ui.kit.notice import Notice, Tone
from player.ui.session import ConnectionState, UiSession
from player.ui.store.model import CatalogFilter, CatalogModel, catalog_entry
from player.words import yen

if TYPE_CHECKING:
    from player.terminal import CatalogEntry, DirectLicense, Purchase


def owned_content_ids(entries: list[LibraryEntry]) -> set[str]:
    """Content the user holds a license for that the list has not invalidated (a replaced original is
    no longer owned: its alternate is)."""
    return {e.row.content_id for e in entries if e.state is not LibraryState.INVALID}


def _where_words(entry: CatalogEntry) -> str:
    """Where the sale happens, when it is not simply through the insurer."""
    if "front_end" in entry.configurations:
        return ""
    said = translate(
        "StoreBuying", "Sold at the checkout of {provider}, which asks your insurer to insure it."
    )
    return "\n\n" + said.format(provider=entry.provider_name)


class BuyingView(QWidget):
    """The store page's buying, apart from how the page is built and filled (`view.py`)."""

    bought = Signal(str)
    insurance_needed = Signal()

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

    # --- buying ----------------------------------------------------------------------------------

    def selected_entry(self) -> CatalogEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return catalog_entry(rows[0])

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
        entry = self.selected_entry()
        can_buy = False
        if self.buying is not None:
            self.buy_button.setText(self.tr("Buying…"))
        elif entry is not None and self.model.is_owned(entry.content_id):
            self.buy_button.setText(self.tr("Owned"))
        elif entry is not None and not entry.available:
            self.buy_button.setText(self.tr("Not sold now"))
        else:
            can_buy = entry is not None
            self.buy_button.setText(self.tr("Buy insured…"))
        offline = self.session.connection in (ConnectionState.OFFLINE, ConnectionState.WORKING_OFFLINE)
        tip = (
            self.tr("Buying needs a connection to the insurer: Retry, or wait until it answers.")
            if offline
            else ""
        )
        for button in (self.buy_button, self.buy_plain_button):
            button.setEnabled(can_buy and not offline)
            button.setToolTip(tip)

    def _double_clicked(self, index: QModelIndex) -> None:
        entry = catalog_entry(index)
        if entry is not None:
            self.ask_to_buy(entry)

    def buy_selected(self, *, insured: bool = True) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.ask_to_buy(entry, insured=insured)

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
        box = QMessageBox(self)
        box.setObjectName("buyConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        at_checkout: QCheckBox | None = None
        if insured:
            box.setWindowTitle(self.tr("Buy insured"))
            box.setText(
                self.tr("Buy “{title}” by {artist}, insured?").format(title=entry.title, artist=entry.artist)
            )
            terms = self.tr(
                "Price: {price} ({provider})\nInsurance premium: {premium}\nTogether: {together}\n\n"
                "If the track or its license is lost, the insurer re-distributes it under your policy."
            ).format(
                price=yen(entry.price),
                provider=entry.provider_name,
                premium=yen(entry.premium),
                together=yen(entry.price + entry.premium),
            )
            box.setInformativeText(terms + _where_words(entry))
            if {"front_end", "back_end"} <= set(entry.configurations):
                at_checkout = QCheckBox(
                    self.tr("Pay at the checkout of {provider}").format(provider=entry.provider_name)
                )
                at_checkout.setObjectName("atCheckout")
                at_checkout.setToolTip(
                    self.tr(
                        "{provider} sells it and asks your insurer to insure it: the same cover, "
                        "with the receipt from {provider}"
                    ).format(provider=entry.provider_name)
                )
                box.setCheckBox(at_checkout)
        else:
            box.setWindowTitle(self.tr("Buy without insurance"))
            box.setText(
                self.tr("Buy “{title}” by {artist} from {provider}, without insurance?").format(
                    title=entry.title, artist=entry.artist, provider=entry.provider_name
                )
            )
            box.setInformativeText(
                self.tr(
                    "Price: {price}, no premium.\n\n"
                    "If the track or its license is lost, nothing re-distributes it. You can insure it later "
                    "from your library (premium now {premium})."
                ).format(price=yen(entry.price), premium=yen(entry.premium))
            )
        confirm = box.addButton(box.windowTitle(), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(confirm)
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
        self.progress.setFormat(self.tr("Buying “{title}”…").format(title=entry.title))
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
            while_alive(self, lambda error: self._buy_failed(entry, error)),
            while_alive(self, self._progressed),
        )

    def _progressed(self, done: int, total: int) -> None:
        if self.buying is None or total <= 0:
            return
        percent = min(100, done * 100 // total)
        self.progress.setFormat(self.tr("Downloading “{title}” — %p%").format(title=self.buying.title))
        self.progress.setValue(percent)
        self.model.set_downloading(self.buying.content_id, percent)

    def _bought(self, entry: CatalogEntry, purchase: Purchase | DirectLicense) -> None:
        from player.terminal import Purchase

        self.buying = None
        self.progress.setValue(100)
        self.progress.setFormat(self.tr("Done: “{title}” is in your library").format(title=entry.title))
        self.model.set_downloading(entry.content_id, None)
        self.model.set_owned({*owned_content_ids(self.session.library), entry.content_id})
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
            self.notice.show_error(error, action=self.tr("Retry"), on_action=lambda: self.ask_to_buy(entry))
        self._update_buttons()

    def _hide_progress(self) -> None:
        if self.buying is None:
            self.progress.hide()
