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
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.errors import MalformedError
from player.language import translate
from player.protocol import _fields as f
from player.protocol.canonical import b64e, fingerprint, format_time, sign_document, verify_document

DOC_TYPE = "policy"
POLICY_KEY_SIZE = 32


class PolicyState(StrEnum):
    PROVISIONAL = "provisional"
    OFFICIAL = "official"


class Coverage(StrEnum):
    """Claim 32: what of a track a policy guarantees. `license`: the right to play (a lost license is
    re-issued, the audio kept by the user); `contents`: the audio (a lost file is sent again under the
    license the user holds, insured elsewhere or not at all); `full`: both, the one policy of old."""

    FULL = "full"
    LICENSE = "license"
    CONTENTS = "contents"


_GUARANTEE_KEYS = frozenset(
    {
        "contract_id",
        "insured_user_id",
        "guarantee_start",
        "guarantee_end",
        "relicensing_starts",
        "relicensing_limit_per_track",
        "relicensing_limit_total",
        "price_difference_limit",
    }
)
_POLICY_KEYS = frozenset(
    {
        "contract_id",
        "insured",
        "user_id",
        "state",
        "revision",
        "guaranteed_license_ids",
        "premium_yen_per_track",
        "guarantee_start",
        "guarantee_end",
        "relicensing_starts",
        "relicensing_limit_per_track",
        "relicensing_limit_total",
        "price_difference_limit",
        "public_key",
        "public_key_fingerprint",
        "issued_at",
    }
)


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
        return {
            "contract_id": self.contract_id,
            "insured_user_id": self.insured_user_id,
            "guarantee_start": format_time(self.guarantee_start),
            "guarantee_end": format_time(self.guarantee_end),
            "relicensing_starts": format_time(self.relicensing_starts),
            "relicensing_limit_per_track": self.relicensing_limit_per_track,
            "relicensing_limit_total": self.relicensing_limit_total,
            "price_difference_limit": self.price_difference_limit,
        }

    @classmethod
    def from_fields(cls, fields: object) -> GuaranteeConditions:
        """MalformedError on any missing, extra or ill-typed field."""
        what = "guarantee conditions"
        obj = f.require_object(fields, _GUARANTEE_KEYS, what)
        start, end = f.get_time(obj, "guarantee_start", what), f.get_time(obj, "guarantee_end", what)
        _check_period(start, end, what)
        return cls(
            contract_id=f.get_str(obj, "contract_id", what),
            insured_user_id=f.get_str(obj, "insured_user_id", what),
            guarantee_start=start,
            guarantee_end=end,
            relicensing_starts=f.get_time(obj, "relicensing_starts", what),
            relicensing_limit_per_track=f.get_int(obj, "relicensing_limit_per_track", what),
            relicensing_limit_total=f.get_int(obj, "relicensing_limit_total", what),
            price_difference_limit=f.get_int(obj, "price_difference_limit", what),
        )


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
    # Claim 26: every play asks the insurer for the license's signed validity first (while online). In
    # the signed document only when true, so a policy without the term reads as it always did.
    check_every_play: bool = False
    # Claim 32: in the signed document only when not full, for the same reason.
    coverage: Coverage = Coverage.FULL

    def guarantee(self) -> GuaranteeConditions:
        return GuaranteeConditions(
            contract_id=self.contract_id,
            insured_user_id=self.user_id,
            guarantee_start=self.guarantee_start,
            guarantee_end=self.guarantee_end,
            relicensing_starts=self.relicensing_starts,
            relicensing_limit_per_track=self.relicensing_limit_per_track,
            relicensing_limit_total=self.relicensing_limit_total,
            price_difference_limit=self.price_difference_limit,
        )


def sign_policy(policy: Policy, key: Ed25519PrivateKey) -> bytes:
    fields = _to_fields(policy)
    f.signable(_from_fields, fields, "policy")
    return sign_document(DOC_TYPE, fields, key)


