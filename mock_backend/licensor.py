"""The license servers 10/11: issue licenses, answer "can you still issue this?", vouch for old licenses.

A licensor acts only on requests the insurer signed (FIG.12 (12)-(13)): each is a signed document of type
"licensor-request" carrying the provider it is addressed to, a fresh nonce and a timestamp. A forged
signature, a request meant for another provider, a reused nonce or a timestamp more than five minutes
off is refused (`accept`, on ``POST /providers/{id}/licensor``). What the licensor then does is `act`,
the one function both ways in reach: the insurer of this process calls it directly (`call`), since its
request crosses no boundary a signature or a nonce would guard, and signing one to check it again in the
same transaction was a fifth of what a claim cost.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from pydantic import BaseModel

from mock_backend import clock
from mock_backend.context import Context
from mock_backend.errors import ApiError
from player.errors import IntegrityError, MalformedError
from player.protocol import api
from player.protocol.canonical import (
    b64d,
    b64e,
    format_time,
    parse_time,
    verify_document,
)
from player.protocol.license import PERMISSION_PLAY, License, parse_license, sign_license, verify_license

REQUEST_TYPE = "licensor-request"
MAX_SKEW = timedelta(minutes=5)
PURPOSES = ("purchase", "direct", "reissue", "alternate", "upgrade", "insure_existing")
Answer = TypeVar("Answer", bound=BaseModel)


def call(
    ctx: Context,
    conn: sqlite3.Connection,
    provider_id: str,
    op: str,
    expected: type[Answer],
    **params: Any,
) -> Answer:
    """The insurer's side of a licensor call, in-process: the licensor acts on it as on a request that
    passed `accept`, judged on the provider's state now (outages, the end of its business)."""
    answer = act(ctx, conn, LicensorRequest(provider_id, op, params))
    if not isinstance(answer, expected):
        raise TypeError(f"licensor {op!r} answered with {type(answer).__name__}")
    return answer


@dataclass(frozen=True)
class LicensorRequest:
    """What the licensor acts on: a request over HTTP that passed every check of `accept` (its nonce now
    used up), or the insurer's own call in this process."""

    provider_id: str
    op: object
    params: dict[str, Any]


def accept(ctx: Context, conn: sqlite3.Connection, provider_id: str, data: bytes) -> LicensorRequest:
    """Check signature, audience, timestamp and nonce, and record the nonce as used.

    Over HTTP this runs in a transaction of its own, committed before the licensor acts: a request the
    licensor then refuses (say, during an outage) is used up all the same, so a captured copy cannot be
    replayed once the outage is over.
    """
    if conn.execute("SELECT 1 FROM providers WHERE id = ?", (provider_id,)).fetchone() is None:
        raise ApiError(404, "unknown_provider", f"there is no provider {provider_id!r}")
    try:
        fields = verify_document(data, REQUEST_TYPE, ctx.insurer_key.public_key(), "licensor request")
        sent_at = parse_time(fields.get("timestamp"), "timestamp")
    except IntegrityError as e:
        raise ApiError(401, "bad_signature", f"the licensor refused the request: {e}") from e
    if fields.get("provider_id") != provider_id:
        raise ApiError(401, "wrong_audience", "the request was signed for another provider")
    now = clock.now(conn)
    if abs(now - sent_at) > MAX_SKEW:
        raise ApiError(401, "stale_request", "the request's timestamp is more than five minutes off")
    nonce = fields.get("nonce")
    params = fields.get("params")
    if not isinstance(nonce, str) or not 16 <= len(nonce) <= 64 or not isinstance(params, dict):
        raise ApiError(422, "invalid_request", "the request lacks a nonce or parameters")
    seen = conn.execute(
        "INSERT OR IGNORE INTO licensor_nonces(provider_id, nonce, seen_at) VALUES (?, ?, ?)",
        (provider_id, nonce, format_time(now)),
    )
    if seen.rowcount == 0:
        raise ApiError(409, "replayed_request", "this signed request was already used")
    return LicensorRequest(provider_id, fields.get("op"), params)


