"""The licensor-signed XML license (FIG.16): what it says cannot be changed, and hostile XML is refused."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import BadSignatureError, IntegrityError, MalformedError, UnknownSignerError
from player.protocol.canonical import ed25519_public_bytes, fingerprint
from player.protocol.license import (
    NAMESPACE,
    License,
    parse_license,
    sign_license,
    verify_license,
)
from tests.protocol.helpers import bits_of, flip_bit, ids, times
from tests.support.factories import T0, Keys

_LICENSE_FIELDS = (
    "LicenseID",
    "Licenser",
    "Licensee",
    "Permission",
    "ContentID",
    "ContentVersion",
    "UsagePeriod",
    "ContentKey",
    "IssuedAt",
    "Signature",
)


@pytest.fixture(scope="module")
def signed(license_: License, licensor_key: Ed25519PrivateKey) -> bytes:
    return sign_license(license_, licensor_key)


@pytest.fixture(scope="module")
def trusted(keys: Keys) -> dict[str, Ed25519PublicKey]:
    return keys.licensors


# --- round trips --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    license_id=ids,
    licensee=ids,
    content_id=ids,
    version=st.integers(0, 10**12),
    not_before=times,
    days=st.none() | st.integers(0, 5000),
    key=st.binary(min_size=32, max_size=32),
    issued_at=times,
)
def test_round_trip(
    license_id: str,
    licensee: str,
    content_id: str,
    version: int,
    not_before: datetime,
    days: int | None,
    key: bytes,
    issued_at: datetime,
    license_: License,
    licensor_key: Ed25519PrivateKey,
) -> None:
    lic = dataclasses.replace(
        license_,
        license_id=license_id,
        licensee=licensee,
        content_id=content_id,
        content_version=version,
        not_before=not_before,
        not_after=None if days is None else not_before + timedelta(days=days),
        content_key=key,
        issued_at=issued_at,
    )
    xml = sign_license(lic, licensor_key)
    assert verify_license(xml, {lic.licenser: licensor_key.public_key()}) == lic


def test_parse_names_the_signer(signed: bytes, license_: License, licensor_key: Ed25519PrivateKey) -> None:
    lic, signer = parse_license(signed)
    assert lic == license_
    assert signer == fingerprint(ed25519_public_bytes(licensor_key))


def test_license_is_plain_namespaced_xml(signed: bytes) -> None:
    assert signed.startswith(f'<License xmlns="{NAMESPACE}"><LicenseID>'.encode())
    assert b"<Permission>play</Permission>" in signed


def test_usage_period_is_inclusive(license_: License) -> None:
    assert license_.covers(T0)
    assert license_.not_after is not None
    assert license_.covers(license_.not_after)
    assert not license_.covers(T0 - timedelta(seconds=1))
    assert not license_.covers(license_.not_after + timedelta(seconds=1))
    assert dataclasses.replace(license_, not_after=None).covers(T0 + timedelta(days=10**5))


@pytest.mark.parametrize(
    "change",
    [
        {"permission": "copy"},
        {"content_key": b"\x00" * 16},
        {"license_id": ""},
        {"licensee": "user\n1"},
        {"content_version": -1},
        {"not_after": T0 - timedelta(days=1)},
    ],
)
def test_licensor_cannot_sign_what_players_would_reject(
    change: dict[str, Ed25519PublicKey], license_: License, licensor_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(ValueError):
        sign_license(dataclasses.replace(license_, **change), licensor_key)  # type: ignore[arg-type]


# --- signature attacks --------------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_is_rejected(
    data: st.DataObject, signed: bytes, trusted: dict[str, Ed25519PublicKey]
) -> None:
    flipped = flip_bit(signed, data.draw(bits_of(signed)))
    with pytest.raises(IntegrityError) as caught:
        verify_license(flipped, trusted)
    assert type(caught.value) is not IntegrityError


def test_license_from_an_untrusted_licenser_is_rejected(
    signed: bytes, licensor_key: Ed25519PrivateKey
) -> None:
    with pytest.raises(UnknownSignerError):
        verify_license(signed, {"provider-b": licensor_key.public_key()})


def test_license_signed_by_another_key_in_a_trusted_licensers_name_is_rejected(
    license_: License, attacker_key: Ed25519PrivateKey, trusted: dict[str, Ed25519PublicKey]
) -> None:
    forged = sign_license(license_, attacker_key)
    with pytest.raises(UnknownSignerError):
        verify_license(forged, trusted)


def test_forged_signer_name_does_not_help(
    license_: License,
    attacker_key: Ed25519PrivateKey,
    licensor_key: Ed25519PrivateKey,
    trusted: dict[str, Ed25519PublicKey],
) -> None:
    """The attacker signs with his key but writes the licensor's fingerprint into the Signature."""
    forged = sign_license(license_, attacker_key).replace(
        fingerprint(ed25519_public_bytes(attacker_key)).encode(),
        fingerprint(ed25519_public_bytes(licensor_key)).encode(),
    )
    with pytest.raises(BadSignatureError) as caught:
        verify_license(forged, trusted)
    assert type(caught.value) is BadSignatureError


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b"<LicenseID>lic-0001<", b"<LicenseID>lic-0002<"),
        (b"<Licensee>user-1<", b"<Licensee>user-2<"),
        (b"<ContentID>track-42<", b"<ContentID>track-43<"),
        (b"<ContentVersion>2<", b"<ContentVersion>3<"),
        (b'notAfter="2027', b'notAfter="2099'),
        (b'notBefore="2026', b'notBefore="2025'),
        (b"<IssuedAt>2026", b"<IssuedAt>2025"),
    ],
)
def test_modified_field_under_a_valid_signature_is_rejected(
    old: bytes, new: bytes, signed: bytes, trusted: dict[str, Ed25519PublicKey]
) -> None:
    assert old in signed
    with pytest.raises(BadSignatureError) as caught:
        verify_license(signed.replace(old, new), trusted)
    assert type(caught.value) is BadSignatureError


