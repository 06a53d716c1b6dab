"""The two distribution services: each a license server (10/11) and a content server (20/21)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from mock_backend import db, licensor
from mock_backend.deps import Conn, Ctx, CurrentUser
from mock_backend.errors import ApiError
from player.protocol.canonical import b64e, ed25519_public_bytes, fingerprint

router = APIRouter(prefix="/providers/{provider_id}", tags=["providers"])

MAX_SIGNED_REQUEST = 64 * 1024
CONTAINER_TYPE = "application/vnd.insured-player.container"


@router.post("/licensor", tags=["providers: licensor"])
async def licensor_endpoint(provider_id: str, request: Request, ctx: Ctx, conn: Conn) -> dict[str, Any]:
    """Act on a request signed by the insurer (issue / availability / authenticate / offer)."""
    data = await request.body()
    if len(data) > MAX_SIGNED_REQUEST:
        raise ApiError(413, "too_large", "signed requests are at most 64 KiB")
    with db.transaction(conn):
        accepted = licensor.accept(ctx, conn, provider_id, data)  # the nonce is used up even if refused
    with db.transaction(conn):
        return licensor.act(ctx, conn, accepted)


class DirectPurchase(BaseModel):
    content_id: str = Field(min_length=1, max_length=64)


@router.post("/direct-purchases", status_code=201, tags=["providers: licensor"])
def direct_purchase(
    provider_id: str, body: DirectPurchase, user: CurrentUser, ctx: Ctx, conn: Conn
) -> dict[str, Any]:
    """FIG.15 (1)-(2): buy a license straight from the licensor, without insurance (insure it later)."""
    with db.transaction(conn):
        provider = conn.execute("SELECT * FROM providers WHERE id = ?", (provider_id,)).fetchone()
        if provider is None:
            raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
        content = conn.execute(
            "SELECT * FROM contents WHERE id = ? AND provider_id = ?", (body.content_id, provider_id)
        ).fetchone()
        if content is None:
            raise ApiError(404, "unknown_content", f"{provider['name']} has no content {body.content_id!r}")
        reason = licensor.unavailable_reason(provider, content)
        if reason is not None:
            raise ApiError(503 if reason == "provider_unavailable" else 410, reason, f"cannot sell: {reason}")
        return licensor.issue_license(ctx, conn, provider_id, content, user.id, "direct")


def _pick_encoding(rows: list[Any], codecs: str | None) -> Any:
    if not codecs:
        return rows[0]
    by_mime = {r["mime"]: r for r in rows}
    for wanted in (c.strip() for c in codecs.split(",")):
        if wanted in by_mime:
            return by_mime[wanted]
    have = ", ".join(sorted(by_mime))
    raise ApiError(406, "no_acceptable_encoding", f"no encoding among {codecs!r}; this track comes as {have}")


@router.get("/content/{content_id}", tags=["providers: content server"], response_class=FileResponse)
def content(
    provider_id: str,
    content_id: str,
    ctx: Ctx,
    conn: Conn,
    version: Annotated[int | None, Query(ge=1)] = None,
    codecs: Annotated[
        str | None, Query(max_length=200, description="MIME types the terminal decodes, best first")
    ] = None,
) -> FileResponse:
    """The encrypted container ([0050]: in an encoding the terminal can play), resumable by HTTP Range."""
    provider = conn.execute("SELECT * FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if provider is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    if provider["status"] == "ended":
        raise ApiError(410, "provider_ended", f"{provider['name']} has ended its business")
    if provider["outage_started_at"] is not None:
        raise ApiError(503, "provider_unavailable", f"{provider['name']} is not answering (outage)")
    row = conn.execute(
        "SELECT * FROM contents WHERE id = ? AND provider_id = ?", (content_id, provider_id)
    ).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"{provider['name']} has no content {content_id!r}")
    if row["discontinued"]:
        raise ApiError(410, "content_discontinued", f"{row['title']!r} is no longer distributed")
    rows = conn.execute(
        "SELECT * FROM encodings WHERE content_id = ? AND version = ? ORDER BY mime",
        (content_id, version or row["current_version"]),
    ).fetchall()
    if not rows:
        raise ApiError(404, "unknown_version", f"{content_id!r} has no version {version}")
    enc = _pick_encoding(rows, codecs)
    return FileResponse(
        ctx.settings.data_dir / enc["path"],
        media_type=CONTAINER_TYPE,
        headers={"X-Content-Mime": enc["mime"], "X-Content-Version": str(enc["version"])},
    )


@router.get("")
def provider_info(provider_id: str, ctx: Ctx, conn: Conn) -> dict[str, Any]:
    row = conn.execute("SELECT id, name, status FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    raw = ed25519_public_bytes(ctx.licensor_keys[provider_id])
    return {
        "id": row["id"],
        "name": row["name"],
        "status": row["status"],
        "public_key": b64e(raw),
        "fingerprint": fingerprint(raw),
    }
