"""History insurers share: one person, one pseudonym at every insurer; a record only its writer can sign."""

from __future__ import annotations

import dataclasses
import secrets

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import IntegrityError, MalformedError, UnknownSignerError
from player.protocol.shared_history import (
    SharedKind,
    SharedRecord,
    pseudonym,
    record_writer,
    sign_record,
    verify_record,
)
from tests.protocol.helpers import bits_of, edit_keeping_signature, flip_bit, resign
from tests.support.factories import T0

SECRET = secrets.token_bytes(32)


@pytest.fixture(scope="module")
def record() -> SharedRecord:
    return SharedRecord(
        record_id="r-1",
        insurer="harbor-mutual",
        pseudonym=pseudonym(SECRET, "mika@example.jp"),
        purchase="aurora/lic-42",
        issued="aurora/lic-43",
        content_id="aurora-0003",
        kind=SharedKind.REISSUED,
        amount=250,
        at=T0,
    )


@pytest.fixture(scope="module")
def writer() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_the_same_person_has_one_pseudonym_however_the_identity_is_typed() -> None:
    assert pseudonym(SECRET, "Mika@Example.JP ") == pseudonym(SECRET, "mika@example.jp")
    assert pseudonym(SECRET, "ｍｉｋａ@example.jp") == pseudonym(SECRET, "mika@example.jp")  # full width


def test_a_pseudonym_says_nothing_without_the_exchange_secret() -> None:
    name = pseudonym(SECRET, "mika@example.jp")
    assert "mika" not in name and len(name) == 64
    assert pseudonym(secrets.token_bytes(32), "mika@example.jp") != name  # another exchange, another name
    assert pseudonym(SECRET, "ren@example.jp") != name
    with pytest.raises(ValueError):
        pseudonym(b"short", "mika@example.jp")


def test_a_record_round_trips_under_its_writers_signature(
    record: SharedRecord, writer: Ed25519PrivateKey
) -> None:
    assert verify_record(sign_record(record, writer), writer.public_key()) == record


def test_the_writer_a_record_names_picks_the_key_it_is_checked_with(
    record: SharedRecord, writer: Ed25519PrivateKey
) -> None:
    assert record_writer(sign_record(record, writer)) == "harbor-mutual"
    with pytest.raises(MalformedError):
        record_writer(b'{"insurer": 7}')


def test_a_record_signed_by_another_insurer_is_not_taken_for_the_writers(
    record: SharedRecord, writer: Ed25519PrivateKey
) -> None:
    forged = sign_record(record, Ed25519PrivateKey.generate())
    with pytest.raises(UnknownSignerError):
        verify_record(forged, writer.public_key())


def test_a_record_edited_after_signing_is_refused(record: SharedRecord, writer: Ed25519PrivateKey) -> None:
    signed = sign_record(record, writer)
    with pytest.raises(IntegrityError):
        verify_record(edit_keeping_signature(signed, amount=0), writer.public_key())


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_no_flipped_bit_gets_through(data: st.DataObject) -> None:
    writer = Ed25519PrivateKey.generate()
    record = SharedRecord("r", "i", "a" * 64, "p/l", "p/m", "c", SharedKind.ALTERNATE, 1, T0)
    signed = sign_record(record, writer)
    bit = data.draw(bits_of(signed))
    with pytest.raises(IntegrityError):
        verify_record(flip_bit(signed, bit), writer.public_key())


def test_a_record_whose_pseudonym_could_be_a_name_is_never_signed_nor_read(
    record: SharedRecord, writer: Ed25519PrivateKey
) -> None:
    with pytest.raises(ValueError):  # a bug of the writer's, caught before it signs
        sign_record(dataclasses.replace(record, pseudonym="mika@example.jp"), writer)
    with pytest.raises(MalformedError):
        verify_record(resign(sign_record(record, writer), writer, pseudonym="Mika"), writer.public_key())
