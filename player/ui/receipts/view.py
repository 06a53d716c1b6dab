"""The Receipts page: every charge, as the insurer or the provider signed it, to read, save as PDF or print.

The list comes from the core (`Terminal.receipts`) on the worker: the receipts kept on this computer,
each verified again, plus any new ones the insurer holds when it answers. A receipt that fails its check
is not shown as genuine: the page says how many could not be trusted. Receipts of every kind are here,
with or without insurance, so the page stands beside Library, Store and Insurance rather than under the
Insurance page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.errors import PlayerError, UsageError
from player.language import translate
from player.terminal import KeptReceipt
from player.ui.kit import ADVANCED
from player.ui.kit.guard import while_alive
from player.ui.kit.messages import plain
from player.ui.kit.notice import Notice, Tone
from player.ui.kit.tables import Cell, fill, make_table, page_heading
from player.ui.receipts.listing import COLUMNS, ReceiptsSnapshot, gather, listed, named, titles_in_short
from player.ui.session import UiSession

ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ReceiptsView(QWidget):
    """`refreshed` fires after each list is shown."""

    refreshed = Signal()

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("receiptsView")
        self.kept: dict[str, KeptReceipt] = {}
        self.loading = False
        self.loaded = False
        self._again = False
        self._imported: KeptReceipt | None = None  # to select and announce once the list is shown again

        heading = page_heading(self.tr("Receipts"))
        self.summary = QLabel()
        self.summary.setObjectName("receiptsSummary")
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setAccessibleName(self.tr("Import a receipt from a file"))
        self.import_button.setToolTip(
            self.tr("Keep a receipt saved on another computer, once its signature checks out")
        )
        self.import_button.clicked.connect(self._ask_import)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the receipts"))
        self.refresh_button.clicked.connect(lambda: self.refresh(fetch=True))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.refresh_button)
        self.notice = Notice(self)

        self.table = make_table(
            [translate("ReceiptsPage", c) for c in COLUMNS], "receiptsTable", self.tr("Receipts"), stretch=2
        )
        self.table.sortItems(0, Qt.SortOrder.DescendingOrder)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = QTextBrowser()
        self.detail.setObjectName("receiptDetail")
        self.detail.setAccessibleName(self.tr("The selected receipt"))
        self.detail.setOpenLinks(False)
        # The receipt as issued, opened by choosing it: its number is printed on it, as on the PDF, for
        # quoting to the insurer. The one place on this page an ID belongs.
        self.detail.setProperty(ADVANCED, True)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("receiptPdfButton")
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("receiptPrintButton")
        self.print_button.clicked.connect(self._ask_print)
        self.save_button = QPushButton(self.tr("Save Signed Receipt…"))
        self.save_button.setToolTip(self.tr("The receipt as signed, for another computer or your records"))
        self.save_button.clicked.connect(self._ask_save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.save_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.notice)  # below: a message never pushes the receipts down
        self._selection_changed()
        session.synced.connect(self._synced)  # sync fetched the new receipts already

    def _synced(self, _trusted: object) -> None:
        if self.loaded:
            self.refresh(fetch=False)

    # --- refreshing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded and not self.loading:
            self.refresh(fetch=True)

    def refresh(self, *, fetch: bool = True) -> None:
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.refresh_button.setEnabled(False)
        terminal = self.session.terminal
        self.session.call(
            lambda _: gather(terminal, fetch), while_alive(self, self._show), while_alive(self, self._failed)
        )

    def _done(self) -> None:
        self.loading = False
        self.loaded = True
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh(fetch=False)

    def _failed(self, error: PlayerError) -> None:
        self._done()
        self.kept = {}
        fill(self.table, [])
        self._selection_changed()
        if isinstance(error, UsageError):
            self.summary.setText("")
            self.notice.show_message(
                self.tr("Sign in to see your receipts"),
                self.tr("Every purchase, policy and replacement leaves one."),
            )
        else:
            self.notice.show_error(error, action=self.tr("Retry"), on_action=self.refresh)
        self.refreshed.emit()

    def _show(self, snap: ReceiptsSnapshot) -> None:
        selected = self.selected()
        self.kept = {k.receipt.receipt_id: k for k in snap.kept}
        fill(self.table, [self._row(k) for k in snap.kept])
        paid = sum(k.receipt.total_yen for k in snap.kept)
        summary = words.count(
            len(snap.kept),
            self.tr("{n} receipt · {paid} paid in all"),
            self.tr("{n} receipts · {paid} paid in all"),
            paid=words.yen(paid),
        )
        self.summary.setText(summary if snap.kept else "")
        imported, self._imported = self._imported, None
        chosen = imported or selected
        self._select(chosen.receipt.receipt_id if chosen else None)
        self._show_notice(snap)
        if imported is not None and not snap.refused:
            self.notice.show_message(
                self.tr("Receipt imported"),
                self.tr("{receipt}, signed by {signer}, is kept here.").format(
                    receipt=named(imported), signer=imported.signer_name
                ),
            )
        self._done()
        self.refreshed.emit()

    def _show_notice(self, snap: ReceiptsSnapshot) -> None:
        if snap.refused:
            first = plain(str(next(iter(snap.refused.values()))))
            self.notice.show_message(
                words.count(
                    len(snap.refused),
                    self.tr("{n} receipt kept here failed the signature check"),
                    self.tr("{n} receipts kept here failed the signature check"),
                ),
                self.tr(
                    "It is not shown: it was changed after it was issued, or it is not yours ({why}). "
                    "Refresh to fetch your receipts from the insurer again."
                ).format(why=first),
                tone=Tone.WARNING,
            )
        elif snap.offline:
            self.notice.show_message(
                self.tr("Offline: showing the receipts kept on this computer"),
                self.tr("New receipts arrive with the next sync."),
                tone=Tone.INFO,
            )
        elif not snap.kept:
            self.notice.show_message(
                self.tr("No receipts yet"),
                self.tr("Every purchase, policy and replacement leaves a signed receipt here."),
            )
        else:
            self.notice.clear()

    @staticmethod
    def _row(kept: KeptReceipt) -> list[Cell]:
        r = kept.receipt
        kind = words.receipt_kind(r.kind.value)
        titles = listed([i.title for i in r.items])
        cells = [
            Cell(words.moment(r.issued_at), words.stamp(r.issued_at)),
            Cell(kind, tooltip=titles),
            Cell(titles_in_short([i.title for i in r.items]), len(r.items), tooltip=titles),
            Cell(words.yen(r.total_yen), r.total_yen, number=True),
            Cell(kept.signer_name),
        ]
        cells[0].setData(ID_ROLE, r.receipt_id)
        return cells

    # --- the selected receipt --------------------------------------------------------------------

    def selected(self) -> KeptReceipt | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else self.kept.get(str(item.data(ID_ROLE)))

    def _select(self, receipt_id: str | None) -> None:
        """Keep the receipt that was selected, else select the newest."""
        target = 0
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID_ROLE) == receipt_id:
                target = row
        if self.table.rowCount():
            self.table.selectRow(target)
        self._selection_changed()

    def select_receipt(self, receipt_id: str) -> None:
        self._select(receipt_id)

    def _selection_changed(self) -> None:
        kept = self.selected()
        for b in (self.pdf_button, self.print_button, self.save_button):
            b.setEnabled(kept is not None)
        if kept is None:
            self.detail.setPlainText("")
            return
        from player.ui.kit.receipt_pdf import receipt_html  # QPdfWriter and its kin: not at start

        self.detail.setHtml(receipt_html(kept))

    # --- saving, printing, importing -------------------------------------------------------------

    def _default_path(self, suffix: str) -> str:
        kept = self.selected()
        name = f"receipt-{kept.receipt.receipt_id if kept else 'insured-player'}{suffix}"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name)

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Receipt as PDF"), self._default_path(".pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        kept = self.selected()
        if kept is None:
            return
        try:
            from player.ui.kit.receipt_pdf import pdf_bytes  # QPdfWriter and its kin: not at start

            self.session.terminal.receipts.save_rendered(path, pdf_bytes(kept))
        except PlayerError as e:
            self.notice.show_error(e)
            return
        self.notice.show_message(self.tr("Receipt saved"), self.tr("Saved as {path}.").format(path=path))

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Signed Receipt"),
            self._default_path(".json"),
            self.tr("Signed receipt (*.json)"),
        )
        if path:
            self.save_signed(Path(path))

    def save_signed(self, path: Path) -> None:
        kept = self.selected()
        if kept is None:
            return
        try:
            self.session.terminal.receipts.save_signed(kept, path)
        except PlayerError as e:
            self.notice.show_error(e)
            return
        self.notice.show_message(
            self.tr("Signed receipt saved"),
            self.tr("Saved as {path}; Import… reads it on another computer.").format(path=path),
        )

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print Receipt"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_on(printer)

    def print_on(self, printer: QPrinter) -> None:
        kept = self.selected()
        if kept is not None:
            from player.ui.kit.receipt_pdf import print_to  # QPdfWriter and its kin: not at start

            print_to(kept, printer, printer.resolution())

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a Receipt"),
            self._default_path(".json"),
            self.tr("Signed receipt (*.json);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        terminal = self.session.terminal

        def done(kept: KeptReceipt) -> None:
            self._imported = kept
            self.refresh(fetch=False)

        self.session.call(
            lambda _: terminal.receipts.import_file(path),
            while_alive(self, done),
            while_alive(self, lambda e: self.notice.show_error(e)),
        )
