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

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

import defusedxml.ElementTree as DET
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from defusedxml import DefusedXmlException

from player.errors import MalformedError, UnknownSignerError
from player.language import translate
from player.protocol._fields import check_text
from player.protocol.canonical import (
    b64d,
    b64e,
    ed25519_public_bytes,
    fingerprint,
    format_time,
    parse_time,
    sign,
    verify,
)

NAMESPACE = "urn:insured-player:license:1"
PERMISSION_PLAY = "play"

KEY_ALG = "AES-256-GCM"
SIGNATURE_ALG = "Ed25519"
CONTENT_KEY_SIZE = 32
MAX_LICENSE_SIZE = 64 * 1024  # a license is well under 2 KiB; refuse to parse megabytes of "license"
_NUMBER = re.compile(r"0|[1-9][0-9]{0,17}")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
# child element -> the attributes it must (True) or may (False) carry
_ELEMENTS: dict[str, dict[str, bool]] = {
    "LicenseID": {},
    "Licenser": {},
    "Licensee": {},
    "Permission": {},
    "ContentID": {},
    "ContentVersion": {},
    "UsagePeriod": {"notBefore": True, "notAfter": False},
    "ContentKey": {"alg": True},
    "IssuedAt": {},
    "Signature": {"alg": True, "signer": True},
}
_TEXT_ELEMENTS = frozenset(_ELEMENTS) - {"UsagePeriod"}


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


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
        """Whether `when` lies in the usage period; both ends are inclusive ("not before", "not after")."""
        return self.not_before <= when and (self.not_after is None or when <= self.not_after)


def sign_license(lic: License, key: Ed25519PrivateKey) -> bytes:
    """The license as signed XML bytes (UTF-8, no XML declaration needed)."""
    try:
        _check(lic)
    except MalformedError as e:
        raise ValueError(translate("Errors", "refusing to sign an invalid license: {e}").format(e=e)) from e
    # The namespace is written as a plain xmlns attribute on unqualified names: ElementTree's
    # default_namespace option rejects our unqualified attributes, and register_namespace is global state.
    root = ET.Element("License", {"xmlns": NAMESPACE})

    def child(name: str, text: str | None = None, **attrib: str) -> ET.Element:
        el = ET.SubElement(root, name, attrib)
        el.text = text
        return el

    child("LicenseID", lic.license_id)
    child("Licenser", lic.licenser)
    child("Licensee", lic.licensee)
    child("Permission", lic.permission)
    child("ContentID", lic.content_id)
    child("ContentVersion", str(lic.content_version))
    period = child("UsagePeriod", notBefore=format_time(lic.not_before))
    if lic.not_after is not None:
        period.set("notAfter", format_time(lic.not_after))
    child("ContentKey", b64e(lic.content_key), alg=KEY_ALG)
    child("IssuedAt", format_time(lic.issued_at))
    signature = sign(key, _canonical_unsigned(root))
    child("Signature", signature, alg=SIGNATURE_ALG, signer=fingerprint(ed25519_public_bytes(key)))
    return _serialise(root)


# Text that C14N writes as it is: no character it escapes (& < > " and the line ends), nothing an XML
# parser normalises. IDs, numbers, times, base64 and fingerprints are all of it.
_VERBATIM = re.compile(r"[A-Za-z0-9 +/=:._@-]*")


def _canonical_unsigned(root: ET.Element) -> bytes:
    """What the signature covers, for a license just built here: the same bytes as `_signed_bytes` of its
    serialisation, written straight from the tree. Re-parsing our own output through the C14N writer
    took half the time a licensor spends signing; a value that C14N would escape takes that way still."""
    parts = [f'<License xmlns="{NAMESPACE}">']
    for el in root:
        attributes = sorted(el.attrib.items())  # C14N orders them (none of ours has a namespace)
        text = el.text or ""
        if not all(_VERBATIM.fullmatch(v) for v in (text, *(v for _, v in attributes))):
            return _signed_bytes(_serialise(root))
        written = "".join(f' {name}="{value}"' for name, value in attributes)
        parts.append(f"<{el.tag}{written}>{text}</{el.tag}>")
    parts.append("</License>")
    return "".join(parts).encode("utf-8")


def _serialise(root: ET.Element) -> bytes:
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return data


def parse_license(xml: bytes) -> tuple[License, str]:
    """Parse without verifying; returns the license and the signer fingerprint it names."""
    lic, signer, _ = _parse(xml)
    return lic, signer


def verify_license(xml: bytes, trusted: Mapping[str, Ed25519PublicKey]) -> License:
    """Parse and verify against the key trusted for the license's licenser.

    `trusted` maps licenser (provider id) -> public key. An untrusted licenser, or a signer fingerprint
    that is not that licenser's key, is `UnknownSignerError`; a bad signature is `BadSignatureError`.
    """
    lic, signer, signature = _parse(xml)
    key = trusted.get(lic.licenser)
    if key is None:
        raise UnknownSignerError(
            translate("Errors", "license {license_id}: licenser {licenser} is not trusted").format(
                license_id=repr(lic.license_id), licenser=repr(lic.licenser)
            )
        )
    if signer != fingerprint(ed25519_public_bytes(key)):
        raise UnknownSignerError(
            translate("Errors", "license {license_id} is not signed by {licenser}'s key").format(
                license_id=repr(lic.license_id), licenser=repr(lic.licenser)
            )
        )
    verify(key, signature, _signed_bytes(xml), f"license {lic.license_id!r}")
    return lic


