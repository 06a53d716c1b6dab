"""One backend, two insurers: separate companies on one catalog. Each has its own terms, key and accounts;
every route answers under `/insurers/<id>/`, and the root is the first insurer's."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mock_backend import db
from player.errors import BadSignatureError
from player.protocol.canonical import b64d, b64e, load_ed25519_public, x25519_public_bytes
from player.protocol.policy import verify_policy
from tests.support.backend import Backend

PASSWORD = "correct horse battery"


def _name() -> str:
    return "u" + uuid.uuid4().hex[:10]


def _at(backend: Backend, insurer: str, method: str, path: str, **kw: Any) -> Any:
    return backend.request(method, f"/insurers/{insurer}{path}", **kw)


def _signed_up(backend: Backend, insurer: str, name: str) -> str:
    r = _at(backend, insurer, "POST", "/api/v1/accounts", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = _at(backend, insurer, "POST", "/api/v1/sessions", json={"username": name, "password": PASSWORD})
    assert r.status_code == 201, r.text
    token: str = r.json()["token"]
    return token


def test_the_backend_lists_its_insurers_with_their_own_terms_the_roots_first(two_insurers: Backend) -> None:
    listed = two_insurers.get("/api/v1/insurers").json()["insurers"]
    assert [i["id"] for i in listed] == ["kaede", "minato"]
    assert [i["path"] for i in listed] == ["/insurers/kaede", "/insurers/minato"]
    assert listed == _at(two_insurers, "minato", "GET", "/api/v1/insurers").json()["insurers"]
    kaede, minato = (i["terms"] for i in listed)
    assert kaede["premium_rate"] != minato["premium_rate"]
    assert kaede["relicensing_limit_per_track"] != minato["relicensing_limit_per_track"]
    # each insurer's own premium for the same track, in its catalog
    prices = [
        {e["content_id"]: e["premium"] for e in _at(two_insurers, i, "GET", "/api/v1/catalog").json()}
        for i in ("kaede", "minato")
    ]
    assert prices[0]["aurora-0001"] > prices[1]["aurora-0001"]
    root, first = (
        two_insurers.get("/api/v1/insurer").json(),
        _at(two_insurers, "kaede", "GET", "/api/v1/insurer"),
    )
    assert root == first.json() and root["id"] == "kaede"
    other = _at(two_insurers, "minato", "GET", "/api/v1/insurer").json()
    assert other["id"] == "minato" and other["public_key"] != root["public_key"]
    assert {i["fingerprint"] for i in listed} == {root["fingerprint"], other["fingerprint"]}


def test_an_unknown_insurer_is_a_404_in_the_house_shape(two_insurers: Backend) -> None:
    r = two_insurers.get("/insurers/nobody/api/v1/insurer")
    assert r.status_code == 404 and r.json()["error"]["code"] == "no_such_insurer"


def test_one_name_at_two_insurers_is_two_accounts_and_a_session_counts_at_its_own_only(
    two_insurers: Backend,
) -> None:
    name = _name()
    at_kaede = _signed_up(two_insurers, "kaede", name)
    at_minato = _signed_up(two_insurers, "minato", name)  # the same name: another company's customer
    again = _at(
        two_insurers, "minato", "POST", "/api/v1/accounts", json={"username": name, "password": PASSWORD}
    )
    assert again.status_code == 409
    me = [
        _at(two_insurers, i, "GET", "/api/v1/me", token=t).json()
        for i, t in (("kaede", at_kaede), ("minato", at_minato))
    ]
    assert me[0]["username"] == me[1]["username"] == name and me[0]["user_id"] != me[1]["user_id"]
    assert two_insurers.get("/api/v1/me", token=at_kaede).json() == me[0]  # the root is kaede
    for insurer, token in (("minato", at_kaede), ("kaede", at_minato)):
        r = _at(two_insurers, insurer, "GET", "/api/v1/me", token=token)
        assert r.status_code == 401, "a session is good at its own insurer only"
    wrong = _at(
        two_insurers, "minato", "POST", "/api/v1/sessions", json={"username": _name(), "password": PASSWORD}
    )
    assert wrong.status_code == 401


def test_each_insurer_signs_with_its_own_key(two_insurers: Backend) -> None:
    keys = {
        i: load_ed25519_public(_at(two_insurers, i, "GET", "/api/v1/insurer").json()["public_key"], "key")
        for i in ("kaede", "minato")
    }
    token = _signed_up(two_insurers, "minato", _name())
    policy_key = X25519PrivateKey.generate()
    r = _at(
        two_insurers,
        "minato",
        "POST",
        "/api/v1/policies",
        token=token,
        idem=uuid.uuid4().hex,
        json={"public_key": b64e(x25519_public_bytes(policy_key)), "accept_terms": True},
    )
    assert r.status_code == 201, r.text
    signed = b64d(r.json()["policy"])
    policy = verify_policy(signed, keys["minato"])
    assert policy.relicensing_limit_per_track == 2  # minato's terms, not kaede's
    with pytest.raises(BadSignatureError):
        verify_policy(signed, keys["kaede"])


def test_a_database_from_before_several_insurers_gives_its_accounts_to_the_first(tmp_path: Path) -> None:
    path = tmp_path / "backend.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE users (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, pw_salt BLOB NOT NULL,"
        " pw_hash BLOB NOT NULL, list_version INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);"
        "CREATE UNIQUE INDEX users_username_nocase ON users(username COLLATE NOCASE);"
        "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL, expires_at TEXT NOT NULL);"
        "INSERT INTO users VALUES ('u-1', 'Hanako', x'00', x'00', 4, '2026-01-01T00:00:00Z');"
        "INSERT INTO sessions VALUES ('t', 'u-1', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');"
    )
    old.commit()
    old.close()

    db.initialise(path, first_insurer="kaede")
    conn = db.connect(path)
    try:
        row = conn.execute("SELECT * FROM users").fetchone()
        assert (row["id"], row["username"], row["list_version"], row["insurer_id"]) == (
            "u-1",
            "Hanako",
            4,
            "kaede",
        )
        assert conn.execute("SELECT user_id FROM sessions").fetchone()[0] == "u-1"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with db.transaction(conn):  # the same name at another insurer is another account
            conn.execute(
                "INSERT INTO users(id, username, pw_salt, pw_hash, created_at, insurer_id)"
                " VALUES ('u-2', 'hanako', x'00', x'00', '2026-01-02T00:00:00Z', 'minato')"
            )
        with pytest.raises(sqlite3.IntegrityError), db.transaction(conn):  # but not at the same one
            conn.execute(
                "INSERT INTO users(id, username, pw_salt, pw_hash, created_at, insurer_id)"
                " VALUES ('u-3', 'HANAKO', x'00', x'00', '2026-01-02T00:00:00Z', 'kaede')"
            )
    finally:
        conn.close()
    db.initialise(path, first_insurer="kaede")  # a second start changes nothing
