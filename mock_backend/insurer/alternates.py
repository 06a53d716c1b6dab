"""Alternates and the user's choice (FIG.14 (7)-(19)): when a lost track can no longer be issued.

Alternates come from *every* provider, not only the lost track's, and each offer must pass the guarantee
conditions as a choice of it would (`conditions`): what is offered is what may be chosen. The choice
has the chosen track's licensor issue a license, invalidates the reported one and records the
re-distribution at the chosen track's price (FIG.6A gross amount).
"""

from __future__ import annotations

import secrets
import sqlite3

from mock_backend import licensor
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.exchange import checks, records
from mock_backend.insurer import delivery, history, license_control, policies, receipts
from mock_backend.insurer.conditions import Circumstances, StandIn, judge, price_ceiling
from player.protocol import api
from player.protocol.api import ClaimOutcome
from player.protocol.license_list import InvalidationReason
from player.protocol.policy import GuaranteeConditions
from player.protocol.receipt import ReceiptKind
from player.protocol.shared_history import SharedKind


def find(
    ctx: Context,
    conn: sqlite3.Connection,
    terms: GuaranteeConditions,
    item: sqlite3.Row,
    genre: str | None,
    codecs: list[str] | None = None,
) -> list[tuple[str, int]]:
    """(content_id, price difference) from every provider; falls back to all genres if the preferred one
    has nothing, because an alternate in another genre beats none. With `codecs`, only tracks published in
    an encoding the terminal decodes ([0050])."""
    owned = [
        r["content_id"]
        for r in conn.execute("SELECT content_id FROM items WHERE user_id = ?", (item["user_id"],))
    ]
    lost_price = int(item["price"])
    for wanted in [genre, None] if genre else [None]:
        found: list[tuple[str, int]] = []
        for provider in conn.execute("SELECT id FROM providers ORDER BY id").fetchall():
            answer = licensor.call(
                ctx,
                conn,
                provider["id"],
                "offer",
                api.LicensorOffer,
                max_price=price_ceiling(terms, lost_price),
                genre=wanted,
                exclude=owned,
                licensee=item["user_id"],
            )
            for content_id in answer.contents:
                if not delivery.playable(conn, content_id, codecs):
                    continue
                row = conn.execute("SELECT title, price FROM contents WHERE id = ?", (content_id,)).fetchone()
                offer = StandIn(row["title"], int(row["price"]) - lost_price)
                if judge(Circumstances(terms, alternate=offer)) is None:
                    found.append((content_id, offer.price_difference))
        if found:
            return found
    return []


def store(conn: sqlite3.Connection, claim_item_id: str, offers: list[tuple[str, int]]) -> None:
    conn.execute("DELETE FROM alternates WHERE claim_item_id = ?", (claim_item_id,))
    for content_id, difference in offers:
        conn.execute(
            "INSERT INTO alternates(id, claim_item_id, content_id, price_difference) VALUES (?, ?, ?, ?)",
            ("A-" + secrets.token_hex(6), claim_item_id, content_id, difference),
        )


MATCHES: tuple[api.AlternateMatch, ...] = ("same_artist", "same_album", "same_genre", "")


def _closeness(lost: sqlite3.Row | None, offer: sqlite3.Row) -> int:
    """0 the same artist, 1 the same album (a compilation), 2 the same genre, 3 only within the price."""
    if lost is None:
        return 3
    if offer["artist"] == lost["artist"]:
        return 0
    if offer["album"] and offer["album"] == lost["album"]:
        return 1
    return 2 if offer["genre"] == lost["genre"] else 3


