"""Keys and documents for the protocol tests: session-scoped, so hypothesis may use them freely and they
are made once. The documents are the shared factories' with the values these tests read back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.container import new_content_key
from player.protocol.license import License
from player.protocol.policy import Policy
from tests.support.factories import T0, Keys, a_license, a_policy


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys.generate()


@pytest.fixture(scope="session")
def insurer_key(keys: Keys) -> Ed25519PrivateKey:
    return keys.insurer


@pytest.fixture(scope="session")
def licensor_key(keys: Keys) -> Ed25519PrivateKey:
    return keys.licensor


@pytest.fixture(scope="session")
def policy_key(keys: Keys) -> X25519PrivateKey:
    """The policy key pair made on the terminal ([0028])."""
    return keys.policy


@pytest.fixture(scope="session")
def attacker_key() -> Ed25519PrivateKey:
    """A well-formed Ed25519 key nobody trusts."""
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def other_policy_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture(scope="session")
def content_key() -> bytes:
    return new_content_key()


@pytest.fixture(scope="session")
def license_(content_key: bytes) -> License:
    return a_license("lic-0001", content_id="track-42", content_version=2, content_key=content_key)


@pytest.fixture(scope="session")
def policy(policy_key: X25519PrivateKey) -> Policy:
    return a_policy(
        policy_key,
        "pol-7",
        revision=3,
        guaranteed_license_ids=("lic-0001", "lic-0002"),
        guarantee_end=T0 + timedelta(days=730),
    )
