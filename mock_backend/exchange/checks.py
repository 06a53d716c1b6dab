"""What an insurer reads in the shared history before it grants a loss ([0040]: "to check illegal users").

Two checks, on the history this insurer holds (what it wrote and what it received; what has not reached
it yet cannot count):

- **The same purchase, compensated elsewhere.** A claimed track whose purchase another insurer already
  compensated is refused, naming that insurer and the day. A purchase is known by every license ID in
  the item's line here (the one first bought or presented, and every one given for it since, even one
held from another insurer, bought or insured there), against
  the purchase and the license given of each record: so a purchase re-issued at one insurer and then
  insured at another under its new license is still recognised, either way round. Parts count apart
  (claim 32): a license re-issued at one insurer and the audio sent again by another is no double.
- **A pattern of losses.** A claim is refused as a whole while the history holds `pattern_losses`
  compensated losses or more of the person (each track compensated is one), written by
  `pattern_insurers` insurers or more, within the last `pattern_days` days (settings: 3, 2 and 30). One
  insurer's own customers are held by its own limits (the guarantee conditions); the pattern is the
  one thing no insurer sees alone: losses spread over several.

Both refuse as the guarantee conditions do (409, `claim_refused`), with words a user can read.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from mock_backend import clock
from mock_backend.context import Context
from mock_backend.exchange import records
from mock_backend.insurer import coverage
from mock_backend.insurer.conditions import Refusal
from player.protocol.canonical import format_time, parse_time
from player.protocol.policy import Coverage


def compensated_elsewhere(
    ctx: Context, conn: sqlite3.Connection, item: sqlite3.Row, covers: Coverage = Coverage.FULL
) -> Refusal | None:
    """`covers`: the part(s) this claim would pay (claim 32); a record that paid another part only (the
    audio, when this is a license-only policy) does not clash with it."""
    # two searches joined, not one with OR: each on its own index (with OR, SQLite read every record the
    # insurer holds: 23 ms a claimed track at 100,000 records, against 12 us)
    me = ctx.insurer_id
    kinds = json.dumps(coverage.clashing_kinds(covers))
    row = conn.execute(
        "WITH line AS (SELECT provider_id || '/' || license_id AS id FROM licenses WHERE item_id = ?"
        " UNION SELECT purchase FROM items WHERE id = ?)"
        " SELECT writer, at FROM shared_records"
        " WHERE holder = ? AND writer != ? AND purchase IN (SELECT id FROM line)"
        " AND kind IN (SELECT value FROM json_each(?))"
        " UNION ALL SELECT writer, at FROM shared_records"
        " WHERE holder = ? AND writer != ? AND issued IN (SELECT id FROM line)"
        " AND kind IN (SELECT value FROM json_each(?))"
        " ORDER BY at LIMIT 1",
        (item["id"], item["id"], me, me, kinds, me, me, kinds),
    ).fetchone()
    if row is None:
        return None
    by = ctx.exchange.name_of(row["writer"]) if ctx.exchange else row["writer"]
    facts = {"insurer": by, "on": row["at"][:10]}
    return Refusal("compensated_elsewhere", f"already compensated by {by} on {row['at'][:10]}", facts)


def pattern(ctx: Context, conn: sqlite3.Connection, user_id: str) -> Refusal | None:
    settings = ctx.settings
    window = timedelta(days=settings.pattern_days)
    since = format_time(clock.now(conn) - window)
    rows = conn.execute(
        "SELECT writer, at FROM shared_records WHERE holder = ? AND pseudonym = ? AND at >= ? ORDER BY at",
        (ctx.insurer_id, records.person(ctx, conn, user_id), since),
    ).fetchall()

    def over(found: list[sqlite3.Row]) -> bool:
        return (
            len(found) >= settings.pattern_losses
            and len({r["writer"] for r in found}) >= settings.pattern_insurers
        )

    if not over(rows):
        return None
    # the day the pattern ends: when enough of the oldest have left the window
    ends = next(parse_time(r["at"]) + window for i, r in enumerate(rows) if not over(rows[i + 1 :]))
    insurers = sorted({ctx.exchange.name_of(r["writer"]) if ctx.exchange else r["writer"] for r in rows})
    facts = {
        "losses": str(len(rows)),
        "insurers": "\n".join(insurers),
        "days": str(settings.pattern_days),
        "from": format_time(ends)[:10],
    }
    return Refusal(
        "losses_across_insurers",
        f"{len(rows)} losses were compensated to you by {len(insurers)} insurers ({', '.join(insurers)})"
        f" in the last {settings.pattern_days} days; claims are accepted again from {facts['from']}",
        facts,
    )
