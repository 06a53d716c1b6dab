"""Real signed documents for the decision tests: lists, deltas, statements, packages, licenses.

Everything is signed with real Ed25519 keys through `player.protocol`, the way the insurer and the
licensors sign them; nothing of ours is mocked.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.license import License, sign_license
from player.protocol.license_list import (
    InvalidationReason,
    LicenseList,
    LicenseState,
    ListEntry,
    ValidityStatement,
    sign_license_list,
    sign_validity,
)
from player.protocol.package import LicensePackage, seal_package, verify_package
from player.protocol.policy import GuaranteeConditions

T0 = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
GRACE = timedelta(days=30)
USER = "user-1"
CONTENT_KEY = bytes(range(32))


def valid(license_id: str, content_id: str = "track-1") -> ListEntry:
    return ListEntry(license_id, content_id, LicenseState.VALID, None, None)


def invalid(
    license_id: str,
    reason: InvalidationReason = InvalidationReason.LOSS,
    on: datetime = T0,
    content_id: str = "track-1",
) -> ListEntry:
    return ListEntry(license_id, content_id, LicenseState.INVALID, on, reason)


def signed_list(
    key: Ed25519PrivateKey,
    version: int,
    *entries: ListEntry,
    base: int | None = None,
    issued_at: datetime = T0,
    grace: timedelta = GRACE,
    user_id: str = USER,
) -> bytes:
    """A full list (or, with `base`, a delta against version `base`), signed by `key`."""
    lst = LicenseList(user_id, version, base, issued_at, issued_at + grace, tuple(entries))
    return sign_license_list(lst, key)


def statement(
    key: Ed25519PrivateKey,
    license_id: str,
    state: LicenseState = LicenseState.VALID,
    *,
    user_id: str = USER,
    list_version: int = 1,
    issued_at: datetime = T0,
    reason: InvalidationReason | None = None,
) -> bytes:
    on = issued_at if state is LicenseState.INVALID else None
    if state is LicenseState.INVALID and reason is None:
        reason = InvalidationReason.LOSS
    return sign_validity(
        ValidityStatement(user_id, license_id, state, on, reason, list_version, issued_at), key
    )


def guarantee(user_id: str = USER) -> GuaranteeConditions:
    return GuaranteeConditions(
        contract_id="pol-1",
        insured_user_id=user_id,
        guarantee_start=T0,
        guarantee_end=T0 + timedelta(days=365),
        relicensing_starts=T0 + timedelta(days=30),
        relicensing_limit_per_track=3,
        relicensing_limit_total=50,
        price_difference_limit=200,
    )


def a_license(
    license_id: str = "lic-1",
    *,
    content_id: str = "track-1",
    licensee: str = USER,
    not_before: datetime = T0,
    not_after: datetime | None = T0 + timedelta(days=365),
) -> License:
    return License(
        license_id=license_id,
        licenser="provider-a",
        licensee=licensee,
        permission="play",
        content_id=content_id,
        content_version=1,
        not_before=not_before,
        not_after=not_after,
        content_key=CONTENT_KEY,
        issued_at=T0,
    )


def package(
    insurer: Ed25519PrivateKey,
    licensor: Ed25519PrivateKey,
    policy_key: X25519PrivateKey,
    license_id: str = "lic-1",
    *,
    content_id: str = "track-1",
    insured_user_id: str = USER,
) -> LicensePackage:
    """A license package as the insurer makes it (FIG.9), verified as the terminal receives it."""
    lic = a_license(license_id, content_id=content_id, licensee=insured_user_id)
    data = seal_package(
        sign_license(lic, licensor),
        policy_id="pol-1",
        item_id=f"item-{license_id}",
        license_id=license_id,
        content_id=content_id,
        recipient=policy_key.public_key(),
        guarantee=guarantee(insured_user_id),
        insurer_key=insurer,
        issued_at=T0,
    )
    return verify_package(data, insurer.public_key())
