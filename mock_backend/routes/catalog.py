"""The aggregated catalog of both providers, with the premium the insurer quotes for each track ([0041])."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from mock_backend.deps import Conn, Ctx
from mock_backend.errors import ApiError, error_responses
from mock_backend.insurer import premiums
from mock_backend.licensor import configurations
from player.protocol import api

router = APIRouter(prefix="/api/v1", tags=["catalog"])
COVER_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The cover image, as the catalog holds it",
        "content": {
            media: {"schema": {"type": "string", "format": "binary"}} for media in ("image/png", "image/jpeg")
        },
    }
}


def _entry(row: sqlite3.Row, rates: dict[str, tuple[float, premiums.TroubleRecord]]) -> api.CatalogEntry:
    rate, record = rates[row["provider_id"]]
    unavailable = _unavailable(row, record)
    return api.CatalogEntry(
        content_id=row["id"],
        title=row["title"],
        artist=row["artist"],
        album=row["album"],
        genre=row["genre"],
        provider=row["provider_id"],
        provider_name=row["provider_name"],
        price=row["price"],
        premium=premiums.quote(int(row["price"]), rate, record),
        duration_ms=row["duration_ms"],
        track_number=row["track_number"],
        version=row["current_version"],
        available=not unavailable,
        unavailable=unavailable,
        encodings=(row["encodings"] or "").split(",") if row["encodings"] else [],
        cover_url=f"/api/v1/catalog/{row['id']}/cover",
        configurations=configurations(row),
    )


def _unavailable(row: sqlite3.Row, record: premiums.TroubleRecord) -> api.Unavailability:
    """Why the track is not sold now ("" while it is), in the licensor's own order of reasons."""
    if row["status"] != "active":
        return "provider_ended"
    if record.in_outage:
        return "provider_unavailable"
    return "content_discontinued" if row["discontinued"] else ""


_SELECT = (
    "SELECT c.*, p.name AS provider_name, p.status, p.configurations,"
    " (SELECT group_concat(mime) FROM encodings e"
    "  WHERE e.content_id = c.id AND e.version = c.current_version) AS encodings"
    " FROM contents c JOIN providers p ON p.id = c.provider_id"
)


@router.get("/catalog", responses=error_responses(422))
def catalog(
    ctx: Ctx,
    conn: Conn,
    genre: Annotated[str | None, Query(max_length=40)] = None,
    provider: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=100, description="words in title, artist or album")] = None,
) -> list[api.CatalogEntry]:
    query, args = _SELECT + " WHERE 1=1", []
    if genre:
        query += " AND c.genre = ? COLLATE NOCASE"
        args.append(genre)
    if provider:
        query += " AND c.provider_id = ?"
        args.append(provider)
    for word in (q or "").split():
        query += " AND (c.title LIKE ? OR c.artist LIKE ? OR c.album LIKE ?)"
        args += [f"%{word}%"] * 3
    rates = premiums.provider_rates(conn, ctx.settings.premium_factor)
    return [
        _entry(r, rates) for r in conn.execute(query + " ORDER BY c.artist, c.album, c.track_number", args)
    ]


@router.get("/catalog/{content_id}", responses=error_responses(404, 422))
def catalog_entry(content_id: str, ctx: Ctx, conn: Conn) -> api.CatalogEntry:
    row = conn.execute(_SELECT + " WHERE c.id = ?", (content_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"there is no track {content_id!r} in the catalog")
    return _entry(row, premiums.provider_rates(conn, ctx.settings.premium_factor))


@router.get(
    "/catalog/{content_id}/cover",
    response_class=Response,
    responses=COVER_ANSWER | error_responses(404, 422),
)
def cover(content_id: str, conn: Conn) -> Response:
    row = conn.execute("SELECT cover FROM contents WHERE id = ?", (content_id,)).fetchone()
    if row is None or row["cover"] is None:
        raise ApiError(404, "no_cover", f"there is no cover for {content_id!r}")
    data = bytes(row["cover"])
    media = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    return Response(content=data, media_type=media, headers={"Cache-Control": "public, max-age=86400"})


@router.get("/genres")
def genres(conn: Conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT genre FROM contents ORDER BY genre")]


@router.get("/providers", tags=["insurer: provider trouble"])
def providers(conn: Conn) -> list[api.ProviderState]:
    """Each provider's state and the trouble record the insurer prices in ([0041])."""
    out = []
    for row in conn.execute("SELECT * FROM providers ORDER BY id"):
        record = premiums.trouble(conn, row["id"])
        out.append(
            api.ProviderState(
                id=row["id"],
                name=row["name"],
                status=row["status"],
                in_outage=record.in_outage,
                outages=record.outages,
                seconds_down=record.seconds_down,
                premium_rate=row["premium_rate"],
                premium_loading=round(record.loading, 4),
                configurations=configurations(row),
            )
        )
    return out
