"""Version upgrades through the insurer ([0048]-[0049])."""

from __future__ import annotations

import pytest

from player.errors import WrongKeyError
from player.protocol.container import ContainerReader
from player.protocol.license_list import InvalidationReason, LicenseState
from tests.support.backend import Backend
from tests.support.customer import insured


def test_an_upgrade_gives_a_version_two_license_and_retires_version_one(backend: Backend) -> None:
    alice = insured(backend)
    v1 = alice.buy("harbor-0012")["license"]
    v1_license = alice.open(v1)
    v1_container = alice.download(v1).content
    assert alice.get("/api/v1/upgrades").json() == []

    published = backend.admin("/content/harbor-0012/upgrade")
    assert published == {"content_id": "harbor-0012", "version": 2}
    assert backend.get("/api/v1/catalog/harbor-0012").json()["version"] == 2
    offers = alice.get("/api/v1/upgrades").json()
    assert offers == [
        {
            "license_id": v1["license_id"],
            "content_id": "harbor-0012",
            "title": offers[0]["title"],
            "from_version": 1,
            "to_version": 2,
        }
    ]

    r = alice.post("/api/v1/upgrades", json={"license_id": v1["license_id"]})
    assert r.status_code == 200, r.text
    upgraded = r.json()
    assert upgraded["replaces"] == v1["license_id"]
    assert (upgraded["from_version"], upgraded["to_version"]) == (1, 2)
    v2 = upgraded["license"]
    assert v2["download"]["version"] == 2
    v2_license = alice.open(v2)
    assert (v2_license.content_id, v2_license.content_version) == ("harbor-0012", 2)
    assert v2_license.content_key != v1_license.content_key

    old = alice.validity(v1["license_id"])
    assert old.state is LicenseState.INVALID and old.reason is InvalidationReason.UPGRADE
    assert alice.validity(v2["license_id"]).state is LicenseState.VALID
    assert alice.get("/api/v1/upgrades").json() == []

    # The version 2 container opens with the new key only; version 1 stays with the old key.
    mime, audio = alice.play(v2)
    assert mime == "audio/flac" and audio.startswith(b"fLaC")
    v2_container = alice.download(v2).content
    with pytest.raises(WrongKeyError):
        ContainerReader(v2_container, v1_license.content_key)
    with pytest.raises(WrongKeyError):
        ContainerReader(v1_container, v2_license.content_key)
    assert ContainerReader(v1_container, v1_license.content_key).header.content_version == 1

    history = alice.history()
    assert history["relicensing_count"] == 0 and history["gross_amount"] == 0  # an upgrade is no claim
    assert [e["kind"] for e in history["events"]] == ["upgrade"]


def test_a_license_without_a_newer_version_cannot_be_upgraded(backend: Backend) -> None:
    alice = insured(backend)
    current = alice.buy("aurora-0011")["license"]["license_id"]
    r = alice.post("/api/v1/upgrades", json={"license_id": current})
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_upgrade"

    backend.admin("/content/aurora-0011/upgrade")
    mallory = insured(backend)
    r = mallory.post("/api/v1/upgrades", json={"license_id": current})  # not hers to upgrade
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_upgrade"
    assert alice.post("/api/v1/upgrades", json={"license_id": current}).status_code == 200
    r = alice.post("/api/v1/upgrades", json={"license_id": current})  # not twice
    assert r.status_code == 409 and r.json()["error"]["code"] == "no_upgrade"
