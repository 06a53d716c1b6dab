"""The insurer's API: identity, policies (FIG.13, FIG.15, crash re-key), purchases, license control,
upgrades."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import Field

from mock_backend import db
from mock_backend.deps import Conn, Ctx, CurrentUser, IdempotencyKey, idempotent
from mock_backend.errors import ApiError, error_responses
from mock_backend.insurer import (
    contracts,
    delivery,
    history,
    license_control,
    policies,
    purchases,
    receipts,
    upgrades,
)
from mock_backend.limits import MAX_SQL_INT
from player.errors import MalformedError
from player.protocol import api, history_api
from player.protocol.canonical import b64d, b64e, ed25519_public_bytes, fingerprint
from player.protocol.policy import Coverage
from player.protocol.receipt import ReceiptKind

router = APIRouter(prefix="/api/v1", tags=["insurer"])

B64Key = Annotated[
    str, Field(min_length=44, max_length=44, description="raw 32-byte X25519 public key, base64")
]
SIGNED = "application/json"
# The signed documents go out as the exact bytes the insurer signed: no response model may re-serialise
# them, so their answers are documented by hand, as the envelope every signed document shares.
SIGNED_ANSWER: dict[int | str, dict[str, Any]] = {
    200: {"model": api.SignedDocument, "description": "Signed by the insurer: verify the exact bytes"}
}
# POSTs that charge or count: a missing Idempotency-Key (400), a key reused for another body (409).
IDEMPOTENT_REFUSALS = (400, 401, 409, 422)
MAX_CONTRACT_REQUEST = 64 * 1024


def _public_key(text: str) -> bytes:
    """A policy key every purchase can seal to: 32 bytes that are not a low-order point.

    A low-order key (all zeros, 0x01 then zeros, the points of order 8) makes every shared secret zero,
    which `cryptography` refuses; accepting one left a policy on which every purchase failed. A trial
    exchange with a throwaway private key finds them all.
    """
    try:
        raw = b64d(text, "public_key")
    except MalformedError as e:
        raise ApiError(422, "invalid_request", str(e)) from e
    if len(raw) != 32:
        raise ApiError(422, "invalid_request", "public_key must be a 32-byte X25519 key")
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError as e:
        raise ApiError(
            422, "invalid_public_key", "public_key is a low-order X25519 point: no secret can be shared"
        ) from e
    return raw


@router.get("/insurer", tags=["insurer: identity"])
def insurer_identity(ctx: Ctx, conn: Conn) -> api.InsurerIdentity:
    """The insurer's signing key (pinned by the terminal) and every licensor's, to verify licenses."""
    providers = []
    for row in conn.execute("SELECT id, name FROM providers ORDER BY id"):
        raw = ed25519_public_bytes(ctx.licensor_keys[row["id"]])
        providers.append(
            api.LicensorKey(
                id=row["id"], name=row["name"], public_key=b64e(raw), fingerprint=fingerprint(raw)
            )
        )
    return api.InsurerIdentity(
        name=ctx.insurer_name,
        id=ctx.insurer_id,
        public_key=ctx.insurer_public_b64,
        fingerprint=ctx.insurer_fingerprint,
        licensors=providers,
    )


@router.get("/policies/terms", tags=["insurer: policies"])
def policy_terms(ctx: Ctx, conn: Conn) -> api.Terms:
    return policies.terms(ctx, conn)


class PolicyRequest(api.RequestModel):
    public_key: B64Key
    accept_terms: bool
    check_every_play: bool = False  # claim 26: the cheaper policy, asked on every play
    coverage: Literal["full", "license", "contents"] = "full"  # claim 32: both, the license, the audio


@router.post(
    "/policies",
    status_code=201,
    tags=["insurer: policies"],
    response_model=api.PolicyDoc,
    responses=error_responses(*IDEMPOTENT_REFUSALS),
)
async def take_out_policy(
    body: PolicyRequest, user: CurrentUser, ctx: Ctx, key: IdempotencyKey = None
) -> Response:
    """FIG.13 (1)-(2): the terminal's public key in, a provisional policy out."""
    if not body.accept_terms:
        raise ApiError(
            422, "terms_not_accepted", "read the terms (GET /api/v1/policies/terms) and accept them"
        )
    raw = _public_key(body.public_key)

    def work(conn: sqlite3.Connection) -> tuple[int, api.PolicyDoc]:
        row = policies.create(
            ctx, conn, user.id, raw, check_every_play=body.check_every_play, covers=Coverage(body.coverage)
        )
        receipt_id = receipts.issue(ctx, conn, user.id, ReceiptKind.INSURANCE, [], policy=row)
        doc = api.PolicyDoc(
            policy_id=row["id"], policy=policies.signed_b64(ctx, conn, row["id"]), receipt_id=receipt_id
        )
        return 201, doc

    return await idempotent(ctx, user, key, "POST /policies", body.model_dump(), work)


