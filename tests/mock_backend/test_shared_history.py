"""Insurers share what they compensated ([0040], claim 18): one person, known to two insurers by the same
identity, cannot have losses compensated past the exchange's threshold; a person who gave no identity is
nobody else's, and each insurer's records are signed by it."""

from __future__ import annotations

import sqlite3
import uuid

from player.protocol.canonical import load_ed25519_public
from player.protocol.shared_history import verify_record
from tests.support.backend import Backend
from tests.support.customer import Customer, sign_up

TRACKS = ("aurora-0001", "aurora-0002", "harbor-0001", "harbor-0003")


def _insured(backend: Backend, identity: str | None) -> Customer:
    customer = sign_up(backend, identity=identity)
    customer.take_out_policy()
    return customer


def _lose(customer: Customer, content_id: str) -> dict[str, object]:
    bought = customer.buy(content_id)
    r = customer.claim(bought["license"]["license_id"])
    body: dict[str, object] = r.json()
    body["status"] = r.status_code
    return body


def test_a_fourth_loss_within_a_month_across_two_insurers_is_refused_with_its_reason(
    two_insurers: Backend,
) -> None:
    person = f"{uuid.uuid4().hex[:8]}@example.org"
    at_kaede = _insured(two_insurers.at_insurer("kaede"), person)
    at_minato = _insured(two_insurers.at_insurer("minato"), person.upper())  # the same address, typed so
    granted = [_lose(at_kaede, TRACKS[0]), _lose(at_minato, TRACKS[1]), _lose(at_kaede, TRACKS[2])]
    assert [g["status"] for g in granted] == [201, 201, 201], granted
    refused = _lose(at_minato, TRACKS[3])
    assert refused["status"] == 409, refused
    error = refused["error"]
    assert isinstance(error, dict) and error["code"] == "losses_across_insurers" and error["claim_refused"]
    assert "3 losses" in error["message"] and "2 insurers" in error["message"]


def test_without_an_identity_the_same_pattern_is_two_strangers(two_insurers: Backend) -> None:
    at_kaede = _insured(two_insurers.at_insurer("kaede"), None)
    at_minato = _insured(two_insurers.at_insurer("minato"), None)
    outcomes = [
        _lose(c, t)["status"] for c, t in zip((at_kaede, at_minato, at_kaede, at_minato), TRACKS, strict=True)
    ]
    assert outcomes == [201, 201, 201, 201]


def test_each_record_is_signed_by_the_insurer_that_compensated(
    two_insurers: Backend, tmp_path: object
) -> None:
    person = f"{uuid.uuid4().hex[:8]}@example.org"
    at_minato = _insured(two_insurers.at_insurer("minato"), person)
    assert _lose(at_minato, TRACKS[0])["status"] == 201
    conn = sqlite3.connect(two_insurers.data_dir / "backend.sqlite3")
    try:
        rows = conn.execute("SELECT writer, doc FROM shared_records ORDER BY rowid DESC LIMIT 1").fetchall()
    finally:
        conn.close()
    ((writer, doc),) = rows
    keys = {
        i: load_ed25519_public(two_insurers.at_insurer(i).identity["public_key"], i)
        for i in ("kaede", "minato")
    }
    record = verify_record(bytes(doc), keys["minato"])
    assert writer == record.insurer == "minato" and record.content_id == TRACKS[0]
    assert person not in bytes(doc).decode() and at_minato.username not in bytes(doc).decode()


def test_the_user_sees_what_was_shared_about_them_by_either_insurer(two_insurers: Backend) -> None:
    person = f"{uuid.uuid4().hex[:8]}@example.org"
    at_kaede = _insured(two_insurers.at_insurer("kaede"), person)
    at_minato = _insured(two_insurers.at_insurer("minato"), person)
    assert _lose(at_kaede, TRACKS[0])["status"] == 201
    assert _lose(at_minato, TRACKS[1])["status"] == 201
    for customer, here in ((at_kaede, "kaede"), (at_minato, "minato")):
        seen = customer.get("/api/v1/exchange/about-me").json()
        assert [(s["insurer"], s["content_id"], s["kind"]) for s in seen] == [
            ("kaede", TRACKS[0], "reissued"),
            ("minato", TRACKS[1], "reissued"),
        ]
        assert [s["written_here"] for s in seen] == [s["insurer"] == here for s in seen]
        assert {s["insurer_name"] for s in seen} == {"Kaede Mutual", "Minato Assurance"}
    stranger = _insured(two_insurers.at_insurer("kaede"), None)
    assert stranger.get("/api/v1/exchange/about-me").json() == []
