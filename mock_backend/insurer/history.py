"""The re-distribution history DB 53 (FIG.6A): what each user was re-distributed, and what it was worth.

Claims, choices and upgrades write here; the user reads it back with each insured track's count, which
is what the per-track and total limits of the guarantee conditions are judged on.
"""

from __future__ import annotations

import sqlite3

from mock_backend import clock
from player.protocol import api, history_api
from player.protocol.canonical import format_time


def record(
    conn: sqlite3.Connection,
    item: sqlite3.Row,
    claim_id: str | None,
    kind: api.RedistributionKind,
    new_license: str,
    content_id: str,
    amount: int,
) -> None:
    # FIG.6A: gross amount of guarantee = selling prices of what was re-distributed free of charge
    conn.execute(
        "INSERT INTO redistributions(user_id, item_id, claim_id, kind, old_license_id, new_license_id,"
        " content_id, amount, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item["user_id"],
            item["id"],
            claim_id,
            kind,
            item["license_id"],
            new_license,
            content_id,
            amount,
            format_time(clock.now(conn)),
        ),
    )
    conn.execute(
        "UPDATE history SET gross_amount = gross_amount + ? WHERE user_id = ?", (amount, item["user_id"])
    )


def relicensings(conn: sqlite3.Connection, user_id: str) -> int:
    """How many re-distributions this user has had counted against the total limit."""
    row = conn.execute("SELECT relicensing_count FROM history WHERE user_id = ?", (user_id,)).fetchone()
    return int(row[0]) if row else 0


def of_user(conn: sqlite3.Connection, user_id: str, username: str, policy_id: str) -> history_api.History:
    """FIG.6A for this user, plus each track `policy_id` insures with its count and the events behind."""
    h = conn.execute("SELECT * FROM history WHERE user_id = ?", (user_id,)).fetchone()
    items = [
        history_api.HistoryItem(
            item_id=r["id"],
            original_content_id=r["original_content_id"],
            content_id=r["content_id"],
            license_id=r["license_id"],
            price=r["price"],
            premium=r["premium"],
            relicense_count=r["relicense_count"],
        )
        for r in conn.execute("SELECT * FROM items WHERE policy_id = ? ORDER BY created_at, id", (policy_id,))
    ]
    events = [
        history_api.HistoryEvent(
            item_id=r["item_id"],
            claim_id=r["claim_id"],
            kind=r["kind"],
            old_license_id=r["old_license_id"],
            new_license_id=r["new_license_id"],
            content_id=r["content_id"],
            amount=r["amount"],
            at=r["at"],
        )
        for r in conn.execute("SELECT * FROM redistributions WHERE user_id = ? ORDER BY id", (user_id,))
    ]
    return history_api.History(
        user=username,
        first_contract_at=h["first_contract_at"] if h else None,
        relicensing_count=h["relicensing_count"] if h else 0,
        gross_amount=h["gross_amount"] if h else 0,
        items=items,
        events=events,
    )
