"""What every request handler needs besides its own input: settings, the servers' signing keys and the
database's connections."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mock_backend.config import Settings
from mock_backend.db import Pool
from mock_backend.rendering import DemoRendering
from mock_backend.throttle import LoginThrottle
from mock_backend.writer import Writer
from player.protocol.canonical import b64e, ed25519_public_bytes, fingerprint


@dataclass(frozen=True)
class Context:
    settings: Settings
    insurer_key: Ed25519PrivateKey = field(repr=False)
    licensor_keys: dict[str, Ed25519PrivateKey] = field(repr=False)
    pool: Pool = field(repr=False)
    writer: Writer = field(repr=False)  # runs the idempotent writes (claims, purchases, policies)
    admin_token: str = field(repr=False, default="")  # empty: no admin control answers
    login_throttle: LoginThrottle = field(repr=False, default_factory=LoginThrottle)
    rendering: DemoRendering | None = field(repr=False, default=None)  # the demo catalog, if unfinished
    insurer_id: str = "insurer"  # which of the hosted insurers this context speaks for (`insurers.py`)
    insurer_name: str = "Insured Player mock insurer"
    exchange_secret: bytes = field(repr=False, default=b"")  # the insurers' pseudonym secret
    insurer_names: dict[str, str] = field(default_factory=dict)  # every insurer of the exchange, by ID

    @property
    def insurer_public_b64(self) -> str:
        return b64e(ed25519_public_bytes(self.insurer_key))

    @property
    def insurer_fingerprint(self) -> str:
        return fingerprint(ed25519_public_bytes(self.insurer_key))