def test_swapped_content_key_is_rejected(
    signed: bytes, license_: License, licensor_key: Ed25519PrivateKey, trusted: dict[str, Ed25519PublicKey]
) -> None:
    other = sign_license(dataclasses.replace(license_, content_key=b"\x01" * 32), licensor_key)
    other_key = other.split(b"<ContentKey")[1].split(b"</ContentKey>")[0]
    ours = signed.split(b"<ContentKey")[1].split(b"</ContentKey>")[0]
    with pytest.raises(BadSignatureError):
        verify_license(signed.replace(ours, other_key), trusted)


def test_removed_usage_limit_is_rejected(signed: bytes, trusted: dict[str, Ed25519PublicKey]) -> None:
    start = signed.index(b' notAfter="')
    end = signed.index(b'"', start + len(b' notAfter="')) + 1
    with pytest.raises(BadSignatureError):
        verify_license(signed[:start] + signed[end:], trusted)


def test_signature_covers_whitespace_added_inside(
    signed: bytes, trusted: dict[str, Ed25519PublicKey]
) -> None:
    with pytest.raises(BadSignatureError):
        verify_license(signed.replace(b"><Licenser>", b">\n<Licenser>"), trusted)


# --- hostile and malformed XML ------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<License xmlns="urn:insured-player:license:1"><LicenseID>&lol4;</LicenseID></License>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE License [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<License xmlns="urn:insured-player:license:1"><LicenseID>&xxe;</LicenseID></License>"""


