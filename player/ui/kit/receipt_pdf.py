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
        f"<h1>Receipt</h1><p>{e(words.RECEIPT_KINDS.get(r.kind.value, r.kind.value))}</p>",
        "<table>",
        f"<tr><td>Receipt number</td><td>{e(r.receipt_id)}</td></tr>",
        f"<tr><td>Date</td><td>{e(words.moment(r.issued_at))}</td></tr>",
        f"<tr><td>Issued by</td><td>{e(kept.signer_name)}</td></tr>",
        f"<tr><td>Issued to</td><td>{e(r.buyer)}</td></tr>",
        "</table>",
        "<table class='items' width='100%'><tr><th align='left'>Track</th><th align='right'>Price</th>"
        "<th align='right'>Insurance</th><th align='right'>Amount</th></tr>",
        rows,
        "<tr class='total'><td>Total</td><td></td><td></td>"
        f"<td align='right'>{e(words.yen(r.total_yen))}</td></tr>",
        "</table>",
    ]
    if kept.conditions is not None:
        c = kept.conditions
        parts += [
            "<h2 style='font-size:12pt'>Guarantee conditions</h2><table>",
            f"<tr><td>Covered from</td><td>{e(words.long_day(c.guarantee_start))}</td></tr>",
            f"<tr><td>Covered until</td><td>{e(words.long_day(c.guarantee_end))}</td></tr>",
            f"<tr><td>Claims possible from</td><td>{e(words.long_day(c.relicensing_starts))}</td></tr>",
            f"<tr><td>Replacements per track</td><td>{c.relicensing_limit_per_track}</td></tr>",
            f"<tr><td>Replacements in all</td><td>{c.relicensing_limit_total}</td></tr>",
            "<tr><td>Largest price difference for an alternate</td>"
            f"<td>{e(words.yen(c.price_difference_limit))}</td></tr>",
            "</table>",
        ]
    else:
        parts.append("<p>Nothing on this receipt is insured.</p>")
    parts += [
        f"<p class='small'>Signed electronically by {e(kept.signer_name)}. "
        "Insured Player checks this signature each time it shows the receipt.</p>",
        "</body></html>",
    ]
    return "".join(parts)


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
    writer.setTitle(f"Receipt {kept.receipt.receipt_id}")
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
