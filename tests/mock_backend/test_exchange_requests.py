"""What one insurer accepts from another: requests signed with a known insurer's key, for it, fresh and
never seen before; records signed by their writer. Everything else is refused and stored nowhere."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mock_backend.exchange.registry import Local, key_proof
from mock_backend.exchange.signing import signed_headers
from player.protocol.canonical import b64d, b64e, canonical_json, load_ed25519_public, now_utc
from player.protocol.shared_history import SharedKind, SharedRecord, pseudonym, sign_record, verify_record
from tests.mock_backend.claim_helpers import accepted
from tests.mock_backend.exchange_helpers import at_insurer, customer_at, insurer_key, send, signed_request
from tests.protocol.helpers import edit_keeping_signature
from tests.support.backend import Backend

RECORDS = "/api/v1/exchange/records"


@pytest.fixture(scope="module")
def kaede(two_insurers: Backend) -> Local:
    return insurer_key(two_insurers.data_dir, "kaede")


def _record(writer: Local, **changes: Any) -> SharedRecord:
    fields: dict[str, Any] = {
        "record_id": "SR-" + secrets.token_hex(6),
        "insurer": writer.id,
        "pseudonym": pseudonym(secrets.token_bytes(32), "someone@example.jp"),
        "purchase": "aurora/L-" + secrets.token_hex(10),
        "issued": "aurora/L-" + secrets.token_hex(10),
        "content_id": "aurora-0001",
        "kind": SharedKind.REISSUED,
        "amount": 250,
        "at": now_utc(),
    }
    return SharedRecord(**(fields | changes))


def _batch(*documents: bytes) -> bytes:
    return canonical_json({"records": [b64e(d) for d in documents]})


def _held(backend: Backend, record_id: str) -> list[tuple[Any, ...]]:
    return backend.query("SELECT holder, writer FROM shared_records WHERE record_id = ?", record_id)


def _refused(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_a_record_pushed_by_its_writer_is_kept_once(two_insurers: Backend, kaede: Local) -> None:
    record = _record(kaede)
    body = _batch(sign_record(record, kaede.key))
    first = signed_request(two_insurers, kaede, "minato", "POST", RECORDS, body)
    assert first.status_code == 200, first.text
    assert first.json() == {"stored": 1, "known": 0, "refused": []}
    again = signed_request(two_insurers, kaede, "minato", "POST", RECORDS, body)  # a retry: a fresh nonce
    assert again.json() == {"stored": 0, "known": 1, "refused": []}
    assert _held(two_insurers, record.record_id) == [("minato", "kaede")]


def test_a_tampered_record_or_one_signed_by_another_key_is_refused_alone(
    two_insurers: Backend, kaede: Local
) -> None:
    good, edited, forged = _record(kaede), _record(kaede), _record(kaede)
    body = _batch(
        sign_record(good, kaede.key),
        edit_keeping_signature(sign_record(edited, kaede.key), amount=0),
        sign_record(forged, Ed25519PrivateKey.generate()),
    )
    r = signed_request(two_insurers, kaede, "minato", "POST", RECORDS, body)
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["stored"] == 1 and [x["index"] for x in answer["refused"]] == [1, 2]
    assert _held(two_insurers, good.record_id) == [("minato", "kaede")]
    assert _held(two_insurers, edited.record_id) == _held(two_insurers, forged.record_id) == []


def test_a_record_written_by_an_insurer_outside_the_exchange_is_refused(
    two_insurers: Backend, kaede: Local
) -> None:
    stranger = Local("nobody", "Nobody Insurance", Ed25519PrivateKey.generate())
    record = _record(stranger)
    r = signed_request(
        two_insurers, kaede, "minato", "POST", RECORDS, _batch(sign_record(record, stranger.key))
    )
    assert r.json()["refused"][0]["reason"].startswith("written by 'nobody'")
    assert _held(two_insurers, record.record_id) == []


@pytest.mark.parametrize(
    ("sender", "code"),
    [
        (Local("nobody", "Nobody Insurance", Ed25519PrivateKey.generate()), "unknown_insurer"),
        (Local("kaede", "Kaede Mutual", Ed25519PrivateKey.generate()), "bad_signature"),  # an impostor
        (Local("minato", "Minato Assurance", Ed25519PrivateKey.generate()), "unknown_insurer"),  # itself
    ],
    ids=["unknown insurer", "wrong key", "the receiver itself"],
)
def test_a_request_from_no_insurer_of_the_exchange_is_refused(
    two_insurers: Backend, kaede: Local, sender: Local, code: str
) -> None:
    record = _record(kaede)
    r = signed_request(
        two_insurers, sender, "minato", "POST", RECORDS, _batch(sign_record(record, kaede.key))
    )
    _refused(r, 401, code)
    assert _held(two_insurers, record.record_id) == []


def test_a_request_replayed_is_refused(two_insurers: Backend, kaede: Local) -> None:
    body = _batch(sign_record(_record(kaede), kaede.key))
    headers = signed_headers(kaede, "minato", "POST", RECORDS, body)
    assert send(two_insurers, "minato", "POST", RECORDS, body, headers).status_code == 200
    _refused(send(two_insurers, "minato", "POST", RECORDS, body, headers), 409, "replayed_request")


def test_a_request_changed_on_the_way_or_sent_elsewhere_is_refused(
    two_insurers: Backend, kaede: Local
) -> None:
    record = _record(kaede)
    body = _batch(sign_record(record, kaede.key))
    headers = signed_headers(kaede, "minato", "POST", RECORDS, body)
    other = _batch(sign_record(_record(kaede), kaede.key))
    _refused(send(two_insurers, "minato", "POST", RECORDS, other, headers), 401, "bad_signature")
    for_kaede = signed_headers(kaede, "kaede", "POST", RECORDS, body)  # meant for another insurer
    _refused(send(two_insurers, "minato", "POST", RECORDS, body, for_kaede), 401, "bad_signature")
    stale = signed_headers(kaede, "minato", "POST", RECORDS, body, at=now_utc() - timedelta(minutes=10))
    _refused(send(two_insurers, "minato", "POST", RECORDS, body, stale), 401, "stale_request")
    _refused(send(two_insurers, "minato", "POST", RECORDS, body, {}), 401, "unknown_insurer")
    assert _held(two_insurers, record.record_id) == []


def test_a_peer_pulls_what_the_insurer_wrote_each_record_signed_by_it(
    two_insurers: Backend, kaede: Local
) -> None:
    minato = at_insurer(two_insurers, "minato")
    customer = customer_at(minato, None)
    accepted(customer.claim(customer.buy("harbor-0007")["license"]["license_id"]))
    minato_key = load_ed25519_public(minato.get("/api/v1/insurer").json()["public_key"])

    r = signed_request(two_insurers, kaede, "minato", "GET", f"{RECORDS}?since=0")
    assert r.status_code == 200, r.text
    page = r.json()
    pulled = [verify_record(b64d(text), minato_key) for text in page["records"]]
    assert pulled and {p.insurer for p in pulled} == {"minato"} and page["more"] is False
    assert "harbor-0007" in {p.content_id for p in pulled}
    after = signed_request(two_insurers, kaede, "minato", "GET", f"{RECORDS}?since={page['next']}").json()
    assert after == {"records": [], "next": page["next"], "more": False}
    # the query is signed too: another cursor under the same signature is refused
    headers = signed_headers(kaede, "minato", "GET", f"{RECORDS}?since=0")
    _refused(send(two_insurers, "minato", "GET", f"{RECORDS}?since=1", b"", headers), 401, "bad_signature")
    _refused(minato.get(RECORDS), 401, "unknown_insurer")


def test_an_insurer_proves_its_key_with_the_exchange_secret(two_insurers: Backend) -> None:
    secret = bytes.fromhex((two_insurers.data_dir / "keys" / "exchange-secret").read_text().strip())
    for insurer in ("kaede", "minato"):
        answer = at_insurer(two_insurers, insurer).get("/api/v1/exchange/key").json()
        identity = at_insurer(two_insurers, insurer).get("/api/v1/insurer").json()
        assert answer["id"] == insurer and answer["public_key"] == identity["public_key"]
        assert answer["proof"] == key_proof(secret, insurer, answer["public_key"])
        assert answer["proof"] != key_proof(secrets.token_bytes(32), insurer, answer["public_key"])
