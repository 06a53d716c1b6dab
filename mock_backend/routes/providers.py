"""The two distribution services: each a license server (10/11) and a content server (20/21)."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, Response
from pydantic import Field

from mock_backend import db, licensor, previews
from mock_backend.context import Context
from mock_backend.deps import Conn, Ctx, CurrentUser, IdempotencyKey, idempotent
from mock_backend.errors import ApiError, error_responses
from mock_backend.insurer import contracts, delivery, receipts
from mock_backend.limits import MAX_SQL_INT
from player.protocol import api
from player.protocol.canonical import b64e, ed25519_public_bytes, fingerprint
from player.protocol.receipt import ReceiptKind

router = APIRouter(prefix="/providers/{provider_id}", tags=["providers"])

MAX_SIGNED_REQUEST = 64 * 1024
CONTAINER_TYPE = "application/vnd.insured-player.container"


# exclude_unset: a refused authentication names no license, rather than sending nulls
@router.post(
    "/licensor",
    tags=["providers: licensor"],
    response_model=api.LicensorAnswer,
    response_model_exclude_unset=True,
    responses=error_responses(401, 404, 409, 410, 413, 422, 503),
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A licensor-request document signed by the insurer (exact bytes)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedDocument"}}},
        }
    },
)
async def licensor_endpoint(provider_id: str, request: Request, ctx: Ctx, conn: Conn) -> api.LicensorAnswer:
    """Act on a request signed by the insurer (issue / availability / authenticate / offer)."""
    data = await request.body()
    if len(data) > MAX_SIGNED_REQUEST:
        raise ApiError(413, "too_large", "signed requests are at most 64 KiB")

    def answer(conn: sqlite3.Connection) -> api.LicensorAnswer:
        with db.transaction(conn):
            accepted = licensor.accept(ctx, conn, provider_id, data)  # the nonce is used up even if refused
        with db.transaction(conn):
            return licensor.act(ctx, conn, accepted)

    return await ctx.writer.run(answer, alone=True)


class DirectPurchase(api.RequestModel):
    content_id: str = Field(min_length=1, max_length=64)


@router.post(
    "/direct-purchases",
    status_code=201,
    tags=["providers: licensor"],
    response_model=api.DirectLicense,
    responses=error_responses(400, 401, 404, 409, 410, 422, 503),
)
async def direct_purchase(
    provider_id: str,
    body: DirectPurchase,
    user: CurrentUser,
    ctx: Ctx,
    key: IdempotencyKey = None,
) -> Response:
    """FIG.15 (1)-(2): buy a license straight from the licensor, without insurance (insure it later).
    Money changes hands: a retry with the same Idempotency-Key gets the first license, charged once."""
    return await idempotent(
        ctx,
        user,
        key,
        f"POST /providers/{provider_id}/direct-purchases",
        body.model_dump(),
        lambda conn: (201, _sell(ctx, conn, provider_id, body.content_id, user.id)),
    )


def _on_sale(conn: sqlite3.Connection, provider_id: str, content_id: str) -> tuple[sqlite3.Row, sqlite3.Row]:
    """The provider and its content, when it can sell that content now."""
    provider = conn.execute("SELECT * FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if provider is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    content = conn.execute(
        "SELECT * FROM contents WHERE id = ? AND provider_id = ?", (content_id, provider_id)
    ).fetchone()
    if content is None:
        raise ApiError(404, "unknown_content", f"{provider['name']} has no content {content_id!r}")
    reason = licensor.unavailable_reason(provider, content)
    if reason is not None:
        raise ApiError(503 if reason == "provider_unavailable" else 410, reason, f"cannot sell: {reason}")
    return provider, content


def _sell(
    ctx: Context, conn: sqlite3.Connection, provider_id: str, content_id: str, user_id: str
) -> api.DirectLicense:
    _, content = _on_sale(conn, provider_id, content_id)
    sold = licensor.issue_license(ctx, conn, provider_id, content, user_id, "direct")
    bill = [receipts.item(conn, content_id, price=sold.price)]
    receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.DIRECT_PURCHASE, bill, signer=provider_id)
    return sold.model_copy(
        update={"download": delivery.download_info(conn, content_id), "receipt_id": receipt_id}
    )


class CheckoutRequest(api.RequestModel):
    content_id: str = Field(min_length=1, max_length=64)
    policy_id: str = Field(min_length=1, max_length=64)


@router.post(
    "/checkout",
    status_code=201,
    tags=["providers: licensor"],
    response_model=api.Purchase,
    responses=error_responses(400, 401, 404, 409, 410, 422, 503),
)
async def checkout(
    provider_id: str,
    body: CheckoutRequest,
    user: CurrentUser,
    ctx: Ctx,
    key: IdempotencyKey = None,
) -> Response:
    """FIG.11 (back-end configuration): buy at the provider's own checkout with "insure this purchase"
    ticked. The licensor issues the license and asks the insurer's contract processing to insure it; the
    answer is the same insured package, policy and download as a purchase through the insurer."""
    return await idempotent(
        ctx,
        user,
        key,
        f"POST /providers/{provider_id}/checkout",
        body.model_dump(),
        lambda conn: (201, _sell_insured(ctx, conn, provider_id, body.content_id, user.id, body.policy_id)),
    )


def _sell_insured(
    ctx: Context, conn: sqlite3.Connection, provider_id: str, content_id: str, user_id: str, policy_id: str
) -> api.Purchase:
    provider, content = _on_sale(conn, provider_id, content_id)
    if "back_end" not in licensor.configurations(provider):
        raise ApiError(
            409,
            "no_checkout",
            f"{provider['name']} sells insured tracks through the insurer, not at a checkout",
        )
    sold = licensor.issue_license(ctx, conn, provider_id, content, user_id, "insurer")
    # The insurer's contract processing, reached in-process by the bundled backend: the same signed
    # request and checks as POST /api/v1/contracts from a provider that runs elsewhere.
    request = contracts.make_request(ctx, conn, provider_id, user_id, policy_id, sold)
    return contracts.insure_sale(ctx, conn, request)


def _distributed(conn: sqlite3.Connection, provider_id: str, content_id: str) -> sqlite3.Row:
    """The content row of a track the provider distributes now; else the refusal a terminal can word."""
    provider = conn.execute("SELECT * FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if provider is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    if provider["status"] == "ended":
        raise ApiError(410, "provider_ended", f"{provider['name']} has ended its business")
    if provider["outage_started_at"] is not None:
        raise ApiError(503, "provider_unavailable", f"{provider['name']} is not answering (outage)")
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM contents WHERE id = ? AND provider_id = ?", (content_id, provider_id)
    ).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"{provider['name']} has no content {content_id!r}")
    if row["discontinued"]:
        raise ApiError(410, "content_discontinued", f"{row['title']!r} is no longer distributed")
    return row


def pick_encoding(rows: list[Any], codecs: str | None) -> Any:
    """[0050]: of a version's encodings (rows with `mime`), the first the terminal names (else the first
    there is); `406 no_acceptable_encoding` when it names none of them."""
    if not codecs:
        return rows[0]
    by_mime = {r["mime"]: r for r in rows}
    for wanted in (c.strip() for c in codecs.split(",")):
        if wanted in by_mime:
            return by_mime[wanted]
    have = ", ".join(sorted(by_mime))
    raise ApiError(406, "no_acceptable_encoding", f"no encoding among {codecs!r}; this track comes as {have}")


def container(ctx: Context, encoding: Any) -> FileResponse:
    """An encrypted container as the content servers send it (HTTP Range by `FileResponse`), saying its
    encoding and version in headers."""
    return FileResponse(
        ctx.settings.data_dir / encoding["path"],
        media_type=CONTAINER_TYPE,
        headers={"X-Content-Mime": encoding["mime"], "X-Content-Version": str(encoding["version"])},
    )


# What a terminal decodes, best first, as a query parameter of every download
CodecsQuery = Annotated[
    str | None, Query(max_length=200, description="MIME types the terminal decodes, best first")
]


_CONTAINER = {CONTAINER_TYPE: {"schema": {"type": "string", "format": "binary"}}}
_MIME_HEADERS = {
    "X-Content-Mime": {"description": "the encoding inside the container", "schema": {"type": "string"}},
    "X-Content-Version": {"description": "the content version", "schema": {"type": "string"}},
}
CONTAINER_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "The encrypted container", "content": _CONTAINER, "headers": _MIME_HEADERS},
    206: {
        "description": "The part asked for with HTTP Range: a download resuming",
        "content": _CONTAINER,
        "headers": _MIME_HEADERS,
    },
    416: {"description": "The range starts at or past the end: the terminal holds the whole file"},
}
_BINARY = {"schema": {"type": "string", "format": "binary"}}
PREVIEW_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A short clip of the track, unencrypted, as stores let people listen first",
        "content": dict.fromkeys(previews.FORMATS, _BINARY),
    }
}


@router.get(
    "/content/{content_id}",
    tags=["providers: content server"],
    response_class=FileResponse,
    responses=CONTAINER_ANSWERS | error_responses(404, 406, 410, 422, 503),
)
def content(
    provider_id: str,
    content_id: str,
    ctx: Ctx,
    conn: Conn,
    version: Annotated[int | None, Query(ge=1, le=MAX_SQL_INT)] = None,
    codecs: CodecsQuery = None,
) -> FileResponse:
    """The encrypted container ([0050]: in an encoding the terminal can play), resumable by HTTP Range."""
    row = _distributed(conn, provider_id, content_id)
    rows = conn.execute(
        "SELECT * FROM encodings WHERE content_id = ? AND version = ? ORDER BY mime",
        (content_id, version or row["current_version"]),
    ).fetchall()
    if not rows:
        raise ApiError(404, "unknown_version", f"{content_id!r} has no version {version}")
    return container(ctx, pick_encoding(rows, codecs))


@router.get(
    "/preview/{content_id}",
    tags=["providers: content server"],
    response_class=FileResponse,
    responses=PREVIEW_ANSWERS | error_responses(404, 406, 410, 422, 503),
)
def preview(
    provider_id: str,
    content_id: str,
    ctx: Ctx,
    conn: Conn,
    codecs: CodecsQuery = None,
) -> FileResponse:
    """A clip of a track on sale, for anyone (no sign-in): Ogg Vorbis, or FLAC when asked for first."""
    row = _distributed(conn, provider_id, content_id)
    wanted = [c.strip() for c in codecs.split(",")] if codecs else list(previews.FORMATS)
    mime = next((c for c in wanted if c in previews.FORMATS), None)
    if mime is None:
        have = ", ".join(previews.FORMATS)
        raise ApiError(
            406, "no_acceptable_encoding", f"no encoding among {codecs!r}; previews come as {have}"
        )
    path = previews.preview(ctx.settings, content_id, int(row["current_version"]), mime)
    return FileResponse(path, media_type=mime, headers={"Cache-Control": "public, max-age=86400"})


@router.get("", responses=error_responses(404, 422))
def provider_info(provider_id: str, ctx: Ctx, conn: Conn) -> api.ProviderInfo:
    row = conn.execute("SELECT id, name, status FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    raw = ed25519_public_bytes(ctx.licensor_keys[provider_id])
    return api.ProviderInfo(
        id=row["id"],
        name=row["name"],
        status=row["status"],
        public_key=b64e(raw),
        fingerprint=fingerprint(raw),
    )
