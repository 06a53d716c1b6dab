"""FIG.15: a license bought straight from a licensor, insured afterwards through the insurer."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from player.protocol.canonical import b64d, b64e
from player.protocol.license import PERMISSION_PLAY, License, sign_license, verify_license
from player.protocol.license_list import InvalidationReason, LicenseState
from player.protocol.package import open_package
from player.protocol.policy import PolicyState, verify_policy
from tests.support.backend import Backend
from tests.support.customer import Customer, insured


def buy_direct(customer: Customer, provider: str, content_id: str) -> dict[str, object]:
    """FIG.15 (1)-(2): buy at the licensor itself, without insurance."""
    r = customer.post(f"/providers/{provider}/direct-purchases", json={"content_id": content_id})
    assert r.status_code == 201, r.text
    body: dict[str, object] = r.json()
    return body


def insure(customer: Customer, *licenses_b64: str) -> requests.Response:
    """FIG.15 (5): present licenses bought earlier to be insured under the customer's policy."""
    return customer.post(
        f"/api/v1/policies/{customer.policy_id}/insure-existing", json={"licenses": list(licenses_b64)}
    )


def refused(r: requests.Response) -> str:
    """The one license presented was refused: its code (the answer is 200, with nothing insured)."""
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["licenses"] == [] and len(body["refused"]) == 1, body
    code: str = body["refused"][0]["code"]
    assert body["refused"][0]["reason"]
    return code


def test_a_forged_license_beside_a_genuine_one_is_refused_alone(customer: Customer) -> None:
    genuine = buy_direct(customer, "harbor", "harbor-0006")
    r = insure(customer, forged_license(customer, "aurora", "aurora-0009"), str(genuine["license_xml"]))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [d["replaces"] for d in body["licenses"]] == [genuine["license_id"]]
    assert [(x["content_id"], x["code"]) for x in body["refused"]] == [("aurora-0009", "not_authentic")]
    assert len(customer.history()["items"]) == 1


def test_buying_at_the_licensor_again_with_the_same_key_is_one_purchase(customer: Customer) -> None:
    path = "/providers/harbor/direct-purchases"
    first = customer.post(path, json={"content_id": "harbor-0007"}, idem="same-key")
    again = customer.post(path, json={"content_id": "harbor-0007"}, idem="same-key")
    assert first.status_code == again.status_code == 201
    assert first.json()["license_id"] == again.json()["license_id"]
    assert first.json()["download"]["url"].startswith("/providers/harbor/content/harbor-0007")


def test_a_directly_bought_license_is_authentic_and_carries_the_content_key(customer: Customer) -> None:
    direct = buy_direct(customer, "harbor", "harbor-0003")
    lic = verify_license(b64d(str(direct["license_xml"])), customer.backend.licensor_keys)
    assert (lic.licenser, lic.licensee, lic.content_id) == ("harbor", customer.user_id, "harbor-0003")
    assert lic.license_id == direct["license_id"]


def test_insuring_an_authentic_license_replaces_it_with_an_insured_one(customer: Customer) -> None:
    direct = buy_direct(customer, "aurora", "aurora-0008")
    r = insure(customer, str(direct["license_xml"]))
    assert r.status_code == 200, r.text
    body = r.json()
    [delivered] = body["licenses"]
    assert delivered["replaces"] == direct["license_id"] != delivered["license_id"]
    assert delivered["premium"] == customer.get("/api/v1/catalog/aurora-0008").json()["premium"]

    lic = customer.open(delivered)
    assert (lic.licenser, lic.licensee, lic.content_id) == ("aurora", customer.user_id, "aurora-0008")
    policy = verify_policy(b64d(body["policy"]), customer.backend.insurer_key)
    assert policy.state is PolicyState.OFFICIAL
    assert policy.guaranteed_license_ids == (delivered["license_id"],)

    listed = customer.license_list()
    assert listed.version == body["list_version"]
    original = listed.entry(str(direct["license_id"]))
    assert original is not None and original.state is LicenseState.INVALID
    assert original.reason is InvalidationReason.INSURED_AFTER_PURCHASE and original.invalidated_at
    replacement = listed.entry(delivered["license_id"])
    assert replacement is not None and replacement.state is LicenseState.VALID
    assert customer.validity(str(direct["license_id"])).state is LicenseState.INVALID

    mime, audio = customer.play(delivered)
    assert mime == "audio/flac" and audio.startswith(b"fLaC")


