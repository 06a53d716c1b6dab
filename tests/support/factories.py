"""Real signed documents and containers for tests and benchmarks, made the one way the insurer, the
licensors and the content servers make them.

Everything goes through `player.protocol` with real keys: nothing is mocked, so a document made here is
one the terminal accepts unless a test changes it. Each builder has defaults that fit together (the same
user, policy, license and content IDs, all issued at `T0`) and takes keyword overrides for what a test is
about; the values (`a_policy`, `a_license`, `a_list`, `valid`, ...) are separate from the signing
(`make_*`), so a test can sign a value that was changed first, or with another key.

The benchmarks (`python -m bench`) build their inputs here too. Neither tree ships in the wheel, and
this module needs nothing from pytest or hypothesis, so it runs wherever the player does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, NamedTuple, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from player.protocol import container
from player.protocol import package as package_format
from player.protocol.canonical import b64e, fingerprint, format_time, sign_document, x25519_public_bytes
from player.protocol.license import License, sign_license
from player.protocol.license_list import (
    InvalidationReason,
    LicenseList,
    LicenseState,
    ListEntry,
    ValidityStatement,
    sign_license_list,
    sign_validity,
)
from player.protocol.package import LicensePackage, seal_package, verify_package
from player.protocol.policy import Policy, PolicyState, sign_policy
from player.storage import TrackInfo
from player.storage.records import LibraryRow
from player.terminal import LibraryEntry, LibraryState

T0 = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)  # when every default document is issued
GRACE = timedelta(days=30)  # a license list's offline grace: it expires GRACE after it is issued
USER = "user-1"
LICENSOR = "provider-a"  # the licenser a default license names
POLICY_ID = "pol-1"
CONTENT_KEY = bytes(range(32))  # the default license's content key (containers get a fresh one)

D = TypeVar("D")


@dataclass(frozen=True)
class Keys:
    """The keys a document is made with: the insurer's and a licensor's Ed25519 signing keys and the
    terminal's X25519 policy key (the key licenses are sealed to)."""

    insurer: Ed25519PrivateKey
    licensor: Ed25519PrivateKey
    policy: X25519PrivateKey

    @classmethod
    def generate(cls) -> Keys:
        return cls(Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @classmethod
    def fixed(cls, seed: int = 0) -> Keys:
        """The same keys in every process for the same `seed`, so that a document signed in a child
        process verifies in the parent."""

        def raw(role: str) -> bytes:
            return hashlib.sha256(f"insured-player test keys {seed} {role}".encode()).digest()

        return cls(
            Ed25519PrivateKey.from_private_bytes(raw("insurer")),
            Ed25519PrivateKey.from_private_bytes(raw("licensor")),
            X25519PrivateKey.from_private_bytes(raw("policy")),
        )

    @property
    def insurer_pub(self) -> Ed25519PublicKey:
        return self.insurer.public_key()

    @property
    def licensors(self) -> dict[str, Ed25519PublicKey]:
        """The licensor keys a terminal trusts, by licenser name."""
        return {LICENSOR: self.licensor.public_key()}


class Signed(NamedTuple, Generic[D]):
    """A signed document: its bytes, and the document they say (what the verifier returns for them)."""

    data: bytes
    doc: D


class Sealed(NamedTuple):
    """An encrypted container, the content key that opens it, and the plaintext it holds."""

    data: bytes
    key: bytes
    plaintext: bytes


# --- policies (FIG.6B) --------------------------------------------------------------------------------


def a_policy(
    policy_key: X25519PrivateKey | X25519PublicKey, contract_id: str = POLICY_ID, **overrides: Any
) -> Policy:
    """An official policy for `USER` carrying `policy_key`, guaranteeing for a year from `T0`."""
    public = x25519_public_bytes(policy_key)
    policy = Policy(
        contract_id=contract_id,
        insured="Taro Yamada",
        user_id=USER,
        state=PolicyState.OFFICIAL,
        revision=1,
        guaranteed_license_ids=(),
        premium_yen_per_track=30,
        guarantee_start=T0,
        guarantee_end=T0 + timedelta(days=365),
        relicensing_starts=T0 + timedelta(days=30),
        relicensing_limit_per_track=3,
        relicensing_limit_total=50,
        price_difference_limit=200,
        public_key=public,
        public_key_fingerprint=fingerprint(public),
        issued_at=T0,
    )
    return dataclasses.replace(policy, **overrides)


def make_policy(keys: Keys, contract_id: str = POLICY_ID, **overrides: Any) -> Signed[Policy]:
    """`a_policy` on `keys.policy`, signed by `keys.insurer`."""
    policy = a_policy(keys.policy, contract_id, **overrides)
    return Signed(sign_policy(policy, keys.insurer), policy)


# --- licenses (FIG.16) --------------------------------------------------------------------------------


def a_license(license_id: str = "lic-1", **overrides: Any) -> License:
    """A play license from `LICENSOR` to `USER` for version 1 of "track-1", usable for a year from `T0`."""
    lic = License(
        license_id=license_id,
        licenser=LICENSOR,
        licensee=USER,
        permission="play",
        content_id="track-1",
        content_version=1,
        not_before=T0,
        not_after=T0 + timedelta(days=365),
        content_key=CONTENT_KEY,
        issued_at=T0,
    )
    return dataclasses.replace(lic, **overrides)


def make_license(licensor: Ed25519PrivateKey, license_id: str = "lic-1", **overrides: Any) -> Signed[License]:
    """`a_license` as XML signed by `licensor`."""
    lic = a_license(license_id, **overrides)
    return Signed(sign_license(lic, licensor), lic)


# --- license packages (FIG.9) -------------------------------------------------------------------------


def make_package(
    keys: Keys,
    license_id: str = "lic-1",
    content_id: str = "track-1",
    *,
    user_id: str = USER,
    policy: Policy | None = None,
    policy_id: str | None = None,
    item_id: str | None = None,
    lic: License | bytes | None = None,
    issued_at: datetime = T0,
) -> Signed[LicensePackage]:
    """A license package as the insurer makes it: the license sealed to `keys.policy`, the policy's
    guarantee conditions, signed by `keys.insurer`; `doc` is the package as the terminal verifies it.

    The license is `a_license(license_id)` for `content_id` and `user_id`, signed by `keys.licensor`;
    pass a `License` as `lic` to have that one signed instead, or bytes to seal them as they are. The
    policy is `a_policy(keys.policy, policy_id)` for `user_id`; a `policy_id` given with a `policy`
    names another policy than the one whose conditions the package carries.
    """
    if policy is None:
        policy = a_policy(keys.policy, POLICY_ID if policy_id is None else policy_id, user_id=user_id)
    if lic is None:
        xml = make_license(keys.licensor, license_id, content_id=content_id, licensee=user_id).data
    else:
        xml = lic if isinstance(lic, bytes) else sign_license(lic, keys.licensor)
    data = seal_package(
        xml,
        policy_id=policy.contract_id if policy_id is None else policy_id,
        item_id=f"item-{license_id}" if item_id is None else item_id,
        license_id=license_id,
        content_id=content_id,
        recipient=keys.policy.public_key(),
        guarantee=policy.guarantee(),
        insurer_key=keys.insurer,
        issued_at=issued_at,
    )
    return Signed(data, verify_package(data, keys.insurer.public_key()))


def filler_package(
    keys: Keys,
    license_id: str,
    content_id: str,
    *,
    policy: Policy | None = None,
    item_id: str | None = None,
    issued_at: datetime = T0,
    sealed_size: int = 1100,
) -> bytes:
    """A package signed by `keys.insurer` like `make_package`'s, whose sealed license is random bytes of
    a real one's size: for large libraries that are filed and listed but never opened, where sealing a
    real license (an HPKE encryption and two signatures) would cost more than everything else."""
    policy = policy or a_policy(keys.policy)
    fields = {
        "policy_id": policy.contract_id,
        "item_id": f"item-{license_id}" if item_id is None else item_id,
        "license_id": license_id,
        "content_id": content_id,
        "guarantee": policy.guarantee().to_fields(),
        "issued_at": format_time(issued_at),
        "sealed_license": b64e(os.urandom(sealed_size)),
    }
    return sign_document(package_format.DOC_TYPE, fields, keys.insurer)


# --- license lists and validity statements (FIG.7) ----------------------------------------------------


def valid(license_id: str, content_id: str = "track-1") -> ListEntry:
    return ListEntry(license_id, content_id, LicenseState.VALID, None, None)


def invalid(
    license_id: str,
    reason: InvalidationReason = InvalidationReason.LOSS,
    on: datetime = T0,
    content_id: str = "track-1",
) -> ListEntry:
    return ListEntry(license_id, content_id, LicenseState.INVALID, on, reason)


def a_list(
    version: int,
    *entries: ListEntry,
    base: int | None = None,
    issued_at: datetime = T0,
    expires_at: datetime | None = None,
    user_id: str = USER,
) -> LicenseList:
    """A full list of `entries` for `user_id` or, with `base`, a delta against version `base`; it
    expires `GRACE` after it is issued unless `expires_at` says otherwise."""
    expires = issued_at + GRACE if expires_at is None else expires_at
    return LicenseList(user_id, version, base, issued_at, expires, tuple(entries))


def make_list(
    signer: Ed25519PrivateKey, version: int, *entries: ListEntry, **fields: Any
) -> Signed[LicenseList]:
    """`a_list(version, *entries, **fields)` signed by `signer` (the insurer, or a forger)."""
    lst = a_list(version, *entries, **fields)
    return Signed(sign_license_list(lst, signer), lst)


def a_statement(
    license_id: str,
    state: LicenseState = LicenseState.VALID,
    *,
    user_id: str = USER,
    list_version: int = 1,
    issued_at: datetime = T0,
    reason: InvalidationReason | None = None,
) -> ValidityStatement:
    """The insurer's answer about one license; an invalid one was invalidated when the answer was
    issued, for a loss unless `reason` says otherwise."""
    if state is LicenseState.INVALID:
        return ValidityStatement(
            user_id, license_id, state, issued_at, reason or InvalidationReason.LOSS, list_version, issued_at
        )
    return ValidityStatement(user_id, license_id, state, None, reason, list_version, issued_at)


def make_statement(
    signer: Ed25519PrivateKey, license_id: str, state: LicenseState = LicenseState.VALID, **fields: Any
) -> Signed[ValidityStatement]:
    """`a_statement(license_id, state, **fields)` signed by `signer`."""
    statement = a_statement(license_id, state, **fields)
    return Signed(sign_validity(statement, signer), statement)


# --- content: containers and what the catalog says about them -----------------------------------------


def make_container(
    *,
    plaintext: bytes | None = None,
    size: int = 200_000,
    key: bytes | None = None,
    content_id: str = "track-1",
    version: int = 1,
    mime: str = "audio/flac",
    segment_size: int = container.SEGMENT_SIZE,
) -> Sealed:
    """A track encrypted as the content servers deliver it, under `key` (a fresh content key if none).
    Without `plaintext`, the track is `size` bytes of a fixed pattern (the default spans several 64 KiB
    segments)."""
    if plaintext is None:
        plaintext = (bytes(range(251)) * (size // 251 + 1))[:size]
    if key is None:
        key = container.new_content_key()
    data = container.encrypt(
        plaintext, key, content_id=content_id, content_version=version, mime=mime, segment_size=segment_size
    )
    return Sealed(data, key, plaintext)


def track_info(content_id: str, version: int = 1, **overrides: Any) -> TrackInfo:
    """What the catalog says about a track, as the library records it."""
    info = TrackInfo(
        content_id=content_id,
        version=version,
        title=f"Title of {content_id}",
        artist="Some Artist",
        album="Some Album",
        genre="jazz",
        provider="alpha",
        duration_ms=200_000,
        price=250,
    )
    return dataclasses.replace(info, **overrides)


def library_entry(
    license_id: str,
    album: str = "Album",
    state: LibraryState = LibraryState.VALID,
    replaced_by: str = "",
) -> LibraryEntry:
    """A row of the library as the core lists it: the play order's and the queue's raw material."""
    row = LibraryRow(
        content_id=f"c-{license_id}",
        title=license_id,
        artist="Artist",
        album=album,
        genre="",
        provider="aurora",
        duration_ms=1000,
        license_id=license_id,
        policy_id="",
        item_id="",
        file=None,
        version=1,
        mime="audio/flac",
        package_present=True,
    )
    return LibraryEntry(row, state, replaced_by=replaced_by)
