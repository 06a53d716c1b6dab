"""A receipt as a page: the HTML both the window and the CLI lay out, as PDF or sent to a printer.

Qt's rich-text engine lays the page out (`QTextDocument`), so the PDF needs QtGui only, never a widget:
the CLI runs it on the offscreen platform. The PDF is made in memory; the terminal writes it atomically
(`Terminal.receipts.save_rendered`), like every other file the player writes. Every text from the network
(titles, names) is escaped before it becomes HTML.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from player import words
from player.language import translate
from player.terminal import KeptReceipt

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
table.items { border-collapse: collapse; margin-top: 8pt; }
table.items th { text-align: left; border-bottom: 1px solid gray; padding: 3pt 8pt 3pt 0; }
table.items td { padding: 3pt 8pt 3pt 0; }
tr.total td { border-top: 1px solid gray; font-weight: bold; }
p.small { color: dimgray; font-size: 8pt; }
"""


def receipt_html(kept: KeptReceipt) -> str:
    """The receipt as one self-contained HTML page: who charged whom, for what, and on which terms."""
    r = kept.receipt
    e = html.escape
    rows = "".join(_item_row(i.title, (i.price, i.premium, i.price + i.premium)) for i in r.items)
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        _tag("h1", translate("ReceiptPdf", "Receipt")),
        _tag("p", words.receipt_kind(r.kind.value)),
        "<table>",
        _row(translate("ReceiptPdf", "Receipt number"), r.receipt_id),
        _row(translate("ReceiptPdf", "Date"), words.moment(r.issued_at)),
        _row(translate("ReceiptPdf", "Issued by"), kept.signer_name),
        _row(translate("ReceiptPdf", "Issued to"), r.buyer),
        "</table>",
        "<table class='items' width='100%'><tr>",
        _tag("th", translate("ReceiptPdf", "Track"), "align='left'"),
        _tag("th", translate("ReceiptPdf", "Price"), "align='right'"),
        _tag("th", translate("ReceiptPdf", "Insurance"), "align='right'"),
        _tag("th", translate("ReceiptPdf", "Amount"), "align='right'"),
        "</tr>",
        rows,
        "<tr class='total'>",
        _tag("td", translate("ReceiptPdf", "Total")),
        f"<td></td><td></td><td align='right'>{e(words.yen(r.total_yen))}</td></tr>",
        "</table>",
    ]
    if kept.conditions is not None:
        c = kept.conditions
        parts += [
            _tag("h2", translate("ReceiptPdf", "Guarantee conditions"), "style='font-size:12pt'"),
            "<table>",
            _row(translate("ReceiptPdf", "Covered from"), words.long_day(c.guarantee_start)),
            _row(translate("ReceiptPdf", "Covered until"), words.long_day(c.guarantee_end)),
            _row(translate("ReceiptPdf", "Claims possible from"), words.long_day(c.relicensing_starts)),
            _row(translate("ReceiptPdf", "Replacements per track"), str(c.relicensing_limit_per_track)),
            _row(translate("ReceiptPdf", "Replacements in all"), str(c.relicensing_limit_total)),
            _row(
                translate("ReceiptPdf", "Largest price difference for an alternate"),
                words.yen(c.price_difference_limit),
            ),
            "</table>",
        ]
    else:
        parts.append(_tag("p", translate("ReceiptPdf", "Nothing on this receipt is insured.")))
    signed = translate(
        "ReceiptPdf",
        "Signed electronically by {signer}. Insured Player checks this signature each time it shows the "
        "receipt.",
    )
    parts += [_tag("p", signed.format(signer=kept.signer_name), "class='small'"), "</body></html>"]
    return "".join(parts)


def _tag(name: str, text: str, attributes: str = "") -> str:
    """`text`, escaped, in one element: `_tag("th", "Price", "align='right'")`."""
    opening = f"{name} {attributes}" if attributes else name
    return f"<{opening}>{html.escape(text)}</{name}>"


def _row(label: str, value: str) -> str:
    return f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"


def _item_row(title: str, amounts: tuple[int, ...]) -> str:
    cells = "".join(f"<td align='right'>{html.escape(words.yen(n))}</td>" for n in amounts)
    return f"<tr><td>{html.escape(title)}</td>{cells}</tr>"


def document(kept: KeptReceipt) -> QTextDocument:
    doc = QTextDocument()
    # No ligatures: a PDF reader copies "ff" in a receipt number as the one character U+FB00, and a
    # number pasted from the PDF would then name no receipt.
    font = QFont(doc.defaultFont())
    font.setFeature(QFont.Tag("liga"), 0)
    doc.setDefaultFont(font)
    doc.setHtml(receipt_html(kept))
    return doc


def pdf_bytes(kept: KeptReceipt) -> bytes:
    """The receipt as an A4 PDF, made in memory. Needs a QGuiApplication (the offscreen one will do)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(translate("ReceiptPdf", "Receipt {number}").format(number=kept.receipt.receipt_id))
    writer.setCreator("Insured Player")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18)
        )
    )
    writer.setResolution(300)
    print_to(kept, writer, 300)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def print_to(kept: KeptReceipt, device: QPagedPaintDevice, resolution: int) -> None:
    """Lay the receipt out on `device`'s pages (a PDF writer, or a printer the user chose) at its
    `resolution` in dots per inch."""
    doc = document(kept)
    rect = device.pageLayout().paintRectPixels(resolution)
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(device)
