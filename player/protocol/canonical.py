"""The byte-exact encodings every signature in the system is computed over.

Signatures are only as good as the agreement on which bytes were signed, so every signed JSON document
goes through `canonical_json` (sorted keys, no whitespace, UTF-8) and every time through `format_time`
(UTC, whole seconds, trailing ``Z``). Keys travel as standard, padded base64 of their raw bytes
(docs/protocol.md, "Conventions").
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from player.errors import BadSignatureError, MalformedError
from player.language import translate

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw


def canonical_json(obj: Any) -> bytes:
    """Serialise `obj` the one way both signer and verifier will agree on."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


def load_json_object(data: bytes, what: str) -> dict[str, Any]:
    """Parse `data` as a JSON object or raise `MalformedError` naming `what` it should have been."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise MalformedError(translate("Errors", "{what} is not valid JSON").format(what=what)) from e
    if not isinstance(obj, dict):
        raise MalformedError(translate("Errors", "{what} is not a JSON object").format(what=what))
    return obj


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str, what: str = "value") -> bytes:
    """Strict base64 decode: anything but canonical standard base64 is malformed."""
    if not isinstance(text, str):
        raise MalformedError(translate("Errors", "{what} is not a base64 string").format(what=what))
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as e:
        raise MalformedError(translate("Errors", "{what} is not valid base64").format(what=what)) from e
    if base64.b64encode(raw).decode("ascii") != text:
        raise MalformedError(translate("Errors", "{what} is not canonical base64").format(what=what))
    return raw


def format_time(t: datetime) -> str:
    """UTC, whole seconds, ``Z``: the only time format on the wire."""
    if t.tzinfo is None:
        raise ValueError(translate("Errors", "naive datetime: every time in the protocol is timezone-aware"))
    return t.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


# A time as `format_time` writes it, digit for digit: read by `fromisoformat`, ten times faster than
# `strptime` (a list names thousands). Anything else still goes to `strptime`, which decides as it did.
_WIRE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)


def parse_time(text: object, what: str = "time") -> datetime:
    if not isinstance(text, str):
        raise MalformedError(translate("Errors", "{what} is not a time string").format(what=what))
    try:
        if _WIRE_TIME.fullmatch(text):
            return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
        return _parse_utc(text)
    except ValueError as e:
        raise MalformedError(
            translate("Errors", "{what} is not a UTC time like 2026-01-31T12:00:00Z").format(what=what)
        ) from e


@functools.lru_cache(maxsize=4096)
def _parse_utc(text: str) -> datetime:
    """`strptime` is slow (a regex and a locale check per call) and the same few times come back again
    and again (a policy's period, a list's issue time); a datetime is immutable, so one parse serves all."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def now_utc() -> datetime:
    """Now, truncated to whole seconds so it survives a round trip through `format_time`."""
    return datetime.now(UTC).replace(microsecond=0)


# --- keys -------------------------------------------------------------------------------------------


