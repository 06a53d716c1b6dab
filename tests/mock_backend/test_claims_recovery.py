"""Re-distribution after a crash (every item at once, counted once) and claims racing each other (one
re-issue, the limits held, one claim per idempotency key)."""

from __future__ import annotations

import functools
import uuid

from player.protocol.license_list import InvalidationReason, LicenseState
from tests.mock_backend.claim_helpers import accepted
from tests.support.backend import Backend
from tests.support.customer import Customer, all_at_once, insured

# --- a crashed terminal -----------------------------------------------------------------------------


def test_crash_recovery_redistributes_every_item_and_counts_once(customer: Customer) -> None:
    bought = {c: customer.buy(c)["license"] for c in ("aurora-0004", "harbor-0005", "harbor-0011")}
    old_key = customer.policy_key
    new_key = customer.rekey()

    claim = accepted(customer.recover_crash())
    assert claim["kind"] == "crash"
    assert {i["content_id"]: i["outcome"] for i in claim["items"]} == dict.fromkeys(bought, "reissued")
    for item in claim["items"]:
        assert customer.open(item["license"], new_key).content_id == item["content_id"]
        old = customer.validity(bought[item["content_id"]]["license_id"])
        assert old.state is LicenseState.INVALID and old.reason is InvalidationReason.CRASH
    assert old_key is not new_key

    history = customer.history()
    assert history["relicensing_count"] == 1  # one accident
    assert history["gross_amount"] == 300 + 340 + 190
    assert {i["relicense_count"] for i in history["items"]} == {1}


def test_crash_recovery_of_an_empty_policy_is_refused(customer: Customer) -> None:
    r = customer.recover_crash()
    assert r.status_code == 422 and r.json()["error"]["code"] == "nothing_insured"


# --- claims racing each other -----------------------------------------------------------------------


def test_parallel_claims_for_one_license_reissue_it_once(customer: Customer) -> None:
    lost = customer.buy("aurora-0012")["license"]["license_id"]
    answers = all_at_once([lambda: customer.claim(lost, own_connection=True) for _ in range(8)])
    codes = sorted(r.status_code for r in answers)
    assert codes == [201] + [409] * 7, [r.text for r in answers]
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {
        "license_already_replaced"
    }
    history = customer.history()
    assert history["relicensing_count"] == 1 and history["items"][0]["relicense_count"] == 1
    assert [e.state for e in customer.license_list().entries].count(LicenseState.VALID) == 1


def test_parallel_claims_cannot_overrun_the_per_track_limit(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("harbor-0007")["license"]["license_id"]
    backend.admin("/content/harbor-0007/discontinue")  # the license stays until an alternate is chosen
    answers = all_at_once([lambda: alice.claim(lost, own_connection=True) for _ in range(8)])
    assert sorted(r.status_code for r in answers) == [201] * 3 + [409] * 5
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"per_track_limit"}
    assert alice.history()["items"][0]["relicense_count"] == 3


def test_parallel_claims_cannot_overrun_the_total_limit(customer: Customer) -> None:
    tracks = [f"harbor-{n:04d}" for n in range(1, 13)]
    licenses = [customer.buy(c)["license"]["license_id"] for c in tracks]
    answers = all_at_once([functools.partial(customer.claim, lid, own_connection=True) for lid in licenses])
    assert sorted(r.status_code for r in answers) == [201] * 10 + [409] * 2
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"total_limit"}
    assert customer.history()["relicensing_count"] == 10


def test_parallel_retries_with_one_idempotency_key_make_one_claim(customer: Customer) -> None:
    lost = customer.buy("aurora-0014")["license"]["license_id"]
    key = uuid.uuid4().hex
    answers = all_at_once([lambda: customer.claim(lost, idem=key, own_connection=True) for _ in range(8)])
    assert [r.status_code for r in answers] == [201] * 8
    assert len({r.json()["claim_id"] for r in answers}) == 1
    assert all(r.json() == answers[0].json() for r in answers)
    assert sum(r.headers.get("idempotent-replay") == "true" for r in answers) == 7
    assert customer.history()["relicensing_count"] == 1
    claims = customer.backend.query("SELECT count(*) FROM claims WHERE user_id = ?", customer.user_id)
    assert claims[0][0] == 1
