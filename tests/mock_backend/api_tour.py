"""A walk through every operation of the API against a real backend, recording each answer as it came.

The walk is what a terminal and the admin controls do, in an order where each step has what it needs
(a track bought before it is claimed, discontinued before alternates are offered for it), with a few
refusals among the answers so that error bodies are recorded too. Every call states the status it
expects: a different one means the walk itself went wrong, not the schema.
"""

from __future__ import annotations

import io
import json
import math
import secrets
import struct
import uuid
import wave
from dataclasses import dataclass, field
from typing import Any

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.canonical import b64e, sign_document, x25519_public_bytes
from tests.mock_backend.api_tour_exchange import exchange_family
from tests.support.backend import Backend

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Exchange:
    family: str
    method: str
    template: str
    status: int
    media_type: str  # of the answer, without parameters; "" when it has none
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Tour:
    backend: Backend
    family: str = ""
    token: str | None = None
    exchanges: list[Exchange] = field(default_factory=list)

    def call(
        self,
        method: str,
        template: str,
        expect: int,
        *,
        idem: bool = False,
        anonymous: bool = False,
        **kw: Any,
    ) -> requests.Response:
        """One request to `template` filled with the `path` mapping; `idem`: with a fresh Idempotency-Key."""
        path = template.format(**kw.pop("path", {}))
        key = kw.pop("key", uuid.uuid4().hex if idem else None)
        token = None if anonymous else kw.pop("token", self.token)
        r = self.backend.request(method, path, token=token, idem=key, **kw)
        assert r.status_code == expect, f"{method} {path}: {r.status_code} {r.text[:500]}"
        media = r.headers.get("content-type", "").split(";")[0].strip()
        self.exchanges.append(
            Exchange(self.family, method.lower(), template, r.status_code, media, r.content)
        )
        return r


def _wav() -> bytes:
    """A second and a half of a quiet sine: the import takes nothing under a second."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(3000 * math.sin(i / 8))) for i in range(12000)))
    return out.getvalue()


def _as_the_insurer(backend: Backend, provider_id: str, op: str, **params: Any) -> bytes:
    """A licensor request signed with the insurer's key, as the insurer makes them in-process."""
    key = serialization.load_pem_private_key(
        (backend.data_dir / "keys" / "insurer.ed25519").read_bytes(), password=None
    )
    assert isinstance(key, Ed25519PrivateKey)
    fields = {
        "provider_id": provider_id,
        "op": op,
        "nonce": secrets.token_hex(16),
        "timestamp": backend.get("/admin/clock").json()["now"],
        "params": params,
    }
    return sign_document("licensor-request", fields, key)


