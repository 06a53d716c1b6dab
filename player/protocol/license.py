"""The license (FIG.16) as an XML document signed by its licensor (Ed25519).

    <License xmlns="urn:insured-player:license:1">
      <LicenseID/> <Licenser/> <Licensee/> <Permission>play</Permission>
      <ContentID/> <ContentVersion/> <UsagePeriod notBefore="..." notAfter="..."/>  (notAfter optional)
      <ContentKey alg="AES-256-GCM">base64</ContentKey> <IssuedAt/>
      <Signature alg="Ed25519" signer="fingerprint">base64</Signature>
    </License>

The signature covers the C14N 2.0 canonical form (`xml.etree.ElementTree.canonicalize`) of the License
element without its Signature child. Parsing goes through `defusedxml` only (no DTDs, no entities), and
the element set is exact: a missing, repeated or unknown element is `MalformedError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

NAMESPACE = "urn:insured-player:license:1"
PERMISSION_PLAY = "play"


@dataclass(frozen=True)
class License:
    license_id: str
    licenser: str  # FIG.16 "name of distribution entity": the provider id
    licensee: str  # the user id the license was issued to
    permission: str
    content_id: str
    content_version: int
    not_before: datetime
    not_after: datetime | None
    content_key: bytes = field(repr=False)
    issued_at: datetime

    def covers(self, when: datetime) -> bool:
        raise NotImplementedError


def sign_license(lic: License, key: Ed25519PrivateKey) -> bytes:
    """The license as signed XML bytes (UTF-8, no XML declaration needed)."""
    raise NotImplementedError


def parse_license(xml: bytes) -> tuple[License, str]:
    """Parse without verifying; returns the license and the signer fingerprint it names."""
    raise NotImplementedError


def verify_license(xml: bytes, trusted: Mapping[str, Ed25519PublicKey]) -> License:
    """Parse and verify against the key trusted for the license's licenser.

    `trusted` maps licenser (provider id) -> public key. An untrusted licenser, or a signer fingerprint
    that is not that licenser's key, is `UnknownSignerError`; a bad signature is `BadSignatureError`.
    """
    raise NotImplementedError
