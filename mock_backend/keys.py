"""The backend's signing keys: one for the insurer, one per licensor, kept in the data dir.

These are the *servers'* keys, so they live with the servers' data (mode 0600, written atomically); the
terminal pins the insurer's public key on first contact, so the key must survive restarts.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mock_backend.atomic import write_atomic

_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def load_or_create_secret(path: Path) -> bytes:
    """A 32-byte secret kept in `path` (hex, mode 0600), made on first use: the exchange's pseudonym
    secret, which every insurer of the exchange holds and nobody else (shared_history.py)."""
    if path.exists():
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(secret) < 32:
            raise ValueError(f"{path} holds no 32-byte secret")
        return secret
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret = secrets.token_bytes(32)
    write_atomic(path, secret.hex().encode("ascii") + b"\n", mode=0o600)
    return secret


def load_or_create(keys_dir: Path, name: str) -> Ed25519PrivateKey:
    """The key called `name` (``insurer`` or a provider id), made on first use."""
    if not _NAME.match(name):
        raise ValueError(f"bad key name {name!r}")
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = keys_dir / f"{name}.ed25519"
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    write_atomic(path, pem, mode=0o600)
    return key