def offered(conn: sqlite3.Connection, claim_item_id: str) -> list[api.Alternate]:
    """The alternates on offer for a claim item, closest to the lost track first: the same artist, then
    the same album, then the same genre, then the nearest in price (a lost Rock track is not offered
    Ambient first because Ambient is cheaper)."""
    lost = conn.execute(
        "SELECT c.artist, c.album, c.genre FROM claim_items ci JOIN contents c ON c.id = ci.content_id"
        " WHERE ci.id = ?",
        (claim_item_id,),
    ).fetchone()
    found = conn.execute(
        "SELECT a.id, a.price_difference, c.id AS content_id, c.title, c.artist, c.album, c.genre, c.price,"
        " c.duration_ms, c.provider_id, p.name AS provider_name FROM alternates a"
        " JOIN contents c ON c.id = a.content_id JOIN providers p ON p.id = c.provider_id"
        " WHERE a.claim_item_id = ?",
        (claim_item_id,),
    ).fetchall()
    rows = sorted(found, key=lambda r: (_closeness(lost, r), abs(r["price_difference"]), r["title"]))
    return [
        api.Alternate(
            alternate_id=r["id"],
            content_id=r["content_id"],
            title=r["title"],
            artist=r["artist"],
            album=r["album"],
            genre=r["genre"],
            provider=r["provider_id"],
            provider_name=r["provider_name"],
            price=r["price"],
            price_difference=r["price_difference"],
            duration_ms=r["duration_ms"],
            match=MATCHES[_closeness(lost, r)],
        )
        for r in rows
    ]


def _awaiting_choice(
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
    if row["outcome"] != ClaimOutcome.ALTERNATES_OFFERED:
        raise ApiError(409, "not_awaiting_choice", "this item is not waiting for an alternate to be chosen")
    return row


def research(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    claim_id: str,
    claim_item_id: str,
    genre: str | None,
    codecs: list[str] | None = None,
) -> list[api.Alternate]:
    """The alternates for an item still waiting for a choice, searched again (optionally in another genre)."""
    ci = _awaiting_choice(conn, user_id, claim_id, claim_item_id)
    if genre is not None:
        policy = policies.get_owned(conn, user_id, ci["policy_id"])
        item = conn.execute("SELECT * FROM items WHERE id = ?", (ci["item_id"],)).fetchone()
        offers = find(ctx, conn, policies.guarantee(policy), item, genre, codecs)
        if offers:
            store(conn, claim_item_id, offers)
    # [0050]: of what is on offer, only what the terminal can play (the claim filtered it already when it
    # stated its formats; a terminal asking with other formats now sees those only)
    return [a for a in offered(conn, claim_item_id) if delivery.playable(conn, a.content_id, codecs)]


def choose(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    claim_id: str,
    claim_item_id: str,
    *,
    alternate_id: str | None,
    content_id: str | None,
    codecs: list[str] | None = None,
) -> api.Choice:
    """FIG.14 (9)-(19): the user's choice -> licensor issues -> old license invalid, new one delivered.

    Judged on the chosen track's price only: the claim was judged on the clock and the counts when it was
    filed, and the choice completes it."""
    ci = _awaiting_choice(conn, user_id, claim_id, claim_item_id)
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
    chosen = StandIn(content["title"], int(content["price"]) - int(item["price"]))
    refusal = judge(Circumstances(policies.guarantee(policy), alternate=chosen))
    # another insurer may have compensated the same purchase since the alternates were offered
    refusal = refusal or checks.compensated_elsewhere(ctx, conn, item)
    if refusal:
        raise refusal.error()
    if not delivery.playable(conn, content["id"], codecs):
        raise ApiError(
            409, "no_playable_encoding", f"{content['title']!r} is not published in a format you can play"
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
    history.record(conn, item, claim_id, "alternate", issued.license_id, content["id"], int(content["price"]))
    shared = (content["provider_id"], issued.license_id)
    records.share(ctx, conn, item, SharedKind.ALTERNATE, shared, content["id"], int(content["price"]))
    conn.execute(
        "UPDATE claim_items SET outcome = ?, new_license_id = ?, chosen_alternate_id = ? WHERE id = ?",
        (ClaimOutcome.CHOSEN, issued.license_id, alternate_id, claim_item_id),
    )
    bill = [receipts.item(conn, content["id"], price=0)]  # the difference is covered by the policy
    receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.ALTERNATE, bill, policy=policy)
    return api.Choice(
        receipt_id=receipt_id,
        item_id=claim_item_id,
        outcome=ClaimOutcome.CHOSEN,
        license=delivery.delivered(conn, issued.license_id, package, codecs),
        replaces=ci["license_id"],
        policy=policies.signed_b64(ctx, conn, policy["id"]),
        list_version=license_control.current_version(conn, user_id),
    )
