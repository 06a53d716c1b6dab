"""The insurer's contract processing for sales at a provider's own checkout (FIG.11, claim 31, [0036]).

In the back-end configuration the user buys from the provider, who issues the license and then asks the
insurer to insure it. The provider's request is a signed document of type "contract-request", signed with
its licensor key (the one the insurer lists), addressed to the insurer, with a fresh nonce and a timestamp:
the buyer, their policy and the license just issued. The insurer checks the signature against that
provider's key, refuses a reused nonce or a timestamp more than five minutes off, checks that the license
inside is that provider's, for that buyer and that track, and then insures it exactly as a sale through
the insurer (`purchases.insure_issued`): same package sealed to the policy key, same policy update, same
license list, and a receipt signed by the provider that took the money. Re-distribution afterwards knows
no difference.

A checkout of the bundled backend calls `insure_sale` in-process, inside its own transaction (so a refusal
undoes the licensor's sale too); the same function answers ``POST /api/v1/contracts`` for a provider
that runs elsewhere.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from mock_backend import clock, licensor
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import coverage, policies, purchases
from player.errors import IntegrityError, PlayerError
from player.protocol import api
from player.protocol.canonical import (
    b64d,
    format_time,
    load_json_object,
    parse_time,
    sign_document,
    verify_document,
)
from player.protocol.license import verify_license

REQUEST_TYPE = "contract-request"
MAX_SKEW = timedelta(minutes=5)


def make_request(
    ctx: Context,
    conn: sqlite3.Connection,
    provider_id: str,
    user_id: str,
    policy_id: str,
    sold: api.DirectLicense,
) -> bytes:
    """What a provider's checkout sends the insurer: signed with its licensor key, never replayable."""
    fields = {
        "provider_id": provider_id,
        "nonce": secrets.token_hex(16),
        "timestamp": format_time(clock.now(conn)),
        "user_id": user_id,
        "policy_id": policy_id,
        "license_id": sold.license_id,
        "content_id": sold.content_id,
        "content_version": sold.content_version,
        "license_xml": sold.license_xml,
        "price": sold.price,
    }
    return sign_document(REQUEST_TYPE, fields, ctx.licensor_keys[provider_id])


def insure_sale(ctx: Context, conn: sqlite3.Connection, data: bytes) -> api.Purchase:
    """Verify a provider's contract request and insure the sale it describes, in the caller's write
    transaction (a checkout: a refusal undoes the sale too)."""
    return insure(ctx, conn, accept(ctx, conn, data))


@dataclass(frozen=True)
class ContractRequest:
    """A request that passed the signature, timestamp and nonce checks (its nonce now used up)."""

    fields: dict[str, Any]
    provider: sqlite3.Row


def insure(ctx: Context, conn: sqlite3.Connection, request: ContractRequest) -> api.Purchase:
    """Insure the sale an accepted request describes, judged on the policy and catalog now."""
    fields, provider = request.fields, request.provider
    user_id, policy_id = _text(fields, "user_id"), _text(fields, "policy_id")
    policy = policies.get_owned(conn, user_id, policy_id)
    policies.require_in_force(conn, policy)
    coverage.require_license_cover(policy)
    content = purchases.content_row(conn, _text(fields, "content_id"))
    if content["provider_id"] != provider["id"]:
        raise ApiError(422, "invalid_request", f"{content['id']!r} is not sold by {provider['name']}")
    if "back_end" not in licensor.configurations(provider):
        raise ApiError(
            409, "no_checkout", f"{provider['name']} does not sell insured tracks at its own checkout"
        )
    purchases.refuse_if_insured(conn, user_id, content)
    sold = api.DirectLicense(
        license_id=_text(fields, "license_id"),
        license_xml=_text(fields, "license_xml"),
        content_id=content["id"],
        content_version=_int(fields, "content_version"),
        price=_int(fields, "price"),
    )
    _check_license(ctx, provider["id"], sold, user_id)
    return purchases.insure_issued(ctx, conn, policy, content, sold, signer=provider["id"])


def accept(ctx: Context, conn: sqlite3.Connection, data: bytes) -> ContractRequest:
    """Signature (by the provider the request names), timestamp and nonce; the nonce is used up. Over
    HTTP this commits on its own before `insure`, so a request refused then cannot be replayed later."""
    try:
        claimed = load_json_object(data, "contract request").get("provider_id")
    except PlayerError as e:
        raise ApiError(422, "invalid_request", f"not a contract request: {e}") from e
    provider = None
    if isinstance(claimed, str):
        provider = conn.execute("SELECT * FROM providers WHERE id = ?", (claimed,)).fetchone()
    if provider is None or provider["id"] not in ctx.licensor_keys:
        raise ApiError(
            401, "unknown_signer", "the contract request does not come from a provider the insurer knows"
        )
    public = ctx.licensor_keys[provider["id"]].public_key()
    try:
        fields = verify_document(data, REQUEST_TYPE, public, "contract request")
        sent_at = parse_time(fields.get("timestamp"), "timestamp")
    except IntegrityError as e:
        raise ApiError(401, "bad_signature", f"the insurer refused the contract request: {e}") from e
    now = clock.now(conn)
    if abs(now - sent_at) > MAX_SKEW:
        raise ApiError(401, "stale_request", "the request's timestamp is more than five minutes off")
    nonce = fields.get("nonce")
    if not isinstance(nonce, str) or not 16 <= len(nonce) <= 64:
        raise ApiError(422, "invalid_request", "the request lacks a nonce")
    seen = conn.execute(
        "INSERT OR IGNORE INTO contract_nonces(provider_id, nonce, seen_at) VALUES (?, ?, ?)",
        (provider["id"], nonce, format_time(now)),
    )
    if seen.rowcount == 0:
        raise ApiError(409, "replayed_request", "this contract request was already used")
    return ContractRequest(fields, provider)


def _check_license(ctx: Context, provider_id: str, sold: api.DirectLicense, user_id: str) -> None:
    """The license inside is the provider's own, for this buyer and this track, as the request says."""
    try:
        lic = verify_license(
            b64d(sold.license_xml, "license"), {provider_id: ctx.licensor_keys[provider_id].public_key()}
        )
    except PlayerError as e:
        raise ApiError(422, "invalid_license", f"the license in the request does not verify: {e}") from e
    if (lic.license_id, lic.licensee, lic.content_id, lic.content_version) != (
        sold.license_id,
        user_id,
        sold.content_id,
        sold.content_version,
    ):
        raise ApiError(422, "invalid_license", "the license is not the one the request describes")


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value or len(value) > 100_000:
        raise ApiError(422, "invalid_request", f"the contract request needs a string {name!r}")
    return value


def _int(fields: dict[str, Any], name: str) -> int:
    value = fields.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 1 << 31:
        raise ApiError(422, "invalid_request", f"the contract request needs an integer {name!r}")
    return value
