"""The content container under attack on its segments: flipped bits, truncation, extension, reordering,
replay, another container's segment or key; every change is detected."""

from __future__ import annotations

import io
import json
import os
import struct

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    MalformedError,
    MismatchError,
    TamperedError,
    TruncatedError,
    UnsupportedVersionError,
    WrongKeyError,
)
from player.protocol.canonical import canonical_json
from player.protocol.container import (
    MAX_HEADER_BODY,
    ContainerReader,
    read_header,
)
from tests.protocol.container_helpers import PREFIX, SMALL, open_all, seal, segment_span
from tests.protocol.helpers import bits_of, flip_bit

# --- attacks on the segments ----------------------------------------------------------------------------

_TARGET = os.urandom(2 * SMALL + 500)  # three segments, the last one short


@pytest.fixture(scope="module")
def target(content_key: bytes) -> bytes:
    return seal(_TARGET, content_key)


def _expected_errors(data: bytes, byte: int, flipped: bytes) -> set[type[Exception]]:
    """Which specific error a bit flipped at `byte` must raise, by the part of the container it hits."""
    header_length = len(read_header(data).raw)
    body = data[PREFIX.size : header_length]
    commitment_at = PREFIX.size + body.index(b'"key_commitment":"') + len(b'"key_commitment":"')
    commitment_end = PREFIX.size + body.index(b'"', commitment_at - PREFIX.size)
    if byte < 4 or byte == 5:  # magic, reserved byte
        return {MalformedError}
    if byte == 4:
        return {UnsupportedVersionError}
    if byte in (6, 7):  # the body length: too long, cut JSON, or pointing past the end of the file
        (body_length,) = struct.unpack(">H", flipped[6:8])
        if body_length <= MAX_HEADER_BODY and PREFIX.size + body_length > len(data):
            return {TruncatedError}
        return {MalformedError}
    if commitment_at <= byte < commitment_end:
        return {WrongKeyError, MalformedError}  # another commitment, or no longer base64
    if byte < header_length:
        # Unparseable or out of range, a length that no longer matches the file, or a well-formed header
        # that differs from the one every segment was sealed with.
        return {MalformedError, TruncatedError, TamperedError}
    return {TamperedError}


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_flipped_bit_is_rejected(data: st.DataObject, target: bytes, content_key: bytes) -> None:
    bit = data.draw(bits_of(target))
    flipped = flip_bit(target, bit)
    with pytest.raises(Exception) as caught:
        open_all(flipped, content_key)
    assert type(caught.value) in _expected_errors(target, bit // 8, flipped)


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_every_body_bit_flip_is_tampering(data: st.DataObject, target: bytes, content_key: bytes) -> None:
    header_length = len(read_header(target).raw)
    byte = data.draw(st.integers(header_length, len(target) - 1))
    with pytest.raises(TamperedError):
        open_all(flip_bit(target, byte * 8 + data.draw(st.integers(0, 7))), content_key)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_truncated_container_is_rejected(data: st.DataObject, target: bytes, content_key: bytes) -> None:
    cut = data.draw(st.integers(0, len(target) - 1))
    with pytest.raises(TruncatedError):
        ContainerReader(target[:cut], content_key)


@settings(max_examples=20, deadline=None)
@given(extra=st.binary(min_size=1, max_size=2 * SMALL))
def test_extended_container_is_rejected(extra: bytes, target: bytes, content_key: bytes) -> None:
    with pytest.raises(TruncatedError):
        ContainerReader(target + extra, content_key)


def test_reordered_segments_are_rejected(target: bytes, content_key: bytes) -> None:
    s0, s1 = segment_span(target, 0), segment_span(target, 1)
    swapped = target[: s0.start] + target[s1] + target[s0] + target[s1.stop :]
    assert len(swapped) == len(target)
    with pytest.raises(TamperedError):
        open_all(swapped, content_key)


def test_reordered_later_segments_are_rejected_on_read(content_key: bytes) -> None:
    data = seal(os.urandom(3 * SMALL), content_key)
    s1, s2 = segment_span(data, 1), segment_span(data, 2)
    swapped = data[: s1.start] + data[s2] + data[s1]
    reader = ContainerReader(swapped, content_key)  # segment 0 is intact
    with pytest.raises(TamperedError):
        reader.read(SMALL, 10)
    with pytest.raises(TamperedError):
        reader.verify_all()


def test_replayed_segment_is_rejected(target: bytes, content_key: bytes) -> None:
    s0, s1 = segment_span(target, 0), segment_span(target, 1)
    replayed = target[: s1.start] + target[s0] + target[s1.stop :]
    with pytest.raises(TamperedError):
        open_all(replayed, content_key)


def test_segment_from_another_container_under_the_same_key_is_rejected(content_key: bytes) -> None:
    a, b = seal(_TARGET, content_key), seal(_TARGET, content_key)
    s1 = segment_span(a, 1)
    spliced = a[: s1.start] + b[segment_span(b, 1)] + a[s1.stop :]
    with pytest.raises(TamperedError):
        open_all(spliced, content_key)


def test_dropped_tail_with_rewritten_length_is_rejected(content_key: bytes) -> None:
    """Cut the last segment and rewrite the header to match: the header is AAD, so segments object."""
    data = seal(os.urandom(3 * SMALL), content_key)
    header = read_header(data)
    body = json.loads(header.raw[PREFIX.size :])
    body["plaintext_length"] = 2 * SMALL
    new_body = canonical_json(body)
    forged_header = PREFIX.pack(b"IPCT", 1, 0, len(new_body)) + new_body
    forged = forged_header + data[len(header.raw) : segment_span(data, 2).start]
    assert len(forged) == read_header(forged).container_length
    with pytest.raises(TamperedError):
        open_all(forged, content_key)


def test_early_end_cannot_pass_for_the_last_segment(content_key: bytes) -> None:
    """Even with the header left alone, segment 1 was sealed as 'not last' and cannot end the stream."""
    data = seal(os.urandom(2 * SMALL), content_key)
    reader = ContainerReader(data, content_key)
    h = reader.header
    aead = AESGCM(content_key)
    sealed_as_middle = data[segment_span(data, 1)]
    with pytest.raises(InvalidTag):  # the nonce's last-flag differs
        aead.decrypt(h.nonce_prefix + struct.pack(">IB", 1, 0), sealed_as_middle, h.raw)
    reader.verify_all()


def test_wrong_key_is_rejected(target: bytes) -> None:
    with pytest.raises(WrongKeyError):
        ContainerReader(target, AESGCM.generate_key(bit_length=256))


def test_key_of_wrong_size_is_rejected(target: bytes) -> None:
    with pytest.raises(WrongKeyError):
        ContainerReader(target, b"\x00" * 16)


def test_another_tracks_file_is_rejected(target: bytes, content_key: bytes) -> None:
    with pytest.raises(MismatchError):
        ContainerReader(target, content_key, expect_content_id="track-43")
    with pytest.raises(MismatchError):
        ContainerReader(target, content_key, expect_content_version=1)
    ContainerReader(target, content_key, expect_content_id="track-42", expect_content_version=2)


def test_file_shrinking_under_the_reader_is_truncation(content_key: bytes) -> None:
    data = seal(os.urandom(3 * SMALL), content_key)
    f = io.BytesIO(data)
    reader = ContainerReader(f, content_key)
    f.truncate(segment_span(data, 2).start + 5)
    with pytest.raises(TruncatedError):
        reader.read(2 * SMALL, 10)