def test_the_same_license_cannot_be_insured_twice(customer: Customer) -> None:
    direct = buy_direct(customer, "harbor", "harbor-0014")
    assert insure(customer, str(direct["license_xml"])).status_code == 200
    again = insure(customer, str(direct["license_xml"]))
    assert refused(again) == "already_insured"
    assert len(customer.history()["items"]) == 1


def test_a_modified_license_is_refused(customer: Customer) -> None:
    direct = buy_direct(customer, "aurora", "aurora-0012")  # 150 yen
    xml = b64d(str(direct["license_xml"]))
    swapped = xml.replace(b"aurora-0012", b"aurora-0010")  # try to turn it into a 380-yen track
    r = insure(customer, b64e(swapped))
    assert refused(r) == "not_authentic"
    assert customer.history()["items"] == []


def forged_license(customer: Customer, licenser: str, content_id: str) -> str:
    """A well-formed license for `customer`, signed by a key no licensor holds."""
    now = datetime.now(UTC).replace(microsecond=0)
    forged = License(
        license_id="L-" + secrets.token_hex(10),
        licenser=licenser,
        licensee=customer.user_id,
        permission=PERMISSION_PLAY,
        content_id=content_id,
        content_version=1,
        not_before=now,
        not_after=None,
        content_key=b"\x00" * 32,
        issued_at=now,
    )
    return b64e(sign_license(forged, Ed25519PrivateKey.generate()))


def test_a_license_forged_with_another_key_is_refused(customer: Customer) -> None:
    r = insure(customer, forged_license(customer, "aurora", "aurora-0009"))
    assert refused(r) == "not_authentic"


def test_a_license_from_a_licensor_that_does_not_exist_is_refused(customer: Customer) -> None:
    r = insure(customer, forged_license(customer, "evil-records", "aurora-0009"))
    assert refused(r) == "not_authentic"


def test_garbage_instead_of_a_license_is_refused(customer: Customer) -> None:
    for junk in (b64e(b"<License>not really</License>"), "%%% not base64 %%%"):
        assert refused(insure(customer, junk)) == "invalid_license"


def test_someone_elses_license_is_refused_and_stays_theirs_to_insure(shared_backend: Backend) -> None:
    alice, mallory = insured(shared_backend), insured(shared_backend)
    direct = buy_direct(alice, "harbor", "harbor-0005")
    r = insure(mallory, str(direct["license_xml"]))
    assert refused(r) == "not_authentic"
    assert mallory.license_list().entries == ()

    assert insure(alice, str(direct["license_xml"])).status_code == 200


def test_a_license_bought_through_the_insurer_is_not_insured_again(customer: Customer) -> None:
    bought = customer.buy("harbor-0001")
    xml = open_package(customer.package(bought["license"]), customer.policy_key)
    again = insure(customer, b64e(xml))
    assert refused(again) == "already_insured"


def test_a_track_already_insured_cannot_be_insured_a_second_time(customer: Customer) -> None:
    """Two insured items for one track would double its re-licensing limit ([0039]: 3 per content)."""
    customer.buy("aurora-0005")
    direct = buy_direct(customer, "aurora", "aurora-0005")
    r = insure(customer, str(direct["license_xml"]))
    assert refused(r) == "already_owned"
    assert len(customer.history()["items"]) == 1
    assert customer.validity(str(direct["license_id"])).state is LicenseState.UNKNOWN
