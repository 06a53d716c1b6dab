"""The content container: random access for the player, and no undetected change for an attacker."""

from __future__ import annotations

import io
import json
import os
import struct
import time
from collections.abc import Callable

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
from player.protocol import container
from player.protocol.canonical import canonical_json
from player.protocol.container import (
    MAX_HEADER_BODY,
    SEGMENT_SIZE,
    TAG_SIZE,
    ContainerReader,
    encrypt,
    read_header,
)
from tests.protocol.helpers import bits_of, flip_bit
from tests.support.factories import make_container

SMALL = 1024  # the smallest segment size: many segments from little data keeps hypothesis fast
_PREFIX = struct.Struct(">4sBBH")


def seal(plaintext: bytes, key: bytes, segment_size: int = SMALL, content_id: str = "track-42") -> bytes:
    """Version 2 of `content_id` in small segments, so little data makes many of them."""
    return make_container(
        plaintext=plaintext, key=key, content_id=content_id, version=2, segment_size=segment_size
    ).data


def open_all(data: bytes, key: bytes) -> bytes:
    return bytes(ContainerReader(data, key).decrypt_all())


def segment_span(data: bytes, index: int) -> slice:
    h = read_header(data)
    start = h.segment_offset(index)
    return slice(start, start + h.segment_plain_length(index) + TAG_SIZE)


# --- the player's story: any length in, same bytes out, from anywhere ---------------------------------


@settings(max_examples=40, deadline=None)
@given(plaintext=st.binary(max_size=5 * SMALL + 7))
def test_round_trip_any_length(plaintext: bytes, content_key: bytes) -> None:
    data = seal(plaintext, content_key)
    reader = ContainerReader(data, content_key)
    assert len(data) == reader.header.container_length
    assert reader.size == len(plaintext)
    assert bytes(reader.decrypt_all()) == plaintext
    assert reader.read(0, len(plaintext) + 1) == plaintext
    reader.verify_all()


