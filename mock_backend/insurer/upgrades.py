"""Version upgrades through the insurer ([0048]-[0049]): new version licensed, old one invalidated."""

from __future__ import annotations

import sqlite3

from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import delivery, history, license_control, policies, receipts
from player.protocol import api
from player.protocol.license_list import InvalidationReason
from player.protocol.receipt import ReceiptKind


def available(conn: sqlite3.Connection, user_id: str) -> list[api.UpgradeOffer]:
    """The user's valid insured licenses whose content has a newer version: what the terminal is told."""
    rows = conn.execute(
        "SELECT l.license_id, l.content_id, l.content_version, c.current_version, c.title FROM licenses l"
        " JOIN items i ON i.license_id = l.license_id JOIN contents c ON c.id = l.content_id"
        " WHERE l.user_id = ? AND l.state = 'valid' AND c.current_version > l.content_version"
        " ORDER BY l.content_id",
        (user_id,),
    )
    return [
        api.UpgradeOffer(
            license_id=r["license_id"],
            content_id=r["content_id"],
            title=r["title"],
            from_version=r["content_version"],
            to_version=r["current_version"],
        )
        for r in rows
    ]


def upgrade(ctx: Context, conn: sqlite3.Connection, user_id: str, license_id: str) -> api.Upgrade:
    offer = next((u for u in available(conn, user_id) if u.license_id == license_id), None)
    if offer is None:
        raise ApiError(409, "no_upgrade", f"there is no newer version for license {license_id}")
    item = conn.execute(
        "SELECT * FROM items WHERE license_id = ? AND user_id = ?", (license_id, user_id)
    ).fetchone()
    policy = policies.get_owned(conn, user_id, item["policy_id"])
    content = conn.execute("SELECT provider_id FROM contents WHERE id = ?", (item["content_id"],)).fetchone()
    issued, package = delivery.issue_and_replace(
        ctx,
        conn,
        policy,
        item,
        content["provider_id"],
        item["content_id"],
        "upgrade",
        InvalidationReason.UPGRADE,
    )
    history.record(conn, item, None, "upgrade", issued.license_id, item["content_id"], 0)
    bill = [receipts.item(conn, item["content_id"], price=0)]
    receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.UPGRADE, bill, policy=policy)
    return api.Upgrade(
        receipt_id=receipt_id,
        license=delivery.delivered(conn, issued.license_id, package),
        replaces=license_id,
        from_version=offer.from_version,
        to_version=offer.to_version,
        policy=policies.signed_b64(ctx, conn, policy["id"]),
        list_version=license_control.current_version(conn, user_id),
    )
