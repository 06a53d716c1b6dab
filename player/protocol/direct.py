"""A license bought straight from its licensor, without insurance (FIG.15 (1)-(2)), as the terminal keeps it.

The licensor's license XML carries the content key in clear, so it never reaches the disk as it came: the
terminal seals it with HPKE (the license package's suite) to its own device key, which lives in the OS
keyring, and stores the JSON document below in the place of a license package:

    {"type": "direct-license", "format": 1, "license_id": …, "content_id": …, "licenser": …,
     "sealed_license": base64 of HPKE(license XML),
     info = b"insured-player/direct-license/v1\\x00" + license_id}

Nobody signs this wrapper: the AEAD binds the ciphertext to its license ID, and the license inside is
verified against its licensor's key at every opening. It names no policy and no insured item: that is
what "not insured" means to the storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from player.errors import MalformedError, MismatchError, WrongKeyError
from player.language import translate
from player.protocol.canonical import b64d, b64e, canonical_json, load_json_object
from player.protocol.license import License, verify_license
from player.protocol.package import SUITE

DOC_TYPE = "direct-license"
_FORMAT = 1
_INFO_LABEL = b"insured-player/direct-license/v1\x00"
_KEYS = frozenset({"type", "format", "license_id", "content_id", "licenser", "sealed_license"})


@dataclass(frozen=True)
class DirectLicense:
    license_id: str
    content_id: str
    licenser: str
    sealed_license: bytes = field(repr=False)


def is_direct(raw: bytes) -> bool:
    """Whether a stored license document is a direct (uninsured) license rather than a package."""
    try:
        return load_json_object(raw, "license document").get("type") == DOC_TYPE
    except MalformedError:
        return False


def seal_direct(license_xml: bytes, lic: License, device_key: X25519PublicKey) -> bytes:
    """The document to store for a licensor's license `lic` (already verified) whose XML is `license_xml`."""
    sealed = SUITE.encrypt(license_xml, device_key, info=_INFO_LABEL + lic.license_id.encode("utf-8"))
    return canonical_json(
        {
            "type": DOC_TYPE,
            "format": _FORMAT,
            "license_id": lic.license_id,
            "content_id": lic.content_id,
            "licenser": lic.licenser,
            "sealed_license": b64e(sealed),
        }
    )


def parse_direct(raw: bytes) -> DirectLicense:
    what = "direct license"
    obj = load_json_object(raw, what)
    if set(obj) != _KEYS or obj["type"] != DOC_TYPE or obj["format"] != _FORMAT:
        raise MalformedError(
            translate("Errors", "{what}: not a direct-license document of format {format}").format(
                what=what, format=_FORMAT
            )
        )
    texts = [obj[k] for k in ("license_id", "content_id", "licenser", "sealed_license")]
    if not all(isinstance(t, str) and t for t in texts):
        raise MalformedError(
            translate("Errors", "{what}: every field must be a non-empty string").format(what=what)
        )
    return DirectLicense(texts[0], texts[1], texts[2], b64d(texts[3], "sealed license"))


def open_direct(
    doc: DirectLicense, device_key: X25519PrivateKey, trusted_licensors: Mapping[str, Ed25519PublicKey]
) -> tuple[License, bytes]:
    """The verified license and its XML; `WrongKeyError` when this device did not seal it."""
    try:
        xml = SUITE.decrypt(doc.sealed_license, device_key, info=_INFO_LABEL + doc.license_id.encode("utf-8"))
    except InvalidTag as e:
        raise WrongKeyError(
            translate("Errors", "license {license_id} was not kept by this computer").format(
                license_id=repr(doc.license_id)
            )
        ) from e
    lic = verify_license(xml, trusted_licensors)
    if (lic.license_id, lic.content_id, lic.licenser) != (doc.license_id, doc.content_id, doc.licenser):
        raise MismatchError(
            translate("Errors", "direct license {license_id} holds another license").format(
                license_id=repr(doc.license_id)
            )
        )
    return lic, xml