@pytest.mark.parametrize(
    ("length", "segment_size"),
    [
        (0, SMALL),
        (1, SMALL),
        (SMALL - 1, SMALL),
        (SMALL, SMALL),
        (SMALL + 1, SMALL),
        (3 * SMALL, SMALL),
        (0, SEGMENT_SIZE),
        (1, SEGMENT_SIZE),
        (SEGMENT_SIZE, SEGMENT_SIZE),
        (2 * SEGMENT_SIZE, SEGMENT_SIZE),
        (2 * SEGMENT_SIZE + 1, SEGMENT_SIZE),
    ],
)
def test_round_trip_at_segment_boundaries(length: int, segment_size: int, content_key: bytes) -> None:
    plaintext = os.urandom(length)
    data = seal(plaintext, content_key, segment_size)
    header = read_header(data)
    assert header.segment_count == max(1, -(-length // segment_size))
    assert len(data) == header.container_length
    for source in (data, io.BytesIO(data)):
        reader = ContainerReader(source, content_key)
        assert bytes(reader.decrypt_all()) == plaintext
        reader.verify_all()


def test_default_segment_size_is_64_kib(content_key: bytes) -> None:
    data = encrypt(b"x", content_key, content_id="c", content_version=1, mime="audio/ogg")
    assert read_header(data).segment_size == SEGMENT_SIZE == 64 * 1024


_PLAIN = os.urandom(4 * SMALL + 300)


@settings(max_examples=60, deadline=None)
@given(
    reads=st.lists(
        st.tuples(st.integers(0, len(_PLAIN) + 50), st.integers(0, 3 * SMALL)), min_size=1, max_size=8
    ),
    from_file=st.booleans(),
)
def test_random_access_reads_match_the_plaintext(
    reads: list[tuple[int, int]], from_file: bool, content_key: bytes
) -> None:
    data = seal(_PLAIN, content_key)
    reader = ContainerReader(io.BytesIO(data) if from_file else data, content_key)
    for offset, size in reads:
        assert reader.read(offset, size) == _PLAIN[offset : offset + size]


def test_sequential_small_reads_decrypt_each_segment_once(content_key: bytes) -> None:
    plaintext = os.urandom(3 * SMALL)
    reader = ContainerReader(seal(plaintext, content_key), content_key)
    calls: list[int] = []
    real = reader._aead

    class Counting:
        def decrypt(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
            calls.append(1)
            return real.decrypt(nonce, data, aad)

    reader._aead = Counting()  # type: ignore[assignment]
    got = b"".join(reader.read(offset, 100) for offset in range(0, len(plaintext), 100))
    assert got == plaintext
    assert len(calls) == 2  # segment 0 was decrypted (and cached) at open; 1 and 2 once each


def test_empty_track_reads_as_empty(content_key: bytes) -> None:
    reader = ContainerReader(seal(b"", content_key), content_key)
    assert reader.read(0, 10) == b""
    assert reader.decrypt_all() == bytearray()


def test_negative_offsets_are_a_caller_bug(content_key: bytes) -> None:
    reader = ContainerReader(seal(b"abc", content_key), content_key)
    with pytest.raises(ValueError):
        reader.read(-1, 2)


def test_header_is_readable_without_the_key(content_key: bytes) -> None:
    header = read_header(io.BytesIO(seal(b"abc", content_key)))
    assert (header.content_id, header.content_version, header.mime) == ("track-42", 2, "audio/flac")
    assert header.plaintext_length == 3
    assert len(header.nonce_prefix) == container.NONCE_PREFIX_SIZE


def test_two_encryptions_never_share_a_nonce_prefix(content_key: bytes) -> None:
    assert (
        read_header(seal(b"a", content_key)).nonce_prefix != read_header(seal(b"a", content_key)).nonce_prefix
    )


def test_encrypt_refuses_a_short_key() -> None:
    with pytest.raises(ValueError):
        seal(b"abc", os.urandom(16))


def test_encrypt_refuses_an_unreadable_header(content_key: bytes) -> None:
    with pytest.raises(ValueError):
        encrypt(b"abc", content_key, content_id="c", content_version=1, mime="", segment_size=SMALL)


# --- attacks on the segments ----------------------------------------------------------------------------

_TARGET = os.urandom(2 * SMALL + 500)  # three segments, the last one short


@pytest.fixture(scope="module")
def target(content_key: bytes) -> bytes:
    return seal(_TARGET, content_key)


def _expected_errors(data: bytes, byte: int, flipped: bytes) -> set[type[Exception]]:
    """Which specific error a bit flipped at `byte` must raise, by the part of the container it hits."""
    header_length = len(read_header(data).raw)
    body = data[_PREFIX.size : header_length]
    commitment_at = _PREFIX.size + body.index(b'"key_commitment":"') + len(b'"key_commitment":"')
    commitment_end = _PREFIX.size + body.index(b'"', commitment_at - _PREFIX.size)
    if byte < 4 or byte == 5:  # magic, reserved byte
        return {MalformedError}
    if byte == 4:
        return {UnsupportedVersionError}
    if byte in (6, 7):  # the body length: too long, cut JSON, or pointing past the end of the file
        (body_length,) = struct.unpack(">H", flipped[6:8])
        if body_length <= MAX_HEADER_BODY and _PREFIX.size + body_length > len(data):
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
    body = json.loads(header.raw[_PREFIX.size :])
    body["plaintext_length"] = 2 * SMALL
    new_body = canonical_json(body)
    forged_header = _PREFIX.pack(b"IPCT", 1, 0, len(new_body)) + new_body
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


# --- attacks on the header ------------------------------------------------------------------------------


def _header(
    fmt: int = 1, reserved: int = 0, magic: bytes = b"IPCT", raw_body: bytes | None = None, **body: object
) -> bytes:
    fields: dict[str, object] = {
        "content_id": "c",
        "content_version": 1,
        "mime": "audio/flac",
        "plaintext_length": 10,
        "segment_size": SMALL,
        "nonce_prefix": "AAAAAAAAAA==",
        "key_commitment": "AAAAAAAAAAAAAAAAAAAAAA==",
    }
    fields.update(body)
    encoded = (
        canonical_json({k: v for k, v in fields.items() if v is not _DROP}) if raw_body is None else raw_body
    )
    return _PREFIX.pack(magic, fmt, reserved, len(encoded)) + encoded


_DROP = object()


def test_well_formed_test_header_parses() -> None:
    assert read_header(_header()).plaintext_length == 10


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(_header(magic=b"RIFF"), id="magic"),
        pytest.param(_header(reserved=1), id="reserved"),
        pytest.param(_header(raw_body=b'{"a":1}' + b" " * (MAX_HEADER_BODY)), id="body-too-long"),
        pytest.param(_header(raw_body=b"[]"), id="not-an-object"),
        pytest.param(_header(raw_body=b"\xff\xfe"), id="not-utf8"),
        pytest.param(_header(raw_body=b'{"content_id": "c"}'), id="not-canonical"),
        pytest.param(_header(extra="x"), id="unknown-field"),
        pytest.param(_header(mime=_DROP), id="missing-field"),
        pytest.param(_header(content_version=True), id="bool-version"),
        pytest.param(_header(content_version="1"), id="string-version"),
        pytest.param(_header(content_version=-1), id="negative-version"),
        pytest.param(_header(plaintext_length=-1), id="negative-length"),
        pytest.param(_header(plaintext_length=2**32 * SMALL + 1), id="too-many-segments"),
        pytest.param(_header(plaintext_length=1.5), id="float-length"),
        pytest.param(_header(segment_size=512), id="segment-too-small"),
        pytest.param(_header(segment_size=2 * 1024 * 1024), id="segment-too-large"),
        pytest.param(_header(mime=""), id="empty-mime"),
        pytest.param(_header(content_id="a\x00b"), id="nul-in-id"),
        pytest.param(_header(nonce_prefix="AAAAAAAA"), id="short-nonce-prefix"),
        pytest.param(_header(nonce_prefix="AAAAAAAAAA=="[:-1]), id="bad-base64"),
        pytest.param(_header(key_commitment="AAAA"), id="short-commitment"),
    ],
)
def test_malformed_header_is_rejected(raw: bytes) -> None:
    with pytest.raises(MalformedError) as caught:
        read_header(raw)
    assert type(caught.value) is MalformedError


def test_future_format_is_unsupported() -> None:
    with pytest.raises(UnsupportedVersionError):
        read_header(_header(fmt=2))


@pytest.mark.parametrize("cut", [0, 3, 7, 8, 20])
def test_header_cut_short_is_truncation(cut: int) -> None:
    with pytest.raises(TruncatedError):
        read_header(io.BytesIO(_header()[:cut]))


def test_short_garbage_is_malformed_not_truncated() -> None:
    with pytest.raises(MalformedError):
        read_header(b"GIF")


# --- the integrity scan and the bulk path ------------------------------------------------------------


def test_verify_all_finds_damage_in_the_last_segment(content_key: bytes) -> None:
    damaged = bytearray(seal(os.urandom(3 * SMALL + 10), content_key))
    damaged[-1] ^= 0x80
    reader = ContainerReader(bytes(damaged), content_key)  # opening only checks segment 0
    with pytest.raises(TamperedError):
        reader.verify_all()


def _best_of(fn: Callable[[], object], runs: int = 9) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def test_decrypt_all_costs_little_more_than_one_aes_gcm_call(content_key: bytes) -> None:
    """Playback decrypts a whole track before decoding: segmenting must not make that slow.

    The target is >= 70 % of one AES-GCM call over the same bytes; the test allows 50 % against noise.
    """
    plaintext = os.urandom(8 * 1024 * 1024)
    reader = ContainerReader(
        encrypt(plaintext, content_key, content_id="c", content_version=1, mime="a/b"), content_key
    )
    aead, nonce = AESGCM(content_key), os.urandom(12)
    one_call = aead.encrypt(nonce, plaintext, b"")
    baseline = _best_of(lambda: aead.decrypt(nonce, one_call, b""))
    ours = _best_of(reader.decrypt_all)
    assert baseline / ours >= 0.5, f"decrypt_all runs at {baseline / ours:.0%} of one AES-GCM call"
