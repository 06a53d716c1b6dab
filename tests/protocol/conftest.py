"""Keys for the protocol tests: session-scoped, so hypothesis may use them freely and they are made once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol.canonical import fingerprint, x25519_public_bytes
from player.protocol.container import new_content_key
from player.protocol.license import License
from player.protocol.policy import Policy, PolicyState
from tests.protocol.helpers import T0


@pytest.fixture(scope="session")
def insurer_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def licensor_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def attacker_key() -> Ed25519PrivateKey:
    """A well-formed Ed25519 key nobody trusts."""
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def policy_key() -> X25519PrivateKey:
    """The policy key pair made on the terminal ([0028])."""
    return X25519PrivateKey.generate()


@pytest.fixture(scope="session")
def other_policy_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture(scope="session")
def content_key() -> bytes:
    return new_content_key()


@pytest.fixture(scope="session")
def license_(content_key: bytes) -> License:
    return License(
        license_id="lic-0001",
        licenser="provider-a",
        licensee="user-1",
        permission="play",
        content_id="track-42",
        content_version=2,
        not_before=T0,
        not_after=T0 + timedelta(days=365),
        content_key=content_key,
        issued_at=T0,
    )


@pytest.fixture(scope="session")
def policy(policy_key: X25519PrivateKey) -> Policy:
    public = x25519_public_bytes(policy_key)
    return Policy(
        contract_id="pol-7",
        insured="Taro Yamada",
        user_id="user-1",
        state=PolicyState.OFFICIAL,
        revision=3,
        guaranteed_license_ids=("lic-0001", "lic-0002"),
        premium_yen_per_track=30,
        guarantee_start=T0,
        guarantee_end=T0 + timedelta(days=730),
        relicensing_starts=T0 + timedelta(days=30),
        relicensing_limit_per_track=3,
        relicensing_limit_total=50,
        price_difference_limit=200,
        public_key=public,
        public_key_fingerprint=fingerprint(public),
        issued_at=T0,
    )