def act(ctx: Context, conn: sqlite3.Connection, request: LicensorRequest) -> api.LicensorAnswer:
    """Carry out an accepted request, judged on the provider's state now."""
    provider = conn.execute("SELECT * FROM providers WHERE id = ?", (request.provider_id,)).fetchone()
    params = request.params
    if request.op == "issue":
        return _issue(ctx, conn, provider, params)
    if request.op == "availability":
        return _availability(conn, provider, params)
    if request.op == "authenticate":
        return _authenticate(ctx, conn, provider, params)
    if request.op == "offer":
        return _offer(conn, provider, params)
    raise ApiError(422, "invalid_request", f"unknown licensor operation {request.op!r}")


def configurations(provider: sqlite3.Row) -> list[api.SaleConfiguration]:
    """Where `provider` sells insured tracks: through the insurer, at its own checkout, or both."""
    found: list[api.SaleConfiguration] = []
    for name in str(provider["configurations"]).split(","):
        if name == "front_end":
            found.append("front_end")
        elif name == "back_end":
            found.append("back_end")
    return found


def _str_param(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if not isinstance(value, str) or not value:
        raise ApiError(422, "invalid_request", f"licensor request needs a string {name!r}")
    return value


def _refuse_if_unavailable(provider: sqlite3.Row) -> None:
    if provider["status"] == "ended":
        raise ApiError(410, "provider_ended", f"{provider['name']} has ended its business")
    if provider["outage_started_at"] is not None:
        raise ApiError(503, "provider_unavailable", f"{provider['name']} is not answering (outage)")


def _content(conn: sqlite3.Connection, provider: sqlite3.Row, content_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM contents WHERE id = ? AND provider_id = ?", (content_id, provider["id"])
    ).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"{provider['name']} has no content {content_id!r}")
    return row


def unavailable_reason(provider: sqlite3.Row, content: sqlite3.Row) -> api.Unavailability | None:
    """Why this licensor cannot issue this content now, or None when it can."""
    if provider["status"] == "ended":
        return "provider_ended"
    if provider["outage_started_at"] is not None:
        return "provider_unavailable"
    if content["discontinued"]:
        return "content_discontinued"
    return None


def _issue(
    ctx: Context, conn: sqlite3.Connection, provider: sqlite3.Row, params: dict[str, Any]
) -> api.DirectLicense:
    user_id = _str_param(params, "user_id")
    purpose = _str_param(params, "purpose")
    if purpose not in PURPOSES:
        raise ApiError(422, "invalid_request", f"unknown purpose {purpose!r}")
    content = _content(conn, provider, _str_param(params, "content_id"))
    _refuse_if_unavailable(provider)
    if content["discontinued"]:
        raise ApiError(410, "content_discontinued", f"{content['title']!r} is no longer distributed")
    return issue_license(
        ctx, conn, provider["id"], content, user_id, "direct" if purpose == "direct" else "insurer"
    )


def issue_license(
    ctx: Context, conn: sqlite3.Connection, provider_id: str, content: sqlite3.Row, user_id: str, channel: str
) -> api.DirectLicense:
    version = int(content["current_version"])
    key_row = conn.execute(
        "SELECT content_key FROM content_versions WHERE content_id = ? AND version = ?",
        (content["id"], version),
    ).fetchone()
    now = clock.now(conn)
    lic = License(
        license_id="L-" + secrets.token_hex(10),
        licenser=provider_id,
        licensee=user_id,
        permission=PERMISSION_PLAY,
        content_id=content["id"],
        content_version=version,
        not_before=now,
        not_after=None,
        content_key=bytes(key_row["content_key"]),
        issued_at=now,
    )
    xml = sign_license(lic, ctx.licensor_keys[provider_id])
    conn.execute(
        "INSERT INTO licensor_issued(license_id, provider_id, content_id, version, user_id, channel, xml,"
        " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (lic.license_id, provider_id, lic.content_id, version, user_id, channel, xml, format_time(now)),
    )
    return api.DirectLicense(
        license_id=lic.license_id,
        license_xml=b64e(xml),
        content_id=lic.content_id,
        content_version=version,
        price=int(content["price"]),
    )


def _availability(
    conn: sqlite3.Connection, provider: sqlite3.Row, params: dict[str, Any]
) -> api.LicensorAvailability:
    # FIG.14 (5)-(6): can the same content still be issued?
    content = _content(conn, provider, _str_param(params, "content_id"))
    reason = unavailable_reason(provider, content)
    return api.LicensorAvailability(available=reason is None, reason=reason or "")