def walk(backend: Backend) -> list[Exchange]:
    t = Tour(backend)
    key = X25519PrivateKey.generate()
    name = "tour-" + uuid.uuid4().hex[:8]

    t.family = "identity"
    t.call("GET", "/healthz", 200)
    t.call("GET", "/api/v1/insurer", 200)
    t.call("GET", "/api/v1/insurers", 200)
    t.call("GET", "/providers/{provider_id}", 200, path={"provider_id": "aurora"})
    t.call("GET", "/providers/{provider_id}", 404, path={"provider_id": "nobody"})

    t.family = "accounts"
    credentials = {"username": name, "password": PASSWORD}
    t.call("POST", "/api/v1/accounts", 201, json=credentials)
    t.call("POST", "/api/v1/accounts", 409, json=credentials)
    t.call("POST", "/api/v1/sessions", 401, json=credentials | {"password": "not the password"})
    t.token = t.call("POST", "/api/v1/sessions", 201, json=credentials).json()["token"]
    t.call("GET", "/api/v1/me", 200)
    t.call("GET", "/api/v1/me", 401, anonymous=True)

    t.family = "terms"
    t.call("GET", "/api/v1/policies/terms", 200)

    t.family = "policies"
    public = b64e(x25519_public_bytes(key))
    policy_request = {"public_key": public, "accept_terms": True}
    t.call("POST", "/api/v1/policies", 400, json=policy_request)
    t.call("POST", "/api/v1/policies", 422, idem=True, json=policy_request | {"accept_terms": False})
    policy_id = t.call("POST", "/api/v1/policies", 201, idem=True, json=policy_request).json()["policy_id"]
    t.call("GET", "/api/v1/policies", 200)
    t.call("GET", "/api/v1/policies/{policy_id}", 200, path={"policy_id": policy_id})
    t.call("GET", "/api/v1/policies/{policy_id}", 404, path={"policy_id": "P-none"})

    t.family = "catalog"
    t.call("GET", "/api/v1/catalog", 200)
    t.call("GET", "/api/v1/catalog", 200, params={"genre": "Jazz", "q": "tram"})
    t.call("GET", "/api/v1/catalog", 422, params={"q": "x" * 101})
    t.call("GET", "/api/v1/catalog/{content_id}", 200, path={"content_id": "aurora-0001"})
    t.call("GET", "/api/v1/catalog/{content_id}", 404, path={"content_id": "nowhere-0001"})
    t.call("GET", "/api/v1/catalog/{content_id}/cover", 200, path={"content_id": "aurora-0001"})
    clip = {"provider_id": "aurora", "content_id": "aurora-0001"}
    t.call("GET", "/providers/{provider_id}/preview/{content_id}", 200, anonymous=True, path=clip)
    t.call(
        "GET", "/providers/{provider_id}/preview/{content_id}", 406, path=clip, params={"codecs": "audio/x"}
    )
    t.call("GET", "/api/v1/genres", 200)
    t.call("GET", "/api/v1/providers", 200)

    t.family = "purchases"
    bought = {}
    for content_id in ("aurora-0003", "aurora-0012", "aurora-0001"):
        body = {"policy_id": policy_id, "content_id": content_id}
        first = uuid.uuid4().hex
        bought[content_id] = t.call("POST", "/api/v1/purchases", 201, key=first, json=body).json()["license"]
    t.call("POST", "/api/v1/purchases", 201, key=first, json=body)  # a replay: the stored answer
    t.call("POST", "/api/v1/purchases", 409, idem=True, json=body)  # already owned

    t.family = "license control"
    t.call("GET", "/api/v1/license-list", 200)
    t.call("GET", "/api/v1/license-list", 200, params={"since": 1})
    t.call("GET", "/api/v1/license-list", 409, params={"since": 10_000})
    license_path = {"license_id": bought["aurora-0003"]["license_id"]}
    t.call("GET", "/api/v1/license-list/{license_id}", 200, path=license_path)
    t.call("GET", "/api/v1/licenses/{license_id}", 200, path=license_path)
    t.call("GET", "/api/v1/licenses/{license_id}", 404, path={"license_id": "L-nobody"})
    receipts = t.call("GET", "/api/v1/receipts", 200).json()
    t.call("GET", "/api/v1/receipts/{receipt_id}", 200, path={"receipt_id": receipts[0]["receipt_id"]})
    t.call("GET", "/api/v1/receipts/{receipt_id}", 404, path={"receipt_id": "R-nobody"})

    t.family = "providers"
    content = {"provider_id": "aurora", "content_id": "aurora-0003"}
    codecs = {"codecs": "audio/flac", "version": bought["aurora-0003"]["download"]["version"]}
    t.call("GET", "/providers/{provider_id}/content/{content_id}", 200, path=content, params=codecs)
    ranged = {"Range": "bytes=100-"}
    t.call(
        "GET",
        "/providers/{provider_id}/content/{content_id}",
        206,
        path=content,
        params=codecs,
        headers=ranged,
    )
    missing = content | {"content_id": "aurora-9999"}
    t.call("GET", "/providers/{provider_id}/content/{content_id}", 404, path=missing)
    licensor = "/providers/{provider_id}/licensor"
    harbor = {"provider_id": "harbor"}
    t.call("POST", licensor, 401, path=harbor, data=b"{}")
    for op, params in (
        ("availability", {"content_id": "harbor-0001"}),
        ("offer", {"max_price": 200, "genre": "Ambient", "exclude": []}),
        ("authenticate", {"user_id": "u-nobody", "license_xml": "bm90IGEgbGljZW5zZQ=="}),
        ("issue", {"user_id": "u-nobody", "content_id": "harbor-0001", "purpose": "direct"}),
    ):
        t.call("POST", licensor, 200, path=harbor, data=_as_the_insurer(backend, "harbor", op, **params))
    direct = t.call(
        "POST",
        "/providers/{provider_id}/direct-purchases",
        201,
        idem=True,
        path={"provider_id": "harbor"},
        json={"content_id": "harbor-0004"},
    ).json()
    t.call(
        "POST",
        "/api/v1/policies/{policy_id}/insure-existing",
        200,
        idem=True,
        path={"policy_id": policy_id},
        json={"licenses": [direct["license_xml"]]},
    )
    checkout = "/providers/{provider_id}/checkout"
    at_aurora = {"policy_id": policy_id, "content_id": "aurora-0008"}
    t.call("POST", checkout, 201, idem=True, path={"provider_id": "aurora"}, json=at_aurora)
    at_harbor = {"policy_id": policy_id, "content_id": "harbor-0008"}
    t.call("POST", checkout, 409, idem=True, path={"provider_id": "harbor"}, json=at_harbor)
    t.call("POST", "/api/v1/contracts", 422, anonymous=True, data=b"not json")
    t.call("POST", "/api/v1/contracts", 401, anonymous=True, data=b'{"provider_id": "aurora"}')

    t.family = "claims"
    lost = bought["aurora-0003"]["license_id"]
    for _ in range(3):  # the per-track limit of the demo terms
        claim = t.call(
            "POST", "/api/v1/claims", 201, idem=True, json={"policy_id": policy_id, "license_ids": [lost]}
        )
        lost = claim.json()["items"][0]["license"]["license_id"]
    t.call("POST", "/api/v1/claims", 409, idem=True, json={"policy_id": policy_id, "license_ids": [lost]})
    t.call("POST", "/api/v1/claims", 422, idem=True, json={"policy_id": policy_id})
    t.call("GET", "/api/v1/claims/{claim_id}", 200, path={"claim_id": claim.json()["claim_id"]})
    t.call("GET", "/api/v1/claims/{claim_id}", 404, path={"claim_id": "C-none"})
    t.call("GET", "/api/v1/exchange/about-me", 200)  # the three losses, as shared with other insurers
    t.call("GET", "/api/v1/exchange/about-me", 401, anonymous=True)

    t.family = "alternates"
    t.call("POST", "/admin/content/{content_id}/discontinue", 200, path={"content_id": "aurora-0012"})
    body = {"policy_id": policy_id, "license_ids": [bought["aurora-0012"]["license_id"]]}
    offered = t.call("POST", "/api/v1/claims", 201, idem=True, json=body).json()
    item = {"claim_id": offered["claim_id"], "item_id": offered["items"][0]["item_id"]}
    alternates = "/api/v1/claims/{claim_id}/items/{item_id}/alternates"
    t.call("GET", alternates, 200, path=item)
    pick = t.call("GET", alternates, 200, path=item, params={"genre": "Ambient"}).json()[0]

    t.family = "choice"
    choice = "/api/v1/claims/{claim_id}/items/{item_id}/choice"
    t.call("POST", choice, 409, idem=True, path=item, json={"content_id": "harbor-0009"})  # too dear
    t.call("POST", choice, 200, idem=True, path=item, json={"alternate_id": pick["alternate_id"]})
    t.call("POST", choice, 409, idem=True, path=item, json={"alternate_id": pick["alternate_id"]})
    t.call("GET", "/api/v1/claims/{claim_id}", 200, path={"claim_id": offered["claim_id"]})
    t.call("GET", "/api/v1/policies/{policy_id}/history", 200, path={"policy_id": policy_id})

    t.family = "contents cover"  # claim 32: a policy for the audio alone, of a license bought uninsured
    body = {"public_key": public, "accept_terms": True, "coverage": "contents"}
    audio_policy = t.call("POST", "/api/v1/policies", 201, idem=True, json=body).json()["policy_id"]
    at_harbor = {"provider_id": "harbor"}
    held = t.call(
        "POST",
        "/providers/{provider_id}/direct-purchases",
        201,
        idem=True,
        path=at_harbor,
        json={"content_id": "harbor-0005"},
    ).json()
    covering = {"policy_id": audio_policy}
    cover = {"licenses": [held["license_xml"]]}
    t.call("POST", "/api/v1/policies/{policy_id}/insure-existing", 200, idem=True, path=covering, json=cover)
    t.call("POST", "/api/v1/purchases", 409, idem=True, json=covering | {"content_id": "aurora-0002"})
    body = {"policy_id": audio_policy, "license_ids": [held["license_id"]]}
    claimed = t.call("POST", "/api/v1/claims", 201, idem=True, json=body).json()
    (resent,) = claimed["items"]
    assert resent["outcome"] == "resent" and "license" not in resent, "the audio again, no new license"
    audio = "/api/v1/claims/{claim_id}/items/{item_id}/contents"
    sent = {"claim_id": claimed["claim_id"], "item_id": resent["item_id"]}
    t.call("GET", audio, 200, path=sent, params={"codecs": "audio/flac"})
    t.call("GET", audio, 206, path=sent, headers={"Range": "bytes=100-"})
    t.call("GET", audio, 404, path=sent | {"item_id": "CI-none"})
    t.call("GET", audio, 406, path=sent, params={"codecs": "audio/x-none"})

    t.family = "upgrades"
    t.call("POST", "/admin/content/{content_id}/upgrade", 200, path={"content_id": "aurora-0001"})
    [offer] = t.call("GET", "/api/v1/upgrades", 200).json()
    t.call("POST", "/api/v1/upgrades", 200, idem=True, json={"license_id": offer["license_id"]})
    t.call("POST", "/api/v1/upgrades", 409, idem=True, json={"license_id": offer["license_id"]})

    t.family = "crash"
    rekey = "/api/v1/policies/{policy_id}/rekey"
    new_public = b64e(x25519_public_bytes(X25519PrivateKey.generate()))
    t.call("POST", rekey, 200, idem=True, path={"policy_id": policy_id}, json={"public_key": new_public})
    crash = {"policy_id": policy_id, "kind": "crash", "all": True}
    t.call("POST", "/api/v1/claims", 201, idem=True, json=crash)

    t.family = "admin"
    provider = {"provider_id": "harbor"}
    t.call("GET", "/admin/providers", 200)
    t.call("POST", "/admin/providers/{provider_id}/outage", 200, path=provider, json={"on": True})
    t.call("POST", "/admin/providers/{provider_id}/outage", 200, path=provider, json={"on": False})
    t.call(
        "POST",
        "/admin/providers/{provider_id}/outage",
        404,
        path={"provider_id": "nobody"},
        json={"on": True},
    )
    form = {"provider": "harbor", "price": "120", "genre": "Ambient", "title": "Tour tone"}
    t.call("POST", "/admin/tracks", 201, data=form, files={"file": ("tone.wav", _wav(), "audio/wav")})
    t.call("GET", "/admin/clock", 200)
    t.call("POST", "/admin/clock", 200, json={"advance_seconds": 60})
    t.call("POST", "/admin/clock", 422, json={"advance_seconds": -(10**9)})
    t.call("POST", "/admin/catalog", 409, json={"paused": True})  # the catalog is whole: nothing to hold
    t.call("POST", "/admin/content/{content_id}/discontinue", 404, path={"content_id": "nowhere-0001"})
    sells = "/admin/providers/{provider_id}/configurations"
    t.call("POST", sells, 200, path=provider, json={"configurations": ["front_end", "back_end"]})
    t.call("POST", sells, 422, path=provider, json={"configurations": []})
    t.call("POST", "/admin/providers/{provider_id}/end-business", 200, path=provider)

    t.family = "exchange"
    exchange_family(t.call, backend.data_dir)

    t.family = "accounts"
    t.call("DELETE", "/api/v1/sessions/current", 204)
    t.call("GET", "/api/v1/me", 401)
    return t.exchanges
