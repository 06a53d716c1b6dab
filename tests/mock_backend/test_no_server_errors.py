"""Inputs an attack round found answered with a 500: each is now a 4xx with a condition code.

A 500 tells an attacker where the backend's assumptions end and, for the low-order keys, left a policy
that could never be sold to; every case here is refused at the edge instead.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
import requests

from player.protocol.canonical import b64e, parse_time
from tests.mock_backend.test_licensor import send, signed_request
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up

# X25519 public keys in the small subgroup: any shared secret computed with them is all zeros.
LOW_ORDER_KEYS = {
    "zero": bytes(32),
    "one": b"\x01" + bytes(31),
    "order-8": bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
}


def refused(status: int, code: str, r: requests.Response) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code, r.text


@pytest.mark.parametrize("raw", LOW_ORDER_KEYS.values(), ids=LOW_ORDER_KEYS.keys())
def test_policy_with_a_low_order_x25519_key_is_refused(shared_backend: Backend, raw: bytes) -> None:
    alice = sign_up(shared_backend)
    r = alice.post("/api/v1/policies", json={"public_key": b64e(raw), "accept_terms": True})
    refused(422, "invalid_public_key", r)
    assert alice.get("/api/v1/policies").json() == []


@pytest.mark.parametrize("raw", LOW_ORDER_KEYS.values(), ids=LOW_ORDER_KEYS.keys())
def test_rekey_to_a_low_order_x25519_key_is_refused(customer: Customer, raw: bytes) -> None:
    r = customer.post(f"/api/v1/policies/{customer.policy_id}/rekey", json={"public_key": b64e(raw)})
    refused(422, "invalid_public_key", r)
    # the policy still takes purchases: its key was never replaced
    assert (
        customer.post(
            "/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "aurora-0001"}
        ).status_code
        == 201
    )


@pytest.mark.parametrize("version", ["11111111111111111111", str(2**63), "-1", "0"])
def test_content_version_beyond_sqlite_integers_is_422(shared_backend: Backend, version: str) -> None:
    r = shared_backend.get("/providers/aurora/content/aurora-0001", params={"version": version})
    refused(422, "invalid_request", r)


def test_license_list_since_beyond_sqlite_integers_is_422(customer: Customer) -> None:
    r = customer.get("/api/v1/license-list", params={"since": "11111111111111111111"})
    refused(422, "invalid_request", r)


@pytest.mark.parametrize("seconds", [10**18, 1e18, 2**63, 200 * 365 * 86_400])
def test_clock_advance_past_the_bound_is_422(shared_backend: Backend, seconds: float) -> None:
    before = parse_time(shared_backend.get("/admin/clock").json()["now"])
    r = shared_backend.request("POST", "/admin/clock", json={"advance_seconds": seconds})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] in ("clock_out_of_range", "invalid_request")
    after = parse_time(shared_backend.get("/admin/clock").json()["now"])
    assert after - before < timedelta(seconds=30)  # only wall time passed: the refused move did nothing


def test_clock_cannot_be_walked_past_the_bound_step_by_step(backend: Backend) -> None:
    """Many moves each within the bound must not add up to a clock near year 9999."""
    step = 10 * 365 * 86_400
    answers = [
        backend.request("POST", "/admin/clock", json={"advance_seconds": step}).status_code for _ in range(12)
    ]
    assert answers.count(200) <= 10 and answers[-1] == 422
    r = backend.post("/api/v1/accounts", json={"username": "late", "password": "correct horse battery"})
    assert r.status_code == 201, r.text
    r = backend.post("/api/v1/sessions", json={"username": "late", "password": "correct horse battery"})
    assert r.status_code == 201, r.text


def test_clock_moved_to_year_9999_is_refused_and_sign_in_still_works(backend: Backend) -> None:
    """The attack: one move to 9999-12-20, after which a session's expiry (30 days on) overflowed."""
    now = parse_time(backend.get("/admin/clock").json()["now"])
    target = datetime(9999, 12, 20, tzinfo=UTC)
    r = backend.request("POST", "/admin/clock", json={"advance_seconds": int((target - now).total_seconds())})
    refused(422, "clock_out_of_range", r)
    alice = sign_up(backend)
    alice.sign_in()


@pytest.mark.parametrize("exclude", [5, "aurora-0001", {"a": 1}, [1, 2]], ids=["int", "str", "dict", "ints"])
def test_licensor_offer_with_a_malformed_exclude_is_422(shared_backend: Backend, exclude: object) -> None:
    data = signed_request(shared_backend, "harbor", "offer", max_price=250, exclude=exclude)
    refused(422, "invalid_request", send(shared_backend, "harbor", data))


@pytest.mark.parametrize(
    "license_id", ["\u008d\u0011", "L-1\nL-2", "L-\ufffe"], ids=["c1-control", "newline", "nonchar"]
)
def test_validity_of_a_license_id_with_control_characters_is_422(customer: Customer, license_id: str) -> None:
    """Found by the fuzz: the ID is echoed into a signed statement, and signing refused it (a 500)."""
    r = customer.get(f"/api/v1/license-list/{quote(license_id)}")
    refused(422, "unsafe_text", r)
