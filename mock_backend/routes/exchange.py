"""The exchange between insurers ([0040], claim 18): a peer's key, records pushed and pulled, and what a
user can read of what was shared about them. `mock_backend/exchange/` does the work; docs/insurers.md."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from mock_backend import db
from mock_backend.context import Context
from mock_backend.deps import Conn, Ctx, CurrentUser
from mock_backend.errors import ApiError, error_responses
from mock_backend.exchange import records, signing
from mock_backend.exchange.registry import Exchange
from mock_backend.limits import MAX_SQL_INT
from player.errors import PlayerError
from player.protocol.canonical import b64d, format_time, now_utc
from player.protocol.insurers_api import (
    ExchangeBatch,
    ExchangeKey,
    ExchangeReceipt,
    ExchangeRecords,
    ExchangeRefusal,
    SharedAboutYou,
)

router = APIRouter(prefix="/api/v1/exchange", tags=["insurers: exchange"])
PAGE = 100  # records per pull answer
SIGNED_REFUSALS = (401, 409, 422)


def _exchange(ctx: Context) -> Exchange:
    if ctx.exchange is None:
        raise ApiError(404, "no_exchange", "this backend takes part in no exchange")
    return ctx.exchange


def _target(request: Request) -> str:
    """The path and query the sender signed: as routed here, after this insurer's prefix."""
    query = request.scope.get("query_string", b"").decode("latin-1")
    path: str = request.scope["path"]
    return path + (f"?{query}" if query else "")


@router.get("/key")
def key(ctx: Ctx) -> ExchangeKey:
    """This insurer's signing key, with the proof that it holds the exchange secret (pinned by peers)."""
    return _exchange(ctx).own_key(ctx.insurer_id)


@router.post("/records", responses=error_responses(*SIGNED_REFUSALS, 413))
async def push(request: Request, ctx: Ctx, conn: Conn) -> ExchangeReceipt:
    """Records a peer wrote, in a request it signed; each kept once it verifies under its writer's key."""
    body = await request.body()
    return await run_in_threadpool(_push, ctx, conn, dict(request.headers), _target(request), body)


def _push(
    ctx: Context, conn: sqlite3.Connection, headers: dict[str, str], target: str, body: bytes
) -> ExchangeReceipt:
    exchange = _exchange(ctx)
    with db.transaction(conn):
        signing.authenticate(exchange, conn, ctx.insurer_id, _titled(headers), "POST", target, body)
    try:
        batch = ExchangeBatch.model_validate_json(body)
    except ValidationError as e:
        raise ApiError(422, "invalid_request", f"not a batch of records: {e.error_count()} problems") from e
    stored = known = 0
    refused = []
    with db.transaction(conn):
        for index, text in enumerate(batch.records):
            try:
                if records.receive(exchange, conn, ctx.insurer_id, b64d(text, "record")):
                    stored += 1
                else:
                    known += 1
            except (records.RecordRefused, PlayerError) as e:
                refused.append(ExchangeRefusal(index=index, reason=str(e)[:300]))
    return ExchangeReceipt(stored=stored, known=known, refused=refused)


@router.get("/records", responses=error_responses(*SIGNED_REFUSALS))
def pull(
    request: Request, ctx: Ctx, conn: Conn, since: Annotated[int, Query(ge=0, le=MAX_SQL_INT)] = 0
) -> ExchangeRecords:
    """What this insurer wrote after cursor `since`, for a peer that signed the request. The records it
    takes are marked as delivered to it, so they are not pushed again."""
    exchange = _exchange(ctx)
    with db.transaction(conn):
        sender = signing.authenticate(
            exchange, conn, ctx.insurer_id, _titled(dict(request.headers)), "GET", _target(request), b""
        )
        documents, cursor, more = records.written_since(conn, ctx.insurer_id, since, PAGE)
        conn.execute(
            "UPDATE exchange_outbox SET delivered_at = ? WHERE peer = ? AND writer = ?"
            " AND delivered_at IS NULL AND record_id IN (SELECT record_id FROM shared_records"
            " WHERE holder = ? AND writer = ? AND seq > ? AND seq <= ?)",
            (format_time(now_utc()), sender, ctx.insurer_id, ctx.insurer_id, ctx.insurer_id, since, cursor),
        )
    return ExchangeRecords(records=documents, next=cursor, more=more)


@router.get("/about-me", responses=error_responses(401, 422))
def about_me(user: CurrentUser, ctx: Ctx, conn: Conn) -> list[SharedAboutYou]:
    """What this insurer holds about the signed-in user's pseudonym, oldest first: the records it wrote
    (with the insurers each has reached, and those it is on its way to) and those it received."""
    return records.about(ctx, conn, user.id)


def _titled(headers: dict[str, str]) -> dict[str, str]:
    """Starlette's headers come lower-cased; the signing module names them as sent."""
    names = {n.lower(): n for n in (signing.INSURER, signing.TIMESTAMP, signing.NONCE, signing.SIGNATURE)}
    return {names.get(k.lower(), k): v for k, v in headers.items()}
