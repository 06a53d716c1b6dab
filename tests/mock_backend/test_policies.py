"""Taking out insurance (FIG.13), the policy document (FIG.6B), and re-keying after a crash ([0035])."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.errors import WrongKeyError
from player.protocol.canonical import b64d, b64e, fingerprint, x25519_public_bytes
from player.protocol.policy import PolicyState, verify_policy
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up


def test_terms_state_the_guarantee_conditions(shared_backend: Backend) -> None:
    terms = shared_backend.get("/api/v1/policies/terms").json()
    assert terms["guarantee_days"] == 365
    assert terms["waiting_days"] == 0  # --demo
    assert terms["relicensing_limit_per_track"] == 3  # [0039]
    assert terms["relicensing_limit_total"] == 10  # [0039]
    assert terms["price_difference_limit"] == 100
    assert terms["premium_yen_per_track"] == 20
    assert terms["insurer_fingerprint"] == shared_backend.identity["fingerprint"]
    assert "365 days" in terms["summary"]


def test_a_new_policy_is_provisional_signed_and_holds_every_fig_6b_field(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    public = x25519_public_bytes(alice.policy_key)
    r = alice.post("/api/v1/policies", json={"public_key": b64e(public), "accept_terms": True})
    assert r.status_code == 201
    policy_id = r.json()["policy_id"]
    policy = verify_policy(b64d(r.json()["policy"]), shared_backend.insurer_key)

    assert policy.contract_id == policy_id
    assert policy.insured == alice.username and policy.user_id == alice.user_id
    assert policy.state is PolicyState.PROVISIONAL and policy.revision == 1
    assert policy.guaranteed_license_ids == ()
    assert policy.premium_yen_per_track == 20
    assert policy.guarantee_end - policy.guarantee_start == timedelta(days=365)
    assert policy.relicensing_starts == policy.guarantee_start  # no waiting period with --demo
    assert (policy.relicensing_limit_per_track, policy.relicensing_limit_total) == (3, 10)
    assert policy.price_difference_limit == 100
    assert policy.public_key == public and policy.public_key_fingerprint == fingerprint(public)

    listed = alice.get("/api/v1/policies").json()
    assert [p["policy_id"] for p in listed] == [policy_id]


def test_the_first_purchase_makes_the_policy_official_and_lists_the_license(customer: Customer) -> None:
    bought = customer.buy("aurora-0003")
    policy = verify_policy(b64d(bought["policy"]), customer.backend.insurer_key)
    assert policy.state is PolicyState.OFFICIAL
    assert policy.revision > 1
    assert policy.guaranteed_license_ids == (bought["license"]["license_id"],)
    assert customer.policy().state is PolicyState.OFFICIAL


def test_a_policy_needs_the_terms_accepted_and_a_real_key(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    public = b64e(x25519_public_bytes(alice.policy_key))
    r = alice.post("/api/v1/policies", json={"public_key": public, "accept_terms": False})
    assert r.status_code == 422 and r.json()["error"]["code"] == "terms_not_accepted"

    for bad_key in (b64e(b"\x01" * 33)[:44], "A" * 44, "not base64 at all, not at all, not at all!!"):
        r = alice.post("/api/v1/policies", json={"public_key": bad_key, "accept_terms": True})
        assert r.status_code == 422, bad_key
        assert r.json()["error"]["code"] == "invalid_request"
    assert alice.get("/api/v1/policies").json() == []


def test_taking_out_a_policy_needs_a_session(shared_backend: Backend) -> None:
    public = b64e(x25519_public_bytes(X25519PrivateKey.generate()))
    r = shared_backend.post("/api/v1/policies", json={"public_key": public, "accept_terms": True})
    assert r.status_code == 401 and r.json()["error"]["code"] == "not_signed_in"


def test_another_users_policy_is_reported_exactly_like_a_missing_one(shared_backend: Backend) -> None:
    alice, mallory = sign_up(shared_backend), sign_up(shared_backend)
    alice.take_out_policy()
    theirs = mallory.get(f"/api/v1/policies/{alice.policy_id}")
    missing = mallory.get("/api/v1/policies/P-0000000000000000")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json()["error"]["code"] == missing.json()["error"]["code"] == "unknown_policy"
    assert theirs.json()["error"]["message"].replace(str(alice.policy_id), "X") == missing.json()["error"][
        "message"
    ].replace("P-0000000000000000", "X")
    for path in ("history", "rekey"):
        call = mallory.get if path == "history" else mallory.post
        r = call(f"/api/v1/policies/{alice.policy_id}/{path}", json={"public_key": b64e(b"\x02" * 32)})
        assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_policy"


def test_rekey_changes_the_key_and_a_later_crash_claim_opens_with_the_new_key_only(
    customer: Customer,
) -> None:
    bought = [customer.buy(c)["license"] for c in ("aurora-0004", "harbor-0004")]
    old_key = customer.policy_key
    before = customer.policy()

    new_key = customer.rekey()
    after = customer.policy()
    assert after.public_key == x25519_public_bytes(new_key) != before.public_key
    assert after.public_key_fingerprint == fingerprint(after.public_key)
    assert after.revision > before.revision
    assert customer.open(bought[0], old_key)  # what was delivered before still opens with the old key

    r = customer.recover_crash()
    assert r.status_code == 201, r.text
    items = r.json()["items"]
    assert [i["outcome"] for i in items] == ["reissued", "reissued"]
    for item in items:
        lic = customer.open(item["license"], new_key)
        assert lic.licensee == customer.user_id
        with pytest.raises(WrongKeyError):
            customer.open(item["license"], old_key)


def test_a_retried_policy_request_returns_the_same_policy(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    body = {"public_key": b64e(x25519_public_bytes(alice.policy_key)), "accept_terms": True}
    first = alice.post("/api/v1/policies", json=body, idem="take-out-1")
    again = alice.post("/api/v1/policies", json=body, idem="take-out-1")
    assert first.status_code == again.status_code == 201
    assert again.json()["policy_id"] == first.json()["policy_id"]
    assert len(alice.get("/api/v1/policies").json()) == 1

    other_key = body | {"public_key": b64e(x25519_public_bytes(X25519PrivateKey.generate()))}
    r = alice.post("/api/v1/policies", json=other_key, idem="take-out-1")
    assert r.status_code == 409 and r.json()["error"]["code"] == "idempotency_key_reused"
