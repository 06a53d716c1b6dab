"""Buying a track with insurance (FIG.13) and fetching it from the content server ([0050], HTTP Range)."""

from __future__ import annotations

import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.errors import WrongKeyError
from player.protocol.canonical import b64d
from player.protocol.container import ContainerReader
from player.protocol.license import PERMISSION_PLAY
from player.protocol.policy import PolicyState, verify_policy
from tests.support.backend import Backend
from tests.support.customer import Customer, all_at_once, insured

CONTAINER_TYPE = "application/vnd.insured-player.container"


def charges(backend: Backend, customer: Customer) -> int:
    return int(backend.query("SELECT count(*) FROM purchases WHERE user_id = ?", customer.user_id)[0][0])


def test_the_package_opens_with_the_policy_key_and_holds_the_licensors_license(customer: Customer) -> None:
    bought = customer.buy("aurora-0001")
    delivered = bought["license"]
    package = customer.package(delivered)
    assert package.policy_id == customer.policy_id
    assert package.license_id == delivered["license_id"] and package.item_id == delivered["item_id"]
    assert package.content_id == "aurora-0001"
    assert package.guarantee == customer.policy().guarantee()

    lic = customer.open(delivered)  # verifies the licensor's signature against the pinned licensor key
    assert lic.license_id == delivered["license_id"]
    assert lic.licenser == "aurora" and lic.licensee == customer.user_id
    assert lic.content_id == "aurora-0001" and lic.content_version == 1
    assert lic.permission == PERMISSION_PLAY and len(lic.content_key) == 32

    with pytest.raises(WrongKeyError):
        customer.open(delivered, X25519PrivateKey.generate())


def test_the_purchase_charges_the_catalog_price_and_premium(customer: Customer) -> None:
    entry = customer.get("/api/v1/catalog/harbor-0006").json()
    bought = customer.buy("harbor-0006")
    assert (bought["price"], bought["premium"]) == (entry["price"], entry["premium"]) == (210, 21)
    assert bought["list_version"] == customer.license_list().version
    [item] = customer.history()["items"]
    assert (item["price"], item["premium"], item["relicense_count"]) == (210, 21, 0)


def test_the_downloaded_container_decrypts_with_the_licenses_key_to_flac(customer: Customer) -> None:
    delivered = customer.buy("harbor-0002")["license"]
    assert delivered["download"]["encodings"] == ["audio/flac", "audio/ogg"]
    r = customer.download(delivered)
    assert r.status_code == 200
    assert r.headers["content-type"] == CONTAINER_TYPE
    assert r.headers["x-content-mime"] == "audio/flac" and r.headers["x-content-version"] == "1"

    mime, audio = customer.play(delivered)
    assert mime == "audio/flac"
    assert audio.startswith(b"fLaC")
    assert len(audio) > 100_000


def test_codec_negotiation_sends_the_encoding_the_terminal_asks_for(customer: Customer) -> None:
    delivered = customer.buy("aurora-0013")["license"]
    mime, audio = customer.play(delivered, codecs="audio/ogg")
    assert mime == "audio/ogg" and audio.startswith(b"OggS")
    mime, _ = customer.play(delivered, codecs="audio/x-unknown, audio/ogg, audio/flac")
    assert mime == "audio/ogg"  # the first one it has, in the terminal's order of preference

    r = customer.download(delivered, params={"codecs": "audio/x-unknown"})
    assert r.status_code == 406
    assert r.json()["error"]["code"] == "no_acceptable_encoding"
    assert "audio/flac" in r.json()["error"]["message"]


def test_an_interrupted_download_resumes_with_http_range(customer: Customer) -> None:
    delivered = customer.buy("aurora-0011")["license"]
    full = customer.download(delivered).content
    cut = len(full) // 3 + 17

    head = customer.download(delivered, headers={"Range": f"bytes=0-{cut - 1}"})
    assert head.status_code == 206
    assert head.headers["content-range"] == f"bytes 0-{cut - 1}/{len(full)}"
    tail = customer.download(delivered, headers={"Range": f"bytes={cut}-"})
    assert tail.status_code == 206
    assert tail.headers["content-range"] == f"bytes {cut}-{len(full) - 1}/{len(full)}"

    resumed = head.content + tail.content
    assert resumed == full
    lic = customer.open(delivered)
    assert ContainerReader(resumed, lic.content_key).header.mime == "audio/flac"


def test_a_track_already_owned_is_not_sold_again(customer: Customer) -> None:
    customer.buy("aurora-0002")
    r = customer.post(
        "/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "aurora-0002"}
    )
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "already_owned"
    assert charges(customer.backend, customer) == 1


