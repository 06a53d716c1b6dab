"""Re-distribution reception (FIG.12, FIG.14): loss and crash claims, alternates, the user's choice."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, Response
from pydantic import Field, model_validator

from mock_backend import db
from mock_backend.deps import Conn, Ctx, CurrentUser, IdempotencyKey, idempotent
from mock_backend.errors import error_responses
from mock_backend.insurer import alternates as offers
from mock_backend.insurer import claims, coverage
from mock_backend.routes.providers import CONTAINER_ANSWERS, CodecsQuery, container, pick_encoding
from player.protocol import api

router = APIRouter(prefix="/api/v1/claims", tags=["insurer: claims"])


class ClaimRequest(api.RequestModel):
    policy_id: str = Field(min_length=1, max_length=64)
    kind: api.ClaimKind = "loss"
    license_ids: list[Annotated[str, Field(min_length=1, max_length=64)]] | None = Field(
        default=None, max_length=1000
    )
    all: bool = False
    genre: Annotated[api.PlainText, Field(min_length=1, max_length=40)] | None = None
    codecs: api.Codecs | None = None  # [0050]: what the terminal decodes, best first

    @model_validator(mode="after")
    def _one_scope(self) -> ClaimRequest:
        if self.all == (self.license_ids is not None):
            raise ValueError("give either license_ids or all=true")
        if self.kind == "crash" and not self.all:
            raise ValueError("a crash recovery claims the whole library (all=true)")
        return self


@router.post(
    "", status_code=201, response_model=api.Claim, responses=error_responses(400, 401, 404, 409, 422)
)
async def file_claim(body: ClaimRequest, user: CurrentUser, ctx: Ctx, key: IdempotencyKey = None) -> Response:
    """Report lost tracks (or, kind=crash, a lost library): each is re-issued or offered alternates."""
    return await idempotent(
        ctx,
        user,
        key,
        "POST /claims",
        body.model_dump(),
        lambda conn: (
            201,
            claims.file_claim(
                ctx,
                conn,
                user.id,
                body.policy_id,
                kind=body.kind,
                license_ids=None if body.all else body.license_ids,
                genre=body.genre,
                codecs=body.codecs,
            ),
        ),
    )


# exclude_unset: a claim looked up later carries no re-signed policy or per-item delivery, and leaves them
# out rather than sending them empty
@router.get("/{claim_id}", response_model_exclude_unset=True, responses=error_responses(401, 404, 422))
def get_claim(claim_id: str, user: CurrentUser, conn: Conn) -> api.Claim:
    return claims.get_claim(conn, user.id, claim_id)


@router.get(
    "/{claim_id}/items/{item_id}/contents",
    response_class=FileResponse,
    responses=CONTAINER_ANSWERS | error_responses(401, 404, 406, 422),
)
def resent_contents(
    claim_id: str,
    item_id: str,
    user: CurrentUser,
    ctx: Ctx,
    conn: Conn,
    codecs: CodecsQuery = None,
) -> FileResponse:
    """Claim 32: the audio a contents-only policy sends again, from the insurer's own copy (which
    outlives the provider's distribution of the track); resumable by HTTP Range."""
    encodings = coverage.resent_encodings(conn, user.id, claim_id, item_id)
    return container(ctx, pick_encoding(encodings, codecs))


@router.get("/{claim_id}/items/{item_id}/alternates", responses=error_responses(401, 404, 409, 422))
def alternates(
    claim_id: str,
    item_id: str,
    user: CurrentUser,
    ctx: Ctx,
    conn: Conn,
    genre: Annotated[api.PlainText | None, Query(min_length=1, max_length=40)] = None,
    codecs: Annotated[
        str | None,
        Query(max_length=200, pattern=r"^audio/[a-z0-9.+-]+(,audio/[a-z0-9.+-]+)*$", description="[0050]"),
    ] = None,
) -> list[api.Alternate]:
    """The alternates offered for one item; with `genre` (or the terminal's `codecs`, comma-separated),
    searched again across all providers."""
    wanted = codecs.split(",") if codecs else None
    with db.transaction(conn):
        return offers.research(ctx, conn, user.id, claim_id, item_id, genre, wanted)


class ChoiceRequest(api.RequestModel):
    alternate_id: str | None = Field(default=None, min_length=1, max_length=64)
    content_id: str | None = Field(default=None, min_length=1, max_length=64)
    codecs: api.Codecs | None = None  # [0050]: what the terminal decodes, best first

    @model_validator(mode="after")
    def _one_choice(self) -> ChoiceRequest:
        if (self.alternate_id is None) == (self.content_id is None):
            raise ValueError("give exactly one of alternate_id or content_id")
        return self


@router.post(
    "/{claim_id}/items/{item_id}/choice",
    response_model=api.Choice,
    responses=error_responses(400, 401, 404, 409, 410, 422, 503),
)
async def choose(
    claim_id: str,
    item_id: str,
    body: ChoiceRequest,
    user: CurrentUser,
    ctx: Ctx,
    key: IdempotencyKey = None,
) -> Response:
    return await idempotent(
        ctx,
        user,
        key,
        f"POST /claims/{claim_id}/items/{item_id}/choice",
        body.model_dump(),
        lambda conn: (
            200,
            offers.choose(
                ctx,
                conn,
                user.id,
                claim_id,
                item_id,
                alternate_id=body.alternate_id,
                content_id=body.content_id,
                codecs=body.codecs,
            ),
        ),
    )
