"""Attack tools and hypothesis strategies for the protocol tests (the documents themselves come from
`tests.support.factories`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import strategies as st

from player.protocol.canonical import canonical_json, sign_document

# Identifiers as the formats accept them: any non-empty text without control characters.
ids = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff"),
    min_size=1,
    max_size=12,
)
times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=0))
counts = st.integers(min_value=0, max_value=2**40)


def flip_bit(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def bits_of(data: bytes) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=len(data) * 8 - 1)


def edit_keeping_signature(data: bytes, **changes: Any) -> bytes:
    """The attacker's edit: change fields of a signed JSON document, leave signer and signature alone."""
    obj = json.loads(data)
    obj.update(changes)
    return canonical_json(obj)


def resign(data: bytes, key: Ed25519PrivateKey, **changes: Any) -> bytes:
    """The insurer's (or a forger's) edit: change fields and sign again with `key`."""
    obj = json.loads(data)
    doc_type = obj["type"]
    for k in ("type", "format", "signer", "signature"):
        del obj[k]
    obj.update(changes)
    return sign_document(doc_type, obj, key)
