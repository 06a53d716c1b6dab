"""The license and the audio insured apart (claim 32), over HTTP: what a policy of one part answers.

A license-only policy re-issues a lost license without sending audio; a contents-only policy sells
nothing, covers a license held elsewhere and sends its audio again from the insurer's own copy; the
history the insurers share keeps each part from being paid twice, and only that.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from mock_backend import db
from player.protocol.canonical import b64d, b64e
from player.protocol.container import ContainerReader
from player.protocol.license import verify_license
from player.protocol.package import open_package
from player.protocol.policy import Coverage
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up


def _covering(backend: Backend, coverage: str, identity: str | None = None) -> Customer:
    customer = sign_up(backend, identity=identity)
    customer.take_out_policy(coverage)
    return customer


def _bought_uninsured(customer: Customer, content_id: str) -> dict[str, Any]:
    provider = content_id.split("-")[0]
    r = customer.post(
        f"/providers/{provider}/direct-purchases", json={"content_id": content_id}, idem=uuid.uuid4().hex
    )
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def _cover_audio(customer: Customer, license_xml: str) -> dict[str, Any]:
    r = customer.post(
        f"/api/v1/policies/{customer.policy_id}/insure-existing",
        json={"licenses": [license_xml]},
        idem=uuid.uuid4().hex,
    )
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def test_a_policy_of_one_part_says_so_and_costs_its_share(module_backend: Backend) -> None:
    terms = module_backend.get("/api/v1/policies/terms").json()
    premiums = terms["coverage_premiums"]
    assert premiums["full"] == terms["premium_yen_per_track"]
    assert premiums["contents"] < premiums["license"] < premiums["full"]
    full, license_only = _covering(module_backend, "full"), _covering(module_backend, "license")
    assert full.policy().coverage is Coverage.FULL
    assert license_only.policy().coverage is Coverage.LICENSE
    charged = [c.buy("aurora-0002")["premium"] for c in (full, license_only)]
    assert charged[1] < charged[0]


def test_a_license_only_policy_re_issues_the_license_and_sends_no_audio(module_backend: Backend) -> None:
    customer = _covering(module_backend, "license")
    bought = customer.buy("aurora-0003")["license"]
    assert bought["download"] is not None, "a purchase brings its audio as always"
    r = customer.claim(bought["license_id"])
    assert r.status_code == 201, r.text
    (item,) = r.json()["items"]
    assert item["outcome"] == "reissued" and item["license"]["download"] is None
    old, new = customer.open(bought), customer.open(item["license"])
    assert (new.content_id, new.content_version, new.content_key) == (
        old.content_id,
        old.content_version,
        old.content_key,
    ), "the audio the user kept opens with the new license"


def test_a_contents_only_policy_sells_nothing_and_sends_its_copy_after_the_provider_stopped(
    start_backend: StartBackend,
) -> None:
    with start_backend() as backend:
        customer = _covering(backend, "contents")
        r = customer.post(
            "/api/v1/purchases",
            json={"policy_id": customer.policy_id, "content_id": "aurora-0004"},
            idem=uuid.uuid4().hex,
        )
        assert r.status_code == 409 and r.json()["error"]["code"] == "contents_only_policy"
        held = _bought_uninsured(customer, "harbor-0002")
        answer = _cover_audio(customer, held["license_xml"])
        (covered,) = answer["covered"]
        assert answer["licenses"] == [] and covered["license_id"] == held["license_id"]
        assert covered["version"] == held["content_version"] and covered["premium"] > 0
        assert customer.license_list().entries == (), "no license is issued or listed for the audio"

        backend.admin("/content/harbor-0002/discontinue")
        undecodable = {"policy_id": customer.policy_id, "license_ids": [held["license_id"]]}
        r = customer.post(
            "/api/v1/claims", json=undecodable | {"codecs": ["audio/x-none"]}, idem=uuid.uuid4().hex
        )
        assert r.status_code == 409, r.text  # its one track refused: the claim, and nothing is counted
        assert r.json()["error"]["items"][0]["reason"] == "no_playable_encoding"
        r = customer.claim(held["license_id"])
        assert r.status_code == 201, r.text
        claim = r.json()
        (item,) = claim["items"]
        assert item["outcome"] == "resent" and "license" not in item
        audio = customer.get(item["download"]["url"])
        assert audio.status_code == 200, audio.text
        lic = verify_license(b64d(held["license_xml"]), backend.licensor_keys)
        reader = ContainerReader(audio.content, lic.content_key, expect_content_id="harbor-0002")
        assert len(bytes(reader.decrypt_all())) > 0, "the copy opens under the license the user holds"
        stranger = _covering(backend, "contents")
        assert stranger.get(item["download"]["url"]).status_code == 404, "one user's audio, not another's"


def test_each_part_is_paid_once_across_insurers_and_only_that_part(two_insurers: Backend) -> None:
    kaede, minato = two_insurers.at_insurer("kaede"), two_insurers.at_insurer("minato")
    for first_cover, second_outcome in (("license", "resent"), ("full", "refused")):
        identity = f"{uuid.uuid4().hex[:8]}@example.org"
        at_kaede = _covering(kaede, first_cover, identity)
        at_minato = _covering(minato, "contents", identity)
        bought = at_kaede.buy("aurora-0006")["license"]
        answer = _cover_audio(at_minato, _license_xml_of(at_kaede, bought))
        assert len(answer["covered"]) == 1, answer
        assert at_kaede.claim(bought["license_id"]).status_code == 201  # the license part, at kaede
        r = at_minato.claim(bought["license_id"])  # the audio part, at minato
        if second_outcome == "resent":  # kaede paid the license alone: the audio is minato's to pay
            assert r.status_code == 201, r.text
            assert r.json()["items"][0]["outcome"] == "resent"
        else:  # kaede re-issued license and audio: the audio was paid already
            assert r.status_code == 409, r.text
            error = r.json()["error"]
            assert error["items"][0]["reason"] == "compensated_elsewhere"
            # who paid and when, for the terminal to say in its user's language
            assert error["facts"]["insurer"] == error["items"][0]["facts"]["insurer"] == "Kaede Mutual"
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", error["facts"]["on"]), error


def _license_xml_of(customer: Customer, delivered: dict[str, Any]) -> str:
    """The licensor's license inside a delivered package, as a terminal shows it to another insurer."""
    return b64e(open_package(customer.package(delivered), customer.policy_key))


def test_a_database_from_before_takes_the_audio_sent_again(tmp_path: Path) -> None:
    path = tmp_path / "backend.sqlite3"
    db.initialise(path, first_insurer="kaede")
    conn = db.connect(path)
    made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_items'").fetchone()["sql"]
    conn.executescript(  # as a backend before claim 32 made it: no 'resent' outcome
        "PRAGMA foreign_keys = OFF; DROP TABLE claim_items;" + made.replace(", 'resent')", ")")
    )
    conn.close()
    db.initialise(path, first_insurer="kaede")
    conn = db.connect(path)
    try:
        made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_items'").fetchone()["sql"]
        assert "'resent'" in made
        conn.execute("PRAGMA foreign_keys = OFF")  # the outcome's CHECK is what is looked at here
        row = (
            "INSERT INTO claim_items(id, claim_id, license_id, content_id, outcome)"
            " VALUES (?, 'C', 'L', 'a', ?)"
        )
        with db.transaction(conn):
            conn.execute(row, ("CI-2", "resent"))
        with pytest.raises(sqlite3.IntegrityError), db.transaction(conn):
            conn.execute(row, ("CI-3", "lost"))
    finally:
        conn.close()
    db.initialise(path, first_insurer="kaede")  # a second start changes nothing
