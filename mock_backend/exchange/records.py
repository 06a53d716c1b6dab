"""Writing, receiving and reading the shared re-distribution history.

`share` is called where an insurer grants a loss (a re-issue at the claim, an alternate at the choice),
inside that grant's transaction: the record is kept, handed to the other insurers of this process, and
queued for every peer elsewhere, or none of it happens. A received record is kept once per (holder,
writer, record ID), however often it arrives, and only once it verifies under its writer's key.
"""

from __future__ import annotations

import secrets
import sqlite3

from mock_backend import clock
from mock_backend.context import Context
from mock_backend.exchange.registry import Exchange
from player.errors import PlayerError
from player.protocol.canonical import b64e, format_time, now_utc
from player.protocol.insurers_api import SharedAboutYou
from player.protocol.shared_history import (
    SharedKind,
    SharedRecord,
    pseudonym,
    record_writer,
    sign_record,
    verify_record,
)


class RecordRefused(Exception):
    """A received record that counts for nothing: its reason goes back to the sender."""


def account_pseudonym(secret: bytes, insurer_id: str, user_id: str) -> str:
    """The pseudonym of an account whose person gave no identity: this account alone, matched nowhere else."""
    return pseudonym(secret, f"account:{insurer_id}:{user_id}")


def person(ctx: Context, conn: sqlite3.Connection, user_id: str) -> str:
    """The user as the exchange knows them (an account from before identities: the account's own)."""
    row = conn.execute("SELECT pseudonym FROM users WHERE id = ?", (user_id,)).fetchone()
    stored = str(row["pseudonym"]) if row is not None else ""
    return stored or account_pseudonym(ctx.exchange_secret, ctx.insurer_id, user_id)


def purchase_of(conn: sqlite3.Connection, item_id: str) -> str:
    """ "licensor/license ID" of the license an insured item began with: the one bought, or presented to be
    insured afterwards (FIG.15), whichever came first."""
    row = conn.execute("SELECT purchase FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is not None and row["purchase"]:
        return str(row["purchase"])
    first = conn.execute(  # an item from before items said what they began with
        "SELECT provider_id, license_id FROM licenses WHERE item_id = ? ORDER BY rowid LIMIT 1", (item_id,)
    ).fetchone()
    return f"{first['provider_id']}/{first['license_id']}"


def share(
    ctx: Context,
    conn: sqlite3.Connection,
    item: sqlite3.Row,
    kind: SharedKind,
    issued: tuple[str, str],
    content_id: str,
    amount: int,
) -> None:
    """Write the record of a loss granted for `item`: `issued` is (licensor, license ID) given for it."""
    exchange = ctx.exchange
    if exchange is None:
        return
    record = SharedRecord(
        record_id="SR-" + secrets.token_hex(10),
        insurer=ctx.insurer_id,
        pseudonym=person(ctx, conn, item["user_id"]),
        purchase=purchase_of(conn, item["id"]),
        issued=f"{issued[0]}/{issued[1]}",
        content_id=content_id,
        kind=kind,
        amount=amount,
        at=clock.now(conn),
    )
    document = sign_record(record, ctx.insurer_key)
    for holder in exchange.local:  # its writer, and the insurers of this process, who know each other
        _keep(conn, holder, record, document)
    for peer in exchange.remote:
        conn.execute(
            "INSERT OR IGNORE INTO exchange_outbox(peer, writer, record_id, next_at) VALUES (?, ?, ?, 0)",
            (peer, record.insurer, record.record_id),
        )
    if exchange.remote:
        exchange.wake.set()


def _keep(conn: sqlite3.Connection, holder: str, record: SharedRecord, document: bytes) -> bool:
    """Store one copy for `holder`; False when it had it already."""
    done = conn.execute(
        "INSERT OR IGNORE INTO shared_records(holder, writer, record_id, doc, pseudonym, purchase,"
        " issued, content_id, kind, amount, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            holder,
            record.insurer,
            record.record_id,
            document,
            record.pseudonym,
            record.purchase,
            record.issued,
            record.content_id,
            record.kind.value,
            record.amount,
            format_time(record.at),
            format_time(now_utc()),
        ),
    )
    return done.rowcount == 1


def receive(exchange: Exchange, conn: sqlite3.Connection, holder: str, document: bytes) -> bool:
    """Keep a record another insurer sent, once it verifies under its writer's key; True when new."""
    try:
        writer = record_writer(document)
        key = exchange.key_of(writer)
        if key is None:
            raise RecordRefused(f"written by {writer!r}, not an insurer of this exchange")
        record = verify_record(document, key)
    except PlayerError as e:
        raise RecordRefused(str(e)) from e
    return _keep(conn, holder, record, document)


def written_since(
    conn: sqlite3.Connection, holder: str, since: int, limit: int
) -> tuple[list[str], int, bool]:
    """What `holder` wrote after cursor `since`, oldest first: (signed records in base64, next cursor,
    whether more are left)."""
    rows = conn.execute(
        "SELECT seq, doc FROM shared_records WHERE holder = ? AND writer = ? AND seq > ?"
        " ORDER BY seq LIMIT ?",
        (holder, holder, since, limit + 1),
    ).fetchall()
    page = rows[:limit]
    return [b64e(bytes(r["doc"])) for r in page], (page[-1]["seq"] if page else since), len(rows) > limit


def about(ctx: Context, conn: sqlite3.Connection, user_id: str) -> list[SharedAboutYou]:
    """What this insurer wrote about the user and received about their pseudonym, oldest first."""
    exchange = ctx.exchange
    rows = conn.execute(
        "SELECT r.writer, r.record_id, r.content_id, coalesce(c.title, r.content_id) AS title, r.kind,"
        " r.amount, r.at FROM shared_records r LEFT JOIN contents c ON c.id = r.content_id"
        " WHERE r.holder = ? AND r.pseudonym = ? ORDER BY r.at, r.seq",
        (ctx.insurer_id, person(ctx, conn, user_id)),
    ).fetchall()
    entries = []
    for r in rows:
        here = r["writer"] == ctx.insurer_id
        told, pending = _whereabouts(ctx, conn, r["record_id"]) if here else ([], [])
        entries.append(
            SharedAboutYou(
                record_id=r["record_id"],
                insurer=r["writer"],
                insurer_name=exchange.name_of(r["writer"]) if exchange else r["writer"],
                content_id=r["content_id"],
                title=r["title"],
                kind=r["kind"],
                amount=r["amount"],
                at=r["at"],
                written_here=here,
                told=told,
                pending=pending,
            )
        )
    return entries


def _whereabouts(ctx: Context, conn: sqlite3.Connection, record_id: str) -> tuple[list[str], list[str]]:
    """Of a record written here: the insurers it reached, and those it is still on its way to."""
    exchange = ctx.exchange
    if exchange is None:
        return [], []
    told = [local.name for local in exchange.local.values() if local.id != ctx.insurer_id]
    pending: list[str] = []
    for row in conn.execute(
        "SELECT peer, delivered_at FROM exchange_outbox WHERE writer = ? AND record_id = ? ORDER BY peer",
        (ctx.insurer_id, record_id),
    ):
        (told if row["delivered_at"] else pending).append(exchange.name_of(row["peer"]))
    return told, pending