def _signed_bytes(xml: bytes) -> bytes:
    """C14N 2.0 of the License element minus its Signature child, parsed by defusedxml like everything.

    Canonicalising the received bytes themselves (not a re-serialisation of our parse) means the
    signature covers exactly what was sent, whitespace and prefixes included.
    """
    out: list[str] = []
    target = ET.C14NWriterTarget(out.append, exclude_tags={_q("Signature")})
    parser = DET.DefusedXMLParser(target=target, forbid_dtd=True)
    try:
        parser.feed(xml)
        parser.close()
    except (DefusedXmlException, ET.ParseError) as e:
        raise MalformedError(translate("Errors", "license is not well-formed XML")) from e
    return "".join(out).encode("utf-8")


def _parse(xml: bytes) -> tuple[License, str, str]:
    """License, signer fingerprint and signature (base64), with every structural rule enforced."""
    if len(xml) > MAX_LICENSE_SIZE:
        raise MalformedError(translate("Errors", "license is too large"))
    try:
        root = cast(ET.Element, DET.fromstring(xml, forbid_dtd=True))
    except (DefusedXmlException, ET.ParseError) as e:
        raise MalformedError(
            translate("Errors", "license is not well-formed XML without DTDs or entities")
        ) from e
    if root.tag != _q("License") or root.attrib:
        raise MalformedError(
            translate("Errors", "expected a License element in {namespace}, got {tag}").format(
                namespace=NAMESPACE, tag=repr(root.tag)
            )
        )
    if (root.text or "").strip():
        raise MalformedError(translate("Errors", "license has text outside its elements"))
    children: dict[str, ET.Element] = {}
    for el in root:
        name = el.tag[len(NAMESPACE) + 2 :] if el.tag.startswith(f"{{{NAMESPACE}}}") else None
        if name not in _ELEMENTS:
            raise MalformedError(
                translate("Errors", "license has an unknown element {tag}").format(tag=repr(el.tag))
            )
        if name in children:
            raise MalformedError(translate("Errors", "license repeats {name}").format(name=name))
        if len(el) or (el.tail or "").strip() or (name == "UsagePeriod" and el.text):
            raise MalformedError(
                translate("Errors", "license element {name} has nested or stray content").format(name=name)
            )
        allowed = _ELEMENTS[name]
        required = {a for a, needed in allowed.items() if needed}
        if not required <= el.attrib.keys() <= allowed.keys():
            raise MalformedError(
                translate("Errors", "license element {name} has attributes {attributes}").format(
                    name=name, attributes=sorted(el.attrib)
                )
            )
        children[name] = el
    if missing := sorted(set(_ELEMENTS) - set(children)):
        raise MalformedError(translate("Errors", "license lacks {missing}").format(missing=missing))

    text = {name: check_text(children[name].text, f"license {name}") for name in _TEXT_ELEMENTS}
    period = children["UsagePeriod"].attrib
    key_alg = children["ContentKey"].attrib["alg"]
    sig = children["Signature"].attrib
    if key_alg != KEY_ALG or sig["alg"] != SIGNATURE_ALG:
        raise MalformedError(
            translate("Errors", "license uses unsupported algorithms {key_alg} / {sig}").format(
                key_alg=repr(key_alg), sig=repr(sig["alg"])
            )
        )
    if not _NUMBER.fullmatch(text["ContentVersion"]):
        raise MalformedError(translate("Errors", "license ContentVersion is not a decimal number"))
    if not _FINGERPRINT.fullmatch(sig["signer"]):
        raise MalformedError(translate("Errors", "license Signature does not name a signer fingerprint"))
    not_after = period.get("notAfter")
    lic = License(
        license_id=text["LicenseID"],
        licenser=text["Licenser"],
        licensee=text["Licensee"],
        permission=text["Permission"],
        content_id=text["ContentID"],
        content_version=int(text["ContentVersion"]),
        not_before=parse_time(period["notBefore"], "license notBefore"),
        not_after=None if not_after is None else parse_time(not_after, "license notAfter"),
        content_key=b64d(text["ContentKey"], "license ContentKey"),
        issued_at=parse_time(text["IssuedAt"], "license IssuedAt"),
    )
    _check(lic)
    return lic, sig["signer"], text["Signature"]


def _check(lic: License) -> None:
    """The rules both the signer and the parser hold a license to."""
    for name in ("license_id", "licenser", "licensee", "content_id"):
        check_text(getattr(lic, name), f"license {name}")
    if lic.permission != PERMISSION_PLAY:
        raise MalformedError(
            translate("Errors", "license permission {permission} is not {permission_play}").format(
                permission=repr(lic.permission), permission_play=repr(PERMISSION_PLAY)
            )
        )
    if isinstance(lic.content_version, bool) or not 0 <= lic.content_version < 10**18:
        raise MalformedError(translate("Errors", "license content version is out of range"))
    if len(lic.content_key) != CONTENT_KEY_SIZE:
        raise MalformedError(
            translate("Errors", "license content key is not {content_key_size} bytes").format(
                content_key_size=CONTENT_KEY_SIZE
            )
        )
    if lic.not_after is not None and lic.not_after < lic.not_before:
        raise MalformedError(translate("Errors", "license usage period ends before it starts"))
