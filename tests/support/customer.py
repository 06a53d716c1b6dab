"""A user of the mock backend, doing over HTTP what the terminal does, and checking what it gets back
the way the terminal would: every signed document verified, every package opened with the policy key.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.canonical import b64d, b64e, x25519_public_bytes
from player.protocol.container import ContainerReader
from player.protocol.license import License
from player.protocol.license_list import (
    LicenseList,
    ValidityStatement,
    verify_license_list,
    verify_validity,
)
from player.protocol.package import LicensePackage, open_license, verify_package
from player.protocol.policy import Policy, verify_policy
from tests.support.backend import Backend

T = TypeVar("T")
PASSWORD = "correct horse battery"


@dataclass
class Customer:
    """A signed-in user with a policy key pair held, as a terminal would, in memory."""

    backend: Backend
    username: str
    user_id: str
    token: str
    policy_key: X25519PrivateKey
    policy_id: str | None = None

    # --- HTTP as this user ------------------------------------------------------------------------

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.backend.get(path, token=self.token, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.backend.post(path, token=self.token, **kw)

    def sign_in(self, password: str = PASSWORD) -> None:
        """A new session (after the clock moved past the old one's expiry, say)."""
        r = self.backend.post("/api/v1/sessions", json={"username": self.username, "password": password})
        assert r.status_code == 201, r.text
        self.token = r.json()["token"]

    # --- policies ---------------------------------------------------------------------------------

    def take_out_policy(self, coverage: str = "full") -> str:
        """`coverage` (claim 32): "full", or "license" or "contents" for a policy of one part."""
        body = {"public_key": b64e(x25519_public_bytes(self.policy_key)), "accept_terms": True}
        r = self.post("/api/v1/policies", json=body | ({"coverage": coverage} if coverage != "full" else {}))
        assert r.status_code == 201, r.text
        self.policy_id = r.json()["policy_id"]
        return self.policy_id

    def policy(self) -> Policy:
        """The policy as the insurer signs it now, signature checked."""
        r = self.get(f"/api/v1/policies/{self.policy_id}")
        assert r.status_code == 200, r.text
        return verify_policy(b64d(r.json()["policy"]), self.backend.insurer_key)

    def history(self) -> dict[str, Any]:
        r = self.get(f"/api/v1/policies/{self.policy_id}/history")
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def rekey(self) -> X25519PrivateKey:
        """After a crash: a new key pair on the terminal, its public half to the insurer ([0035])."""
        new_key = X25519PrivateKey.generate()
        r = self.post(
            f"/api/v1/policies/{self.policy_id}/rekey",
            json={"public_key": b64e(x25519_public_bytes(new_key))},
        )
        assert r.status_code == 200, r.text
        self.policy_key = new_key
        return new_key

    # --- buying and playing -----------------------------------------------------------------------

    def buy(self, content_id: str) -> dict[str, Any]:
        r = self.post("/api/v1/purchases", json={"policy_id": self.policy_id, "content_id": content_id})
        assert r.status_code == 201, r.text
        body: dict[str, Any] = r.json()
        return body

    def package(self, delivered: dict[str, Any]) -> LicensePackage:
        """The license package of a delivered license, with the insurer's signature checked."""
        return verify_package(b64d(delivered["package"]), self.backend.insurer_key)

    def open(self, delivered: dict[str, Any], key: X25519PrivateKey | None = None) -> License:
        """Open a delivered license package as the terminal does: insurer's signature, policy key,
        licensor's signature, and the license being the one the package names."""
        return open_license(self.package(delivered), key or self.policy_key, self.backend.licensor_keys)

    def download(self, delivered: dict[str, Any], **kw: Any) -> requests.Response:
        """Fetch the encrypted track from the content server named in the delivery."""
        return self.get(delivered["download"]["url"], **kw)

    def play(self, delivered: dict[str, Any], codecs: str | None = None) -> tuple[str, bytes]:
        """Download, open the license, decrypt in memory: (MIME type, plaintext audio)."""
        params = {"codecs": codecs} if codecs else None
        r = self.download(delivered, params=params)
        assert r.status_code == 200, r.text
        lic = self.open(delivered)
        reader = ContainerReader(
            r.content,
            lic.content_key,
            expect_content_id=lic.content_id,
            expect_content_version=lic.content_version,
        )
        return reader.header.mime, bytes(reader.decrypt_all())

    # --- claims -----------------------------------------------------------------------------------

    def claim(
        self,
        *license_ids: str,
        genre: str | None = None,
        idem: str | None = None,
        own_connection: bool = False,
    ) -> requests.Response:
        """Report the loss of these licenses' tracks (FIG.12)."""
        body: dict[str, Any] = {"policy_id": self.policy_id, "license_ids": list(license_ids)}
        if genre:
            body["genre"] = genre
        return self.post(
            "/api/v1/claims", json=body, idem=idem or uuid.uuid4().hex, own_connection=own_connection
        )

    def recover_crash(self) -> requests.Response:
        """Report a lost library: every insured item re-distributed ([0035])."""
        return self.post("/api/v1/claims", json={"policy_id": self.policy_id, "kind": "crash", "all": True})

    def choose(self, claim: dict[str, Any], item: dict[str, Any], **choice: str) -> requests.Response:
        """Pick an alternate for a claim item (alternate_id=... or content_id=...)."""
        return self.post(f"/api/v1/claims/{claim['claim_id']}/items/{item['item_id']}/choice", json=choice)

    # --- license control --------------------------------------------------------------------------

    def license_list(self, since: int | None = None) -> LicenseList:
        params = {"since": since} if since is not None else None
        r = self.get("/api/v1/license-list", params=params)
        assert r.status_code == 200, r.text
        return verify_license_list(r.content, self.backend.insurer_key)

    def validity(self, license_id: str) -> ValidityStatement:
        r = self.get(f"/api/v1/license-list/{license_id}")
        assert r.status_code == 200, r.text
        return verify_validity(r.content, self.backend.insurer_key)


def sign_up(
    backend: Backend, username: str | None = None, password: str = PASSWORD, identity: str | None = None
) -> Customer:
    """A new account, signed in; no policy yet. `identity`: the e-mail the insurers would verify."""
    username = username or "user" + uuid.uuid4().hex[:8]
    body = {"username": username, "password": password} | ({"identity": identity} if identity else {})
    r = backend.post("/api/v1/accounts", json=body)
    assert r.status_code == 201, r.text
    r = backend.post("/api/v1/sessions", json={"username": username, "password": password})
    assert r.status_code == 201, r.text
    body = r.json()
    return Customer(backend, username, body["user_id"], body["token"], X25519PrivateKey.generate())


def insured(backend: Backend) -> Customer:
    """A new account with a (provisional) policy taken out."""
    customer = sign_up(backend)
    customer.take_out_policy()
    return customer


def all_at_once(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run the calls in threads released together by a barrier, so their requests really overlap."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