def test_unknown_track_and_someone_elses_policy_are_404(customer: Customer) -> None:
    r = customer.post("/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "nope-1"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_content"
    bob = insured(customer.backend)
    r = customer.post("/api/v1/purchases", json={"policy_id": bob.policy_id, "content_id": "aurora-0001"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_policy"


def test_a_purchase_needs_an_idempotency_key(customer: Customer) -> None:
    body = {"policy_id": customer.policy_id, "content_id": "aurora-0001"}
    r = customer.backend.request("POST", "/api/v1/purchases", token=customer.token, json=body)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "idempotency_key_required"


def test_a_retried_purchase_returns_the_same_purchase_and_charges_once(customer: Customer) -> None:
    key = uuid.uuid4().hex
    body = {"policy_id": customer.policy_id, "content_id": "harbor-0010"}
    first = customer.post("/api/v1/purchases", json=body, idem=key)
    again = customer.post("/api/v1/purchases", json=body, idem=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("idempotent-replay") == "true"
    assert "idempotent-replay" not in first.headers

    assert charges(customer.backend, customer) == 1
    assert len(customer.history()["items"]) == 1
    assert len(customer.license_list().entries) == 1


def test_the_same_idempotency_key_with_another_request_is_refused(customer: Customer) -> None:
    key = uuid.uuid4().hex
    first = customer.post(
        "/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "harbor-0011"}, idem=key
    )
    assert first.status_code == 201
    other = customer.post(
        "/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "harbor-0012"}, idem=key
    )
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    claim = customer.claim(first.json()["license"]["license_id"], idem=key)  # nor for another call
    assert claim.status_code == 409 and claim.json()["error"]["code"] == "idempotency_key_reused"
    assert charges(customer.backend, customer) == 1


def test_during_an_outage_the_purchase_fails_with_503_and_nothing_is_charged(backend: Backend) -> None:
    alice = insured(backend)
    backend.admin("/providers/aurora/outage", json={"on": True})
    assert backend.get("/api/v1/catalog/aurora-0005").json()["available"] is False

    key = uuid.uuid4().hex
    body = {"policy_id": alice.policy_id, "content_id": "aurora-0005"}
    r = alice.post("/api/v1/purchases", json=body, idem=key)
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "provider_unavailable"
    assert charges(backend, alice) == 0
    assert alice.history()["items"] == []
    assert alice.policy().state is PolicyState.PROVISIONAL
    assert alice.license_list().entries == ()
    assert alice.download({"download": {"url": "/providers/aurora/content/aurora-0005"}}).status_code == 503

    # The refusal was not stored under the key: once the provider is back, the same retry goes through.
    backend.admin("/providers/aurora/outage", json={"on": False})
    r = alice.post("/api/v1/purchases", json=body, idem=key)
    assert r.status_code == 201, r.text
    assert verify_policy(b64d(r.json()["policy"]), backend.insurer_key).state is PolicyState.OFFICIAL
    assert charges(backend, alice) == 1


def test_discontinued_tracks_and_ended_providers_no_longer_sell(backend: Backend) -> None:
    alice = insured(backend)
    backend.admin("/content/aurora-0007/discontinue")
    r = alice.post("/api/v1/purchases", json={"policy_id": alice.policy_id, "content_id": "aurora-0007"})
    assert r.status_code == 410 and r.json()["error"]["code"] == "content_discontinued"

    backend.admin("/providers/harbor/end-business")
    r = alice.post("/api/v1/purchases", json={"policy_id": alice.policy_id, "content_id": "harbor-0007"})
    assert r.status_code == 410 and r.json()["error"]["code"] == "provider_ended"
    assert charges(backend, alice) == 0
    assert alice.license_list().entries == ()


def test_the_container_is_public_but_only_the_license_opens_it(customer: Customer) -> None:
    anonymous = customer.backend.get("/providers/harbor/content/harbor-0009")  # no session needed
    assert anonymous.status_code == 200
    assert anonymous.content.startswith(b"IPCT")
    with pytest.raises(WrongKeyError):
        ContainerReader(anonymous.content, bytes(32))
    lic = customer.open(customer.buy("harbor-0009")["license"])
    assert ContainerReader(anonymous.content, lic.content_key).header.content_id == "harbor-0009"


def test_unknown_tracks_and_versions_on_the_content_server_are_404(shared_backend: Backend) -> None:
    for path, code in [
        ("/providers/aurora/content/aurora-0001?version=9", "unknown_version"),
        ("/providers/aurora/content/harbor-0001", "unknown_content"),  # the other provider's track
        ("/providers/nobody/content/aurora-0001", "unknown_provider"),
    ]:
        r = shared_backend.get(path)
        assert r.status_code == 404, path
        assert r.json()["error"]["code"] == code


def test_two_buy_clicks_at_once_sell_the_track_once(customer: Customer) -> None:
    body = {"policy_id": customer.policy_id, "content_id": "aurora-0008"}
    answers = all_at_once(
        [lambda: customer.post("/api/v1/purchases", json=body, own_connection=True) for _ in range(4)]
    )
    assert sorted(r.status_code for r in answers) == [201, 409, 409, 409]
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"already_owned"}
    assert charges(customer.backend, customer) == 1
