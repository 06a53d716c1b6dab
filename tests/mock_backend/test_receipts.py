"""Claim 30: every charge yields a receipt signed by the party that charged, with the guarantee
conditions in a block signed on its own, so they can be learnt from the receipt alone."""

from __future__ import annotations

import pytest

from player.errors import BadSignatureError
from player.protocol.canonical import b64d
from player.protocol.receipt import ReceiptKind, verify_conditions, verify_receipt
from tests.support.backend import Backend
from tests.support.customer import Customer, insured


def receipts(customer: Customer) -> list[dict[str, str]]:
    r = customer.get("/api/v1/receipts")
    assert r.status_code == 200, r.text
    rows: list[dict[str, str]] = r.json()
    return rows


def test_a_purchase_has_a_receipt_signed_by_the_insurer_with_the_conditions_inside(
    customer: Customer,
) -> None:
    bought = customer.buy("aurora-0002")
    (insurance, purchase) = receipts(customer)
    assert insurance["kind"] == "insurance" and purchase["receipt_id"] == bought["receipt_id"]
    receipt = verify_receipt(b64d(purchase["receipt"]), customer.backend.insurer_key)
    assert receipt.kind is ReceiptKind.PURCHASE and receipt.user_id == customer.user_id
    (item,) = receipt.items
    assert (item.content_id, item.price, item.premium) == ("aurora-0002", bought["price"], bought["premium"])
    assert receipt.total_yen == bought["price"] + bought["premium"]
    assert receipt.conditions is not None
    conditions = verify_conditions(receipt.conditions, customer.backend.insurer_key)
    assert conditions.contract_id == customer.policy_id and conditions.insured_user_id == customer.user_id


def test_a_purchase_at_the_provider_is_signed_by_the_provider_and_insures_nothing(customer: Customer) -> None:
    sold = customer.post("/providers/harbor/direct-purchases", json={"content_id": "harbor-0009"}).json()
    doc = next(r for r in receipts(customer) if r["receipt_id"] == sold["receipt_id"])
    assert doc["signer"] == "harbor"
    receipt = verify_receipt(b64d(doc["receipt"]), customer.backend.licensor_keys["harbor"])
    assert receipt.kind is ReceiptKind.DIRECT_PURCHASE and receipt.conditions is None
    assert receipt.total_yen == sold["price"]
    with pytest.raises(BadSignatureError):  # not the insurer's
        verify_receipt(b64d(doc["receipt"]), customer.backend.insurer_key)


def test_a_tampered_receipt_is_refused(customer: Customer) -> None:
    bought = customer.buy("aurora-0005")
    raw = b64d(next(r for r in receipts(customer) if r["receipt_id"] == bought["receipt_id"])["receipt"])
    assert b"aurora-0005" in raw
    with pytest.raises(BadSignatureError):
        verify_receipt(raw.replace(b"aurora-0005", b"aurora-0006"), customer.backend.insurer_key)


def test_a_reissue_is_free_and_says_so(customer: Customer) -> None:
    bought = customer.buy("harbor-0005")
    claim = customer.claim(bought["license"]["license_id"]).json()
    doc = next(r for r in receipts(customer) if r["receipt_id"] == claim["receipt_id"])
    receipt = verify_receipt(b64d(doc["receipt"]), customer.backend.insurer_key)
    assert receipt.kind is ReceiptKind.REISSUE and receipt.total_yen == 0
    assert [i.content_id for i in receipt.items] == ["harbor-0005"]


def test_nobody_reads_another_users_receipts(shared_backend: Backend) -> None:
    alice, bob = insured(shared_backend), insured(shared_backend)
    alices = receipts(alice)[0]["receipt_id"]
    assert bob.get(f"/api/v1/receipts/{alices}").status_code == 404
    assert all(r["receipt_id"] != alices for r in receipts(bob))