@router.get("/policies", tags=["insurer: policies"], responses=error_responses(401, 422))
def list_policies(user: CurrentUser, ctx: Ctx, conn: Conn) -> list[api.PolicyDoc]:
    rows = conn.execute(
        "SELECT id FROM policies WHERE user_id = ? ORDER BY created_at", (user.id,)
    ).fetchall()
    return [api.PolicyDoc(policy_id=r["id"], policy=policies.signed_b64(ctx, conn, r["id"])) for r in rows]


@router.get("/policies/{policy_id}", tags=["insurer: policies"], responses=error_responses(401, 404, 422))
def get_policy(policy_id: str, user: CurrentUser, ctx: Ctx, conn: Conn) -> api.PolicyDoc:
    policies.get_owned(conn, user.id, policy_id)
    return api.PolicyDoc(policy_id=policy_id, policy=policies.signed_b64(ctx, conn, policy_id))


@router.get(
    "/policies/{policy_id}/history", tags=["insurer: policies"], responses=error_responses(401, 404, 422)
)
def policy_history(policy_id: str, user: CurrentUser, conn: Conn) -> history_api.History:
    """FIG.6A for this user, plus each insured track's re-licensing count and the events behind them."""
    policies.get_owned(conn, user.id, policy_id)
    return history.of_user(conn, user.id, user.username, policy_id)


class RekeyRequest(api.RequestModel):
    public_key: B64Key


@router.post(
    "/policies/{policy_id}/rekey",
    tags=["insurer: policies"],
    response_model=api.PolicyDoc,
    responses=error_responses(*IDEMPOTENT_REFUSALS, 404),
)
async def rekey_policy(
    policy_id: str, body: RekeyRequest, user: CurrentUser, ctx: Ctx, key: IdempotencyKey = None
) -> Response:
    """[0035]: after a crash the old private key is gone; a new public key replaces it. Re-distribution of
    every item follows as a crash claim (POST /claims with kind=crash)."""
    raw = _public_key(body.public_key)

    def work(conn: sqlite3.Connection) -> tuple[int, api.PolicyDoc]:
        policies.get_owned(conn, user.id, policy_id)
        conn.execute("UPDATE policies SET public_key = ? WHERE id = ?", (raw, policy_id))
        policies.touch(conn, policy_id)
        return 200, api.PolicyDoc(policy_id=policy_id, policy=policies.signed_b64(ctx, conn, policy_id))

    endpoint = f"POST /policies/{policy_id}/rekey"
    return await idempotent(ctx, user, key, endpoint, body.model_dump(), work)


class InsureExistingRequest(api.RequestModel):
    licenses: list[str] = Field(min_length=1, max_length=500, description="license XML documents, base64")


@router.post(
    "/policies/{policy_id}/insure-existing",
    tags=["insurer: policies"],
    response_model=api.InsuredExisting,
    responses=error_responses(*IDEMPOTENT_REFUSALS, 404, 410, 503),
)
async def insure_existing(
    policy_id: str,
    body: InsureExistingRequest,
    user: CurrentUser,
    ctx: Ctx,
    key: IdempotencyKey = None,
) -> Response:
    """FIG.15: insure licenses bought straight from a licensor."""
    return await idempotent(
        ctx,
        user,
        key,
        f"POST /policies/{policy_id}/insure-existing",
        body.model_dump(),
        lambda conn: (200, purchases.insure_existing(ctx, conn, user.id, policy_id, body.licenses)),
    )


class PurchaseRequest(api.RequestModel):
    policy_id: str = Field(min_length=1, max_length=64)
    content_id: str = Field(min_length=1, max_length=64)


@router.post(
    "/purchases",
    status_code=201,
    tags=["insurer: purchases"],
    response_model=api.Purchase,
    responses=error_responses(*IDEMPOTENT_REFUSALS, 404, 410, 503),
)
async def buy_insured(
    body: PurchaseRequest, user: CurrentUser, ctx: Ctx, key: IdempotencyKey = None
) -> Response:
    """FIG.13 (3)-(8): buy a track with insurance; the answer holds the license package and the download."""
    return await idempotent(
        ctx,
        user,
        key,
        "POST /purchases",
        body.model_dump(),
        lambda conn: (201, purchases.purchase(ctx, conn, user.id, body.policy_id, body.content_id)),
    )


