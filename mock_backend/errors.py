"""Every refusal the API gives is a 4xx with one JSON shape: `api.ErrorBody`, {"error": {"code", ...}}.

Routes raise `ApiError`; the handlers installed by `install_handlers` turn it, FastAPI's validation
errors and anything unexpected into that shape, so a client never has to parse an HTML page or a stack.
`error_responses` documents the same shape in `/openapi.json` for the statuses a route can answer with.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from player.protocol.api import ErrorBody, ErrorDetail, RefusedItem

log = logging.getLogger("mock_backend")

# What each status means in this API, for the OpenAPI description of its error answer.
_MEANINGS = {
    400: "Missing or malformed Idempotency-Key",
    401: "Not signed in, the session expired, a signed request was refused, or no admin token",
    403: "Admin controls answer on the loopback interface only",
    404: "No such thing (or not yours)",
    406: "None of the encodings the terminal decodes",
    409: "Refused in the current state (a guarantee condition: `claim_refused` is true)",
    410: "The provider ended its business or the track is no longer distributed",
    413: "The request body is larger than this route takes",
    422: "The request is invalid",
    429: "Too many failed attempts: wait the seconds `Retry-After` says",
    500: "The server failed",
    503: "The provider is not answering (outage)",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        claim_refused: bool = False,
        items: list[RefusedItem] | None = None,
        headers: dict[str, str] | None = None,
        facts: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers
        extra: dict[str, Any] = {}  # left unset unless given, so ordinary refusals do not carry them
        if claim_refused:
            extra["claim_refused"] = True
        if items is not None:
            extra["items"] = items
        if facts:
            extra["facts"] = facts
        self.detail = ErrorDetail(code=code, message=message, **extra)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries saying that each of `statuses` answers with `ErrorBody`."""
    return {status: {"model": ErrorBody, "description": _MEANINGS[status]} for status in statuses}


def answer(status: int, detail: ErrorDetail, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON answer for a refusal; also used by the ASGI guards that answer before any route runs."""
    # only what was set: `claim_refused` and `items` appear on the refusals that carry them
    body = ErrorBody(error=detail).model_dump(mode="json", exclude_unset=True)
    return JSONResponse(status_code=status, content=body, headers=headers)


# Validation failures whose pydantic error type names a condition of their own (raised as
# `PydanticCustomError(code, ...)` by the shared field types) keep that code instead of `invalid_request`.
OWN_CODES = frozenset({"unsafe_text"})


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return answer(exc.status, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        code = "invalid_request"
        for err in exc.errors():
            if err.get("type") in OWN_CODES:
                code = str(err["type"])
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
        message = "invalid request: " + "; ".join(problems[:5])
        return answer(422, ErrorDetail(code=code, message=message))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI's "There was an error parsing the body" (bad JSON, a broken multipart form): an
            # invalid request like any other, answered with the 422 every route with a body documents
            return answer(422, ErrorDetail(code="malformed_body", message=str(exc.detail)))
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return answer(exc.status_code, ErrorDetail(code=code, message=str(exc.detail)))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return answer(500, ErrorDetail(code="internal", message="the server failed; see its log"))
