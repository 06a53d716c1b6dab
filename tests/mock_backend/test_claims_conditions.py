"""Re-distribution held to the guarantee conditions (FIG.6B): the guarantee and waiting periods, the
limits per track and in total, what the policy insures, other users' claims, malformed requests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from player.protocol.license_list import LicenseState
from tests.mock_backend.claim_helpers import DAY, accepted, assert_claim_refused, current_license
from tests.support.backend import Backend, clone_template, running
from tests.support.customer import Customer, insured

# --- the guarantee conditions -----------------------------------------------------------------------


def test_a_claim_outside_the_guarantee_period_is_refused(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("harbor-0001")["license"]["license_id"]
    backend.advance_clock(365 * DAY + 60)
    alice.sign_in()  # the old session expired long ago
    assert_claim_refused(alice.claim(lost), "outside_guarantee_period")
    assert alice.validity(lost).state is LicenseState.VALID
    assert alice.history()["relicensing_count"] == 0


def test_a_claim_inside_the_waiting_period_is_refused(demo_template: Path, tmp_path: Path) -> None:
    with running(clone_template(demo_template, tmp_path / "b"), "--waiting-days", "3") as backend:
        alice = insured(backend)
        lost = alice.buy("harbor-0003")["license"]["license_id"]
        policy = alice.policy()
        assert (policy.relicensing_starts - policy.guarantee_start).days == 3

        assert_claim_refused(alice.claim(lost), "waiting_period")
        backend.advance_clock(2 * DAY)
        assert_claim_refused(alice.claim(lost), "waiting_period")
        backend.advance_clock(DAY)
        assert accepted(alice.claim(lost))["items"][0]["outcome"] == "reissued"


def test_a_track_is_reissued_at_most_three_times(customer: Customer) -> None:
    customer.buy("harbor-0010")
    for _ in range(3):
        accepted(customer.claim(current_license(customer, "harbor-0010")))
    latest = current_license(customer, "harbor-0010")

    error = assert_claim_refused(customer.claim(latest), "per_track_limit")
    assert error["items"] == [
        {
            "license_id": latest,
            "content_id": "harbor-0010",
            "reason": "per_track_limit",
            "message": error["items"][0]["message"],
        }
    ]
    assert customer.validity(latest).state is LicenseState.VALID
    assert customer.history()["relicensing_count"] == 3


def test_a_user_is_redistributed_at_most_ten_times_in_total(customer: Customer) -> None:
    tracks = [f"aurora-{n:04d}" for n in range(1, 12)]
    licenses = [customer.buy(c)["license"]["license_id"] for c in tracks]

    claim = accepted(customer.claim(*licenses))
    outcomes = [(i["content_id"], i["outcome"], i["reason"]) for i in claim["items"]]
    assert outcomes[:10] == [(c, "reissued", "") for c in tracks[:10]]
    assert outcomes[10] == ("aurora-0011", "refused", "total_limit")
    assert customer.history()["relicensing_count"] == 10

    assert_claim_refused(customer.claim(licenses[10]), "total_limit")
    assert_claim_refused(customer.recover_crash(), "total_limit")
    assert customer.validity(licenses[10]).state is LicenseState.VALID


def test_a_license_the_policy_does_not_insure_is_unknown(customer: Customer) -> None:
    customer.buy("aurora-0005")
    r = customer.claim("L-00000000000000000000")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_license"


def test_other_users_policies_claims_and_licenses_look_exactly_like_missing_ones(
    shared_backend: Backend,
) -> None:
    alice, mallory = insured(shared_backend), insured(shared_backend)
    alices_license = alice.buy("harbor-0004")["license"]["license_id"]
    claim = accepted(alice.claim(alices_license))
    item_id = claim["items"][0]["item_id"]
    mallory.buy("harbor-0004")

    def same_refusal(theirs: requests.Response, missing: requests.Response, code: str) -> None:
        assert theirs.status_code == missing.status_code == 404
        assert theirs.json()["error"]["code"] == missing.json()["error"]["code"] == code

    body = {"policy_id": alice.policy_id, "all": True, "kind": "crash"}
    missing_policy = {"policy_id": "P-0000000000000000", "all": True, "kind": "crash"}
    same_refusal(
        mallory.post("/api/v1/claims", json=body),
        mallory.post("/api/v1/claims", json=missing_policy),
        "unknown_policy",
    )
    same_refusal(mallory.claim(alices_license), mallory.claim("L-" + "0" * 20), "unknown_license")
    same_refusal(
        mallory.get(f"/api/v1/claims/{claim['claim_id']}"),
        mallory.get("/api/v1/claims/C-0000000000000000"),
        "unknown_claim",
    )
    theirs_item = f"/api/v1/claims/{claim['claim_id']}/items/{item_id}"
    missing_item = "/api/v1/claims/C-0000000000000000/items/CI-0000000000000000"
    same_refusal(
        mallory.get(theirs_item + "/alternates"),
        mallory.get(missing_item + "/alternates"),
        "unknown_claim_item",
    )
    choice = {"content_id": "aurora-0001"}
    same_refusal(
        mallory.post(theirs_item + "/choice", json=choice),
        mallory.post(missing_item + "/choice", json=choice),
        "unknown_claim_item",
    )
    assert alice.validity(claim["items"][0]["license"]["license_id"]).state is LicenseState.VALID


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"license_ids": ["L-1"]},
        {"policy_id": "{policy}"},
        {"policy_id": "{policy}", "license_ids": ["L-1"], "all": True},
        {"policy_id": "{policy}", "kind": "crash", "license_ids": ["L-1"]},
        {"policy_id": "{policy}", "kind": "theft", "all": True},
        {"policy_id": "{policy}", "license_ids": "L-1"},
        {"policy_id": "{policy}", "license_ids": []},
        {"policy_id": "{policy}", "license_ids": [""]},
        {"policy_id": "{policy}", "all": True, "genre": ""},
        {"policy_id": "{policy}", "all": "yes please"},
        ["not", "an", "object"],
    ],
    ids=[
        "empty", "no-policy", "no-scope", "both-scopes", "crash-with-ids", "unknown-kind", "ids-not-a-list",
        "no-ids", "empty-id", "empty-genre", "all-not-bool", "array",
    ],
)  # fmt: skip
def test_malformed_claims_are_422_in_the_json_error_shape(customer: Customer, body: Any) -> None:
    if isinstance(body, dict) and body.get("policy_id") == "{policy}":
        body = body | {"policy_id": customer.policy_id}
    r = customer.post("/api/v1/claims", json=body)
    assert r.status_code == 422, r.text
    assert r.json() == {"error": {"code": "invalid_request", "message": r.json()["error"]["message"]}}


def test_a_claim_that_is_not_json_is_422(customer: Customer) -> None:
    r = customer.post("/api/v1/claims", data=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    "choice",
    [{}, {"alternate_id": "A-1", "content_id": "aurora-0001"}, {"alternate_id": ""}],
    ids=["none", "both", "empty"],
)
def test_malformed_choices_are_422(customer: Customer, choice: dict[str, str]) -> None:
    r = customer.post("/api/v1/claims/C-1/items/CI-1/choice", json=choice)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