def _authenticate(
    ctx: Context, conn: sqlite3.Connection, provider: sqlite3.Row, params: dict[str, Any]
) -> api.LicensorAuthentication:
    """FIG.15 (6): is this a license we issued, byte for byte, to this user?

    `held`: the user holds a license issued to an account elsewhere (bought or insured through another
    insurer) and asks for it to be insured here too. Then the question is only whether this licensor
    issued it: by its records, or, where its records are kept by another of its servers (a backend in
    another process), by its own signature. Which insurer insures it, and whether a loss of it was
    compensated already, is the insurers' business (the exchange of history)."""
    user_id = _str_param(params, "user_id")
    held = params.get("held") is True
    try:
        xml = b64d(_str_param(params, "license_xml"), "license")
        lic, _ = parse_license(xml)
    except MalformedError as e:
        return _not_authentic(f"not a license: {e}")
    row = conn.execute(
        "SELECT xml, user_id, channel FROM licensor_issued WHERE license_id = ? AND provider_id = ?",
        (lic.license_id, provider["id"]),
    ).fetchone()
    if row is None and held and _signed_here(ctx, provider["id"], xml):
        return api.LicensorAuthentication(
            authentic=True, reason="", content_id=lic.content_id, license_id=lic.license_id
        )
    if row is None or bytes(row["xml"]) != xml:
        return _not_authentic("this licensor never issued that license")
    if held:
        return api.LicensorAuthentication(
            authentic=True, reason="", content_id=lic.content_id, license_id=lic.license_id
        )
    if row["user_id"] != user_id:
        return _not_authentic("the license was issued to another user")
    if row["channel"] != "direct":
        return _not_authentic("the license was issued through the insurer already")
    return api.LicensorAuthentication(
        authentic=True, reason="", content_id=lic.content_id, license_id=lic.license_id
    )


def _signed_here(ctx: Context, provider_id: str, xml: bytes) -> bool:
    try:
        verify_license(xml, {provider_id: ctx.licensor_keys[provider_id].public_key()})
    except (IntegrityError, KeyError):
        return False
    return True


def _not_authentic(reason: str) -> api.LicensorAuthentication:
    return api.LicensorAuthentication(authentic=False, reason=reason)


def _offer(conn: sqlite3.Connection, provider: sqlite3.Row, params: dict[str, Any]) -> api.LicensorOffer:
    # FIG.14 (7): which of our contents could stand in, at or below a price, optionally in a genre? Never
    # one we sold the licensee already, at our own checkout or through any insurer: the insurer knows
    # only what it insured, and an alternate the user owns is no alternate.
    max_price = params.get("max_price")
    genre = params.get("genre")
    exclude = params.get("exclude", [])
    licensee = params.get("licensee")
    if not isinstance(max_price, int) or isinstance(max_price, bool):
        raise ApiError(422, "invalid_request", "offer needs an integer max_price")
    if genre is not None and not isinstance(genre, str):
        raise ApiError(422, "invalid_request", "genre must be a string")
    if not isinstance(exclude, list) or not all(isinstance(e, str) for e in exclude):
        raise ApiError(422, "invalid_request", "exclude must be a list of content ids")
    if licensee is not None and not isinstance(licensee, str):
        raise ApiError(422, "invalid_request", "licensee must be a user id")
    if provider["status"] == "ended" or provider["outage_started_at"] is not None:
        return api.LicensorOffer(contents=[])
    query = "SELECT id FROM contents WHERE provider_id = ? AND discontinued = 0 AND price <= ?"
    args: list[Any] = [provider["id"], max_price]
    if genre:
        query += " AND genre = ? COLLATE NOCASE"
        args.append(genre)
    sold = {
        r["content_id"]
        for r in conn.execute(
            "SELECT content_id FROM licensor_issued WHERE provider_id = ? AND user_id = ?",
            (provider["id"], licensee),
        )
    }
    ids = [r["id"] for r in conn.execute(query + " ORDER BY id", args) if r["id"] not in {*exclude, *sold}]
    return api.LicensorOffer(contents=ids)