@pytest.mark.parametrize(
    "xml",
    [
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(EXTERNAL_ENTITY, id="external-entity"),
        pytest.param(b'<!DOCTYPE License SYSTEM "http://evil/dtd"><License/>', id="external-dtd"),
        pytest.param(b"<!DOCTYPE License><License/>", id="bare-doctype"),
    ],
)
def test_entity_and_dtd_attacks_are_rejected(xml: bytes, trusted: dict[str, Ed25519PublicKey]) -> None:
    with pytest.raises(MalformedError):
        verify_license(xml, trusted)


def test_doctype_in_front_of_a_valid_license_is_rejected(
    signed: bytes, trusted: dict[str, Ed25519PublicKey]
) -> None:
    with pytest.raises(MalformedError):
        verify_license(b"<!DOCTYPE License>" + signed, trusted)


def _without(signed: bytes, name: str) -> bytes:
    start = signed.index(f"<{name}".encode())
    close = f"</{name}>".encode()
    end = signed.index(close, start) + len(close) if close in signed else signed.index(b"/>", start) + 2
    return signed[:start] + signed[end:]


@pytest.mark.parametrize("name", _LICENSE_FIELDS)
def test_missing_element_is_rejected(name: str, signed: bytes) -> None:
    with pytest.raises(MalformedError):
        parse_license(_without(signed, name))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(b"</IssuedAt>", b"</IssuedAt><Transferable>yes</Transferable>", id="unknown-element"),
        pytest.param(b"</IssuedAt>", b"</IssuedAt><LicenseID>lic-0002</LicenseID>", id="repeated-element"),
        pytest.param(b"<Licensee>", b'<Licensee xmlns="urn:other">', id="foreign-namespace"),
        pytest.param(b"urn:insured-player:license:1", b"urn:insured-player:license:2", id="other-version"),
        pytest.param(b"<Permission>play", b"<Permission>copy", id="permission-not-play"),
        pytest.param(b'alg="AES-256-GCM"', b'alg="AES-128-GCM"', id="other-cipher"),
        pytest.param(b'alg="Ed25519"', b'alg="RSA"', id="other-signature-alg"),
        pytest.param(b"<Licenser>", b'<Licenser role="x">', id="unknown-attribute"),
        pytest.param(b"<License ", b'<License id="1" ', id="attribute-on-root"),
        pytest.param(b"<ContentVersion>2", b"<ContentVersion>02", id="non-canonical-number"),
        pytest.param(b"<ContentVersion>2", b"<ContentVersion>-2", id="negative-number"),
        pytest.param(b"<ContentVersion>2", b"<ContentVersion>two", id="word-number"),
        pytest.param(b'notBefore="2026-04-01T09:30:00Z"', b'notBefore="2026-04-01"', id="date-not-time"),
        pytest.param(b"<IssuedAt>", b"<IssuedAt><b>x</b>", id="nested-element"),
        pytest.param(b"<Licenser>", b"stray<Licenser>", id="stray-text"),
        pytest.param(b"<LicenseID>lic-0001", b"<LicenseID>lic&#1;0001", id="control-character"),
        pytest.param(b"<Licensee>user-1", b"<Licensee>", id="empty-text"),
        pytest.param(b"</License>", b"", id="not-well-formed"),
        pytest.param(b'signer="', b'signer="AB', id="signer-not-a-fingerprint"),
    ],
)
def test_malformed_license_is_rejected(old: bytes, new: bytes, signed: bytes) -> None:
    assert old in signed
    with pytest.raises(MalformedError):
        parse_license(signed.replace(old, new, 1))


def test_short_content_key_is_rejected(license_: License, licensor_key: Ed25519PrivateKey) -> None:
    signed = sign_license(license_, licensor_key)
    ours = signed.split(b'alg="AES-256-GCM">')[1].split(b"<")[0]
    with pytest.raises(MalformedError):
        parse_license(signed.replace(ours, b"AAAAAAAAAAAAAAAAAAAAAA=="))


def test_huge_document_is_rejected_before_parsing() -> None:
    with pytest.raises(MalformedError):
        parse_license(b"<License>" + b" " * 100_000 + b"</License>")
