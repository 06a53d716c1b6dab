"""Buying insured (FIG.13) and insuring what was bought earlier (FIG.15)."""

from __future__ import annotations

import secrets
import sqlite3

from mock_backend import clock, licensor
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import coverage, delivery, license_control, policies, premiums, receipts
from player.errors import MalformedError
from player.protocol import api
from player.protocol.canonical import b64d, format_time
from player.protocol.license import parse_license
from player.protocol.license_list import InvalidationReason, LicenseState
from player.protocol.policy import Coverage
from player.protocol.receipt import ReceiptKind


def content_row(conn: sqlite3.Connection, content_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM contents WHERE id = ?", (content_id,)).fetchone()
    if row is None:
        raise ApiError(404, "unknown_content", f"there is no track {content_id!r} in the catalog")
    return row


def premium_for(
    ctx: Context, conn: sqlite3.Connection, content: sqlite3.Row, policy: sqlite3.Row | None = None
) -> int:
    """The premium for insuring `content` at this insurer; less under a policy that checks on every
    play (claim 26) or covers one part only (claim 32)."""
    rate = conn.execute(
        "SELECT premium_rate FROM providers WHERE id = ?", (content["provider_id"],)
    ).fetchone()
    base = premiums.quote(
        int(content["price"]),
        round(float(rate[0]) * ctx.settings.premium_factor, 4),
        premiums.trouble(conn, content["provider_id"]),
    )
    if policy is None:
        return base
    return policies.premium(base, bool(policy["check_every_play"]), policies.coverage(policy))


def _new_item(
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    content: sqlite3.Row,
    license_id: str,
    premium: int,
    purchase: str,
) -> str:
    """`purchase`: "licensor/license ID" the item began with, the name the exchange of history knows it by."""
    item_id = "I-" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO items(id, policy_id, user_id, original_content_id, content_id, license_id, price,"
        " premium, created_at, purchase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item_id,
            policy["id"],
            policy["user_id"],
            content["id"],
            content["id"],
            license_id,
            content["price"],
            premium,
            format_time(clock.now(conn)),
            purchase,
        ),
    )
    return item_id


def refuse_if_insured(conn: sqlite3.Connection, user_id: str, content: sqlite3.Row) -> None:
    """One insured item per track and user: a second would double the track's re-licensing limit."""
    if conn.execute(
        "SELECT 1 FROM items WHERE user_id = ? AND content_id = ?", (user_id, content["id"])
    ).fetchone():
        raise ApiError(409, "already_owned", f"you already own an insured license for {content['title']!r}")


def purchase(
    ctx: Context, conn: sqlite3.Connection, user_id: str, policy_id: str, content_id: str
) -> api.Purchase:
    """FIG.13: provisional policy presented -> licensor issues -> packaged to the policy key -> official.
    Only for a provider that sells through the insurer (the front-end configuration, FIG.3)."""
    policy = policies.get_owned(conn, user_id, policy_id)
    policies.require_in_force(conn, policy)
    coverage.require_license_cover(policy)
    content = content_row(conn, content_id)
    provider = conn.execute("SELECT * FROM providers WHERE id = ?", (content["provider_id"],)).fetchone()
    if "front_end" not in licensor.configurations(provider):
        raise ApiError(
            409,
            "buy_at_provider",
            f"{provider['name']} sells {content['title']!r} at its own checkout, not through the insurer",
        )
    refuse_if_insured(conn, user_id, content)
    issued = licensor.call(
        ctx,
        conn,
        content["provider_id"],
        "issue",
        api.DirectLicense,
        user_id=user_id,
        content_id=content_id,
        purpose="purchase",
    )
    return insure_issued(ctx, conn, policy, content, issued, signer=receipts.INSURER)


def insure_issued(
    ctx: Context,
    conn: sqlite3.Connection,
    policy: sqlite3.Row,
    content: sqlite3.Row,
    issued: api.DirectLicense,
    *,
    signer: str,
) -> api.Purchase:
    """The insurer's part of any insured sale, whoever sold it: the item, the package sealed to the
    policy key, the policy made official, the purchase record and the receipt, signed by `signer` (the
    insurer, or the provider whose checkout sold it, FIG.11)."""
    user_id, policy_id, content_id = policy["user_id"], policy["id"], content["id"]
    premium = premium_for(ctx, conn, content, policy)
    purchase = f"{content['provider_id']}/{issued.license_id}"
    item_id = _new_item(conn, policy, content, issued.license_id, premium, purchase)
    package = delivery.package_license(ctx, conn, policy, item_id, issued, content["provider_id"])
    policies.touch(conn, policy_id, official=True)
    purchase_id = "B-" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO purchases(id, user_id, content_id, policy_id, item_id, license_id, price, premium, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            purchase_id,
            user_id,
            content_id,
            policy_id,
            item_id,
            issued.license_id,
            content["price"],
            premium,
            format_time(clock.now(conn)),
        ),
    )
    bill = [receipts.item(conn, content_id, price=int(content["price"]), premium=premium)]
    receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.PURCHASE, bill, policy=policy, signer=signer)
    return api.Purchase(
        receipt_id=receipt_id,
        purchase_id=purchase_id,
        price=content["price"],
        premium=premium,
        policy=policies.signed_b64(ctx, conn, policy_id),
        license=delivery.delivered(conn, issued.license_id, package),
        list_version=license_control.current_version(conn, user_id),
        sold_by=signer,
    )


