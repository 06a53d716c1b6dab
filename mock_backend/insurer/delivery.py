"""Packaging a licensor's license for the terminal (FIG.9) and recording it in the license list."""

from __future__ import annotations

import sqlite3

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from mock_backend import clock, licensor
from mock_backend.context import Context
from mock_backend.insurer import license_control, policies
from player.protocol import api
from player.protocol.canonical import b64d, b64e
from player.protocol.license_list import InvalidationReason
from player.protocol.package import seal_package


def package_license(
    ctx: Context,
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    item_id: str,
    issued: api.DirectLicense,
    provider_id: str,
) -> bytes:
    """Seal `issued` (a licensor `issue` answer) to the policy key, add it to the list; return the package."""
    package = seal_package(
        b64d(issued.license_xml, "license"),
        policy_id=policy["id"],
        item_id=item_id,
        license_id=issued.license_id,
        content_id=issued.content_id,
        recipient=X25519PublicKey.from_public_bytes(bytes(policy["public_key"])),
        guarantee=policies.guarantee(policy),
        insurer_key=ctx.insurer_key,
        issued_at=clock.now(conn),
    )
    license_control.add_license(
        conn,
        user_id=policy["user_id"],
        license_id=issued.license_id,
        provider_id=provider_id,
        content_id=issued.content_id,
        content_version=issued.content_version,
        policy_id=policy["id"],
        item_id=item_id,
        package=package,
    )
    return package


def replace_license(
    ctx: Context,
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    item: sqlite3.Row,
    issued: api.DirectLicense,
    provider_id: str,
    reason: InvalidationReason,
) -> bytes:
    """Invalidate the item's current license with `reason` and put the newly issued one in its place."""
    license_control.invalidate(conn, item["user_id"], item["license_id"], reason)
    package = package_license(ctx, conn, policy, item["id"], issued, provider_id)
    conn.execute(
        "UPDATE items SET license_id = ?, content_id = ? WHERE id = ?",
        (issued.license_id, issued.content_id, item["id"]),
    )
    policies.touch(conn, policy["id"])
    return package


def issue_and_replace(
    ctx: Context,
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    item: sqlite3.Row,
    provider_id: str,
    content_id: str,
    purpose: str,
    reason: InvalidationReason,
) -> tuple[api.DirectLicense, bytes]:
    """Have the licensor issue `content_id` for this item (re-issue, alternate, upgrade), then put the
    new license in the old one's place. Returns the licensor's answer and the new package."""
    issued = licensor.call(
        ctx,
        conn,
        provider_id,
        "issue",
        api.DirectLicense,
        user_id=policy["user_id"],
        content_id=content_id,
        purpose=purpose,
    )
    return issued, replace_license(ctx, conn, policy, item, issued, provider_id, reason)


def encodings(conn: sqlite3.Connection, content_id: str, version: int | None = None) -> list[str]:
    """The MIME types the track's current version (or `version`) is published in."""
    return [
        r["mime"]
        for r in conn.execute(
            "SELECT e.mime FROM encodings e JOIN contents c ON c.id = e.content_id"
            " AND e.version = coalesce(?, c.current_version) WHERE c.id = ? ORDER BY e.mime",
            (version, content_id),
        )
    ]


def playable(
    conn: sqlite3.Connection, content_id: str, codecs: list[str] | None, version: int | None = None
) -> list[str]:
    """[0050]: the encodings of the track the terminal decodes, in the terminal's order of preference
    (every encoding when the terminal did not say)."""
    have = encodings(conn, content_id, version)
    return have if codecs is None else [c for c in codecs if c in have]


def download_info(conn: sqlite3.Connection, content_id: str, codecs: list[str] | None = None) -> api.Download:
    """Where the track is: with the terminal's `codecs`, only the encodings it can play, and the URL asks
    the content server for them in its order."""
    row = conn.execute(
        "SELECT provider_id, current_version FROM contents WHERE id = ?", (content_id,)
    ).fetchone()
    mimes = playable(conn, content_id, codecs)
    url = f"/providers/{row['provider_id']}/content/{content_id}?version={row['current_version']}"
    if codecs is not None and mimes:
        url += "&codecs=" + ",".join(mimes)
    return api.Download(url=url, content_id=content_id, version=row["current_version"], encodings=mimes)


def delivered(
    conn: sqlite3.Connection, license_id: str, package: bytes, codecs: list[str] | None = None
) -> api.Delivered:
    """What the terminal receives for one license: the package and where to fetch the track."""
    row = conn.execute(
        "SELECT content_id, item_id FROM licenses WHERE license_id = ?", (license_id,)
    ).fetchone()
    return api.Delivered(
        license_id=license_id,
        item_id=row["item_id"],
        content_id=row["content_id"],
        package=b64e(package),
        download=download_info(conn, row["content_id"], codecs),
    )
