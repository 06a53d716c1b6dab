"""Re-distribution reception function 51 (FIG.12, FIG.14; crash recovery [0035]).

A claim is judged in one write transaction: the guarantee period and the re-licensing starting date for
the whole claim, then per item the per-track limit and the per-user total ([0039]), then the original
licensor is asked whether it can still issue the track. Reissuable items get a new license at once;
the rest get alternates from *every* provider within the price-difference limit, in the preferred genre
when one is given (FIG.14 (7)), and wait for the user's choice. Either way the replaced license is
invalidated, so a false report gains nothing ([0032]).

Counting: an accepted item costs one re-licensing of that track; a loss report costs one of the user's
total per accepted item, while a whole-library crash recovery is one accident and costs one of the total.
An item refused, or for which nothing at all can be offered, costs nothing. A claim in which every item
is refused is refused as a whole (409, `claim_refused`, each item's reason listed) and leaves no trace,
so the terminal can tell "nothing was re-distributed" from a partial success.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from mock_backend import clock, licensor
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import delivery, license_control, policies
from player.protocol.canonical import format_time
from player.protocol.license_list import InvalidationReason


def refuse(code: str, message: str, **extra: Any) -> ApiError:
    """A refusal under the guarantee conditions: the terminal maps `claim_refused` to exit code 6."""
    return ApiError(409, code, message, claim_refused=True, **extra)


@dataclass
class _Budget:
    """What this claim may still spend of the user's total limit."""

    used: int
    limit: int
    crash: bool
    spent: int = 0
    items_used: dict[str, int] = field(default_factory=dict)

    def allows_one_more(self) -> bool:
        cost = 1 if not self.crash or self.spent == 0 else 0
        return self.used + self.spent + cost <= self.limit

    def spend(self) -> None:
        if not self.crash or self.spent == 0:
            self.spent += 1


def file_claim(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    policy_id: str,
    *,
    kind: str,
    license_ids: list[str] | None,
    genre: str | None,
) -> dict[str, Any]:
    policy = policies.get_owned(conn, user_id, policy_id)
    now = clock.now(conn)
    stamp = format_time(now)
    if not policy["guarantee_start"] <= stamp <= policy["guarantee_end"]:
        raise refuse(
            "outside_guarantee_period",
            f"the guarantee period ran from {policy['guarantee_start']} to {policy['guarantee_end']}",
        )
    if stamp < policy["relicensing_starts"]:
        raise refuse(
            "waiting_period", f"re-distribution starts on {policy['relicensing_starts']} (waiting period)"
        )
    items = _claimed_items(conn, policy, license_ids)
    history = conn.execute("SELECT relicensing_count FROM history WHERE user_id = ?", (user_id,)).fetchone()
    budget = _Budget(
        used=int(history[0]) if history else 0, limit=policy["limit_total"], crash=kind == "crash"
    )
    if budget.crash and not budget.allows_one_more():
        raise refuse("total_limit", f"all {policy['limit_total']} re-distributions of this policy are used")

    claim_id = "C-" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO claims(id, user_id, policy_id, kind, genre, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (claim_id, user_id, policy_id, kind, genre, stamp),
    )
    reason = InvalidationReason.CRASH if budget.crash else InvalidationReason.LOSS
    results = [_judge_item(ctx, conn, policy, claim_id, item, budget, reason, genre) for item in items]
    if all(r["outcome"] == "refused" for r in results):
        raise refuse(
            results[0]["reason"],
            "; ".join(f"{r['title']}: {r['message']}" for r in results),
            items=[{k: r[k] for k in ("license_id", "content_id", "reason", "message")} for r in results],
        )
    if budget.spent:
        conn.execute(
            "UPDATE history SET relicensing_count = relicensing_count + ? WHERE user_id = ?",
            (budget.spent, user_id),
        )
    return {
        "claim_id": claim_id,
        "kind": kind,
        "genre": genre,
        "items": results,
        "policy": policies.signed_b64(ctx, conn, policy_id),
        "list_version": license_control.current_version(conn, user_id),
    }