def ed25519_public_bytes(key: Ed25519PublicKey | Ed25519PrivateKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(_RAW, _RAW_PUB)


def x25519_public_bytes(key: X25519PublicKey | X25519PrivateKey) -> bytes:
    pub = key.public_key() if isinstance(key, X25519PrivateKey) else key
    return pub.public_bytes(_RAW, _RAW_PUB)


def load_ed25519_public(text: str, what: str = "signing key") -> Ed25519PublicKey:
    raw = b64d(text, what)
    if len(raw) != 32:
        raise MalformedError(translate("Errors", "{what} is not a 32-byte Ed25519 key").format(what=what))
    return Ed25519PublicKey.from_public_bytes(raw)


def load_x25519_public(text: str, what: str = "policy key") -> X25519PublicKey:
    raw = b64d(text, what)
    if len(raw) != 32:
        raise MalformedError(translate("Errors", "{what} is not a 32-byte X25519 key").format(what=what))
    return X25519PublicKey.from_public_bytes(raw)


def fingerprint(raw_public_key: bytes) -> str:
    """SHA-256 of the raw public key, hex, as users compare it: ``ab12 cd34 ...`` grouping is the UI's job."""
    return hashlib.sha256(raw_public_key).hexdigest()


def sign(private_key: Ed25519PrivateKey, message: bytes) -> str:
    return b64e(private_key.sign(message))


def verify(public_key: Ed25519PublicKey, signature_b64: object, message: bytes, what: str) -> None:
    """Raise `BadSignatureError` unless `signature_b64` is `public_key`'s signature over `message`."""
    if not isinstance(signature_b64, str):
        raise MalformedError(translate("Errors", "{what} has no signature").format(what=what))
    sig = b64d(signature_b64, f"{what} signature")
    try:
        public_key.verify(sig, message)
    except InvalidSignature as e:
        raise BadSignatureError(
            translate("Errors", "{what}: the signature does not verify").format(what=what)
        ) from e


# --- signed JSON documents ---------------------------------------------------------------------------
#
# Every insurer-signed document (policy, license package, license list, validity statement) is one JSON
# object with a "type" and a "format" (so one kind can never be passed off as another), a "signer" (the
# fingerprint of the key that signed it) and a "signature" over the canonical JSON of everything else.

FORMAT_VERSION = 1


def sign_document(doc_type: str, fields: dict[str, Any], key: Ed25519PrivateKey) -> bytes:
    """Return the canonical bytes of `fields` plus type, format, signer and signature."""
    body = dict(fields)
    body["type"] = doc_type
    body["format"] = FORMAT_VERSION
    body["signer"] = fingerprint(ed25519_public_bytes(key))
    body.pop("signature", None)
    body["signature"] = sign(key, canonical_json(body))
    return canonical_json(body)


def verify_document(data: bytes, doc_type: str, key: Ed25519PublicKey, what: str) -> dict[str, Any]:
    """Check type, format, signer and signature; return the fields (without those four) to parse further.

    A document signed by another key raises `UnknownSignerError` before the signature is even tried, so
    the user hears "signed by someone else" rather than "corrupt".
    """
    from player.errors import UnknownSignerError, UnsupportedVersionError

    obj = load_json_object(data, what)
    if obj.get("type") != doc_type:
        raise MalformedError(
            translate("Errors", "{what}: expected a {doc_type} document, got {found}").format(
                what=what, doc_type=doc_type, found=repr(obj.get("type"))
            )
        )
    if obj.get("format") != FORMAT_VERSION:
        raise UnsupportedVersionError(
            translate("Errors", "{what}: format {version} is not supported").format(
                what=what, version=repr(obj.get("format"))
            )
        )
    expected_signer = fingerprint(ed25519_public_bytes(key))
    if obj.get("signer") != expected_signer:
        raise UnknownSignerError(translate("Errors", "{what} is signed by an unknown key").format(what=what))
    signature = obj.pop("signature", None)
    signed = _as_written(data, obj, signature)
    if signed is None or not _holds(key, signature, signed, what):
        verify(key, signature, canonical_json(obj), what)  # encoded again: decides as it always did
    for k in ("type", "format", "signer"):
        obj.pop(k)
    return obj


def _as_written(data: bytes, obj: dict[str, Any], signature: object) -> bytes | None:
    """The bytes the signature covers, cut out of `data` instead of encoding `obj` again (a license list
    of 100,000 entries takes a tenth of a second to encode), when `data` ends the way `sign_document`
    ends a document: the signature's member, then the members after it in key order, exactly as they
    encode. None when it does not (then the caller encodes `obj`).

    Safe because the signature is checked over the result: bytes the insurer signed are canonical
    JSON, and what follows the cut holds one unmatched closing brace and no open string, so the cut
    falls between two members of the top-level object; `data` is then that signed document with the
    signature member put in between, and `obj` (parsed from `data`) is exactly what was signed."""
    try:
        if not any(k < "signature" for k in obj):
            return None
        after = b"".join(
            b"," + canonical_json(k) + b":" + canonical_json(obj[k]) for k in sorted(obj) if k > "signature"
        )
        cut = b',"signature":' + canonical_json(signature) + after + b"}"
    except (TypeError, ValueError):
        return None  # not JSON this encoder writes (NaN, say): the usual way says what is wrong
    if not data.endswith(cut):
        return None
    return data[: len(data) - len(cut)] + after + b"}"


def _holds(key: Ed25519PublicKey, signature: object, message: bytes, what: str) -> bool:
    try:
        verify(key, signature, message, what)
    except BadSignatureError:
        return False
    return True
