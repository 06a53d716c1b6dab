"""Keys for the decision tests: made once per session, so hypothesis may use them freely."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


@pytest.fixture(scope="session")
def insurer() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def insurer_pub(insurer: Ed25519PrivateKey) -> Ed25519PublicKey:
    """The insurer key the terminal pinned on first contact."""
    return insurer.public_key()


@pytest.fixture(scope="session")
def attacker() -> Ed25519PrivateKey:
    """A well-formed Ed25519 key nobody trusts."""
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def licensor() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def policy_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()
