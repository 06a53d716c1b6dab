"""Fixtures for talking to a real mock backend over HTTP on loopback."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.canonical import b64d, b64e, x25519_public_bytes
from tests.support.backend import Backend, build_template, clone_template, running


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def backend(demo_template: Path, tmp_path: Path) -> Iterator[Backend]:
    with running(clone_template(demo_template, tmp_path / "backend")) as b:
        yield b


@dataclass
class Customer:
    """A signed-in user with a policy key pair held, as a terminal would, in memory."""

    backend: Backend
    username: str
    user_id: str
    token: str
    policy_key: X25519PrivateKey
    policy_id: str | None = None

    def get(self, path: str, **kw: object):  # type: ignore[no-untyped-def]
        return self.backend.get(path, token=self.token, **kw)

    def post(self, path: str, **kw: object):  # type: ignore[no-untyped-def]
        return self.backend.post(path, token=self.token, **kw)

    def take_out_policy(self) -> str:
        r = self.post("/api/v1/policies", json={"public_key": b64e(x25519_public_bytes(self.policy_key)),
                                               "accept_terms": True})
        assert r.status_code == 201, r.text
        self.policy_id = r.json()["policy_id"]
        return self.policy_id

    def buy(self, content_id: str) -> dict:  # type: ignore[type-arg]
        r = self.post("/api/v1/purchases", json={"policy_id": self.policy_id, "content_id": content_id})
        assert r.status_code == 201, r.text
        return r.json()


def sign_up(backend: Backend, username: str | None = None, password: str = "correct horse battery") -> Customer:
    username = username or "user" + uuid.uuid4().hex[:8]
    r = backend.post("/api/v1/accounts", json={"username": username, "password": password})
    assert r.status_code == 201, r.text
    r = backend.post("/api/v1/sessions", json={"username": username, "password": password})
    assert r.status_code == 201, r.text
    body = r.json()
    return Customer(backend, username, body["user_id"], body["token"], X25519PrivateKey.generate())


@pytest.fixture
def customer(backend: Backend) -> Customer:
    c = sign_up(backend)
    c.take_out_policy()
    return c


__all__ = ["Customer", "b64d", "base64", "sign_up"]
