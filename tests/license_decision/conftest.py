"""Keys for the decision tests: made once per session, so hypothesis may use them freely."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from tests.support.factories import Keys


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys.generate()


@pytest.fixture(scope="session")
def insurer(keys: Keys) -> Ed25519PrivateKey:
    return keys.insurer


@pytest.fixture(scope="session")
def insurer_pub(keys: Keys) -> Ed25519PublicKey:
    """The insurer key the terminal pinned on first contact."""
    return keys.insurer_pub


@pytest.fixture(scope="session")
def attacker() -> Ed25519PrivateKey:
    """A well-formed Ed25519 key nobody trusts."""
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def licensor(keys: Keys) -> Ed25519PrivateKey:
    return keys.licensor


@pytest.fixture(scope="session")
def policy_key(keys: Keys) -> X25519PrivateKey:
    return keys.policy
