"""The insurers' requests to each other, authenticated by their signing keys.

The sender signs, with Ed25519, one line each of: a context string, the method, the insurer the request
is meant for, the path with its query (as the receiver sees it, after its `/insurers/<id>` prefix), a
timestamp, a fresh nonce, its own ID and the SHA-256 of the body. These travel in `X-Exchange-*`
headers. The receiver refuses, in this order: an insurer it does not know (401 `unknown_insurer`), a
signature that does not verify under that insurer's key (401 `bad_signature`), a timestamp more than
five minutes from its own wall clock (401 `stale_request`), a nonce that sender used before (409
`replayed_request`). So a captured request cannot be sent again, nor to another insurer, nor with
another body or query.

Timestamps are checked against wall time, not the backend's admin clock: they guard the network against
replays, and two processes may have moved their admin clocks apart for their tests or demos.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import time
from collections.abc import Mapping
from datetime import datetime, timedelta

from mock_backend.errors import ApiError
from mock_backend.exchange.registry import Exchange, Local
from player.errors import PlayerError
from player.protocol.canonical import format_time, now_utc, parse_time, sign, verify

CONTEXT = "insured-player/exchange-request/v1"
MAX_SKEW = timedelta(minutes=5)
INSURER, TIMESTAMP, NONCE, SIGNATURE = (
    "X-Exchange-Insurer",
    "X-Exchange-Timestamp",
    "X-Exchange-Nonce",
    "X-Exchange-Signature",
)


def _message(
    method: str, audience: str, target: str, timestamp: str, nonce: str, sender: str, body: bytes
) -> bytes:
    lines = (
        CONTEXT,
        method.upper(),
        audience,
        target,
        timestamp,
        nonce,
        sender,
        hashlib.sha256(body).hexdigest(),
    )
    return "\n".join(lines).encode("utf-8")


def signed_headers(
    sender: Local, audience: str, method: str, target: str, body: bytes = b"", at: datetime | None = None
) -> dict[str, str]:
    """The headers of a request from `sender` to the insurer `audience`; `target` is the path and query
    after the audience's base URL (``/api/v1/exchange/records?since=4``); `at`: when it says it was sent
    (now)."""
    timestamp = format_time(at or now_utc())
    nonce = secrets.token_hex(16)
    signature = sign(sender.key, _message(method, audience, target, timestamp, nonce, sender.id, body))
    return {INSURER: sender.id, TIMESTAMP: timestamp, NONCE: nonce, SIGNATURE: signature}


def authenticate(
    exchange: Exchange,
    conn: sqlite3.Connection,
    holder: str,
    headers: Mapping[str, str],
    method: str,
    target: str,
    body: bytes,
) -> str:
    """The sender of a request to `holder`, once every check of the module's docstring passed; its nonce
    is then used up (in the caller's transaction)."""
    sender = headers.get(INSURER, "")
    timestamp = headers.get(TIMESTAMP, "")
    nonce = headers.get(NONCE, "")
    key = exchange.key_of(sender) if sender and sender != holder else None
    if key is None:
        raise ApiError(401, "unknown_insurer", f"{sender or 'the sender'} is not an insurer of this exchange")
    try:
        verify(
            key,
            headers.get(SIGNATURE),
            _message(method, holder, target, timestamp, nonce, sender, body),
            "request",
        )
        sent_at = parse_time(timestamp, "timestamp")
    except PlayerError as e:
        raise ApiError(401, "bad_signature", f"the request's signature does not verify: {e}") from e
    if abs(now_utc() - sent_at) > MAX_SKEW:
        raise ApiError(401, "stale_request", "the request's timestamp is more than five minutes off")
    if not 16 <= len(nonce) <= 64:
        raise ApiError(401, "bad_signature", "the request carries no nonce")
    now = time.time()
    conn.execute("DELETE FROM exchange_nonces WHERE seen_at < ?", (now - 2 * MAX_SKEW.total_seconds(),))
    seen = conn.execute(
        "INSERT OR IGNORE INTO exchange_nonces(holder, sender, nonce, seen_at) VALUES (?, ?, ?, ?)",
        (holder, sender, nonce, now),
    )
    if seen.rowcount == 0:
        raise ApiError(409, "replayed_request", "this signed request was already used")
    return sender
