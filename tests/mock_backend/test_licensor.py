"""The licensors act only on requests the insurer signed (FIG.12 (12)-(13)): forged, misaddressed,
replayed or stale requests are refused. These tests build requests as the insurer does, with its key."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from player.protocol.canonical import b64d, b64e, format_time, parse_time, sign_document
from player.protocol.license import verify_license
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up


def insurer_key(backend: Backend) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(
        (backend.data_dir / "keys" / "insurer.ed25519").read_bytes(), password=None
    )
    assert isinstance(key, Ed25519PrivateKey)
    return key


def signed_request(
    backend: Backend,
    provider_id: str,
    op: str,
    *,
    key: Ed25519PrivateKey | None = None,
    skew: timedelta = timedelta(0),
    **params: Any,
) -> bytes:
    """A licensor request as the insurer signs one (`licensor.accept` says what it must hold), at the
    backend's clock plus `skew`."""
    now = parse_time(backend.get("/admin/clock").json()["now"])
    fields = {
        "provider_id": provider_id,
        "op": op,
        "nonce": secrets.token_hex(16),
        "timestamp": format_time(now + skew),
        "params": params,
    }
    return sign_document("licensor-request", fields, key or insurer_key(backend))


def send(backend: Backend, provider_id: str, data: bytes) -> requests.Response:
    return backend.post(
        f"/providers/{provider_id}/licensor", data=data, headers={"Content-Type": "application/json"}
    )


def refused(r: requests.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_a_request_the_insurer_signed_is_answered(shared_backend: Backend) -> None:
    r = send(
        shared_backend,
        "aurora",
        signed_request(shared_backend, "aurora", "availability", content_id="aurora-0001"),
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"available": True, "reason": ""}


def test_a_signed_issue_request_yields_a_license_signed_by_that_licensor(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    data = signed_request(
        shared_backend, "harbor", "issue", user_id=alice.user_id, content_id="harbor-0002", purpose="purchase"
    )
    r = send(shared_backend, "harbor", data)
    assert r.status_code == 200, r.text
    lic = verify_license(b64d(r.json()["license_xml"]), shared_backend.licensor_keys)
    assert (lic.licenser, lic.licensee, lic.content_id) == ("harbor", alice.user_id, "harbor-0002")


def test_a_forged_signature_is_refused(shared_backend: Backend) -> None:
    genuine = json.loads(signed_request(shared_backend, "aurora", "availability", content_id="aurora-0001"))
    flipped = bytearray(b64d(genuine["signature"]))
    flipped[0] ^= 0x01
    bad_signature = genuine | {"signature": b64e(bytes(flipped))}
    refused(send(shared_backend, "aurora", json.dumps(bad_signature).encode()), 401, "bad_signature")

    altered = genuine | {"params": {"content_id": "aurora-0002"}}  # changed after signing
    refused(send(shared_backend, "aurora", json.dumps(altered).encode()), 401, "bad_signature")


def test_a_request_signed_by_any_other_key_is_refused(shared_backend: Backend) -> None:
    data = signed_request(
        shared_backend, "aurora", "availability", key=Ed25519PrivateKey.generate(), content_id="aurora-0001"
    )
    refused(send(shared_backend, "aurora", data), 401, "bad_signature")


@pytest.mark.parametrize("junk", [b"", b"not json", b"[1, 2, 3]", b'{"type": "licensor-request"}'])
def test_junk_instead_of_a_signed_request_is_refused(shared_backend: Backend, junk: bytes) -> None:
    refused(send(shared_backend, "aurora", junk), 401, "bad_signature")


def test_a_validly_signed_request_replayed_is_refused(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    data = signed_request(
        shared_backend, "aurora", "issue", user_id=alice.user_id, content_id="aurora-0003", purpose="purchase"
    )
    assert send(shared_backend, "aurora", data).status_code == 200
    refused(send(shared_backend, "aurora", data), 409, "replayed_request")


def test_a_request_signed_for_the_other_provider_is_refused(shared_backend: Backend) -> None:
    data = signed_request(shared_backend, "harbor", "availability", content_id="harbor-0001")
    refused(send(shared_backend, "aurora", data), 401, "wrong_audience")
    # ... and that attempt did not use it up for the provider it was meant for
    assert send(shared_backend, "harbor", data).status_code == 200


@pytest.mark.parametrize("minutes", [-6, 6], ids=["old", "from-the-future"])
def test_a_request_with_a_stale_timestamp_is_refused(shared_backend: Backend, minutes: int) -> None:
    data = signed_request(
        shared_backend, "aurora", "availability", skew=timedelta(minutes=minutes), content_id="aurora-0001"
    )
    refused(send(shared_backend, "aurora", data), 401, "stale_request")


def test_a_request_within_the_allowed_clock_skew_is_answered(shared_backend: Backend) -> None:
    data = signed_request(
        shared_backend, "aurora", "availability", skew=timedelta(minutes=-4), content_id="aurora-0001"
    )
    assert send(shared_backend, "aurora", data).status_code == 200


def test_a_refused_request_cannot_be_replayed_once_the_cause_is_gone(backend: Backend) -> None:
    """A captured request that failed (provider down) must not work when replayed later."""
    alice = sign_up(backend)
    backend.admin("/providers/aurora/outage", json={"on": True})
    data = signed_request(
        backend, "aurora", "issue", user_id=alice.user_id, content_id="aurora-0004", purpose="purchase"
    )
    refused(send(backend, "aurora", data), 503, "provider_unavailable")
    backend.admin("/providers/aurora/outage", json={"on": False})
    refused(send(backend, "aurora", data), 409, "replayed_request")


def test_requests_the_licensor_cannot_act_on_are_refused(shared_backend: Backend) -> None:
    refused(
        send(shared_backend, "aurora", signed_request(shared_backend, "aurora", "delete_everything")),
        422,
        "invalid_request",
    )
    refused(
        send(shared_backend, "aurora", signed_request(shared_backend, "aurora", "availability")),
        422,
        "invalid_request",
    )
    refused(
        send(shared_backend, "nobody", signed_request(shared_backend, "nobody", "availability")),
        404,
        "unknown_provider",
    )
    refused(send(shared_backend, "aurora", b"{" + b" " * 70_000 + b"}"), 413, "too_large")


def test_authenticate_vouches_only_for_a_license_sold_directly_to_that_user(customer: Customer) -> None:
    backend = customer.backend
    direct = customer.post("/providers/aurora/direct-purchases", json={"content_id": "aurora-0009"}).json()

    def authentic(user_id: str, license_xml: str) -> dict[str, Any]:
        data = signed_request(backend, "aurora", "authenticate", user_id=user_id, license_xml=license_xml)
        r = send(backend, "aurora", data)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    assert authentic(customer.user_id, direct["license_xml"])["authentic"] is True
    assert authentic("u-someone-else", direct["license_xml"])["authentic"] is False
    tampered = b64e(b64d(direct["license_xml"]).replace(b"aurora-0009", b"aurora-0010"))
    assert authentic(customer.user_id, tampered)["authentic"] is False
    assert authentic(customer.user_id, b64e(b"<nonsense/>"))["authentic"] is False


def test_offer_lists_the_providers_own_tracks_within_price_and_genre(shared_backend: Backend) -> None:
    data = signed_request(shared_backend, "harbor", "offer", max_price=250, genre="ambient", exclude=[])
    r = send(shared_backend, "harbor", data)
    assert r.status_code == 200, r.text
    assert r.json() == {"contents": ["harbor-0010", "harbor-0011", "harbor-0012"]}
