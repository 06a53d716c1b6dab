"""The Receipts page: a bought track's receipt is listed with what was paid, shown in full, saved as a
PDF whose text says the same, printed (to a PDF printer), and saved as the signed file that another
computer of the same user imports; a receipt edited on disk is not shown as genuine."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from player.ui.session import UiSession
from player.ui.shell.window_actions import RECEIPTS
from tests.support.backend import Backend
from tests.ui.conftest import PASSWORD, MakeSession
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import WAIT, open_window

TRACK = "aurora-0006"


def text_of(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages)


def test_a_purchase_receipt_is_shown_saved_as_pdf_printed_and_imported_elsewhere(
    qtbot: QtBot,
    insured_session: UiSession,
    make_session: MakeSession,
    module_backend: Backend,
    tmp_path: Path,
) -> None:
    terminal = insured_session.terminal
    bought = terminal.purchases.buy(TRACK)
    window = open_window(qtbot, insured_session, rows=1)
    window.show_section(RECEIPTS)
    page = window.receipts
    qtbot.waitUntil(lambda: page.loaded and page.table.rowCount() == 2, timeout=WAIT)  # policy, purchase

    purchase = next(k for k in page.kept.values() if k.receipt.kind.value == "purchase")
    page.select_receipt(purchase.receipt.receipt_id)
    assert page.selected() == purchase
    paid = f"¥{bought.price + bought.premium:,}"
    shown = page.detail.toPlainText()
    for words in ("Purchase with insurance", purchase.receipt.items[0].title, paid, "Guarantee conditions"):
        assert words in shown, (words, shown)
    assert "2 receipts" in page.summary.text()
    assert page.pdf_button.isEnabled() and page.print_button.isEnabled()
    assert purchase.receipt.receipt_id in shown  # printed on the receipt: the one place for its number
    assert_words_plain()  # …and nowhere else on the page

    pdf = tmp_path / "receipt.pdf"
    page.save_pdf(pdf)
    assert "ﬀ" not in text_of(pdf) and "ﬁ" not in text_of(pdf)  # numbers copy out as they are
    assert paid in text_of(pdf) and purchase.receipt.receipt_id in text_of(pdf)
    assert page.notice.title.text() == "Receipt saved"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.print_on(printer)
    del printer
    assert paid in text_of(tmp_path / "printed.pdf")

    signed = tmp_path / "receipt.json"
    page.save_signed(signed)
    assert signed.read_bytes() == purchase.raw

    # The same user on a second computer imports it from the page.
    user = terminal.account.require_sign_in()
    name = terminal._store.setting("username") or ""
    laptop = make_session(module_backend.url, "laptop")
    laptop.terminal.account.sign_in(name, PASSWORD)
    assert laptop.terminal.account.user_id == user
    other = open_window(qtbot, laptop)
    other.show_section(RECEIPTS)
    qtbot.waitUntil(lambda: other.receipts.loaded and not laptop.tasks.busy, timeout=WAIT)
    for path in (laptop.terminal.data_dir / "receipts").glob("*.json"):
        path.unlink()  # as if it had never been fetched: only the import can bring it
    other.receipts.refresh(fetch=False)
    qtbot.waitUntil(lambda: other.receipts.table.rowCount() == 0 and not laptop.tasks.busy, timeout=WAIT)
    other.receipts.import_file(signed)
    qtbot.waitUntil(lambda: other.receipts.table.rowCount() == 1, timeout=WAIT)
    assert other.receipts.notice.title.text() == "Receipt imported"
    said = other.receipts.notice.text.text()
    assert said.startswith(f"The receipt for {purchase.receipt.items[0].title} of "), said
    assert_words_plain()
    assert other.receipts.selected() is not None
    assert other.receipts.selected().receipt.receipt_id == purchase.receipt.receipt_id  # type: ignore[union-attr]

    # Edited on disk: not shown, and the page says why.
    kept_file = next(
        p for p in (laptop.terminal.data_dir / "receipts").glob("*.json") if p.read_bytes() == purchase.raw
    )
    kept_file.write_bytes(purchase.raw.replace(b'"total_yen":', b'"total_yen":1', 1))
    other.receipts.refresh(fetch=False)
    qtbot.waitUntil(lambda: other.receipts.table.rowCount() == 0, timeout=WAIT)
    assert "failed the signature check" in other.receipts.notice.title.text()
    assert_words_plain()
