"""The content container: random access for the player, and no undetected change for an attacker (the
attacks on the segments and on the header have their own modules)."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from player.errors import (
    TamperedError,
)
from player.protocol import container
from player.protocol.container import (
    SEGMENT_SIZE,
    ContainerReader,
    encrypt,
    read_header,
)
from tests.protocol.container_helpers import SMALL, seal

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
