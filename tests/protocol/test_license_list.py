"""The license list (FIG.7) and validity statements: what the insurer says about each license, unforgeably."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import BadSignatureError, IntegrityError, MalformedError, UnknownSignerError
from player.protocol.license_list import (
    InvalidationReason,
    LicenseList,
    LicenseState,
    ListEntry,
    ValidityStatement,
    apply_delta,
    sign_license_list,
    sign_validity,
    verify_license_list,
    verify_validity,
)
from tests.protocol.helpers import bits_of, edit_keeping_signature, flip_bit, ids, resign, times
from tests.support.factories import GRACE, T0, a_list, a_statement, invalid, make_statement, valid


@pytest.fixture(scope="module")
def sample() -> LicenseList:
    return a_list(
        7,
        valid("lic-1"),
        invalid("lic-2", InvalidationReason.LOSS),
        invalid("lic-3", InvalidationReason.INSURED_AFTER_PURCHASE),
        valid("lic-4"),
    )


@pytest.fixture(scope="module")
def signed(sample: LicenseList, insurer_key: Ed25519PrivateKey) -> bytes:
    return sign_license_list(sample, insurer_key)


entries = st.builds(
    ListEntry,
    license_id=ids,
    content_id=ids,
    state=st.just(LicenseState.VALID),
    invalidated_at=st.none(),
    reason=st.none(),
) | st.builds(
    ListEntry,
    license_id=ids,
    content_id=ids,
    state=st.just(LicenseState.INVALID),
    invalidated_at=times,
    reason=st.sampled_from(InvalidationReason),
)
unique_entries = st.lists(entries, max_size=8, unique_by=lambda e: e.license_id).map(tuple)


# --- round trips and lookups --------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(
    user_id=ids,
    version=st.integers(2, 2**40),
    is_delta=st.booleans(),
    issued_at=times,
    grace_days=st.integers(0, 400),
    items=unique_entries,
)
def test_round_trip(
    user_id: str,
    version: int,
    is_delta: bool,
    issued_at: datetime,
    grace_days: int,
    items: tuple[ListEntry, ...],
    insurer_key: Ed25519PrivateKey,
) -> None:
    lst = LicenseList(
        user_id,
        version,
        version - 1 if is_delta else None,
        issued_at,
        issued_at + timedelta(days=grace_days),
        items,
    )
    got = verify_license_list(sign_license_list(lst, insurer_key), insurer_key.public_key())
    assert got == lst
    for e in items:
        assert got.entry(e.license_id) == e


def test_entry_lookup(sample: LicenseList) -> None:
    assert sample.entry("lic-2") == invalid("lic-2")
    assert sample.entry("lic-99") is None
    assert "_by_id" not in dataclasses.asdict(sample)
    assert sample == dataclasses.replace(sample)


def test_entry_lookup_is_a_dictionary_lookup() -> None:
    big = a_list(1, *(valid(f"lic-{i}") for i in range(20_000)))
    assert big.entry("lic-19999") == valid("lic-19999")
    assert big.__dict__["_by_id"]["lic-0"] == valid("lic-0")  # built once, then reused


@pytest.mark.parametrize(
    "statement",
    [
        a_statement("lic-1", list_version=7),
        a_statement("lic-2", LicenseState.INVALID, list_version=7, reason=InvalidationReason.ALTERNATE),
        a_statement("lic-9", LicenseState.UNKNOWN, list_version=0),
    ],
)
def test_validity_round_trip(statement: ValidityStatement, insurer_key: Ed25519PrivateKey) -> None:
    assert verify_validity(sign_validity(statement, insurer_key), insurer_key.public_key()) == statement


# --- deltas -------------------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(base_items=unique_entries, later_items=unique_entries, data=st.data())
def test_delta_brings_a_list_up_to_the_full_new_version(
    base_items: tuple[ListEntry, ...], later_items: tuple[ListEntry, ...], data: st.DataObject
) -> None:
    """Changed entries replace old ones in place, new ones are appended: the same as the full list."""
    changed = tuple(
        dataclasses.replace(e, content_id=e.content_id + "'")
        for e in base_items
        if data.draw(st.booleans(), label=f"change {e.license_id!r}")
    )
    new = tuple(e for e in later_items if e.license_id not in {b.license_id for b in base_items})
    base = a_list(3, *base_items)
    delta = a_list(5, *changed, *new, base=3, issued_at=T0 + timedelta(days=1), expires_at=T0 + GRACE)
    by_id = {e.license_id: e for e in changed}
    expected = LicenseList(
        "user-1",
        5,
        None,
        delta.issued_at,
        delta.expires_at,
        tuple(by_id.get(e.license_id, e) for e in base_items) + new,
    )
    assert apply_delta(base, delta) == expected


def test_delta_that_invalidates_a_license(sample: LicenseList) -> None:
    delta = a_list(8, invalid("lic-1", InvalidationReason.UPGRADE), valid("lic-5"), base=7)
    merged = apply_delta(sample, delta)
    assert merged.version == 8 and merged.base_version is None
    assert merged.entry("lic-1") == invalid("lic-1", InvalidationReason.UPGRADE)
    assert merged.entry("lic-5") == valid("lic-5")
    assert [e.license_id for e in merged.entries] == ["lic-1", "lic-2", "lic-3", "lic-4", "lic-5"]


@pytest.mark.parametrize(
    "delta",
    [
        pytest.param(a_list(9, base=6), id="made-against-an-older-list"),
        pytest.param(a_list(9, base=8), id="made-against-a-newer-list"),
        pytest.param(a_list(8, base=7, user_id="user-2"), id="for-another-user"),
        pytest.param(a_list(8), id="a-full-list"),
    ],
)
def test_misapplied_delta_is_rejected(delta: LicenseList, sample: LicenseList) -> None:
    with pytest.raises(MalformedError):
        apply_delta(sample, delta)


def test_delta_cannot_be_applied_to_a_delta(sample: LicenseList) -> None:
    base = dataclasses.replace(sample, base_version=6)
    with pytest.raises(MalformedError):
        apply_delta(base, a_list(8, base=7))


# --- attacks ------------------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_is_rejected(
    data: st.DataObject, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(IntegrityError) as caught:
        verify_license_list(flip_bit(signed, data.draw(bits_of(signed))), insurer_key.public_key())
    assert type(caught.value) is not IntegrityError


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_in_a_validity_statement_is_rejected(
    data: st.DataObject, insurer_key: Ed25519PrivateKey
) -> None:
    doc = make_statement(
        insurer_key, "lic-2", LicenseState.INVALID, list_version=7, reason=InvalidationReason.CRASH
    ).data
    with pytest.raises(IntegrityError) as caught:
        verify_validity(flip_bit(doc, data.draw(bits_of(doc))), insurer_key.public_key())
    assert type(caught.value) is not IntegrityError


def test_list_from_another_signer_is_rejected(
    sample: LicenseList, attacker_key: Ed25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(UnknownSignerError):
        verify_license_list(sign_license_list(sample, attacker_key), insurer_key.public_key())


def test_validity_from_another_signer_is_rejected(
    attacker_key: Ed25519PrivateKey, insurer_key: Ed25519PrivateKey
) -> None:
    forged = make_statement(attacker_key, "lic-2", list_version=9).data
    with pytest.raises(UnknownSignerError):
        verify_validity(forged, insurer_key.public_key())


def _entries_with(signed: bytes, index: int, **change: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(signed)["entries"]
    items[index].update(change)
    return items


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: {"version": 8}, id="version-raised"),
        pytest.param(lambda s: {"expires_at": "2099-01-01T00:00:00Z"}, id="grace-extended"),
        pytest.param(
            lambda s: {"entries": _entries_with(s, 1, state="valid", invalidated_at=None, reason=None)},
            id="lost-license-revalidated",
        ),
        pytest.param(
            lambda s: {"entries": _entries_with(s, 0, license_id="lic-99")}, id="license-id-swapped"
        ),
    ],
)
def test_modified_list_under_a_valid_signature_is_rejected(
    change: Any, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(BadSignatureError) as caught:
        verify_license_list(edit_keeping_signature(signed, **change(signed)), insurer_key.public_key())
    assert type(caught.value) is BadSignatureError


def test_invalid_license_reported_valid_under_a_valid_signature_is_rejected(
    insurer_key: Ed25519PrivateKey,
) -> None:
    doc = make_statement(insurer_key, "lic-2", LicenseState.INVALID, list_version=7).data
    forged = edit_keeping_signature(doc, state="valid", invalidated_at=None, reason=None)
    with pytest.raises(BadSignatureError):
        verify_validity(forged, insurer_key.public_key())


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: {"version": 0}, id="version-zero"),
        pytest.param(lambda s: {"version": True}, id="bool-version"),
        pytest.param(lambda s: {"version": "7"}, id="string-version"),
        pytest.param(lambda s: {"base_version": 7}, id="base-not-older"),
        pytest.param(lambda s: {"base_version": -1}, id="base-negative"),
        pytest.param(lambda s: {"expires_at": "2026-03-01T00:00:00Z"}, id="expires-before-issued"),
        pytest.param(lambda s: {"entries": {}}, id="entries-not-a-list"),
        pytest.param(
            lambda s: {"entries": [*_entries_with(s, 0), _entries_with(s, 0)[0]]}, id="duplicate-id"
        ),
        pytest.param(lambda s: {"entries": _entries_with(s, 0, state="unknown")}, id="unknown-in-a-list"),
        pytest.param(lambda s: {"entries": _entries_with(s, 0, state="revoked")}, id="unknown-state"),
        pytest.param(lambda s: {"entries": _entries_with(s, 1, reason=None)}, id="invalid-without-reason"),
        pytest.param(
            lambda s: {"entries": _entries_with(s, 1, invalidated_at=None)}, id="invalid-without-date"
        ),
        pytest.param(lambda s: {"entries": _entries_with(s, 1, reason="bored")}, id="unknown-reason"),
        pytest.param(
            lambda s: {"entries": _entries_with(s, 0, invalidated_at="2026-04-01T09:30:00Z")},
            id="valid-with-date",
        ),
        pytest.param(
            lambda s: {"entries": _entries_with(s, 0, reason="version_upgrade")}, id="valid-with-reason"
        ),
        pytest.param(lambda s: {"entries": _entries_with(s, 0, note="x")}, id="unknown-entry-field"),
        pytest.param(lambda s: {"entries": ["lic-1"]}, id="entry-not-an-object"),
        pytest.param(lambda s: {"user_id": ""}, id="empty-user"),
    ],
)
def test_signed_but_malformed_list_is_rejected(
    change: Any, signed: bytes, insurer_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(MalformedError) as caught:
        verify_license_list(resign(signed, insurer_key, **change(signed)), insurer_key.public_key())
    assert type(caught.value) is MalformedError


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"state": "unknown", "reason": "version_upgrade"}, id="unknown-with-reason"),
        pytest.param({"reason": None}, id="invalid-without-reason"),
        pytest.param({"list_version": -1}, id="negative-list-version"),
        pytest.param({"list_version": False}, id="bool-list-version"),
        pytest.param({"license_id": None}, id="no-license"),
    ],
)
def test_signed_but_malformed_validity_is_rejected(
    change: dict[str, Any], insurer_key: Ed25519PrivateKey
) -> None:
    doc = make_statement(insurer_key, "lic-2", LicenseState.INVALID, list_version=7).data
    with pytest.raises(MalformedError):
        verify_validity(resign(doc, insurer_key, **change), insurer_key.public_key())


def test_list_cannot_pass_as_a_validity_statement(signed: bytes, insurer_key: Ed25519PrivateKey) -> None:
    with pytest.raises(MalformedError):
        verify_validity(signed, insurer_key.public_key())


def test_insurer_cannot_sign_a_list_players_would_reject(insurer_key: Ed25519PrivateKey) -> None:
    with pytest.raises(ValueError):
        sign_license_list(a_list(1, valid("lic-1"), valid("lic-1")), insurer_key)
    with pytest.raises(ValueError):
        sign_validity(ValidityStatement("u", "l", LicenseState.INVALID, None, None, 1, T0), insurer_key)
