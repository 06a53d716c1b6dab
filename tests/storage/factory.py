"""Real blobs for storage tests: signed packages, policies and lists, encrypted containers.

The store never verifies signatures, but it reads the IDs inside what it files, so tests hand it the
genuine articles the insurer and the content servers would send.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.protocol import container
from player.protocol.canonical import fingerprint, x25519_public_bytes
from player.protocol.license_list import LicenseList, LicenseState, ListEntry, sign_license_list
from player.protocol.package import seal_package
from player.protocol.policy import Policy, PolicyState, sign_policy
from player.storage import TrackInfo

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# Fixed keys: a second process (the lock tests spawn some) must sign with the same insurer key.
INSURER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
POLICY_KEY = X25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
USER = "U-1"


def info(content_id: str, version: int = 1, **kw: object) -> TrackInfo:
    fields: dict[str, object] = {
        "title": f"Title of {content_id}",
        "artist": "Some Artist",
        "album": "Some Album",
        "genre": "jazz",
        "provider": "alpha",
        "duration_ms": 200_000,
        "price": 250,
    }
    fields.update(kw)
    return TrackInfo(content_id, version, **fields)  # type: ignore[arg-type]


def sealed_track(content_id: str, version: int = 1, size: int = 200_000) -> tuple[bytes, bytes, bytes]:
    """(container, content key, plaintext) for a track of `size` bytes (several 64 KiB segments)."""
    key = container.new_content_key()
    plaintext = bytes(i % 251 for i in range(size))
    sealed = container.encrypt(
        plaintext, key, content_id=content_id, content_version=version, mime="audio/flac"
    )
    return sealed, key, plaintext


def policy(contract_id: str, revision: int = 1, license_ids: tuple[str, ...] = ()) -> Policy:
    public = x25519_public_bytes(POLICY_KEY)
    return Policy(
        contract_id=contract_id,
        insured="Hanako",
        user_id=USER,
        state=PolicyState.OFFICIAL,
        revision=revision,
        guaranteed_license_ids=license_ids,
        premium_yen_per_track=30,
        guarantee_start=NOW,
        guarantee_end=NOW + timedelta(days=365),
        relicensing_starts=NOW + timedelta(days=7),
        relicensing_limit_per_track=3,
        relicensing_limit_total=50,
        price_difference_limit=200,
        public_key=public,
        public_key_fingerprint=fingerprint(public),
        issued_at=NOW,
    )


def policy_doc(contract_id: str, revision: int = 1) -> bytes:
    return sign_policy(policy(contract_id, revision), INSURER)


def package_doc(license_id: str, content_id: str, policy_id: str = "P-1", item_id: str = "I-1") -> bytes:
    return seal_package(
        f"<license id='{license_id}'/>".encode(),
        policy_id=policy_id,
        item_id=item_id,
        license_id=license_id,
        content_id=content_id,
        recipient=POLICY_KEY.public_key(),
        guarantee=policy(policy_id).guarantee(),
        insurer_key=INSURER,
        issued_at=NOW,
    )


def list_doc(version: int, base_version: int | None = None, license_ids: tuple[str, ...] = ()) -> bytes:
    entries = tuple(ListEntry(lid, f"C-{lid}", LicenseState.VALID, None, None) for lid in license_ids)
    lst = LicenseList(
        user_id=USER,
        version=version,
        base_version=base_version,
        issued_at=NOW + timedelta(hours=version),
        expires_at=NOW + timedelta(days=30),
        entries=entries,
    )
    return sign_license_list(lst, INSURER)
