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
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from player.errors import MalformedError, MismatchError, WrongKeyError
from player.language import translate
from player.protocol import _fields as f
from player.protocol.canonical import b64e, format_time, sign_document, verify_document
from player.protocol.license import License, verify_license
from player.protocol.policy import GuaranteeConditions

DOC_TYPE = "license-package"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_INFO_LABEL = b"insured-player/license-package/v1\x00"
_KEYS = frozenset(
    {"policy_id", "item_id", "license_id", "content_id", "guarantee", "issued_at", "sealed_license"}
)


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


def hpke_info(policy_id: str, license_id: str) -> bytes:
    """The HPKE context: binds the ciphertext to its format, policy and license.

    IDs never contain NUL (`_fields.check_text` refuses control characters), so the join is unambiguous.
    """
    return _INFO_LABEL + policy_id.encode("utf-8") + b"\x00" + license_id.encode("utf-8")


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
    fields: dict[str, Any] = {
        "policy_id": policy_id,
        "item_id": item_id,
        "license_id": license_id,
        "content_id": content_id,
        "guarantee": guarantee.to_fields(),
        "issued_at": format_time(issued_at),
        "sealed_license": b64e(SUITE.encrypt(license_xml, recipient, info=hpke_info(policy_id, license_id))),
    }
    f.signable(lambda d: _from_fields(d, b""), fields, "license package")
    return sign_document(DOC_TYPE, fields, insurer_key)


def verify_package(data: bytes, insurer_key: Ed25519PublicKey) -> LicensePackage:
    return _from_fields(verify_document(data, DOC_TYPE, insurer_key, "license package"), data)


def open_package(package: LicensePackage, private_key: X25519PrivateKey) -> bytes:
    """The license XML; `WrongKeyError` when the policy key does not open it."""
    # HPKE cannot tell a wrong key from a ciphertext sealed for another policy or license ID (or
    # damaged, though the insurer's signature already rules that out): all are "this key does not open it".
    try:
        return SUITE.decrypt(
            package.sealed_license, private_key, info=hpke_info(package.policy_id, package.license_id)
        )
    except InvalidTag as e:
        raise WrongKeyError(
            translate("Errors", "license package {license_id} does not open with this policy key").format(
                license_id=repr(package.license_id)
            )
        ) from e


def open_license(
    package: LicensePackage,
    private_key: X25519PrivateKey,
    trusted_licensors: Mapping[str, Ed25519PublicKey],
) -> License:
    """Open, verify the licensor's signature, and check the license is the one the package names
    (license_id, content_id, licensee == guarantee.insured_user_id), else `IntegrityError`."""
    lic = verify_license(open_package(package, private_key), trusted_licensors)
    expected = (package.license_id, package.content_id, package.guarantee.insured_user_id)
    found = (lic.license_id, lic.content_id, lic.licensee)
    if found != expected:
        # MismatchError: both signatures hold, yet the insurer wrapped a license that is not the one the
        # package (and so the guarantee) speaks of.
        raise MismatchError(
            translate("Errors", "license package names {expected}, the sealed license is {found}").format(
                expected=expected, found=found
            )
        )
    return lic


def _from_fields(fields: dict[str, Any], raw: bytes) -> LicensePackage:
    what = "license package"
    obj = f.require_object(fields, _KEYS, what)
    sealed = f.get_bytes(obj, "sealed_license", what)
    if not sealed:
        raise MalformedError(translate("Errors", "{what} sealed_license is empty").format(what=what))
    return LicensePackage(
        policy_id=f.get_str(obj, "policy_id", what),
        item_id=f.get_str(obj, "item_id", what),
        license_id=f.get_str(obj, "license_id", what),
        content_id=f.get_str(obj, "content_id", what),
        guarantee=GuaranteeConditions.from_fields(obj["guarantee"]),
        issued_at=f.get_time(obj, "issued_at", what),
        sealed_license=sealed,
        raw=raw,
    )
