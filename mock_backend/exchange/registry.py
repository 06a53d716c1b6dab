"""Who belongs to the exchange as this process knows them, and with which key.

- **Insurers of this process** know each other outright: their keys are loaded side by side.
- **Peers hosted elsewhere** (`--peer ID=URL`) are pinned on first contact: the courier asks the peer's
  `GET /api/v1/exchange/key` and keeps the key it answers in `exchange_peers`, for good. That first
  answer must carry a proof that whoever gave it holds the exchange secret (an HMAC, under the secret,
  over the insurer's ID and its key): the insurers of an exchange already share that secret out of band
  (the pseudonym needs it), so a pin needs no second secret to configure, and someone between the two
  who lacks it cannot slip in a key of their own. A peer that later answers with another key is not
  trusted with it (the pin stays; an operator who really changed a key deletes the pin). Pinning rather
  than asking again each time also means a stolen exchange secret alone cannot replace a known key.
"""

from __future__ import annotations

import hmac
import logging
import sqlite3
import threading
from dataclasses import dataclass
from hashlib import sha256

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mock_backend.config import Settings
from player.errors import MalformedError
from player.protocol.canonical import b64e, ed25519_public_bytes, format_time, load_ed25519_public, now_utc
from player.protocol.insurers_api import ExchangeKey

log = logging.getLogger("mock_backend.exchange")
PROOF_CONTEXT = b"insured-player/exchange-key/v1\x00"


def key_proof(secret: bytes, insurer_id: str, public_key_b64: str) -> str:
    """What shows that whoever names this key for this insurer holds the exchange secret."""
    message = PROOF_CONTEXT + insurer_id.encode("utf-8") + b"\x00" + public_key_b64.encode("ascii")
    return hmac.new(secret, message, sha256).hexdigest()


class PinRefused(Exception):
    """A peer's key answer that cannot be pinned: no proof, another ID, or another key than the pinned."""


@dataclass(frozen=True)
class Local:
    id: str
    name: str
    key: Ed25519PrivateKey


@dataclass(frozen=True)
class Peer:
    """An insurer of the exchange hosted elsewhere: its ID and its API's base URL (with its prefix)."""

    id: str
    url: str


class Exchange:
    """The exchange's registry for one process; shared by every insurer it hosts (thread-safe)."""

    def __init__(self, secret: bytes, settings: Settings) -> None:
        self.secret = secret
        self.settings = settings
        self.local: dict[str, Local] = {}
        self.remote: dict[str, Peer] = {}
        self._pins: dict[str, tuple[str, Ed25519PublicKey]] = {}
        self._lock = threading.Lock()
        self.wake = threading.Event()  # set when a record is queued: the courier pushes it at once

    def add_local(self, insurer_id: str, name: str, key: Ed25519PrivateKey) -> None:
        self.local[insurer_id] = Local(insurer_id, name, key)
        self.remote.pop(insurer_id, None)

    def add_remote(self, insurer_id: str, url: str) -> None:
        if insurer_id not in self.local:
            self.remote[insurer_id] = Peer(insurer_id, url.rstrip("/"))

    def load_pins(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT id, name, public_key FROM exchange_peers").fetchall()
        with self._lock:
            for row in rows:
                key = Ed25519PublicKey.from_public_bytes(bytes(row["public_key"]))
                self._pins[row["id"]] = (row["name"], key)

    def key_of(self, insurer_id: str) -> Ed25519PublicKey | None:
        """The key a record or a request from `insurer_id` must verify under; None: not of the exchange."""
        if insurer_id in self.local:
            return self.local[insurer_id].key.public_key()
        with self._lock:
            pin = self._pins.get(insurer_id)
        return pin[1] if pin is not None else None

    def name_of(self, insurer_id: str) -> str:
        if insurer_id in self.local:
            return self.local[insurer_id].name
        with self._lock:
            pin = self._pins.get(insurer_id)
        return pin[0] if pin is not None else insurer_id

    def pinned(self, insurer_id: str) -> bool:
        with self._lock:
            return insurer_id in self._pins

    def own_key(self, insurer_id: str) -> ExchangeKey:
        """What `GET /api/v1/exchange/key` answers for an insurer of this process."""
        local = self.local[insurer_id]
        public = b64e(ed25519_public_bytes(local.key))
        return ExchangeKey(
            id=local.id, name=local.name, public_key=public, proof=key_proof(self.secret, local.id, public)
        )

    def pin(self, conn: sqlite3.Connection, peer_id: str, answer: ExchangeKey) -> None:
        """Pin the key a peer answered with, on the checks the module's docstring gives."""
        if answer.id != peer_id:
            raise PinRefused(f"the insurer at {peer_id}'s address says it is {answer.id!r}")
        expected = key_proof(self.secret, answer.id, answer.public_key)
        if not hmac.compare_digest(expected, answer.proof):
            raise PinRefused(f"{peer_id} does not prove it holds the exchange secret")
        try:
            key = load_ed25519_public(answer.public_key, "peer key")
        except MalformedError as e:
            raise PinRefused(f"{peer_id} answered no key: {e}") from e
        raw = ed25519_public_bytes(key)
        known = self.key_of(peer_id)
        if known is not None:
            if ed25519_public_bytes(known) != raw:
                raise PinRefused(f"{peer_id} answers with another key than the one pinned: not trusted")
            return
        conn.execute(
            "INSERT OR IGNORE INTO exchange_peers(id, name, public_key, pinned_at) VALUES (?, ?, ?, ?)",
            (peer_id, answer.name, raw, format_time(now_utc())),
        )
        with self._lock:
            self._pins[peer_id] = (answer.name, key)
        log.info("pinned the key of %s (%s)", peer_id, answer.name)