def _claimed_items(
    conn: sqlite3.Connection, policy: sqlite3.Row, license_ids: list[str] | None
) -> list[sqlite3.Row]:
    if license_ids is None:
        items = conn.execute(
            "SELECT * FROM items WHERE policy_id = ? ORDER BY created_at, id", (policy["id"],)
        ).fetchall()
        if not items:
            raise ApiError(422, "nothing_insured", "this policy insures no tracks yet")
        return list(items)
    if not license_ids:
        raise ApiError(422, "invalid_request", "name at least one license, or claim the whole library")
    found = []
    for license_id in dict.fromkeys(license_ids):
        row = conn.execute(
            "SELECT i.* FROM licenses l JOIN items i ON i.id = l.item_id"
            " WHERE l.license_id = ? AND l.user_id = ? AND i.policy_id = ?",
            (license_id, policy["user_id"], policy["id"]),
        ).fetchone()
        if row is None:
            raise ApiError(
                404, "unknown_license", f"license {license_id} is not insured by policy {policy['id']}"
            )
        if row["license_id"] != license_id:
            raise ApiError(
                409,
                "license_already_replaced",
                f"license {license_id} was already replaced by {row['license_id']}; report that one",
            )
        found.append(row)
    return found


def _judge_item(
    ctx: Context,
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    claim_id: str,
    item: sqlite3.Row,
    budget: _Budget,
    reason: InvalidationReason,
    genre: str | None,
) -> dict[str, Any]:
    claim_item_id = "CI-" + secrets.token_hex(8)
    content = conn.execute("SELECT * FROM contents WHERE id = ?", (item["content_id"],)).fetchone()
    base: dict[str, Any] = {
        "item_id": claim_item_id,
        "insured_item_id": item["id"],
        "license_id": item["license_id"],
        "content_id": item["content_id"],
        "title": content["title"],
    }

    def record(outcome: str, why: str, new_license: str | None = None) -> None:
        conn.execute(
            "INSERT INTO claim_items(id, claim_id, item_id, license_id, content_id, outcome, reason,"
            " new_license_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                claim_item_id,
                claim_id,
                item["id"],
                item["license_id"],
                item["content_id"],
                outcome,
                why,
                new_license,
            ),
        )

    if item["relicense_count"] >= policy["limit_per_track"]:
        why = (
            f"this track was already re-distributed {item['relicense_count']} times"
            f" (limit {policy['limit_per_track']})"
        )
        record("refused", "per_track_limit")
        return base | {"outcome": "refused", "reason": "per_track_limit", "message": why}
    if not budget.allows_one_more():
        record("refused", "total_limit")
        return base | {
            "outcome": "refused",
            "reason": "total_limit",
            "message": f"all {policy['limit_total']} re-distributions of this policy are used",
        }

    provider_id = content["provider_id"]
    answer = licensor.call(ctx, conn, provider_id, "availability", content_id=content["id"])
    if answer["available"]:
        issued, package = delivery.issue_and_replace(
            ctx, conn, policy, item, provider_id, content["id"], "reissue", reason
        )
        _count(
            conn,
            item,
            budget,
            claim_id,
            "reissue",
            issued["license_id"],
            content["id"],
            int(content["price"]),
        )
        record("reissued", "", issued["license_id"])
        return base | {
            "outcome": "reissued",
            "reason": "",
            "license": delivery.delivered(conn, issued["license_id"], package),
        }

    unavailable = answer["reason"]
    offers = find_alternates(ctx, conn, policy, item, genre)
    if not offers:
        record("refused", "no_alternates")
        return base | {
            "outcome": "refused",
            "reason": "no_alternates",
            "message": f"the track cannot be re-issued ({unavailable}) and no provider offers an alternate",
        }
    _count(conn, item, budget, claim_id, None, None, content["id"], 0)
    record("alternates_offered", unavailable)
    _store_alternates(conn, claim_item_id, offers)
    return base | {
        "outcome": "alternates_offered",
        "reason": unavailable,
        "alternates": alternates_for(conn, claim_item_id),
    }


def _count(
    conn: sqlite3.Connection,
    item: sqlite3.Row,
    budget: _Budget,
    claim_id: str,
    kind: str | None,
    new_license: str | None,
    content_id: str,
    amount: int,
) -> None:
    """Spend one re-licensing of this track and (per the claim kind) of the user's total."""
    budget.spend()
    conn.execute("UPDATE items SET relicense_count = relicense_count + 1 WHERE id = ?", (item["id"],))
    if kind is not None and new_license is not None:
        record_history(conn, item, claim_id, kind, new_license, content_id, amount)