def verify_policy(data: bytes, insurer_key: Ed25519PublicKey) -> Policy:
    """Also checks that public_key_fingerprint really is the fingerprint of public_key."""
    return _from_fields(verify_document(data, DOC_TYPE, insurer_key, "policy"))


def _to_fields(p: Policy) -> dict[str, Any]:
    return (
        {
            "contract_id": p.contract_id,
            "insured": p.insured,
            "user_id": p.user_id,
            "state": p.state.value,
            "revision": p.revision,
            "guaranteed_license_ids": list(p.guaranteed_license_ids),
            "premium_yen_per_track": p.premium_yen_per_track,
            "guarantee_start": format_time(p.guarantee_start),
            "guarantee_end": format_time(p.guarantee_end),
            "relicensing_starts": format_time(p.relicensing_starts),
            "relicensing_limit_per_track": p.relicensing_limit_per_track,
            "relicensing_limit_total": p.relicensing_limit_total,
            "price_difference_limit": p.price_difference_limit,
            "public_key": b64e(p.public_key),
            "public_key_fingerprint": p.public_key_fingerprint,
            "issued_at": format_time(p.issued_at),
        }
        | ({"check_every_play": True} if p.check_every_play else {})
        | ({"coverage": p.coverage.value} if p.coverage is not Coverage.FULL else {})
    )


def _from_fields(fields: dict[str, Any]) -> Policy:
    what = "policy"
    every_play = fields.get("check_every_play", False) if isinstance(fields, dict) else False
    if "check_every_play" in fields and every_play is not True:
        raise MalformedError(translate("Errors", "policy check_every_play: present only as true"))
    partial = isinstance(fields, dict) and "coverage" in fields
    optional = ({"check_every_play"} if every_play else set()) | ({"coverage"} if partial else set())
    obj = f.require_object(fields, _POLICY_KEYS | optional, what)
    coverage = f.get_enum(obj, "coverage", Coverage, what) if partial else Coverage.FULL
    if partial and coverage is Coverage.FULL:
        raise MalformedError(translate("Errors", "policy coverage: present only when not full"))
    public_key = f.get_bytes(obj, "public_key", what, POLICY_KEY_SIZE)
    # [0028]: the user compares this fingerprint with the one the terminal shows for its own key.
    if obj["public_key_fingerprint"] != fingerprint(public_key):
        raise MalformedError(translate("Errors", "policy public_key_fingerprint does not match public_key"))
    start, end = f.get_time(obj, "guarantee_start", what), f.get_time(obj, "guarantee_end", what)
    _check_period(start, end, what)
    return Policy(
        contract_id=f.get_str(obj, "contract_id", what),
        insured=f.get_str(obj, "insured", what),
        user_id=f.get_str(obj, "user_id", what),
        state=f.get_enum(obj, "state", PolicyState, what),
        revision=f.get_int(obj, "revision", what),
        guaranteed_license_ids=f.get_str_list(obj, "guaranteed_license_ids", what),
        premium_yen_per_track=f.get_int(obj, "premium_yen_per_track", what),
        guarantee_start=start,
        guarantee_end=end,
        relicensing_starts=f.get_time(obj, "relicensing_starts", what),
        relicensing_limit_per_track=f.get_int(obj, "relicensing_limit_per_track", what),
        relicensing_limit_total=f.get_int(obj, "relicensing_limit_total", what),
        price_difference_limit=f.get_int(obj, "price_difference_limit", what),
        public_key=public_key,
        public_key_fingerprint=obj["public_key_fingerprint"],
        issued_at=f.get_time(obj, "issued_at", what),
        check_every_play=every_play,
        coverage=coverage,
    )


def _check_period(start: datetime, end: datetime, what: str) -> None:
    if end < start:
        raise MalformedError(
            translate("Errors", "{what}: the guarantee period ends before it starts").format(what=what)
        )
