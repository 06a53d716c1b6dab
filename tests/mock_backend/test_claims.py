"""Re-distribution (FIG.12, FIG.14): a lost track re-issued, alternates when it cannot be; the guarantee
conditions and crash recovery have their own modules."""

from __future__ import annotations

import pytest

from player.protocol.license_list import InvalidationReason, LicenseState
from tests.mock_backend.claim_helpers import (
    accepted,
    accepted_rows,
    assert_claim_refused,
    catalog,
    current_license,
)
from tests.support.backend import Backend
from tests.support.customer import Customer, insured

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


def test_a_track_bought_at_the_providers_own_checkout_is_never_offered_back_as_an_alternate(
    backend: Backend,
) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0001")["license"]  # Jazz, 250 yen
    sold = alice.post("/providers/harbor/direct-purchases", json={"content_id": "harbor-0013"})
    assert sold.status_code == 201, sold.text  # bought uninsured: the insurer never saw it
    backend.admin("/content/aurora-0001/discontinue")

    claim = accepted(alice.claim(lost["license_id"]))
    [item] = claim["items"]
    offered = {a["content_id"] for a in item["alternates"]}
    assert offered and "harbor-0013" not in offered
    again = alice.get(f"/api/v1/claims/{claim['claim_id']}/items/{item['item_id']}/alternates?genre=Jazz")
    assert "harbor-0013" not in {a["content_id"] for a in accepted_rows(again)}


def test_alternates_come_closest_first_same_artist_then_genre_then_nearest_in_price(backend: Backend) -> None:
    alice = insured(backend)
    lost = alice.buy("aurora-0009")["license"]  # Highway Postcards, Copper Lanes, Rock, 350 yen
    backend.admin("/content/aurora-0009/discontinue")
    [item] = accepted(alice.claim(lost["license_id"]))["items"]
    offered = item["alternates"]
    assert (offered[0]["content_id"], offered[0]["match"]) == ("aurora-0010", "same_artist")  # Ember Run
    ranks = {"same_artist": 0, "same_album": 1, "same_genre": 2, "": 3}
    order = [(ranks[a["match"]], abs(a["price_difference"])) for a in offered]
    assert order == sorted(order)
    assert all((a["genre"] == "Rock") == (a["match"] in ("same_artist", "same_genre")) for a in offered)
    assert len({a["match"] for a in offered}) >= 2  # not only Rock is within the price limit


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
    folk = accepted_rows(alice.get(path, params={"genre": "folk"}))
    assert {a["content_id"] for a in folk} == {"aurora-0013", "aurora-0014", "harbor-0013", "harbor-0014"}
    # Every rock track costs over 280 yen: an alternate in another genre beats none.
    rock = accepted_rows(alice.get(path, params={"genre": "Rock"}))
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
