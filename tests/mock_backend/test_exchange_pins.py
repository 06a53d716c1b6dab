"""A peer hosted elsewhere is trusted with the key it first answered, and only if it proves it holds the
exchange secret; a later answer with another key is not trusted, and the pin survives a restart. A peer
named wrongly on the command line is refused before anything starts."""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mock_backend import db
from mock_backend.config import Settings
from mock_backend.exchange.registry import Exchange, PinRefused, key_proof
from player.protocol.canonical import b64e, ed25519_public_bytes
from player.protocol.insurers_api import ExchangeKey

SECRET = secrets.token_bytes(32)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mock_backend", *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    db.initialise(tmp_path / "backend.sqlite3")
    connection = db.connect(tmp_path / "backend.sqlite3")
    yield connection
    connection.close()


def _exchange(tmp_path: Path) -> Exchange:
    exchange = Exchange(SECRET, Settings(data_dir=tmp_path))
    exchange.add_remote("minato", "http://127.0.0.1:9/insurers/minato")
    return exchange


def _answer(key: Ed25519PrivateKey, secret: bytes = SECRET, insurer: str = "minato") -> ExchangeKey:
    public = b64e(ed25519_public_bytes(key))
    return ExchangeKey(
        id=insurer, name="Minato Assurance", public_key=public, proof=key_proof(secret, insurer, public)
    )


def test_a_peer_proving_the_secret_is_pinned_and_stays_so_after_a_restart(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    key = Ed25519PrivateKey.generate()
    exchange = _exchange(tmp_path)
    assert exchange.key_of("minato") is None and exchange.name_of("minato") == "minato"
    exchange.pin(conn, "minato", _answer(key))
    again = _exchange(tmp_path)
    again.load_pins(conn)
    pinned = again.key_of("minato")
    assert pinned is not None and ed25519_public_bytes(pinned) == ed25519_public_bytes(key)
    assert again.name_of("minato") == "Minato Assurance"
    with pytest.raises(PinRefused, match="another key"):
        again.pin(conn, "minato", _answer(Ed25519PrivateKey.generate()))
    again.pin(conn, "minato", _answer(key))  # the same key again is fine


@pytest.mark.parametrize(
    "answer",
    [
        _answer(Ed25519PrivateKey.generate(), secret=secrets.token_bytes(32)),  # no exchange secret
        _answer(Ed25519PrivateKey.generate(), insurer="kaede"),  # someone else at minato's address
    ],
    ids=["without the secret", "another insurer"],
)
def test_a_key_without_the_proof_or_under_another_name_is_not_pinned(
    tmp_path: Path, conn: sqlite3.Connection, answer: ExchangeKey
) -> None:
    exchange = _exchange(tmp_path)
    with pytest.raises(PinRefused):
        exchange.pin(conn, "minato", answer)
    assert exchange.key_of("minato") is None
    assert conn.execute("SELECT COUNT(*) FROM exchange_peers").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("peers", "said"),
    [
        (["minato"], "--peer 'minato': give ID=URL"),
        (["minato=ftp://example.org/insurers/minato"], "--peer 'minato=ftp://example.org/insurers/minato'"),
        (["kaede=http://127.0.0.1:9/insurers/kaede"], "--peer kaede: that insurer is hosted here"),
        (["minato=http://127.0.0.1:9", "minato=http://127.0.0.1:10"], "--peer minato: given twice"),
    ],
    ids=["no URL", "not http", "hosted here", "twice"],
)
def test_serve_refuses_a_peer_it_cannot_use_in_one_line(tmp_path: Path, peers: list[str], said: str) -> None:
    args = [a for p in peers for a in ("--peer", p)]
    done = cli(
        "serve", "--port", "0", "--data-dir", str(tmp_path / "data"), "--demo", "--insurers", "kaede", *args
    )
    assert done.returncode == 2
    assert done.stderr.startswith(f"mock-backend: {said}") and done.stderr.count("\n") == 1
