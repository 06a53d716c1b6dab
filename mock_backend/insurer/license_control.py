"""License control function 55: the license list 56 (FIG.7) and the answers drawn from it.

Every change to a user's licenses bumps that user's list version and stamps the changed rows with it,
so a delta "since N" is one indexed query and a terminal can never be handed an older version as new.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from mock_backend import clock
from mock_backend.context import Context
from mock_backend.errors import ApiError
from player.protocol.canonical import format_time, parse_time
from player.protocol.license_list import (
    InvalidationReason,
    LicenseList,
    LicenseState,
    ListEntry,
    ValidityStatement,
    sign_license_list,
    sign_validity,
)


def bump_version(conn: sqlite3.Connection, user_id: str) -> int:
    conn.execute("UPDATE users SET list_version = list_version + 1 WHERE id = ?", (user_id,))
    row = conn.execute("SELECT list_version FROM users WHERE id = ?", (user_id,)).fetchone()
    return int(row[0])


def add_license(
    conn: sqlite3.Connection,
    *,
    user_id: str,
    license_id: str,
    provider_id: str,
    content_id: str,
    content_version: int,
    policy_id: str | None,
    item_id: str | None,
    package: bytes | None,
    state: LicenseState = LicenseState.VALID,
    reason: InvalidationReason | None = None,
) -> int:
    version = bump_version(conn, user_id)
    now = format_time(clock.now(conn))
    conn.execute(
        "INSERT INTO licenses(license_id, user_id, policy_id, item_id, provider_id, content_id,"
        " content_version, state, invalidated_at, reason, changed_in_version, package, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            license_id,
            user_id,
            policy_id,
            item_id,
            provider_id,
            content_id,
            content_version,
            state.value,
            now if state is LicenseState.INVALID else None,
            reason.value if reason else None,
            version,
            package,
            now,
        ),
    )
    return version


def invalidate(conn: sqlite3.Connection, user_id: str, license_id: str, reason: InvalidationReason) -> int:
    """Mark a license invalid (FIG.12 (19)); returns the new list version."""
    version = bump_version(conn, user_id)
    cur = conn.execute(
        "UPDATE licenses SET state = 'invalid', invalidated_at = ?, reason = ?, changed_in_version = ?"
        " WHERE license_id = ? AND user_id = ? AND state = 'valid'",
        (format_time(clock.now(conn)), reason.value, version, license_id, user_id),
    )
    if cur.rowcount != 1:
        raise ApiError(409, "license_not_valid", f"license {license_id} is not a valid license of yours")
    return version


def _entry(row: sqlite3.Row) -> ListEntry:
    return ListEntry(
        license_id=row["license_id"],
        content_id=row["content_id"],
        state=LicenseState(row["state"]),
        invalidated_at=parse_time(row["invalidated_at"]) if row["invalidated_at"] else None,
        reason=InvalidationReason(row["reason"]) if row["reason"] else None,
    )


def current_version(conn: sqlite3.Connection, user_id: str) -> int:
    row = conn.execute("SELECT list_version FROM users WHERE id = ?", (user_id,)).fetchone()
    return int(row[0])


def signed_list(ctx: Context, conn: sqlite3.Connection, user_id: str, since: int | None = None) -> bytes:
    """The user's list, signed: a delta of the rows changed after version `since` when that is older than
    the current version, else the full list. A user with no licenses yet still gets version 1 (an empty,
    signed list) so the terminal has something to pin.
    """
    version = current_version(conn, user_id)
    if version == 0:
        version = bump_version(conn, user_id)
    if since is not None and not 0 <= since <= version:
        raise ApiError(409, "unknown_list_version", f"version {since} is newer than the list ({version})")
    delta = since is not None and since < version
    # every row has changed_in_version >= 1, so "after version 0" is the full list
    after = since if delta and since is not None else 0
    now = clock.now(conn)
    lst = LicenseList(
        user_id=user_id,
        version=version,
        base_version=since if delta else None,
        issued_at=now,
        expires_at=now + timedelta(seconds=ctx.settings.list_ttl_seconds),
        entries=tuple(
            _entry(r)
            for r in conn.execute(
                "SELECT * FROM licenses WHERE user_id = ? AND changed_in_version > ? ORDER BY license_id",
                (user_id, after),
            )
        ),
    )
    return sign_license_list(lst, ctx.insurer_key)


def validity(ctx: Context, conn: sqlite3.Connection, user_id: str, license_id: str) -> bytes:
    """FIG.10 (3)-(4): one license's state, signed; `unknown` for an ID this user has never held."""
    row = conn.execute(
        "SELECT * FROM licenses WHERE license_id = ? AND user_id = ?", (license_id, user_id)
    ).fetchone()
    now: datetime = clock.now(conn)
    if row is None:
        statement = ValidityStatement(
            user_id, license_id, LicenseState.UNKNOWN, None, None, current_version(conn, user_id), now
        )
    else:
        e = _entry(row)
        statement = ValidityStatement(
            user_id, license_id, e.state, e.invalidated_at, e.reason, current_version(conn, user_id), now
        )
    return sign_validity(statement, ctx.insurer_key)
