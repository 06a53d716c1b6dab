"""The back-end configuration: a provider sells at its own checkout and asks the insurer to insure the sale.

Aurora Records sells both ways, Blue Harbor Music only through the insurer; a provider can be switched to
its checkout only. The sale at the checkout ends in what a purchase through the insurer gives: a license
package sealed to the policy key, the official policy naming the license, the license valid in the signed
list, an item in the history, a receipt (signed by the provider that took the money, the insurer's
conditions inside). The insurer's contract processing takes only requests the provider signed, once.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from player.protocol.canonical import b64d, format_time, parse_time, sign_document
from player.protocol.license_list import LicenseState
from player.protocol.policy import PolicyState
from player.protocol.receipt import ReceiptKind, verify_conditions, verify_receipt
from tests.support.backend import Backend
from tests.support.customer import Customer, insured

SOLD_BOTH_WAYS, INSURER_ONLY = "aurora-0003", "harbor-0003"


def checkout(customer: Customer, provider: str, content_id: str, **extra: Any) -> Any:
    return customer.post(
        f"/providers/{provider}/checkout",
        json={"content_id": content_id, "policy_id": customer.policy_id},
        idem=uuid.uuid4().hex,
        **extra,
    )


def test_the_providers_say_where_they_sell(shared_backend: Backend) -> None:
    sells = {p["id"]: p["configurations"] for p in shared_backend.get("/api/v1/providers").json()}
    assert sells == {"aurora": ["front_end", "back_end"], "harbor": ["front_end"]}


def test_bought_at_the_checkout_is_insured_as_if_bought_through_the_insurer(customer: Customer) -> None:
    r = checkout(customer, "aurora", SOLD_BOTH_WAYS)
    assert r.status_code == 201, r.text
    bought = r.json()
    lic = customer.open(bought["license"])
    assert (lic.licenser, lic.licensee, lic.content_id) == ("aurora", customer.user_id, SOLD_BOTH_WAYS)
    policy = customer.policy()
    assert policy.state is PolicyState.OFFICIAL and lic.license_id in policy.guaranteed_license_ids
    (entry,) = [e for e in customer.license_list().entries if e.license_id == lic.license_id]
    assert entry.state is LicenseState.VALID
    assert [i["content_id"] for i in customer.history()["items"]] == [SOLD_BOTH_WAYS]
    mime, audio = customer.play(bought["license"])
    assert mime.startswith("audio/") and len(audio) > 1000  # the download of a checkout sale plays

    doc = next(d for d in customer.get("/api/v1/receipts").json() if d["receipt_id"] == bought["receipt_id"])
    assert doc["signer"] == "aurora"  # the provider took the money
    receipt = verify_receipt(b64d(doc["receipt"]), customer.backend.licensor_keys["aurora"])
    assert receipt.kind is ReceiptKind.PURCHASE
    assert receipt.total_yen == bought["price"] + bought["premium"] and bought["premium"] > 0
    assert receipt.conditions is not None
    conditions = verify_conditions(receipt.conditions, customer.backend.insurer_key)
    assert conditions.contract_id == customer.policy_id

    again = checkout(customer, "aurora", SOLD_BOTH_WAYS)
    assert (again.status_code, again.json()["error"]["code"]) == (409, "already_owned")


def test_a_provider_without_a_checkout_refuses_and_a_checkout_only_one_refuses_the_insurer(
    start_backend: Any,
) -> None:
    with start_backend() as backend:
        customer = insured(backend)
        r = checkout(customer, "harbor", INSURER_ONLY)
        assert (r.status_code, r.json()["error"]["code"]) == (409, "no_checkout")

        backend.admin("/providers/aurora/configurations", json={"configurations": ["back_end"]})
        r = customer.post(
            "/api/v1/purchases", json={"policy_id": customer.policy_id, "content_id": "aurora-0005"}
        )
        assert (r.status_code, r.json()["error"]["code"]) == (409, "buy_at_provider")
        assert "own checkout" in r.json()["error"]["message"]
        assert checkout(customer, "aurora", "aurora-0005").status_code == 201


def licensor_key(backend: Backend, provider: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(
        (backend.data_dir / "keys" / f"{provider}.ed25519").read_bytes(), password=None
    )
    assert isinstance(key, Ed25519PrivateKey)
    return key


def test_contract_processing_takes_only_what_the_provider_signed_once(shared_backend: Backend) -> None:
    customer = insured(shared_backend)
    sold = customer.post("/providers/aurora/direct-purchases", json={"content_id": "aurora-0007"}).json()
    now = parse_time(shared_backend.get("/admin/clock").json()["now"])
    fields = {
        "provider_id": "aurora",
        "nonce": secrets.token_hex(16),
        "timestamp": format_time(now),
        "user_id": customer.user_id,
        "policy_id": customer.policy_id,
        "license_id": sold["license_id"],
        "content_id": "aurora-0007",
        "content_version": sold["content_version"],
        "license_xml": sold["license_xml"],
        "price": sold["price"],
    }

    def send(doc: bytes) -> Any:
        return shared_backend.post(
            "/api/v1/contracts", data=doc, headers={"Content-Type": "application/json"}
        )

    forged = send(sign_document("contract-request", fields, Ed25519PrivateKey.generate()))
    assert (forged.status_code, forged.json()["error"]["code"]) == (401, "bad_signature")
    by_other = send(sign_document("contract-request", fields, licensor_key(shared_backend, "harbor")))
    assert by_other.status_code == 401

    stranger = insured(shared_backend)
    to_stranger = fields | {
        "nonce": secrets.token_hex(16),
        "user_id": stranger.user_id,
        "policy_id": stranger.policy_id,
    }
    theirs = send(sign_document("contract-request", to_stranger, licensor_key(shared_backend, "aurora")))
    assert (theirs.status_code, theirs.json()["error"]["code"]) == (422, "invalid_license")  # not theirs
    again = send(sign_document("contract-request", to_stranger, licensor_key(shared_backend, "aurora")))
    assert again.json()["error"]["code"] == "replayed_request"  # refused once, used up all the same

    genuine = sign_document("contract-request", fields, licensor_key(shared_backend, "aurora"))
    first = send(genuine)
    assert first.status_code == 201, first.text
    assert customer.open(first.json()["license"]).license_id == sold["license_id"]
    replayed = send(genuine)
    assert (replayed.status_code, replayed.json()["error"]["code"]) == (409, "replayed_request")
    stale = fields | {"nonce": secrets.token_hex(16), "timestamp": "2020-01-01T00:00:00Z"}
    late = send(sign_document("contract-request", stale, licensor_key(shared_backend, "aurora")))
    assert (late.status_code, late.json()["error"]["code"]) == (401, "stale_request")
