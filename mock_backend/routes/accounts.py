"""Flow 1: accounts and sessions. The password check costs the same whether or not the user exists;
failed sign-ins are throttled per account and per client address (`throttle.LoginThrottle`); user names
are unique whatever their case, so "Alice" cannot pass for "alice" in a dialog or a support call."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Request
from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from mock_backend import clock, db
from mock_backend.deps import BearerToken, Conn, Ctx, CurrentUser, token_hash
from mock_backend.errors import ApiError, error_responses
from mock_backend.exchange.records import account_pseudonym
from player.protocol import api
from player.protocol.canonical import format_time
from player.protocol.shared_history import pseudonym

router = APIRouter(prefix="/api/v1", tags=["insurer: accounts"])

_USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,32}")


def _check_username(value: str) -> str:
    """Said in words: the person choosing a name reads this, not a regular expression."""
    if not _USERNAME.fullmatch(value):
        raise PydanticCustomError(
            "invalid_username",
            "a user name is 2 to 32 letters (A-Z, a-z), digits, dots, dashes or underscores, without spaces",
        )
    return value


Username = Annotated[
    str, AfterValidator(_check_username), WithJsonSchema({"type": "string", "pattern": _USERNAME.pattern})
]
_DUMMY_SALT = b"\x00" * 16


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)


class Credentials(api.RequestModel):
    username: Username
    password: str = Field(min_length=8, max_length=200)


class SignUp(Credentials):
    # The person as the insurers of the exchange know them (an e-mail address, verified in a real
    # service): only its pseudonym is kept, never the address itself.
    identity: str | None = Field(default=None, min_length=3, max_length=254)


@router.post("/accounts", status_code=201, responses=error_responses(409, 413, 422))
def sign_up(body: SignUp, conn: Conn, ctx: Ctx) -> api.Account:
    """An account at this insurer; the same name may be taken at another."""
    salt = secrets.token_bytes(16)
    user_id = "u-" + secrets.token_hex(8)
    pw_hash = _hash(body.password, salt)  # tens of ms of scrypt: not while holding the writer lock
    # Without an identity the person is this account alone: a pseudonym no other insurer's can match.
    person = (
        pseudonym(ctx.exchange_secret, body.identity)
        if body.identity
        else account_pseudonym(ctx.exchange_secret, ctx.insurer_id, user_id)
    )
    with db.transaction(conn):
        taken = conn.execute(
            "SELECT 1 FROM users WHERE insurer_id = ? AND username = ? COLLATE NOCASE",
            (ctx.insurer_id, body.username),
        )
        if taken.fetchone():
            raise ApiError(409, "username_taken", f"the user name {body.username!r} is taken")
        conn.execute(
            "INSERT INTO users(id, username, pw_salt, pw_hash, created_at, insurer_id, pseudonym)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user_id, body.username, salt, pw_hash, format_time(clock.now(conn)), ctx.insurer_id, person),
        )
    return api.Account(user_id=user_id, username=body.username)


@router.post("/sessions", status_code=201, responses=error_responses(401, 422, 429))
def sign_in(body: Credentials, request: Request, conn: Conn, ctx: Ctx) -> api.Session:
    address = request.client.host if request.client else ""
    ctx.login_throttle.check(body.username, address, clock.now(conn))
    row = conn.execute(
        "SELECT id, username, pw_salt, pw_hash FROM users"
        " WHERE insurer_id = ? AND username = ? COLLATE NOCASE",
        (ctx.insurer_id, body.username),
    ).fetchone()
    computed = _hash(body.password, row["pw_salt"] if row else _DUMMY_SALT)
    if row is None or not hmac.compare_digest(computed, row["pw_hash"]):
        ctx.login_throttle.failed(body.username, address, clock.now(conn))
        raise ApiError(401, "bad_credentials", "user name or password is wrong")
    ctx.login_throttle.succeeded(body.username)
    token = secrets.token_urlsafe(32)
    now = clock.now(conn)
    expires = now + timedelta(seconds=ctx.settings.session_ttl_seconds)
    with db.transaction(conn):
        conn.execute(
            "INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (token_hash(token), row["id"], format_time(now), format_time(expires)),
        )
    return api.Session(
        token=token, user_id=row["id"], username=row["username"], expires_at=format_time(expires)
    )


@router.delete("/sessions/current", status_code=204, responses=error_responses(401, 422))
def sign_out(user: CurrentUser, token: BearerToken, conn: Conn) -> None:
    """End the session this token belongs to; the user's other devices stay signed in."""
    with db.transaction(conn):
        conn.execute(
            "DELETE FROM sessions WHERE user_id = ? AND token_hash = ?", (user.id, token_hash(token))
        )


@router.get("/me", responses=error_responses(401, 422))
def whoami(user: CurrentUser) -> api.Account:
    return api.Account(user_id=user.id, username=user.username)
