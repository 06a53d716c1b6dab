"""The electronic receipt ([0006], [0037], claim 30): what was charged, signed by the party that charged.

A signed JSON document of type "receipt" (`canonical.sign_document`): `receipt_id`, `issued_at`, the buyer
(`user_id`, `buyer`: the user's name), `kind` (what was charged for), `items` (one per track: content ID,
title, price and premium in yen, tax-free), `total_yen` (their sum), and `conditions`: the guarantee
conditions as a separately signed document (type "guarantee-conditions", signed by the insurer), in
base64, or null when nothing is insured (a purchase at a provider without insurance). Because the
conditions are signed on their own, the terminal can extract them and keep them apart from the receipt:
it can learn its guarantee conditions from a receipt alone.
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
from player.protocol.canonical import b64d, b64e, format_time, sign_document, verify_document
from player.protocol.policy import GuaranteeConditions

DOC_TYPE = "receipt"
CONDITIONS_DOC_TYPE = "guarantee-conditions"
_KEYS = frozenset({"receipt_id", "issued_at", "user_id", "buyer", "kind", "items", "total_yen", "conditions"})
_ITEM_KEYS = frozenset({"content_id", "title", "price", "premium"})


class ReceiptKind(StrEnum):
    PURCHASE = "purchase"  # bought insured at the insurer (FIG.13)
    INSURANCE = "insurance"  # a policy taken out
    REISSUE = "reissue"  # a lost track re-distributed (FIG.12)
    ALTERNATE = "alternate"  # an alternate chosen (FIG.14)
    UPGRADE = "upgrade"  # a newer version ([0048])
    INSURED_LATER = "insured_later"  # a purchase insured afterwards (FIG.15)
    DIRECT_PURCHASE = "direct_purchase"  # bought at the provider without insurance (FIG.15 (1)-(2))


@dataclass(frozen=True)
class ReceiptItem:
    content_id: str
    title: str
    price: int  # yen
    premium: int  # yen


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    issued_at: datetime
    user_id: str
    buyer: str
    kind: ReceiptKind
    items: tuple[ReceiptItem, ...]
    total_yen: int
    conditions: bytes | None  # the separately signed guarantee conditions, as signed


def sign_conditions(conditions: GuaranteeConditions, insurer_key: Ed25519PrivateKey) -> bytes:
    return sign_document(CONDITIONS_DOC_TYPE, conditions.to_fields(), insurer_key)


def verify_conditions(data: bytes, insurer_key: Ed25519PublicKey) -> GuaranteeConditions:
    """The guarantee conditions from their own signed document (cut out of a receipt)."""
    return GuaranteeConditions.from_fields(
        verify_document(data, CONDITIONS_DOC_TYPE, insurer_key, "guarantee conditions")
    )


def sign_receipt(receipt: Receipt, key: Ed25519PrivateKey) -> bytes:
    fields: dict[str, Any] = {
        "receipt_id": receipt.receipt_id,
        "issued_at": format_time(receipt.issued_at),
        "user_id": receipt.user_id,
        "buyer": receipt.buyer,
        "kind": receipt.kind.value,
        "items": [
            {"content_id": i.content_id, "title": i.title, "price": i.price, "premium": i.premium}
            for i in receipt.items
        ],
        "total_yen": receipt.total_yen,
        "conditions": None if receipt.conditions is None else b64e(receipt.conditions),
    }
    f.signable(_from_fields, fields, "receipt")
    return sign_document(DOC_TYPE, fields, key)


def verify_receipt(data: bytes, signer_key: Ed25519PublicKey) -> Receipt:
    """A receipt signed by `signer_key` (the insurer's, or the provider's that sold without insurance)."""
    return _from_fields(verify_document(data, DOC_TYPE, signer_key, "receipt"))


def _from_fields(fields: dict[str, Any]) -> Receipt:
    what = "receipt"
    obj = f.require_object(fields, _KEYS, what)
    raw_items = obj["items"]
    if not isinstance(raw_items, list) or len(raw_items) > 1000:
        raise MalformedError(translate("Errors", "receipt items must be a list"))
    items = []
    for raw in raw_items:
        item = f.require_object(raw, _ITEM_KEYS, "receipt item")
        items.append(
            ReceiptItem(
                f.get_str(item, "content_id", what),
                f.get_str(item, "title", what),
                f.get_int(item, "price", what),
                f.get_int(item, "premium", what),
            )
        )
    total = f.get_int(obj, "total_yen", what)
    if total != sum(i.price + i.premium for i in items):
        raise MalformedError(translate("Errors", "receipt total_yen is not the sum of its items"))
    conditions = obj["conditions"]
    if conditions is not None and not isinstance(conditions, str):
        raise MalformedError(translate("Errors", "receipt conditions must be base64 or null"))
    return Receipt(
        receipt_id=f.get_str(obj, "receipt_id", what),
        issued_at=f.get_time(obj, "issued_at", what),
        user_id=f.get_str(obj, "user_id", what),
        buyer=f.get_str(obj, "buyer", what),
        kind=f.get_enum(obj, "kind", ReceiptKind, what),
        items=tuple(items),
        total_yen=total,
        conditions=None if conditions is None else b64d(conditions, "receipt conditions"),
    )
