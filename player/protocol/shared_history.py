"""Re-distribution history insurers share against fraud ([0040], claim 18): the record and its pseudonym.

An insurer that compensates a loss writes one record of it, signs it with its own key and sends it to
the other insurers of the exchange; each keeps what it received and reads it before granting a claim.
A record names neither the person nor the insurer's own account of them:

- **the person** is `pseudonym(secret, identity)`: HMAC-SHA256, under a secret every insurer of the
  exchange holds (never a terminal, never the public), over the identity the insurers verify at
  sign-up, normalised. The same person has the same pseudonym at every insurer; without the secret
  nobody can tell whose it is, or test a guess; an insurer of the exchange can test an identity it
  already knows, which is the point of the exchange.
- **the purchase** is the licensor's own license ID of what was first bought (`licensor/license`):
  insuring one purchase twice and reporting it lost at both insurers shows as two records of one
  purchase, whoever claims it. `issued` names the license the writer gave in its place, so a purchase
  re-issued at one insurer and then insured at another under its new license ID is still the same one.

Records are signed documents like the license list (`canonical.sign_document`): a receiver verifies
one with the writer's key, known from the exchange's registry of insurers, before it counts for anything.
`record_writer` reads who claims to have written one, so the receiver knows which key to try.
"""

from __future__ import annotations

import hmac
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from hashlib import sha256
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from player.errors import MalformedError
from player.language import translate
from player.protocol import _fields as f
from player.protocol.canonical import format_time, load_json_object, sign_document, verify_document

RECORD_DOC_TYPE = "shared-redistribution"
PSEUDONYM_CONTEXT = b"insured-player/pseudonym/v1\x00"
_KEYS = frozenset(
    {"record_id", "insurer", "pseudonym", "purchase", "issued", "content_id", "kind", "amount", "at"}
)


class SharedKind(StrEnum):
    """What the writer gave for a loss: the same track again, another in its place, or the license or
    the audio alone (when only that part was insured with it)."""

    REISSUED = "reissued"
    ALTERNATE = "alternate"
    LICENSE_ONLY = "license_only"
    CONTENTS_ONLY = "contents_only"


@dataclass(frozen=True)
class SharedRecord:
    record_id: str  # the writer's own ID for it: a receiver keeps one record per (insurer, record_id)
    insurer: str  # who wrote and signed it
    pseudonym: str  # the person (64 hex digits)
    purchase: str  # "licensor/license ID" of the original purchase
    issued: str  # "licensor/license ID" of the license the writer gave for the loss
    content_id: str  # what was re-distributed
    kind: SharedKind
    amount: int  # yen the writer paid out for it (the selling price re-distributed free)
    at: datetime


def normalise_identity(identity: str) -> str:
    """One spelling per identity: NFKC, case-folded, outer spaces dropped."""
    return unicodedata.normalize("NFKC", identity).casefold().strip()


def pseudonym(secret: bytes, identity: str) -> str:
    """The person as the exchange knows them (see the module's docstring for what it reveals)."""
    if len(secret) < 32:
        raise ValueError("the exchange secret must be at least 32 bytes")
    message = PSEUDONYM_CONTEXT + normalise_identity(identity).encode("utf-8")
    return hmac.new(secret, message, sha256).hexdigest()


def sign_record(record: SharedRecord, key: Ed25519PrivateKey) -> bytes:
    fields = _to_fields(record)
    f.signable(_from_fields, fields, "shared history record")
    return sign_document(RECORD_DOC_TYPE, fields, key)


def verify_record(data: bytes, writer_key: Ed25519PublicKey) -> SharedRecord:
    """Signature by the writer, then shape; anything else is refused (`IntegrityError` family)."""
    return _from_fields(verify_document(data, RECORD_DOC_TYPE, writer_key, "shared history record"))


def record_writer(data: bytes) -> str:
    """Who a record says wrote it, unverified: only to pick the key `verify_record` then checks it with."""
    insurer = load_json_object(data, "shared history record").get("insurer")
    if not isinstance(insurer, str) or not insurer:
        raise MalformedError(translate("Errors", "a shared history record names no insurer"))
    return insurer


def _to_fields(r: SharedRecord) -> dict[str, Any]:
    return {
        "record_id": r.record_id,
        "insurer": r.insurer,
        "pseudonym": r.pseudonym,
        "purchase": r.purchase,
        "issued": r.issued,
        "content_id": r.content_id,
        "kind": r.kind.value,
        "amount": r.amount,
        "at": format_time(r.at),
    }


def _from_fields(fields: dict[str, Any]) -> SharedRecord:
    what = "shared history record"
    obj = f.require_object(fields, _KEYS, what)
    name = f.get_str(obj, "pseudonym", what)
    if len(name) != 64 or any(c not in "0123456789abcdef" for c in name):
        raise MalformedError(
            translate("Errors", "{what}: its person is not named by a pseudonym of the exchange").format(
                what=what
            )
        )
    return SharedRecord(
        record_id=f.get_str(obj, "record_id", what),
        insurer=f.get_str(obj, "insurer", what),
        pseudonym=name,
        purchase=f.get_str(obj, "purchase", what),
        issued=f.get_str(obj, "issued", what),
        content_id=f.get_str(obj, "content_id", what),
        kind=f.get_enum(obj, "kind", SharedKind, what),
        amount=f.get_int(obj, "amount", what),
        at=f.get_time(obj, "at", what),
    )