@router.post(
    "/contracts",
    status_code=201,
    tags=["insurer: purchases"],
    response_model=api.Purchase,
    responses=error_responses(401, 403, 404, 409, 410, 413, 422),
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "A contract-request document signed by a provider's licensor key (exact bytes)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedDocument"}}},
        }
    },
)
async def insure_provider_sale(request: Request, ctx: Ctx, conn: Conn) -> api.Purchase:
    """FIG.11: a provider that sold at its own checkout asks the insurer to insure the sale (server to
    server: authenticated by the provider's signature, never by a user's token; replays refused)."""
    data = await request.body()
    if len(data) > MAX_CONTRACT_REQUEST:
        raise ApiError(413, "too_large", "contract requests are at most 64 KiB")

    def insure(conn: sqlite3.Connection) -> api.Purchase:
        with db.transaction(conn):
            accepted = contracts.accept(ctx, conn, data)  # the nonce is used up even if refused below
        with db.transaction(conn):
            return contracts.insure(ctx, conn, accepted)

    return await ctx.writer.run(insure, alone=True)


@router.get(
    "/license-list",
    tags=["insurer: license control"],
    response_class=Response,
    responses=SIGNED_ANSWER | error_responses(401, 409, 422),
)
def license_list(
    user: CurrentUser, ctx: Ctx, conn: Conn, since: Annotated[int | None, Query(ge=0, le=MAX_SQL_INT)] = None
) -> Response:
    """FIG.7, signed: the full list, or a delta of what changed after version `since`."""
    with db.transaction(conn):
        data = license_control.signed_list(ctx, conn, user.id, since)
    return Response(content=data, media_type=SIGNED)


@router.get(
    "/license-list/{license_id}",
    tags=["insurer: license control"],
    response_class=Response,
    responses=SIGNED_ANSWER | error_responses(401, 422),
)
def license_validity(
    license_id: Annotated[api.PlainText, Path(min_length=1, max_length=64)],
    user: CurrentUser,
    ctx: Ctx,
    conn: Conn,
) -> Response:
    """FIG.10 (3)-(4): one license's validity, signed (`unknown` if this user never held it).

    The asked-for ID is echoed in the signed statement, whose fields hold no control characters: such
    an ID is refused here (422) rather than failing at signing (a 500)."""
    return Response(content=license_control.validity(ctx, conn, user.id, license_id), media_type=SIGNED)


@router.get(
    "/licenses/{license_id}",
    tags=["insurer: license control"],
    responses=error_responses(401, 404, 422),
)
def issued_license(
    license_id: Annotated[api.PlainText, Path(min_length=1, max_length=64)],
    user: CurrentUser,
    conn: Conn,
) -> api.Delivered:
    """A license issued to this user, delivered again: its package and where its track is. The list
    names every license the insurer issued; a terminal that lost an answer (or was away when another
    of the user's terminals claimed) fetches here what the list names and it lacks."""
    row = conn.execute(
        "SELECT package FROM licenses WHERE license_id = ? AND user_id = ? AND state = 'valid'",
        (license_id, user.id),
    ).fetchone()
    if row is None or row["package"] is None:
        raise ApiError(404, "unknown_license", f"no valid license {license_id!r} was issued to you")
    return delivery.delivered(conn, license_id, bytes(row["package"]))


@router.get("/upgrades", tags=["insurer: upgrades"], responses=error_responses(401, 422))
def list_upgrades(user: CurrentUser, conn: Conn) -> list[api.UpgradeOffer]:
    return upgrades.available(conn, user.id)


class UpgradeRequest(api.RequestModel):
    license_id: str = Field(min_length=1, max_length=64)


@router.post(
    "/upgrades",
    tags=["insurer: upgrades"],
    response_model=api.Upgrade,
    responses=error_responses(*IDEMPOTENT_REFUSALS, 410, 503),
)
async def take_upgrade(
    body: UpgradeRequest, user: CurrentUser, ctx: Ctx, key: IdempotencyKey = None
) -> Response:
    """[0048]: the new version's license; the old one becomes invalid (version upgrade)."""
    return await idempotent(
        ctx,
        user,
        key,
        "POST /upgrades",
        body.model_dump(),
        lambda conn: (200, upgrades.upgrade(ctx, conn, user.id, body.license_id)),
    )
