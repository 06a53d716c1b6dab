"""The body guard: a pure ASGI middleware that judges a request before its body is read.

FastAPI reads a whole body (and Starlette spools a multipart upload to a temporary file) before any
route or dependency runs, so without this a 2 GB upload was written to disk before its 403, and a 300 MB
JSON sign-up was held in memory before its 422. Here, for each request and before the application sees a
byte of the body:

1. who must be known is checked first (`limits.BodyRule.auth`): the admin routes' loopback and token,
   a user route's session. A refusal is answered at once and the body is never read.
2. a declared `Content-Length` above the route's limit is 413 at once;
3. a body without one (chunked) is counted as it streams in, and cut off with a 413 as soon as it
   passes the limit: the application is told the client went away, and whatever it answers then is
   dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mock_backend import limits
from mock_backend.context import Context
from mock_backend.deps import SCOPE_USER, check_admin, session_user
from mock_backend.errors import ApiError, answer


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"this route takes a body of at most {limit} bytes")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            text: str = value.decode("latin-1")
            return text
    return None


class BodyGuard:
    def __init__(self, app: ASGIApp, context: Callable[[Scope], Context]) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rule = limits.body_rule(scope["method"], scope["path"])
        try:
            await self._authorize(scope, rule)
            self._check_declared_length(scope, rule)
        except ApiError as refusal:
            await self._refuse(refusal, scope, receive, send)
            return

        received = 0
        refused = False
        answering = False  # the application has begun its answer: a 413 can no longer be sent

        async def counted_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > rule.limit:
                    refused = True
                    if not answering:
                        await self._refuse(_too_large(rule.limit), scope, None, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal answering
            if refused and not answering:
                return  # our 413 went out instead
            answering = True
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not refused:
                raise
            # the application failed on the cut-off body after it was refused: nothing left to say

    async def _authorize(self, scope: Scope, rule: limits.BodyRule) -> None:
        if rule.auth == "admin":
            client = scope.get("client")
            check_admin(self.context(scope), client[0] if client else "", _header(scope, b"x-admin-token"))
        elif rule.auth == "user":
            authorization = _header(scope, b"authorization")
            if not authorization or not authorization.startswith("Bearer "):
                raise ApiError(
                    401, "not_signed_in", "sign in first: this call needs 'Authorization: Bearer <token>'"
                )
            token = authorization.removeprefix("Bearer ").strip()
            # On the event loop itself: one lookup by primary key, tens of microseconds (in WAL mode a
            # reader never waits for SQLite's writer), costs less than a hop to a worker thread and back,
            # whose two hand-overs of the GIL queue behind every other thread when fifty claims arrive.
            ctx = self.context(scope)
            async with ctx.pool.lend() as conn:
                user = session_user(conn, token, ctx.insurer_id)
            scope[SCOPE_USER] = (token, user)  # the route's `current_user` takes it from here

    @staticmethod
    def _check_declared_length(scope: Scope, rule: limits.BodyRule) -> None:
        declared = _header(scope, b"content-length")
        if declared is None:
            return
        if not declared.strip().isdigit():
            raise ApiError(422, "bad_content_length", "Content-Length is not a number of bytes")
        if int(declared) > rule.limit:
            raise _too_large(rule.limit)

    @staticmethod
    async def _refuse(refusal: ApiError, scope: Scope, receive: Receive | None, send: Send) -> None:
        response = answer(refusal.status, refusal.detail, refusal.headers)
        # the unread body makes the connection unusable for another request: say so, and uvicorn closes it
        response.headers["Connection"] = "close"
        await response(scope, receive or _no_body, send)


async def _no_body() -> dict[str, Any]:
    return {"type": "http.disconnect"}
