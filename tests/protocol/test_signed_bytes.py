"""A signed document is checked over the bytes as they came when they are the canonical ones, and the
answer is always the one encoding the document again would give: the same fields, or the same refusal.

`reference` below is that slower way, as the verifier first did it: parse, encode the rest again, check.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    BadSignatureError,
    MalformedError,
    PlayerError,
    UnknownSignerError,
    UnsupportedVersionError,
)
from player.protocol.canonical import (
    canonical_json,
    ed25519_public_bytes,
    fingerprint,
    load_json_object,
    sign_document,
    verify,
    verify_document,
)
from player.protocol.license_list import LIST_DOC_TYPE, LicenseList, sign_license_list, verify_license_list
from tests.protocol.helpers import ids
from tests.support.factories import a_list, invalid, valid


def reference(data: bytes, key: Ed25519PrivateKey) -> dict[str, Any]:
    obj = load_json_object(data, "license list")
    if obj.get("type") != LIST_DOC_TYPE or obj.get("format") != 1:
        raise MalformedError("not a license list")
    if obj.get("signer") != fingerprint(ed25519_public_bytes(key)):
        raise UnknownSignerError("another signer")
    signature = obj.pop("signature", None)
    verify(key.public_key(), signature, canonical_json(obj), "license list")
    return {k: v for k, v in obj.items() if k not in ("type", "format", "signer")}


def outcome(check: Any, data: bytes, key: Ed25519PrivateKey) -> object:
    try:
        return check(data, key)
    except UnsupportedVersionError:
        return MalformedError  # the reference does not tell a format from a type
    except (PlayerError, ValueError) as e:
        return type(e)


def fast(data: bytes, key: Ed25519PrivateKey) -> dict[str, Any]:
    return verify_document(data, LIST_DOC_TYPE, key.public_key(), "license list")


@pytest.fixture(scope="module")
def signed(insurer_key: Ed25519PrivateKey) -> bytes:
    entries = [valid(f"lic-{i}", f"track-{i}") for i in range(50)] + [invalid("lic-x", content_id="曲-x")]
    return sign_license_list(a_list(9, *entries), insurer_key)


def test_the_list_as_signed_reads_as_encoding_it_again_would(
    signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    assert fast(signed, insurer_key) == reference(signed, insurer_key)


@pytest.mark.parametrize(
    "encode",
    [
        lambda obj: json.dumps(obj, indent=1).encode(),  # spaces and newlines
        lambda obj: json.dumps(dict(reversed(list(obj.items())))).encode(),  # the signature first
        lambda obj: json.dumps(obj, sort_keys=True, separators=(",", ":")).encode(),  # \\u escapes
    ],
)
def test_a_list_written_another_way_is_still_accepted(
    encode: Any, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    other = encode(json.loads(signed))
    assert other != signed
    assert fast(other, insurer_key) == reference(other, insurer_key)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_edit_of_the_bytes_is_judged_as_before(
    data: st.DataObject, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    """Whitespace, a changed byte, a member moved or added near the signature: the same answer."""
    at = data.draw(st.integers(0, len(signed)), label="where")
    edit = data.draw(
        st.sampled_from([b" ", b"\n", b",", b'"', b"}", b'"signature":"x",', b'"x":1,', b"0", b"", b"\\"]),
        label="what",
    )
    cut = data.draw(st.integers(0, 3), label="bytes replaced")
    edited = signed[:at] + edit + signed[at + cut :]
    assert outcome(fast, edited, insurer_key) == outcome(reference, edited, insurer_key)


def test_a_member_slipped_in_before_the_signature_is_refused(
    signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    at = signed.index(b',"signature":')
    with pytest.raises(BadSignatureError):
        fast(signed[:at] + b',"revoked":true' + signed[at:], insurer_key)


def test_a_later_member_changed_after_the_signature_is_refused(
    signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    assert signed.endswith(b'"version":9}')
    with pytest.raises(BadSignatureError):
        fast(signed[: -len(b"9}")] + b"10}", insurer_key)


def test_another_documents_signature_does_not_carry_over(insurer_key: Ed25519PrivateKey) -> None:
    first = sign_license_list(a_list(9, valid("lic-1")), insurer_key)
    second = sign_license_list(a_list(9, invalid("lic-1")), insurer_key)
    signature = json.loads(first)["signature"].encode()
    swapped = second.replace(json.loads(second)["signature"].encode(), signature)
    with pytest.raises(BadSignatureError):
        fast(swapped, insurer_key)


# --- the entries, read in line -------------------------------------------------------------------------

entry_fields = st.fixed_dictionaries(
    {
        "license_id": ids | st.just("") | st.integers(),
        "content_id": ids | st.just("a\x00b"),
        "state": st.sampled_from(["valid", "invalid", "unknown", "VALID"]),
        "invalidated_at": st.none() | st.just("2026-04-01T09:30:00Z") | st.just("yesterday"),
        "reason": st.none() | st.just("redistributed_after_loss") | st.just("bored"),
    },
    optional={"extra": st.just(1)},
)


@settings(max_examples=200, deadline=None)
@given(items=st.lists(entry_fields, max_size=6))
def test_entries_are_read_as_strictly_as_one_at_a_time(
    items: list[dict[str, Any]], insurer_key: Ed25519PrivateKey
) -> None:
    """Each entry through the whole reader, compared with the list's own: same list or same refusal."""
    from player.protocol import license_list

    body = {
        "user_id": "user-1",
        "version": 3,
        "base_version": None,
        "issued_at": "2026-04-01T09:30:00Z",
        "expires_at": "2026-05-01T09:30:00Z",
        "entries": items,
    }
    data = sign_document(LIST_DOC_TYPE, body, insurer_key)
    try:
        one_by_one: object = tuple(license_list._entry_from_fields(e) for e in items)
        if len({e.license_id for e in one_by_one}) != len(items):  # type: ignore[attr-defined]
            one_by_one = MalformedError
    except MalformedError:
        one_by_one = MalformedError
    try:
        got: object = verify_license_list(data, insurer_key.public_key()).entries
    except MalformedError:
        got = MalformedError
    assert got == one_by_one


def test_a_control_character_among_many_ids_is_named(insurer_key: Ed25519PrivateKey) -> None:
    entries = [valid(f"lic-{i}", f"track-{i}") for i in range(1000)]
    body = json.loads(sign_license_list(a_list(3, *entries), insurer_key))
    body["entries"][700]["content_id"] = "track\u0085-700"
    for k in ("type", "format", "signer", "signature"):
        del body[k]
    data = sign_document(LIST_DOC_TYPE, body, insurer_key)
    with pytest.raises(MalformedError, match="content_id contains a control character"):
        verify_license_list(data, insurer_key.public_key())


def test_a_big_list_reads_back_entry_for_entry(insurer_key: Ed25519PrivateKey) -> None:
    lst: LicenseList = a_list(
        4, *(invalid(f"lic-{i}") if i % 7 == 0 else valid(f"lic-{i}", f"t-{i}") for i in range(5000))
    )
    assert verify_license_list(sign_license_list(lst, insurer_key), insurer_key.public_key()) == lst
