"""The insurer-signed policy (FIG.6B) and the guarantee conditions that ride in every package."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    BadSignatureError,
    IntegrityError,
    MalformedError,
    UnknownSignerError,
    UnsupportedVersionError,
)
from player.protocol.canonical import b64e, fingerprint, sign_document, x25519_public_bytes
from player.protocol.policy import GuaranteeConditions, Policy, PolicyState, sign_policy, verify_policy
from tests.protocol.helpers import bits_of, counts, edit_keeping_signature, flip_bit, ids, resign, times


@pytest.fixture(scope="module")
def signed(policy: Policy, insurer_key: Ed25519PrivateKey) -> bytes:
    return sign_policy(policy, insurer_key)


# --- round trips --------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(
    contract_id=ids,
    insured=ids,
    state=st.sampled_from(PolicyState),
    revision=counts,
    license_ids=st.lists(ids, unique=True, max_size=5).map(tuple),
    premium=counts,
    start=times,
    days=st.integers(0, 5000),
    limits=st.tuples(counts, counts, counts),
    issued_at=times,
)
def test_round_trip(
    contract_id: str,
    insured: str,
    state: PolicyState,
    revision: int,
    license_ids: tuple[str, ...],
    premium: int,
    start: datetime,
    days: int,
    limits: tuple[int, int, int],
    issued_at: datetime,
    policy: Policy,
    insurer_key: Ed25519PrivateKey,
) -> None:
    p = dataclasses.replace(
        policy,
        contract_id=contract_id,
        insured=insured,
        state=state,
        revision=revision,
        guaranteed_license_ids=license_ids,
        premium_yen_per_track=premium,
        guarantee_start=start,
        guarantee_end=start + timedelta(days=days),
        relicensing_starts=start,
        relicensing_limit_per_track=limits[0],
        relicensing_limit_total=limits[1],
        price_difference_limit=limits[2],
        issued_at=issued_at,
    )
    assert verify_policy(sign_policy(p, insurer_key), insurer_key.public_key()) == p


def test_guarantee_conditions_are_the_policys_terms(policy: Policy) -> None:
    g = policy.guarantee()
    assert (g.contract_id, g.insured_user_id) == (policy.contract_id, policy.user_id)
    assert g.relicensing_limit_total == policy.relicensing_limit_total
    assert GuaranteeConditions.from_fields(g.to_fields()) == g
    assert GuaranteeConditions.from_fields(json.loads(json.dumps(g.to_fields()))) == g


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"relicensing_limit_total": True}, id="bool-is-not-int"),
        pytest.param({"relicensing_limit_total": "5"}, id="string-is-not-int"),
        pytest.param({"relicensing_limit_total": 1.0}, id="float-is-not-int"),
        pytest.param({"price_difference_limit": -1}, id="negative-limit"),
        pytest.param({"guarantee_start": "2026-04-01"}, id="date-not-time"),
        pytest.param({"guarantee_end": "2000-01-01T00:00:00Z"}, id="ends-before-it-starts"),
        pytest.param({"insured_user_id": ""}, id="empty-user"),
        pytest.param({"bonus": 1}, id="unknown-field"),
    ],
)
def test_ill_typed_guarantee_is_rejected(change: dict[str, Any], policy: Policy) -> None:
    with pytest.raises(MalformedError):
        GuaranteeConditions.from_fields({**policy.guarantee().to_fields(), **change})


@pytest.mark.parametrize("bad", [None, [], "x"])
def test_guarantee_that_is_not_an_object_is_rejected(bad: object) -> None:
    with pytest.raises(MalformedError):
        GuaranteeConditions.from_fields(bad)


def test_missing_guarantee_field_is_rejected(policy: Policy) -> None:
    fields = policy.guarantee().to_fields()
    del fields["relicensing_starts"]
    with pytest.raises(MalformedError):
        GuaranteeConditions.from_fields(fields)


def test_insurer_cannot_sign_a_policy_players_would_reject(
    policy: Policy, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(ValueError):
        sign_policy(dataclasses.replace(policy, public_key_fingerprint="0" * 64), insurer_key)


# --- attacks ------------------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_is_rejected(
    data: st.DataObject, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(IntegrityError) as caught:
        verify_policy(flip_bit(signed, data.draw(bits_of(signed))), insurer_key.public_key())
    assert type(caught.value) is not IntegrityError


def test_policy_signed_by_another_key_is_rejected(
    policy: Policy, attacker_key: Ed25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(UnknownSignerError):
        verify_policy(sign_policy(policy, attacker_key), insurer_key.public_key())


@pytest.mark.parametrize(
    "change",
    [
        {"relicensing_limit_total": 5000},
        {"guarantee_end": "2099-01-01T00:00:00Z"},
        {"state": "provisional"},
        {"guaranteed_license_ids": ["lic-0001", "lic-0002", "lic-0003"]},
        {"revision": 4},
    ],
)
def test_modified_field_under_a_valid_signature_is_rejected(
    change: dict[str, Any], signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(BadSignatureError) as caught:
        verify_policy(edit_keeping_signature(signed, **change), insurer_key.public_key())
    assert type(caught.value) is BadSignatureError


def test_swapped_policy_key_is_rejected(
    signed: bytes, other_policy_key: X25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    """An attacker swaps in his own policy key (and its fingerprint) to have licenses sealed to him."""
    raw = x25519_public_bytes(other_policy_key)
    forged = edit_keeping_signature(signed, public_key=b64e(raw), public_key_fingerprint=fingerprint(raw))
    with pytest.raises(BadSignatureError):
        verify_policy(forged, insurer_key.public_key())


def test_fingerprint_that_names_another_key_is_rejected(
    signed: bytes, other_policy_key: X25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    forged = resign(
        signed, insurer_key, public_key_fingerprint=fingerprint(x25519_public_bytes(other_policy_key))
    )
    with pytest.raises(MalformedError):
        verify_policy(forged, insurer_key.public_key())


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"revision": True}, id="bool-revision"),
        pytest.param({"premium_yen_per_track": 30.0}, id="float-premium"),
        pytest.param({"state": "cancelled"}, id="unknown-state"),
        pytest.param({"guaranteed_license_ids": ["a", "a"]}, id="repeated-license"),
        pytest.param({"guaranteed_license_ids": "lic-0001"}, id="ids-not-a-list"),
        pytest.param({"guaranteed_license_ids": [1]}, id="id-not-a-string"),
        pytest.param({"public_key": "AAAA"}, id="short-key"),
        pytest.param({"issued_at": "yesterday"}, id="bad-time"),
        pytest.param({"insured": None}, id="null-name"),
        pytest.param({"discount": 5}, id="unknown-field"),
    ],
)
def test_signed_but_malformed_policy_is_rejected(
    change: dict[str, Any], signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(MalformedError) as caught:
        verify_policy(resign(signed, insurer_key, **change), insurer_key.public_key())
    assert type(caught.value) is MalformedError


def _fields(signed: bytes) -> dict[str, Any]:
    obj = json.loads(signed)
    return {k: v for k, v in obj.items() if k not in ("type", "format", "signer", "signature")}


def test_missing_field_is_rejected(signed: bytes, insurer_key: Ed25519PrivateKey) -> None:
    fields = _fields(signed)
    del fields["relicensing_limit_total"]
    with pytest.raises(MalformedError):
        verify_policy(sign_document("policy", fields, insurer_key), insurer_key.public_key())


def test_another_document_type_cannot_pass_as_a_policy(signed: bytes, insurer_key: Ed25519PrivateKey) -> None:
    """Same fields, same signer, but signed as a license list: the type is part of what is signed."""
    with pytest.raises(MalformedError):
        verify_policy(sign_document("license-list", _fields(signed), insurer_key), insurer_key.public_key())


def test_future_format_is_unsupported(signed: bytes, insurer_key: Ed25519PrivateKey) -> None:
    with pytest.raises(UnsupportedVersionError):
        verify_policy(edit_keeping_signature(signed, format=2), insurer_key.public_key())


def test_not_json_is_malformed(insurer_key: Ed25519PrivateKey) -> None:
    with pytest.raises(MalformedError):
        verify_policy(b"\xff<policy/>", insurer_key.public_key())
