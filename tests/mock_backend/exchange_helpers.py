"""Customers of two insurers and the insurers' own signed requests, for the stories of the history
exchange: an insurer's view of a backend (its `/insurers/<id>` path), a customer signed up there with
an identity, a license they hold taken out of its package, and a request signed with an insurer's key
read from the backend's data dir, as a peer would sign it."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mock_backend.exchange.registry import Local
from mock_backend.exchange.signing import signed_headers
from player.protocol.canonical import b64e
from player.protocol.package import open_package
from tests.support.backend import Backend
from tests.support.customer import PASSWORD, Customer

KEY_FILES = {"kaede": "insurer", "minato": "insurer-minato"}
NAMES = {"kaede": "Kaede Mutual", "minato": "Minato Assurance"}


def at_insurer(backend: Backend, insurer: str) -> Backend:
    """The same running backend, seen at one insurer's path (never to be stopped through this view)."""
    return backend.at_insurer(insurer)


def customer_at(backend: Backend, identity: str | None) -> Customer:
    """Sign up (with the identity the insurer would verify), sign in, take out a policy."""
    username = "user" + uuid.uuid4().hex[:8]
    account: dict[str, Any] = {"username": username, "password": PASSWORD}
    if identity is not None:
        account["identity"] = identity
    r = backend.post("/api/v1/accounts", json=account)
    assert r.status_code == 201, r.text
    r = backend.post("/api/v1/sessions", json={"username": username, "password": PASSWORD})
    assert r.status_code == 201, r.text
    body = r.json()
    customer = Customer(backend, username, body["user_id"], body["token"], X25519PrivateKey.generate())
    customer.take_out_policy()
    return customer


def held_license(customer: Customer, delivered: dict[str, Any]) -> str:
    """The license inside a delivered package, as the user's terminal holds it (base64 XML)."""
    return b64e(open_package(customer.package(delivered), customer.policy_key))


def insure_held(customer: Customer, license_b64: str) -> dict[str, Any]:
    """Insure a license the user holds (bought or insured elsewhere) under this insurer's policy."""
    r = customer.post(
        f"/api/v1/policies/{customer.policy_id}/insure-existing", json={"licenses": [license_b64]}
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    assert body["refused"] == [] and len(body["licenses"]) == 1, body
    delivered: dict[str, Any] = body["licenses"][0]
    return delivered


def about_me(customer: Customer) -> list[dict[str, Any]]:
    """What the customer's insurer holds about them, oldest first."""
    r = customer.get("/api/v1/exchange/about-me")
    assert r.status_code == 200, r.text
    body: list[dict[str, Any]] = r.json()
    return body


def insurer_key(data_dir: Path, insurer: str) -> Local:
    """An insurer's signing key, read from the backend's data dir: what only that insurer holds."""
    pem = (data_dir / "keys" / f"{KEY_FILES[insurer]}.ed25519").read_bytes()
    key = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return Local(insurer, NAMES[insurer], key)


def signed_request(
    backend: Backend, sender: Local, audience: str, method: str, target: str, body: bytes = b""
) -> requests.Response:
    """A request from `sender` to the insurer `audience` at its path on `backend`, signed as peers sign."""
    headers = signed_headers(sender, audience, method, target, body)
    return send(backend, audience, method, target, body, headers)


def send(
    backend: Backend, audience: str, method: str, target: str, body: bytes, headers: dict[str, str]
) -> requests.Response:
    headers = {**headers, "Content-Type": "application/json"}
    url = f"{backend.url}/insurers/{audience}{target}"
    return requests.request(method, url, data=body, headers=headers, timeout=30)
