"""The license list (FIG.7): signed, versioned, delta-able, and the one-license validity query (FIG.10)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from player.errors import BadSignatureError
from player.protocol.license_list import InvalidationReason, LicenseState, verify_license_list
from tests.support.backend import Backend, clone_template, running
from tests.support.customer import Customer, insured


def test_a_new_user_gets_an_empty_signed_list_at_version_one(customer: Customer) -> None:
    listed = customer.license_list()
    assert (listed.user_id, listed.version, listed.base_version, listed.entries) == (
        customer.user_id,
        1,
        None,
        (),
    )


def test_the_full_list_names_every_license_and_is_signed_by_the_insurer(customer: Customer) -> None:
    first = customer.buy("aurora-0001")["license"]
    second = customer.buy("harbor-0013")
    r = customer.get("/api/v1/license-list")
    assert r.headers["content-type"] == "application/json"
    listed = verify_license_list(r.content, customer.backend.insurer_key)
    assert listed.user_id == customer.user_id and listed.version == second["list_version"]
    assert {(e.license_id, e.content_id, e.state) for e in listed.entries} == {
        (first["license_id"], "aurora-0001", LicenseState.VALID),
        (second["license"]["license_id"], "harbor-0013", LicenseState.VALID),
    }
    assert all(e.reason is None and e.invalidated_at is None for e in listed.entries)

    tampered = r.content.replace(b'"valid"', b'"invalid"', 1)
    with pytest.raises(BadSignatureError):
        verify_license_list(tampered, customer.backend.insurer_key)


def test_a_delta_since_a_version_holds_only_what_changed_after_it(customer: Customer) -> None:
    untouched = customer.buy("aurora-0003")["license"]
    lost = customer.buy("aurora-0006")
    seen = lost["list_version"]
    later = customer.buy("harbor-0006")["license"]
    claim = customer.claim(lost["license"]["license_id"])
    assert claim.status_code == 201, claim.text
    reissued = claim.json()["items"][0]["license"]

    delta = customer.license_list(since=seen)
    assert delta.base_version == seen and delta.version == claim.json()["list_version"]
    states = {e.license_id: (e.state, e.reason) for e in delta.entries}
    assert states == {
        later["license_id"]: (LicenseState.VALID, None),
        lost["license"]["license_id"]: (LicenseState.INVALID, InvalidationReason.LOSS),
        reissued["license_id"]: (LicenseState.VALID, None),
    }
    assert untouched["license_id"] not in states

    full = customer.license_list()
    assert full.base_version is None and len(full.entries) == 4
    assert customer.license_list(since=full.version).base_version is None  # nothing newer: the full list


def test_a_delta_since_a_version_the_list_never_had_is_refused(customer: Customer) -> None:
    customer.buy("harbor-0008")
    current = customer.license_list().version
    r = customer.get("/api/v1/license-list", params={"since": current + 1})
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "unknown_list_version"
    r = customer.get("/api/v1/license-list", params={"since": -1})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_the_validity_query_answers_valid_invalid_and_unknown(customer: Customer) -> None:
    lost = customer.buy("aurora-0007")["license"]["license_id"]
    claim = customer.claim(lost).json()
    current = claim["items"][0]["license"]["license_id"]

    valid = customer.validity(current)
    assert (valid.user_id, valid.license_id, valid.state) == (customer.user_id, current, LicenseState.VALID)
    assert valid.reason is None and valid.list_version == claim["list_version"]

    invalid = customer.validity(lost)
    assert invalid.state is LicenseState.INVALID and invalid.reason is InvalidationReason.LOSS
    assert invalid.invalidated_at is not None

    assert customer.validity("L-00000000000000000000").state is LicenseState.UNKNOWN


def test_another_users_license_is_unknown_to_you(customer: Customer) -> None:
    other = insured(customer.backend)
    theirs = other.buy("aurora-0001")["license"]["license_id"]
    assert customer.validity(theirs).state is LicenseState.UNKNOWN
    assert other.validity(theirs).state is LicenseState.VALID


def test_the_list_expires_list_ttl_seconds_after_it_is_issued(demo_template: Path, tmp_path: Path) -> None:
    with running(clone_template(demo_template, tmp_path / "b"), "--list-ttl", "3600") as backend:
        listed = insured(backend).license_list()
        assert listed.expires_at - listed.issued_at == timedelta(seconds=3600)


def test_by_default_the_list_is_good_for_thirty_days_offline(shared_backend: Backend) -> None:
    listed = insured(shared_backend).license_list()
    assert listed.expires_at - listed.issued_at == timedelta(days=30)


def test_a_license_is_delivered_again_to_its_owner_and_to_nobody_else(customer: Customer) -> None:
    bought = customer.buy("aurora-0001")["license"]
    again = customer.get(f"/api/v1/licenses/{bought['license_id']}")
    assert again.status_code == 200
    assert {k: again.json()[k] for k in bought} == bought  # the same package, the same download
    other = insured(customer.backend)
    refused = other.get(f"/api/v1/licenses/{bought['license_id']}")
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "unknown_license"
