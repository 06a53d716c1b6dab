"""The insurance policy (FIG.6B) and the guarantee conditions a license package carries ([0025]).

A policy is a signed JSON document (`canonical.sign_document`, type "policy"). Its key pair is made on the
terminal ([0028]); the policy carries the public half and its fingerprint. It is `provisional` until the
first licensed purchase makes it `official` (FIG.13); every re-issue (new license, re-key) raises
`revision`, so the terminal keeps the highest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


class PolicyState(StrEnum):
    PROVISIONAL = "provisional"
    OFFICIAL = "official"


@dataclass(frozen=True)
class GuaranteeConditions:
    """The part of the policy that travels with every license package (FIG.9)."""

    contract_id: str
    insured_user_id: str
    guarantee_start: datetime
    guarantee_end: datetime
    relicensing_starts: datetime
    relicensing_limit_per_track: int
    relicensing_limit_total: int
    price_difference_limit: int  # yen

    def to_fields(self) -> dict[str, object]:
        raise NotImplementedError

    @classmethod
    def from_fields(cls, fields: object) -> GuaranteeConditions:
        """MalformedError on any missing, extra or ill-typed field."""
        raise NotImplementedError


@dataclass(frozen=True)
class Policy:
    contract_id: str
    insured: str  # the user's name (FIG.6B "the insured")
    user_id: str
    state: PolicyState
    revision: int
    guaranteed_license_ids: tuple[str, ...]
    premium_yen_per_track: int
    guarantee_start: datetime
    guarantee_end: datetime
    relicensing_starts: datetime
    relicensing_limit_per_track: int
    relicensing_limit_total: int
    price_difference_limit: int
    public_key: bytes  # raw X25519 public key of the policy key pair (private half: terminal keyring)
    public_key_fingerprint: str
    issued_at: datetime

    def guarantee(self) -> GuaranteeConditions:
        raise NotImplementedError


def sign_policy(policy: Policy, key: Ed25519PrivateKey) -> bytes:
    raise NotImplementedError


def verify_policy(data: bytes, insurer_key: Ed25519PublicKey) -> Policy:
    """Also checks that public_key_fingerprint really is the fingerprint of public_key."""
    raise NotImplementedError
