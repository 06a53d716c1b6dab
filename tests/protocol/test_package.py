"""The license package (FIG.9): only the policy key opens it, and only in the package it was sealed for."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    BadSignatureError,
    IntegrityError,
    MalformedError,
    MismatchError,
    UnknownSignerError,
    WrongKeyError,
)
from player.protocol.canonical import b64e
from player.protocol.license import License, sign_license
from player.protocol.package import hpke_info, open_license, open_package, verify_package
from player.protocol.policy import Policy
from tests.protocol.helpers import bits_of, edit_keeping_signature, flip_bit, ids, resign, times
from tests.support.factories import Keys, make_package


@pytest.fixture(scope="module")
def license_xml(license_: License, licensor_key: Ed25519PrivateKey) -> bytes:
    return sign_license(license_, licensor_key)


@pytest.fixture(scope="module")
def licensors(keys: Keys) -> dict[str, Ed25519PublicKey]:
    return keys.licensors


def _seal(xml: bytes, policy: Policy, keys: Keys, **overrides: Any) -> bytes:
    """`xml` sealed to `keys.policy` in a package under `policy`, with the IDs of `license_`."""
    args: dict[str, Any] = {"license_id": "lic-0001", "content_id": "track-42", "item_id": "item-9"}
    args.update(overrides)
    return make_package(keys, policy=policy, lic=xml, **args).data


@pytest.fixture(scope="module")
def signed(license_xml: bytes, policy: Policy, keys: Keys) -> bytes:
    return _seal(license_xml, policy, keys)


# --- the terminal's story -----------------------------------------------------------------------------


def test_package_opens_to_the_license(
    signed: bytes,
    license_: License,
    license_xml: bytes,
    policy: Policy,
    policy_key: X25519PrivateKey,
    insurer_key: Ed25519PrivateKey,
    licensors: dict[str, Ed25519PublicKey],
) -> None:
    package = verify_package(signed, insurer_key.public_key())
    assert (package.policy_id, package.item_id, package.license_id) == ("pol-7", "item-9", "lic-0001")
    assert package.guarantee == policy.guarantee()
    assert package.raw == signed
    assert open_package(package, policy_key) == license_xml
    assert open_license(package, policy_key, licensors) == license_


@settings(max_examples=25, deadline=None)
@given(policy_id=ids, item_id=ids, issued_at=times, payload=st.binary(max_size=300))
def test_round_trip(
    policy_id: str,
    item_id: str,
    issued_at: datetime,
    payload: bytes,
    policy: Policy,
    keys: Keys,
    policy_key: X25519PrivateKey,
    insurer_key: Ed25519PrivateKey,
) -> None:
    data = _seal(payload, policy, keys, policy_id=policy_id, item_id=item_id, issued_at=issued_at)
    package = verify_package(data, insurer_key.public_key())
    assert (package.policy_id, package.item_id, package.issued_at) == (policy_id, item_id, issued_at)
    assert open_package(package, policy_key) == payload


def test_license_is_bound_to_policy_and_license_id_through_hpke_info() -> None:
    assert hpke_info("pol-7", "lic-1") == b"insured-player/license-package/v1\x00pol-7\x00lic-1"


# --- attacks ------------------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_is_rejected(
    data: st.DataObject, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(IntegrityError) as caught:
        verify_package(flip_bit(signed, data.draw(bits_of(signed))), insurer_key.public_key())
    assert type(caught.value) is not IntegrityError


def test_package_from_another_signer_is_rejected(signed: bytes, attacker_key: Ed25519PrivateKey) -> None:
    with pytest.raises(UnknownSignerError):
        verify_package(signed, attacker_key.public_key())


@pytest.mark.parametrize(
    "change",
    [
        {"license_id": "lic-0002"},
        {"item_id": "item-10"},
        {"issued_at": "2030-01-01T00:00:00Z"},
        {"sealed_license": b64e(b"\x00" * 64)},
    ],
)
def test_modified_field_under_a_valid_signature_is_rejected(
    change: dict[str, Any], signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(BadSignatureError) as caught:
        verify_package(edit_keeping_signature(signed, **change), insurer_key.public_key())
    assert type(caught.value) is BadSignatureError


def test_raised_guarantee_limits_are_rejected(
    signed: bytes, insurer_key: Ed25519PrivateKey, policy: Policy
) -> None:
    richer = {**policy.guarantee().to_fields(), "relicensing_limit_total": 10_000}
    with pytest.raises(BadSignatureError):
        verify_package(edit_keeping_signature(signed, guarantee=richer), insurer_key.public_key())


def test_wrong_policy_key_cannot_open_the_package(
    signed: bytes, other_policy_key: X25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    package = verify_package(signed, insurer_key.public_key())
    with pytest.raises(WrongKeyError):
        open_package(package, other_policy_key)


@pytest.mark.parametrize("field", ["policy_id", "license_id"])
def test_sealed_license_moved_into_another_package_does_not_open(
    field: str, signed: bytes, policy_key: X25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    """Even a package the insurer really signed cannot carry a sealed license made for another one."""
    moved = resign(signed, insurer_key, **{field: "someone-else"})
    package = verify_package(moved, insurer_key.public_key())
    with pytest.raises(WrongKeyError):
        open_package(package, policy_key)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"license_id": "lic-0002"}, id="other-license-id"),
        pytest.param({"content_id": "track-43"}, id="other-content"),
    ],
)
def test_package_naming_another_license_than_it_seals_is_rejected(
    overrides: dict[str, Any],
    license_xml: bytes,
    policy: Policy,
    keys: Keys,
    policy_key: X25519PrivateKey,
    insurer_key: Ed25519PrivateKey,
    licensors: dict[str, Ed25519PublicKey],
) -> None:
    package = verify_package(_seal(license_xml, policy, keys, **overrides), insurer_key.public_key())
    with pytest.raises(MismatchError):
        open_license(package, policy_key, licensors)


def test_license_issued_to_another_user_is_rejected(
    license_: License,
    licensor_key: Ed25519PrivateKey,
    policy: Policy,
    keys: Keys,
    policy_key: X25519PrivateKey,
    insurer_key: Ed25519PrivateKey,
    licensors: dict[str, Ed25519PublicKey],
) -> None:
    xml = sign_license(dataclasses.replace(license_, licensee="user-2"), licensor_key)
    package = verify_package(_seal(xml, policy, keys), insurer_key.public_key())
    with pytest.raises(MismatchError):
        open_license(package, policy_key, licensors)


def test_license_from_an_untrusted_licensor_is_rejected(
    license_: License,
    attacker_key: Ed25519PrivateKey,
    policy: Policy,
    keys: Keys,
    policy_key: X25519PrivateKey,
    insurer_key: Ed25519PrivateKey,
    licensors: dict[str, Ed25519PublicKey],
) -> None:
    xml = sign_license(license_, attacker_key)
    package = verify_package(_seal(xml, policy, keys), insurer_key.public_key())
    with pytest.raises(UnknownSignerError):
        open_license(package, policy_key, licensors)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"sealed_license": ""}, id="empty-ciphertext"),
        pytest.param({"sealed_license": "not base64!"}, id="not-base64"),
        pytest.param({"guarantee": {"contract_id": "pol-7"}}, id="partial-guarantee"),
        pytest.param({"guarantee": None}, id="no-guarantee"),
        pytest.param({"policy_id": 7}, id="numeric-id"),
        pytest.param({"item_id": "a\x00b"}, id="nul-in-id"),
        pytest.param({"extra": True}, id="unknown-field"),
    ],
)
def test_signed_but_malformed_package_is_rejected(
    change: dict[str, Any], signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(MalformedError):
        verify_package(resign(signed, insurer_key, **change), insurer_key.public_key())


def test_insurer_cannot_seal_with_an_id_that_breaks_the_binding(
    license_xml: bytes, policy: Policy, keys: Keys
) -> None:
    """A NUL inside an ID would make ("a\\0b", "c") and ("a", "b\\0c") share one HPKE info."""
    with pytest.raises(ValueError):
        _seal(license_xml, policy, keys, policy_id="a\x00b")
