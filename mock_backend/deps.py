"""Shared request dependencies: the database connection, the signed-in user, loopback-only, idempotency."""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from mock_backend import clock, limits
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurers import SCOPE_INSURER
from player.protocol.canonical import canonical_json, format_time

# The cheap dependencies are `async def`: FastAPI runs a plain `def` dependency on a worker thread, and
# each such hop (there were eight for a signed-in GET) cost more than the work it carried.


async def get_context(request: Request) -> Context:
    """The request's insurer (`insurers.py`): the one its path names, else the backend's first."""
    return context_of(request.app.state, request.scope)


def context_of(state: Any, scope: Any) -> Context:
    ctx: Context = state.contexts.get(scope.get(SCOPE_INSURER)) or state.ctx
    return ctx


async def get_conn(ctx: Annotated[Context, Depends(get_context)]) -> AsyncIterator[sqlite3.Connection]:
    """A connection lent from the pool for this request (waited for here, on the event loop)."""
    async with ctx.pool.lend() as conn:
        yield conn


Ctx = Annotated[Context, Depends(get_context)]
# scope="function": the connection goes back to the pool when the route returns, not after its answer
# is sent (a download's file would otherwise hold one for as long as the client takes to read it)
Conn = Annotated[sqlite3.Connection, Depends(get_conn, scope="function")]


@dataclass(frozen=True)
class User:
    id: str
    username: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


async def bearer_token(authorization: Annotated[str | None, Header()] = None) -> str:
    """The session token from 'Authorization: Bearer <token>'."""
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, "not_signed_in", "sign in first: this call needs 'Authorization: Bearer <token>'")
    return authorization.removeprefix("Bearer ").strip()


BearerToken = Annotated[str, Depends(bearer_token)]

SCOPE_USER = "mock_backend.user"
"""Where the body guard leaves the (token, user) it found, so the route does not look the session up
again."""


async def current_user(request: Request, ctx: Ctx, conn: Conn, token: BearerToken) -> User:
    known = request.scope.get(SCOPE_USER)
    if isinstance(known, tuple) and known[0] == token:
        user: User = known[1]
        return user
    return await run_in_threadpool(session_user, conn, token, ctx.insurer_id)


def session_user(conn: sqlite3.Connection, token: str, insurer_id: str) -> User:
    """The user a live session token belongs to, at this insurer (another insurer's session is not one
    here); shared by the route dependency and the body guard, which asks before a body is read."""
    row = conn.execute(
        "SELECT u.id, u.username, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND u.insurer_id = ?",
        (token_hash(token), insurer_id),
    ).fetchone()
    if row is None or row["expires_at"] <= format_time(clock.now(conn)):
        raise ApiError(401, "session_expired", "the session is unknown or has expired; sign in again")
    return User(id=row["id"], username=row["username"])


CurrentUser = Annotated[User, Depends(current_user)]


async def admin_only(request: Request) -> None:
    """Admin controls answer only to the machine the backend runs on, and only with its admin token."""
    ctx = context_of(request.app.state, request.scope)
    check_admin(
        ctx, request.client.host if request.client else "", request.headers.get(limits.ADMIN_TOKEN_HEADER)
    )


def check_admin(ctx: Context, host: str, token: str | None) -> None:
    """Loopback first (403), then the token (401). Loopback alone let any local user or any page a local
    browser loaded drive the controls; the token, in a 0600 file, narrows that to who can read the data
    dir. Shared by the route dependency and the body guard, which asks before a body is read."""
    try:
        ok = ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = host in ("testclient", "localhost")
    if not ok:
        raise ApiError(403, "admin_loopback_only", "admin controls answer only on the loopback interface")
    if not token or not hmac.compare_digest(token.encode("utf-8"), ctx.admin_token.encode("ascii")):
        raise ApiError(
            401,
            "admin_token_required",
            f"admin controls need the '{limits.ADMIN_TOKEN_HEADER}' header: the token is in the backend's"
            f" data dir, file '{limits.ADMIN_TOKEN_FILE}'",
        )


# Routes default this to None, so a missing header reaches `idempotent` and gets its own answer
# (400 idempotency_key_required) instead of a generic "field required" validation error.
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key")]


async def idempotent(
    ctx: Context,
    user: User,
    key: str | None,
    endpoint: str,
    request_body: Any,
    work: Callable[[sqlite3.Connection], tuple[int, BaseModel]],
) -> Response:
    """Run `work(conn)` once per (user, Idempotency-Key); a retry gets the first answer back, charging
    nothing.

    Runs on the backend's writer (`writer.py`), in one savepoint with the look-up of the key, so two
    copies of the same POST racing each other are serialised and the second finds the first's answer. A
    refusal (ApiError) rolls back and is not stored, so a retry after the cause is fixed is judged afresh.
    The same key with a different body is a 409. The answer is sent once its transaction is committed. It
    bypasses FastAPI's response model (a replay must be the stored bytes' twin), so it is dumped here the
    way FastAPI would (only the fields `work` set) and sent as stored.
    """
    if not key or len(key) > 200:
        raise ApiError(400, "idempotency_key_required", "send an 'Idempotency-Key' header (1-200 chars)")
    digest = hashlib.sha256(canonical_json(request_body)).hexdigest()
    return await ctx.writer.run(functools.partial(_once, user, key, endpoint, digest, work))


def _once(
    user: User,
    key: str,
    endpoint: str,
    digest: str,
    work: Callable[[sqlite3.Connection], tuple[int, BaseModel]],
    conn: sqlite3.Connection,
) -> Response:
    """Inside the writer's transaction (a savepoint of its own)."""
    row = conn.execute(
        "SELECT endpoint, request_hash, status_code, response FROM idempotency WHERE user_id=? AND key=?",
        (user.id, key),
    ).fetchone()
    if row is not None:
        if row["endpoint"] != endpoint or row["request_hash"] != digest:
            raise ApiError(
                409, "idempotency_key_reused", "this Idempotency-Key was used for a different request"
            )
        return _json(row["status_code"], bytes(row["response"]), {"Idempotent-Replay": "true"})
    status, answer = work(conn)
    body = canonical_json(answer.model_dump(mode="json", exclude_unset=True))
    conn.execute(
        "INSERT INTO idempotency(user_id, key, endpoint, request_hash, status_code, response,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (user.id, key, endpoint, digest, status, body, format_time(clock.now(conn))),
    )
    return _json(status, body)


def _json(status: int, body: bytes, headers: dict[str, str] | None = None) -> Response:
    """The stored bytes themselves, the first time and on every replay (serialised once)."""
    return Response(content=body, status_code=status, media_type="application/json", headers=headers)
