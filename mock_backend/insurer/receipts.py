"""Electronic receipts (claim 30, [0006], [0037]): one signed receipt per charge, kept for the user.

`issue` is the one call a charge makes: it prices the items, embeds the guarantee conditions as their own
document signed by the insurer (when something is insured), signs the receipt with the key of the party
that charged (the insurer, or the provider that sold without insurance) and stores it exactly as sent.
"""

from __future__ import annotations

import secrets
import sqlite3

from mock_backend import clock
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import policies
from player.protocol import api
from player.protocol.canonical import b64e, format_time
from player.protocol.receipt import Receipt, ReceiptItem, ReceiptKind, sign_conditions, sign_receipt

INSURER = "insurer"


def item(conn: sqlite3.Connection, content_id: str, *, price: int, premium: int = 0) -> ReceiptItem:
    row = conn.execute("SELECT title FROM contents WHERE id = ?", (content_id,)).fetchone()
    return ReceiptItem(content_id, row["title"] if row else content_id, price, premium)


def issue(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    kind: ReceiptKind,
    items: list[ReceiptItem],
    *,
    policy: sqlite3.Row | None = None,
    signer: str = INSURER,
) -> str:
    """Sign and keep a receipt; its ID. `policy`: whose guarantee conditions it carries (None: none)."""
    user = conn.execute("SELECT username FROM users WHERE id = ?", (user_id,)).fetchone()
    conditions = None if policy is None else sign_conditions(policies.guarantee(policy), ctx.insurer_key)
    receipt = Receipt(
        receipt_id="R-" + secrets.token_hex(8),
        issued_at=clock.now(conn),
        user_id=user_id,
        buyer=user["username"],
        kind=kind,
        items=tuple(items),
        total_yen=sum(i.price + i.premium for i in items),
        conditions=conditions,
    )
    key = ctx.insurer_key if signer == INSURER else ctx.licensor_keys[signer]
    conn.execute(
        "INSERT INTO receipts(id, user_id, kind, signer, document, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            receipt.receipt_id,
            user_id,
            kind.value,
            signer,
            sign_receipt(receipt, key),
            format_time(receipt.issued_at),
        ),
    )
    return receipt.receipt_id


def _doc(row: sqlite3.Row) -> api.ReceiptDoc:
    return api.ReceiptDoc(
        receipt_id=row["id"], kind=row["kind"], signer=row["signer"], receipt=b64e(bytes(row["document"]))
    )


def listed(conn: sqlite3.Connection, user_id: str) -> list[api.ReceiptDoc]:
    rows = conn.execute("SELECT * FROM receipts WHERE user_id = ? ORDER BY rowid", (user_id,)).fetchall()
    return [_doc(r) for r in rows]


def one(conn: sqlite3.Connection, user_id: str, receipt_id: str) -> api.ReceiptDoc:
    row = conn.execute(
        "SELECT * FROM receipts WHERE id = ? AND user_id = ?", (receipt_id, user_id)
    ).fetchone()
    if row is None:
        raise ApiError(404, "unknown_receipt", f"you have no receipt {receipt_id!r}")
    return _doc(row)