def insure_existing(
    ctx: Context, conn: sqlite3.Connection, user_id: str, policy_id: str, licenses_b64: list[str]
) -> api.InsuredExisting:
    """FIG.15 (5)-(9): each presented license is checked with its licensor, replaced by a new one issued
    through the insurer, and listed as invalid so the uninsured copy can no longer play. Each license is
    judged on its own: a forged one is refused with its reason and the genuine ones beside it insured.
    A refusal is found before anything is written for that license, so nothing of it is left behind."""
    policy = policies.get_owned(conn, user_id, policy_id)
    policies.require_in_force(conn, policy)
    delivered: list[api.Delivered] = []
    covered: list[api.CoveredContents] = []
    refused = []
    for index, text in enumerate(licenses_b64):
        try:
            done = _insure_one(ctx, conn, user_id, policy, index, text)
        except _Refused as e:
            refused.append(e.refusal)
            continue
        if isinstance(done, api.Delivered):
            delivered.append(done)
        else:
            covered.append(done)
    receipt_id = None
    if delivered or covered:
        policies.touch(conn, policy_id, official=True)
        charged = [(d.content_id, d.premium or 0) for d in delivered] + [
            (c.content_id, c.premium) for c in covered
        ]
        bill = [receipts.item(conn, content_id, price=0, premium=premium) for content_id, premium in charged]
        receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.INSURED_LATER, bill, policy=policy)
    return api.InsuredExisting(
        receipt_id=receipt_id,
        policy=policies.signed_b64(ctx, conn, policy_id),
        licenses=delivered,
        list_version=license_control.current_version(conn, user_id),
        refused=refused,
        covered=covered,
    )


class _Refused(Exception):
    def __init__(self, refusal: api.RefusedLicense) -> None:
        self.refusal = refusal


def _insure_one(
    ctx: Context, conn: sqlite3.Connection, user_id: str, policy: sqlite3.Row, index: int, text: str
) -> api.Delivered | api.CoveredContents:
    try:
        xml = b64d(text, "license")
        lic, _ = parse_license(xml)
    except MalformedError as e:
        refusal = api.RefusedLicense(
            license_id=f"#{index + 1}", content_id=None, code="invalid_license", reason=f"not a license: {e}"
        )
        raise _Refused(refusal) from e

    def refuse(code: str, reason: str) -> _Refused:
        return _Refused(
            api.RefusedLicense(license_id=lic.license_id, content_id=lic.content_id, code=code, reason=reason)
        )

    known = conn.execute(
        "SELECT 1 FROM licenses l JOIN users u ON u.id = l.user_id WHERE l.license_id = ?"
        " AND u.insurer_id = ?"
        " UNION ALL SELECT 1 FROM items i JOIN users u ON u.id = i.user_id"
        " WHERE i.purchase = ? AND u.insurer_id = ?",
        (lic.license_id, ctx.insurer_id, f"{lic.licenser}/{lic.license_id}", ctx.insurer_id),
    )
    if known.fetchone():
        raise refuse("already_insured", "the insurer already knows this license")
    # A license issued to an account elsewhere (bought or insured through another insurer) may be insured
    # here too, on its licensor's word: the exchange of history keeps one loss from being paid twice.
    # One issued to another of this insurer's own customers is theirs.
    held = lic.licensee != user_id
    if (
        held
        and conn.execute(
            "SELECT 1 FROM users WHERE id = ? AND insurer_id = ?", (lic.licensee, ctx.insurer_id)
        ).fetchone()
    ):
        raise refuse("not_authentic", "it was issued to someone else")
    if not conn.execute("SELECT 1 FROM providers WHERE id = ?", (lic.licenser,)).fetchone():
        # a forgery naming a licensor that does not exist is as unauthentic as any other
        raise refuse("not_authentic", f"there is no licensor {lic.licenser!r}")
    try:
        answer = licensor.call(
            ctx,
            conn,
            lic.licenser,
            "authenticate",
            api.LicensorAuthentication,
            user_id=user_id,
            license_xml=text,
            held=held,
        )
        if not answer.authentic:
            raise refuse("not_authentic", f"its licensor did not issue it ({answer.reason})")
        content = content_row(conn, lic.content_id)
        newer = coverage.follow_upgrade(conn, policy, lic.content_id, (lic.license_id, lic.content_version))
        if newer is not None:  # the audio covered here, upgraded elsewhere: the cover follows, free
            return newer
        refuse_if_insured(conn, user_id, content)
        if policies.coverage(policy) is Coverage.CONTENTS:  # claim 32: the audio only; the license stays
            premium = premium_for(ctx, conn, content, policy)
            item_id = _new_item(
                conn, policy, content, lic.license_id, premium, f"{lic.licenser}/{lic.license_id}"
            )
            return coverage.cover(
                conn, policy, item_id, (lic.licenser, lic.license_id, lic.content_version), premium
            )
        issued = licensor.call(
            ctx,
            conn,
            lic.licenser,
            "issue",
            api.DirectLicense,
            user_id=user_id,
            content_id=lic.content_id,
            purpose="insure_existing",
        )
    except ApiError as e:
        raise refuse(e.detail.code, e.detail.message) from e
    premium = premium_for(ctx, conn, content, policy)
    item_id = _new_item(conn, policy, content, issued.license_id, premium, f"{lic.licenser}/{lic.license_id}")
    if not held:  # listed invalid: the uninsured copy no longer plays (one held elsewhere is that insurer's)
        license_control.add_license(
            conn,
            user_id=user_id,
            license_id=lic.license_id,
            provider_id=lic.licenser,
            content_id=lic.content_id,
            content_version=lic.content_version,
            policy_id=None,
            item_id=item_id,
            package=None,
            state=LicenseState.INVALID,
            reason=InvalidationReason.INSURED_AFTER_PURCHASE,
        )
    package = delivery.package_license(ctx, conn, policy, item_id, issued, lic.licenser)
    return delivery.delivered(conn, issued.license_id, package).model_copy(
        update={"replaces": lic.license_id, "premium": premium}
    )
