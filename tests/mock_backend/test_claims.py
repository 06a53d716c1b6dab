"""Re-distribution (FIG.12, FIG.14): loss reports, alternates, the guarantee conditions, crash recovery."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import requests

from player.protocol.license_list import InvalidationReason, LicenseState
from tests.support.backend import Backend, clone_template, running
from tests.support.customer import Customer, all_at_once, insured

DAY = 86_400


def accepted(r: requests.Response) -> dict[str, Any]:
    assert r.status_code in (200, 201), r.text
    body: dict[str, Any] = r.json()
    return body


def assert_claim_refused(r: requests.Response, code: str) -> dict[str, Any]:
    """A refusal under the guarantee conditions: 409, `claim_refused`, the JSON error shape."""
    assert r.status_code == 409, r.text
    error: dict[str, Any] = r.json()["error"]
    assert error["code"] == code and error["claim_refused"] is True and error["message"]
    return error


def current_license(customer: Customer, content_id: str) -> str:
    item = next(i for i in customer.history()["items"] if i["original_content_id"] == content_id)
    return str(item["license_id"])


def catalog(backend: Backend) -> dict[str, dict[str, Any]]:
    return {t["content_id"]: t for t in backend.get("/api/v1/catalog").json()}


# --- the same track again ------------------------------------------------------------------------------


def test_a_lost_track_is_reissued_and_the_old_license_becomes_invalid(customer: Customer) -> None:
    lost = customer.buy("aurora-0003")["license"]
    claim = accepted(customer.claim(lost["license_id"]))
    assert claim["kind"] == "loss" and claim["claim_id"].startswith("C-")
    [item] = claim["items"]
    assert item["outcome"] == "reissued" and item["license_id"] == lost["license_id"]
    new = item["license"]
    assert new["license_id"] != lost["license_id"] and new["item_id"] == lost["item_id"]

    lic = customer.open(new)
    assert (lic.license_id, lic.content_id, lic.licensee) == (
        new["license_id"],
        "aurora-0003",
        customer.user_id,
    )
    mime, audio = customer.play(new)
    assert mime == "audio/flac" and audio.startswith(b"fLaC")

    listed = customer.license_list()
    assert listed.version == claim["list_version"]
    old_entry, new_entry = listed.entry(lost["license_id"]), listed.entry(new["license_id"])
    assert old_entry is not None and old_entry.state is LicenseState.INVALID
    assert old_entry.reason is InvalidationReason.LOSS and old_entry.invalidated_at is not None
    assert new_entry is not None and new_entry.state is LicenseState.VALID
    assert customer.policy().guaranteed_license_ids == (new["license_id"],)

    stored = accepted(customer.get(f"/api/v1/claims/{claim['claim_id']}"))
    assert stored["items"][0]["outcome"] == "reissued"
    assert stored["items"][0]["new_license_id"] == new["license_id"]


def test_reporting_a_license_that_was_already_replaced_is_refused(customer: Customer) -> None:
    lost = customer.buy("harbor-0014")["license"]["license_id"]
    accepted(customer.claim(lost))
    r = customer.claim(lost)
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "license_already_replaced"


def test_history_counts_redistributions_and_their_gross_amount(customer: Customer) -> None:
    """FIG.6A: number of re-licensings and the selling prices of everything re-distributed free."""
    jazz = customer.buy("aurora-0001")["license"]["license_id"]  # 250 yen
    classical = customer.buy("aurora-0006")["license"]["license_id"]  # 180 yen
    before = customer.history()
    assert (before["relicensing_count"], before["gross_amount"]) == (0, 0)
    assert before["user"] == customer.username and before["first_contract_at"]

    accepted(customer.claim(jazz))
    accepted(customer.claim(classical))
    accepted(customer.claim(current_license(customer, "aurora-0001")))

    history = customer.history()
    assert history["relicensing_count"] == 3
    assert history["gross_amount"] == 250 + 180 + 250
    assert [(e["kind"], e["content_id"], e["amount"]) for e in history["events"]] == [
        ("reissue", "aurora-0001", 250),
        ("reissue", "aurora-0006", 180),
        ("reissue", "aurora-0001", 250),
    ]
    counts = {i["original_content_id"]: i["relicense_count"] for i in history["items"]}
    assert counts == {"aurora-0001": 2, "aurora-0006": 1}


# --- alternates -------------------------------------------------------------------------------------


def test_a_discontinued_track_is_offered_alternates_from_both_providers_within_the_limit(
    backend: Backend,
) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0001")["license"]  # Jazz, 250 yen
    alice.buy("harbor-0013")  # owned already: never offered back
    backend.admin("/content/aurora-0001/discontinue")

    claim = accepted(alice.claim(lost["license_id"]))
    [item] = claim["items"]
    assert item["outcome"] == "alternates_offered" and item["reason"] == "content_discontinued"
    offered = {a["content_id"]: a for a in item["alternates"]}
    expected = {c for c, t in catalog(backend).items() if t["available"] and t["price"] <= 250 + 100}
    assert set(offered) == expected - {"harbor-0013"}
    assert {a["provider"] for a in offered.values()} == {"aurora", "harbor"}
    assert all(a["price_difference"] == a["price"] - 250 <= 100 for a in offered.values())

    # Until the user chooses, the old license stays valid.
    assert alice.validity(lost["license_id"]).state is LicenseState.VALID
    assert accepted(alice.get(f"/api/v1/claims/{claim['claim_id']}"))["items"][0]["alternates"]


def test_choosing_an_alternate_licenses_it_and_invalidates_the_old_license(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0002")["license"]  # Jazz, 280 yen
    backend.admin("/content/aurora-0002/discontinue")
    claim = accepted(alice.claim(lost["license_id"]))
    [item] = claim["items"]
    pick = next(a for a in item["alternates"] if a["provider"] == "harbor")

    chosen = accepted(alice.choose(claim, item, alternate_id=pick["alternate_id"]))
    assert chosen["outcome"] == "chosen" and chosen["replaces"] == lost["license_id"]
    lic = alice.open(chosen["license"])
    assert (lic.content_id, lic.licenser, lic.licensee) == (pick["content_id"], "harbor", alice.user_id)
    mime, audio = alice.play(chosen["license"])
    assert mime == "audio/flac" and audio.startswith(b"fLaC")

    old = alice.validity(lost["license_id"])
    assert old.state is LicenseState.INVALID and old.reason is InvalidationReason.ALTERNATE
    assert alice.validity(chosen["license"]["license_id"]).state is LicenseState.VALID
    history = alice.history()
    assert (history["relicensing_count"], history["gross_amount"]) == (1, pick["price"])
    [insured_item] = history["items"]
    assert insured_item["original_content_id"] == "aurora-0002"
    assert insured_item["content_id"] == pick["content_id"]

    again = alice.choose(claim, item, alternate_id=pick["alternate_id"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "not_awaiting_choice"


def test_choosing_by_content_id_is_held_to_the_price_difference_limit(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0001")["license"]  # 250 yen
    backend.admin("/content/aurora-0001/discontinue")
    claim = accepted(alice.claim(lost["license_id"]))
    [item] = claim["items"]

    for too_dear in ("aurora-0010", "harbor-0009"):  # 380 and 400 yen: more than 100 yen dearer
        assert_claim_refused(alice.choose(claim, item, content_id=too_dear), "price_difference_limit")
    r = alice.choose(claim, item, alternate_id="A-nothing")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_alternate"
    assert alice.validity(lost["license_id"]).state is LicenseState.VALID

    chosen = accepted(alice.choose(claim, item, content_id="harbor-0002"))  # 300 yen: 50 more
    assert alice.open(chosen["license"]).content_id == "harbor-0002"


def test_a_genre_preference_narrows_the_alternates_and_can_be_changed(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0006")["license"]  # Classical, 180 yen: alternates up to 280 yen
    backend.admin("/content/aurora-0006/discontinue")

    claim = accepted(alice.claim(lost["license_id"], genre="Ambient"))
    assert claim["genre"] == "Ambient"
    [item] = claim["items"]
    assert {a["genre"] for a in item["alternates"]} == {"Ambient"}
    assert {a["provider"] for a in item["alternates"]} == {"aurora", "harbor"}

    path = f"/api/v1/claims/{claim['claim_id']}/items/{item['item_id']}/alternates"
    folk = accepted(alice.get(path, params={"genre": "folk"}))
    assert {a["content_id"] for a in folk} == {"aurora-0013", "aurora-0014", "harbor-0013", "harbor-0014"}
    # Every rock track costs over 280 yen: an alternate in another genre beats none.
    rock = accepted(alice.get(path, params={"genre": "Rock"}))
    assert len({a["genre"] for a in rock}) > 1 and all(a["price"] <= 280 for a in rock)


@pytest.mark.parametrize(
    ("trouble", "reason"),
    [("outage", "provider_unavailable"), ("end-business", "provider_ended")],
)
def test_when_the_provider_cannot_issue_the_other_provider_offers_alternates(
    backend: Backend, trouble: str, reason: str
) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0009")["license"]  # Rock, 350 yen
    if trouble == "outage":
        backend.admin("/providers/aurora/outage", json={"on": True})
    else:
        backend.admin("/providers/aurora/end-business")

    claim = accepted(alice.claim(lost["license_id"]))
    [item] = claim["items"]
    assert item["outcome"] == "alternates_offered" and item["reason"] == reason
    assert item["alternates"] and {a["provider"] for a in item["alternates"]} == {"harbor"}
    assert all(a["price"] <= 450 for a in item["alternates"])

    pick = item["alternates"][0]
    chosen = accepted(alice.choose(claim, item, alternate_id=pick["alternate_id"]))
    assert alice.open(chosen["license"]).licenser == "harbor"
    assert alice.validity(lost["license_id"]).reason is InvalidationReason.ALTERNATE


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
    answers = all_at_once([lambda lid=lid: customer.claim(lid, own_connection=True) for lid in licenses])
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
