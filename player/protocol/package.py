"""The license package (FIG.9, [0025]): a license sealed to the policy key, with the guarantee conditions.

A signed JSON document (type "license-package") with policy_id, item_id (the insured item, stable across
re-issues and alternates), license_id, content_id, guarantee (GuaranteeConditions fields), issued_at, and
sealed_license: base64 of the HPKE ciphertext (RFC 9180 Base mode, Suite(KEM.X25519, KDF.HKDF_SHA256,
AEAD.AES_256_GCM)) of the license XML, with
info = b"insured-player/license-package/v1\\x00" + policy_id + b"\\x00" + license_id (UTF-8),
so a sealed license lifted into another package, for another policy or license ID, does not open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from player.protocol.license import License
from player.protocol.policy import GuaranteeConditions


@dataclass(frozen=True)
class LicensePackage:
    policy_id: str
    item_id: str
    license_id: str
    content_id: str
    guarantee: GuaranteeConditions
    issued_at: datetime
    sealed_license: bytes = field(repr=False)
    raw: bytes = field(repr=False, compare=False)  # the signed document as received


def seal_package(
    license_xml: bytes,
    *,
    policy_id: str,
    item_id: str,
    license_id: str,
    content_id: str,
    recipient: X25519PublicKey,
    guarantee: GuaranteeConditions,
    insurer_key: Ed25519PrivateKey,
    issued_at: datetime,
) -> bytes:
    raise NotImplementedError


def verify_package(data: bytes, insurer_key: Ed25519PublicKey) -> LicensePackage:
    raise NotImplementedError


def open_package(package: LicensePackage, private_key: X25519PrivateKey) -> bytes:
    """The license XML; `WrongKeyError` when the policy key does not open it."""
    raise NotImplementedError


def open_license(
    package: LicensePackage,
    private_key: X25519PrivateKey,
    trusted_licensors: Mapping[str, Ed25519PublicKey],
) -> License:
    """Open, verify the licensor's signature, and check the license is the one the package names
    (license_id, content_id, licensee == guarantee.insured_user_id), else `IntegrityError`."""
    raise NotImplementedError
