"""Re-distribution history insurers share against fraud ([0040], claim 18): written, kept and consulted.

Each loss an insurer compensates (a re-issue, an alternate taken) becomes one `SharedRecord`, signed with
that insurer's key, about the person's pseudonym (never their name) and the purchase as its licensor
knows it. Records of every insurer of the exchange are kept side by side in `shared_records`; insurers
hosted by one backend see each other's at once. Before granting a loss the insurer reads them:

- the same purchase already compensated by another insurer is refused (a loss is compensated once);
- a person with `exchange_losses_limit` or more losses compensated within `exchange_window_days`, by at
  least two insurers, is refused with a reason to read: a pattern the insurers look at together.

docs/insurers.md says what the pseudonym reveals and to whom.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timedelta

from mock_backend.context import Context
from mock_backend.insurer.conditions import Refusal
from player.protocol.canonical import format_time
from player.protocol.shared_history import SharedKind, SharedRecord, sign_record

TABLE = """
CREATE TABLE IF NOT EXISTS shared_records (     -- [0040]: the history insurers exchange, as signed
    writer TEXT NOT NULL,                       -- the insurer that wrote and signed it
    record_id TEXT NOT NULL,
    pseudonym TEXT NOT NULL,
    purchase TEXT NOT NULL,                     -- "licensor/license ID" of the original purchase
    content_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    at TEXT NOT NULL,
    doc BLOB NOT NULL,                          -- the signed record, byte for byte
    PRIMARY KEY (writer, record_id)
);
CREATE INDEX IF NOT EXISTS shared_records_by_person ON shared_records(pseudonym, at);
CREATE INDEX IF NOT EXISTS shared_records_by_purchase ON shared_records(purchase);
"""
KINDS = {"reissue": SharedKind.REISSUED, "alternate": SharedKind.ALTERNATE}


def purchase_of(conn: sqlite3.Connection, item: sqlite3.Row) -> str:
    """The insured track's first purchase, as its licensor issued it: the same whoever insures it."""
    first = conn.execute(
        "SELECT license_id, provider_id FROM licenses WHERE item_id = ? ORDER BY created_at, rowid LIMIT 1",
        (item["id"],),
    ).fetchone()
    return f"{first['provider_id']}/{first['license_id']}" if first else f"item/{item['id']}"


def write(
    ctx: Context,
    conn: sqlite3.Connection,
    item: sqlite3.Row,
    kind: str,
    content_id: str,
    amount: int,
    at: datetime,
) -> None:
    """One compensated loss, signed by this insurer and kept where every insurer of the exchange reads."""
    person = conn.execute("SELECT pseudonym FROM users WHERE id = ?", (item["user_id"],)).fetchone()
    record = SharedRecord(
        record_id="SR-" + secrets.token_hex(8),
        insurer=ctx.insurer_id,
        pseudonym=person["pseudonym"],
        purchase=purchase_of(conn, item),
        content_id=content_id,
        kind=KINDS[kind],
        amount=amount,
        at=at,
    )
    conn.execute(
        "INSERT INTO shared_records(writer, record_id, pseudonym, purchase, content_id, kind, amount, at,"
        " doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.insurer,
            record.record_id,
            record.pseudonym,
            record.purchase,
            record.content_id,
            record.kind.value,
            record.amount,
            format_time(record.at),
            sign_record(record, ctx.insurer_key),
        ),
    )


def refusal(ctx: Context, conn: sqlite3.Connection, item: sqlite3.Row, now: datetime) -> Refusal | None:
    """What the shared history says against compensating this loss, if anything."""
    elsewhere = conn.execute(
        "SELECT writer, at FROM shared_records WHERE purchase = ? AND writer != ? ORDER BY at LIMIT 1",
        (purchase_of(conn, item), ctx.insurer_id),
    ).fetchone()
    if elsewhere is not None:
        name = ctx.insurer_names.get(elsewhere["writer"], elsewhere["writer"])
        return Refusal(
            "compensated_elsewhere",
            f"this purchase was already compensated by {name} on {elsewhere['at'][:10]}: a loss is"
            " compensated once",
        )
    person = conn.execute("SELECT pseudonym FROM users WHERE id = ?", (item["user_id"],)).fetchone()
    since = format_time(now - timedelta(days=ctx.settings.exchange_window_days))
    recent = conn.execute(
        "SELECT writer FROM shared_records WHERE pseudonym = ? AND at >= ?", (person["pseudonym"], since)
    ).fetchall()
    writers = {r["writer"] for r in recent}
    if len(recent) >= ctx.settings.exchange_losses_limit and len(writers) >= 2:
        return Refusal(
            "losses_across_insurers",
            f"{len(recent)} losses were compensated to you by {len(writers)} insurers in the last"
            f" {ctx.settings.exchange_window_days} days: the insurers look at such a pattern together"
            " before compensating another; contact your insurer",
        )
    return None