def record_history(
    conn: sqlite3.Connection,
    item: sqlite3.Row,
    claim_id: str | None,
    kind: str,
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


def find_alternates(
    ctx: Context, conn: sqlite3.Connection, policy: sqlite3.Row, item: sqlite3.Row, genre: str | None
) -> list[tuple[str, int]]:
    """(content_id, price difference) from every provider; falls back to all genres if the preferred one
    has nothing, because an alternate in another genre beats none."""
    owned = [
        r["content_id"]
        for r in conn.execute("SELECT content_id FROM items WHERE user_id = ?", (item["user_id"],))
    ]
    max_price = int(item["price"]) + int(policy["price_difference_limit"])
    for wanted in [genre, None] if genre else [None]:
        found: list[tuple[str, int]] = []
        for provider in conn.execute("SELECT id FROM providers ORDER BY id").fetchall():
            answer = licensor.call(
                ctx, conn, provider["id"], "offer", max_price=max_price, genre=wanted, exclude=owned
            )
            for content_id in answer["contents"]:
                price = conn.execute("SELECT price FROM contents WHERE id = ?", (content_id,)).fetchone()[0]
                found.append((content_id, int(price) - int(item["price"])))
        if found:
            return found
    return []


def _store_alternates(conn: sqlite3.Connection, claim_item_id: str, offers: list[tuple[str, int]]) -> None:
    conn.execute("DELETE FROM alternates WHERE claim_item_id = ?", (claim_item_id,))
    for content_id, difference in offers:
        conn.execute(
            "INSERT INTO alternates(id, claim_item_id, content_id, price_difference) VALUES (?, ?, ?, ?)",
            ("A-" + secrets.token_hex(6), claim_item_id, content_id, difference),
        )


def alternates_for(conn: sqlite3.Connection, claim_item_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT a.id, a.price_difference, c.id AS content_id, c.title, c.artist, c.album, c.genre, c.price,"
        " c.duration_ms, c.provider_id, p.name AS provider_name FROM alternates a"
        " JOIN contents c ON c.id = a.content_id JOIN providers p ON p.id = c.provider_id"
        " WHERE a.claim_item_id = ? ORDER BY a.price_difference DESC, c.title",
        (claim_item_id,),
    )
    return [
        {
            "alternate_id": r["id"],
            "content_id": r["content_id"],
            "title": r["title"],
            "artist": r["artist"],
            "album": r["album"],
            "genre": r["genre"],
            "provider": r["provider_id"],
            "provider_name": r["provider_name"],
            "price": r["price"],
            "price_difference": r["price_difference"],
            "duration_ms": r["duration_ms"],
        }
        for r in rows
    ]


def _owned_claim_item(
    conn: sqlite3.Connection, user_id: str, claim_id: str, claim_item_id: str
) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT ci.*, c.policy_id, c.user_id FROM claim_items ci JOIN claims c ON c.id = ci.claim_id"
        " WHERE ci.id = ? AND ci.claim_id = ? AND c.user_id = ?",
        (claim_item_id, claim_id, user_id),
    ).fetchone()
    if row is None:
        raise ApiError(
            404, "unknown_claim_item", f"you have no claim item {claim_item_id!r} in claim {claim_id!r}"
        )
    return row


def research_alternates(
    ctx: Context, conn: sqlite3.Connection, user_id: str, claim_id: str, claim_item_id: str, genre: str | None
) -> list[dict[str, Any]]:
    """The alternates for an item still waiting for a choice, searched again (optionally in another genre)."""
    ci = _owned_claim_item(conn, user_id, claim_id, claim_item_id)
    if ci["outcome"] != "alternates_offered":
        raise ApiError(409, "not_awaiting_choice", "this item is not waiting for an alternate to be chosen")
    if genre is not None:
        policy = policies.get_owned(conn, user_id, ci["policy_id"])
        item = conn.execute("SELECT * FROM items WHERE id = ?", (ci["item_id"],)).fetchone()
        offers = find_alternates(ctx, conn, policy, item, genre)
        if offers:
            _store_alternates(conn, claim_item_id, offers)
    return alternates_for(conn, claim_item_id)


