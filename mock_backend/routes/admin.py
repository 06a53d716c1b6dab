"""Admin controls for demos and tests, loopback only: outages, discontinuations, upgrades, the clock, the
demo catalog's rendering."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from pydantic import Field

from mock_backend import catalog_builder, clock, db
from mock_backend.deps import Conn, Ctx, admin_only
from mock_backend.errors import ApiError, error_responses
from mock_backend.insurer import premiums
from mock_backend.limits import MAX_UPLOAD
from mock_backend.routes.catalog import providers as provider_states
from player.protocol import admin_api, api
from player.protocol.canonical import format_time

router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    dependencies=[Depends(admin_only)],
    responses=error_responses(401, 403, 413),
)


def _provider(conn: Conn, provider_id: str) -> Any:
    row = conn.execute("SELECT * FROM providers WHERE id = ?", (provider_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    return row


def _content(conn: Conn, content_id: str) -> Any:
    row = conn.execute("SELECT * FROM contents WHERE id = ?", (content_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"there is no track {content_id!r}")
    return row


@router.get("/providers")
def admin_providers(conn: Conn) -> list[api.ProviderState]:
    return provider_states(conn)


class Outage(api.RequestModel):
    on: bool


@router.post("/providers/{provider_id}/outage", responses=error_responses(404, 422))
def outage(provider_id: str, body: Outage, conn: Conn) -> admin_api.OutageState:
    """Start or end an outage; the insurer counts it and its length ([0041])."""
    with db.transaction(conn):
        row = _provider(conn, provider_id)
        now = format_time(clock.now(conn))
        if body.on and row["outage_started_at"] is None:
            conn.execute("UPDATE providers SET outage_started_at = ? WHERE id = ?", (now, provider_id))
            conn.execute(
                "INSERT INTO provider_outages(provider_id, started_at) VALUES (?, ?)", (provider_id, now)
            )
        elif not body.on and row["outage_started_at"] is not None:
            conn.execute("UPDATE providers SET outage_started_at = NULL WHERE id = ?", (provider_id,))
            conn.execute(
                "UPDATE provider_outages SET ended_at = ? WHERE provider_id = ? AND ended_at IS NULL",
                (now, provider_id),
            )
    record = premiums.trouble(conn, provider_id)
    return admin_api.OutageState(
        provider=provider_id,
        in_outage=record.in_outage,
        outages=record.outages,
        premium_loading=round(record.loading, 4),
    )


class Configurations(api.RequestModel):
    configurations: list[api.SaleConfiguration] = Field(min_length=1, max_length=2)


@router.post("/providers/{provider_id}/configurations", responses=error_responses(404, 422))
def set_configurations(
    provider_id: str, body: Configurations, conn: Conn
) -> admin_api.ProviderConfigurations:
    """Where the provider sells insured tracks from now on: through the insurer, at its checkout, or both."""
    chosen = sorted(set(body.configurations), key=("front_end", "back_end").index)
    with db.transaction(conn):
        _provider(conn, provider_id)
        conn.execute("UPDATE providers SET configurations = ? WHERE id = ?", (",".join(chosen), provider_id))
    return admin_api.ProviderConfigurations(provider=provider_id, configurations=chosen)


@router.post("/providers/{provider_id}/end-business", responses=error_responses(404, 422))
def end_business(provider_id: str, conn: Conn) -> admin_api.BusinessEnded:
    with db.transaction(conn):
        _provider(conn, provider_id)
        conn.execute("UPDATE providers SET status = 'ended' WHERE id = ?", (provider_id,))
    return admin_api.BusinessEnded(provider=provider_id, status="ended")


@router.post("/content/{content_id}/discontinue", responses=error_responses(404, 422))
def discontinue(content_id: str, conn: Conn) -> admin_api.Discontinued:
    with db.transaction(conn):
        _content(conn, content_id)
        conn.execute("UPDATE contents SET discontinued = 1 WHERE id = ?", (content_id,))
    return admin_api.Discontinued(content_id=content_id, discontinued=True)


@router.post("/content/{content_id}/upgrade", responses=error_responses(404, 422))
def upgrade(content_id: str, ctx: Ctx, conn: Conn) -> admin_api.PublishedUpgrade:
    """The licensor publishes a new version (a remaster under a new content key) ([0048])."""
    with db.transaction(conn):
        _content(conn, content_id)
        version = catalog_builder.publish_upgrade(conn, ctx.settings, content_id)
    return admin_api.PublishedUpgrade(content_id=content_id, version=version)


@router.post("/tracks", status_code=201, responses=error_responses(404, 413, 422))
def add_track(
    ctx: Ctx,
    conn: Conn,
    file: Annotated[UploadFile, File(description="an audio file: FLAC, OGG, MP3 or WAV")],
    provider: Annotated[str, Form(min_length=1, max_length=40)],
    price: Annotated[int, Form(ge=0, le=100_000)],
    genre: Annotated[api.PlainText, Form(min_length=1, max_length=40)],
    title: Annotated[api.PlainText | None, Form(min_length=1, max_length=200)] = None,
) -> admin_api.ImportedTrack:
    """Import a user's own audio file into a provider's catalog (tags read with mutagen).

    Only sane audio joins the catalog (`catalog_builder.import_track`): it decodes, lasts at least a
    second and is as long as its header says; each refusal has its own code."""
    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiError(413, "too_large", "audio files are at most 200 MiB")
    with db.transaction(conn):
        _provider(conn, provider)
        try:
            content_id = catalog_builder.import_track(
                conn,
                ctx.settings,
                provider=provider,
                price=price,
                genre=genre,
                title=title,
                filename=file.filename or "upload",
                data=data,
            )
        except catalog_builder.UnfitAudio as e:
            raise ApiError(422, e.code, str(e)) from e
        except ValueError as e:
            raise ApiError(422, "not_audio", str(e)) from e
    row = _content(conn, content_id)
    return admin_api.ImportedTrack(
        content_id=content_id,
        title=row["title"],
        artist=row["artist"],
        genre=row["genre"],
        provider=provider,
        price=price,
        duration_ms=row["duration_ms"],
    )


class ClockShift(api.RequestModel):
    advance_seconds: int  # bounded by `clock.shift`, which knows the offset already taken


@router.get("/clock")
def get_clock(conn: Conn) -> admin_api.ClockReading:
    return admin_api.ClockReading(now=format_time(clock.now(conn)))


@router.post("/clock", responses=error_responses(422))
def move_clock(body: ClockShift, conn: Conn) -> admin_api.ClockReading:
    """Move the backend's clock (never back past wall time, at most a century ahead of it) to test
    periods without waiting."""
    with db.transaction(conn):
        try:
            now = clock.shift(conn, body.advance_seconds)
        except clock.ClockOutOfRange as e:
            code = "clock_before_wall_time" if body.advance_seconds < 0 else "clock_out_of_range"
            raise ApiError(422, code, str(e)) from e
    return admin_api.ClockReading(now=format_time(now))


class CatalogHold(api.RequestModel):
    paused: bool


@router.post("/catalog", responses=error_responses(409, 422))
def hold_catalog(body: CatalogHold, ctx: Ctx) -> api.CatalogProgress:
    """Pause or resume the demo catalog's first rendering (to show or test its "being prepared" state)."""
    rendering = ctx.rendering
    progress = rendering.progress() if rendering is not None else None
    if rendering is None or progress is None:
        raise ApiError(409, "catalog_complete", "the catalog is complete: nothing is being prepared")
    rendering.pause(body.paused)
    return progress.model_copy(update={"paused": body.paused})
