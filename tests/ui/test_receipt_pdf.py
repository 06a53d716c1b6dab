"""A receipt's PDF says, in text a reader can copy, who charged whom for what and on which terms."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pypdf
from PySide6.QtWidgets import QApplication

from player.protocol.policy import GuaranteeConditions
from player.protocol.receipt import Receipt, ReceiptItem, ReceiptKind
from player.terminal import KeptReceipt
from player.ui.kit.receipt_pdf import pdf_bytes, receipt_html

WHEN = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


def kept(title: str, conditions: GuaranteeConditions | None) -> KeptReceipt:
    receipt = Receipt(
        receipt_id="R-00ff11fi22fl3300",
        issued_at=WHEN,
        user_id="u-1",
        buyer="ffion <b>",
        kind=ReceiptKind.PURCHASE,
        items=(ReceiptItem("aurora-0001", title, 1250, 125),),
        total_yen=1375,
        conditions=None,
    )
    return KeptReceipt(receipt, "aurora", "Aurora Records", conditions, b"")


def text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_has_the_number_items_total_and_conditions_without_ligatures(qapp: QApplication) -> None:
    conditions = GuaranteeConditions(
        contract_id="P-1",
        insured_user_id="u-1",
        guarantee_start=WHEN,
        guarantee_end=datetime(2027, 12, 4, tzinfo=UTC),
        relicensing_starts=WHEN,
        relicensing_limit_per_track=3,
        relicensing_limit_total=10,
        price_difference_limit=100,
    )
    shown = text(pdf_bytes(kept("Office Coffee", conditions)))
    for words in ("R-00ff11fi22fl3300", "Office Coffee", "¥1,250", "¥125", "¥1,375", "Aurora Records"):
        assert words in shown, (words, shown)
    assert "Guarantee conditions" in shown and "4 December 2027" in shown
    assert "ffion <b>" in shown  # network text is escaped, never taken for markup


def test_a_receipt_without_insurance_says_so(qapp: QApplication) -> None:
    html = receipt_html(kept("Plain", None))
    assert "Nothing on this receipt is insured." in html and "&lt;b&gt;" in html