def choose(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    claim_id: str,
    claim_item_id: str,
    *,
    alternate_id: str | None,
    content_id: str | None,
) -> dict[str, Any]:
    """FIG.14 (9)-(19): the user's choice -> licensor issues -> old license invalid, new one delivered."""
    ci = _owned_claim_item(conn, user_id, claim_id, claim_item_id)
    if ci["outcome"] != "alternates_offered":
        raise ApiError(409, "not_awaiting_choice", "this item is not waiting for an alternate to be chosen")
    policy = policies.get_owned(conn, user_id, ci["policy_id"])
    item = conn.execute("SELECT * FROM items WHERE id = ?", (ci["item_id"],)).fetchone()
    if item["license_id"] != ci["license_id"]:
        raise ApiError(409, "license_already_replaced", "the reported license was replaced in the meantime")
    if alternate_id is not None:
        alt = conn.execute(
            "SELECT content_id FROM alternates WHERE id = ? AND claim_item_id = ?",
            (alternate_id, claim_item_id),
        ).fetchone()
        if alt is None:
            raise ApiError(404, "unknown_alternate", f"{alternate_id!r} is not one of the alternates offered")
        content_id = alt["content_id"]
    content = conn.execute("SELECT * FROM contents WHERE id = ?", (content_id,)).fetchone()
    if content is None:
        raise ApiError(404, "unknown_content", f"there is no track {content_id!r} in the catalog")
    difference = int(content["price"]) - int(item["price"])
    if difference > policy["price_difference_limit"]:
        raise refuse(
            "price_difference_limit",
            f"{content['title']!r} costs {difference} yen more than the lost track; the policy allows "
            f"{policy['price_difference_limit']} yen",
        )
    if conn.execute(
        "SELECT 1 FROM items WHERE user_id = ? AND content_id = ?", (user_id, content["id"])
    ).fetchone():
        raise ApiError(409, "already_owned", f"you already own {content['title']!r}")
    issued, package = delivery.issue_and_replace(
        ctx,
        conn,
        policy,
        item,
        content["provider_id"],
        content["id"],
        "alternate",
        InvalidationReason.ALTERNATE,
    )
    record_history(
        conn, item, claim_id, "alternate", issued["license_id"], content["id"], int(content["price"])
    )
    conn.execute(
        "UPDATE claim_items SET outcome = 'chosen', new_license_id = ?, chosen_alternate_id = ? WHERE id = ?",
        (issued["license_id"], alternate_id, claim_item_id),
    )
    return {
        "item_id": claim_item_id,
        "outcome": "chosen",
        "license": delivery.delivered(conn, issued["license_id"], package),
        "replaces": ci["license_id"],
        "policy": policies.signed_b64(ctx, conn, policy["id"]),
        "list_version": license_control.current_version(conn, user_id),
    }


def get_claim(conn: sqlite3.Connection, user_id: str, claim_id: str) -> dict[str, Any]:
    claim = conn.execute("SELECT * FROM claims WHERE id = ? AND user_id = ?", (claim_id, user_id)).fetchone()
    if claim is None:
        raise ApiError(404, "unknown_claim", f"you have no claim {claim_id!r}")
    items = []
    for ci in conn.execute("SELECT * FROM claim_items WHERE claim_id = ? ORDER BY rowid", (claim_id,)):
        entry: dict[str, Any] = {
            "item_id": ci["id"],
            "insured_item_id": ci["item_id"],
            "license_id": ci["license_id"],
            "content_id": ci["content_id"],
            "outcome": ci["outcome"],
            "reason": ci["reason"],
            "new_license_id": ci["new_license_id"],
        }
        if ci["outcome"] == "alternates_offered":
            entry["alternates"] = alternates_for(conn, ci["id"])
        items.append(entry)
    return {
        "claim_id": claim_id,
        "kind": claim["kind"],
        "genre": claim["genre"],
        "created_at": claim["created_at"],
        "policy_id": claim["policy_id"],
        "items": items,
    }
