"""The license list (FIG.7) and the one-license validity statement (FIG.10 (3)-(4)).

Both are insurer-signed JSON documents. The list names, for one user, every license the insurer knows
with `valid` or `invalid` and, when invalid, the date and reason; it carries a `version` that only goes
up, `issued_at` and `expires_at` (the offline grace). A *delta* (base_version = N) carries only entries
that changed after version N; `apply_delta` folds it onto a list of exactly version N.
The trust rules for accepting a list (rollback, freeze, clock) live in `player.license_decision`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class LicenseState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN = "unknown"  # validity statements only: the insurer has never heard of this ID for this user


class InvalidationReason(StrEnum):
    # FIG.7: reason for invalidation
    LOSS = "redistributed_after_loss"
    CRASH = "redistributed_after_crash"
    ALTERNATE = "replaced_by_alternate"  # the supplier discontinued the content or the business
    UPGRADE = "version_upgrade"
    INSURED_AFTER_PURCHASE = "replaced_when_insured"  # FIG.15 (9)


@dataclass(frozen=True)
class ListEntry:
    license_id: str
    content_id: str
    state: LicenseState  # VALID or INVALID
    invalidated_at: datetime | None
    reason: InvalidationReason | None


@dataclass(frozen=True)
class LicenseList:
    user_id: str
    version: int
    base_version: int | None  # None for a full list
    issued_at: datetime
    expires_at: datetime
    entries: tuple[ListEntry, ...]

    def entry(self, license_id: str) -> ListEntry | None:
        raise NotImplementedError


@dataclass(frozen=True)
class ValidityStatement:
    user_id: str
    license_id: str
    state: LicenseState
    invalidated_at: datetime | None
    reason: InvalidationReason | None
    list_version: int
    issued_at: datetime


def sign_license_list(lst: LicenseList, key: Ed25519PrivateKey) -> bytes:
    raise NotImplementedError


def verify_license_list(data: bytes, insurer_key: Ed25519PublicKey) -> LicenseList:
    """Signature and shape only; entries must have unique license IDs; invalid entries need date+reason,
    valid ones neither; version >= 1; base_version < version; issued_at <= expires_at."""
    raise NotImplementedError


def apply_delta(base: LicenseList, delta: LicenseList) -> LicenseList:
    """Fold a delta onto the list it was made against (`MalformedError` if versions or users differ)."""
    raise NotImplementedError


def sign_validity(statement: ValidityStatement, key: Ed25519PrivateKey) -> bytes:
    raise NotImplementedError


def verify_validity(data: bytes, insurer_key: Ed25519PublicKey) -> ValidityStatement:
    raise NotImplementedError
