"""Content container: one encrypted track, readable at any offset without decrypting the rest.

Layout (all integers big-endian):

    "IPCT" | u8 format (=1) | u8 reserved (=0) | u16 body length | body (canonical JSON)
    segment 0 | segment 1 | ... | segment n-1

The body holds content_id, content_version, mime, plaintext_length, segment_size, nonce_prefix (7 random
bytes, base64) and key_commitment (base64 of SHA-256("insured-player/container-key/v1" || key)[:16]).
Every segment is AES-256-GCM over up to `segment_size` plaintext bytes with a 16-byte tag; the whole
header (magic through body) is the associated data; the nonce is prefix || u32 index || u8 last-flag (the
STREAM construction of age and Tink), so segments cannot be reordered, dropped or cut short unseen.
An empty track is one empty final segment. The key commitment turns "wrong key" into its own error
instead of a tag failure, and makes the key binding (GCM alone is not key-committing).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from dataclasses import dataclass, field
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from player.errors import (
    MalformedError,
    MismatchError,
    TamperedError,
    TruncatedError,
    UnsupportedVersionError,
    WrongKeyError,
)
from player.language import translate
from player.protocol import _fields as f
from player.protocol._source import Source, open_source
from player.protocol.canonical import b64e, canonical_json, load_json_object

MAGIC = b"IPCT"
SEGMENT_SIZE = 64 * 1024
TAG_SIZE = 16
NONCE_PREFIX_SIZE = 7
KEY_SIZE = 32
MAX_HEADER_BODY = 4096

FORMAT = 1
MIN_SEGMENT_SIZE = 1024
MAX_SEGMENT_SIZE = 1024 * 1024
MAX_SEGMENTS = 2**32  # the segment index is a u32 in the nonce
COMMITMENT_SIZE = 16
CACHED_SEGMENTS = 2  # decrypted segments a reader keeps (128 KiB of plaintext, in memory only)
_COMMITMENT_LABEL = b"insured-player/container-key/v1"
_PREFIX = struct.Struct(">4sBBH")  # magic, format, reserved, body length
_NONCE_TAIL = struct.Struct(">IB")  # segment index, last-segment flag
_BODY_KEYS = frozenset(
    {
        "content_id",
        "content_version",
        "mime",
        "plaintext_length",
        "segment_size",
        "nonce_prefix",
        "key_commitment",
    }
)


@dataclass(frozen=True)
class ContainerHeader:
    content_id: str
    content_version: int
    mime: str
    plaintext_length: int
    segment_size: int
    nonce_prefix: bytes
    key_commitment: bytes
    raw: bytes = field(repr=False, compare=False)  # the exact header bytes: the AAD of every segment

    @property
    def segment_count(self) -> int:
        # An empty track is still one (empty, final) segment, so even it carries a tag.
        return max(1, -(-self.plaintext_length // self.segment_size))

    @property
    def container_length(self) -> int:
        """The exact size a complete container with this header has."""
        return len(self.raw) + self.plaintext_length + self.segment_count * TAG_SIZE

    def segment_offset(self, index: int) -> int:
        """Where segment `index` starts in the container."""
        return len(self.raw) + index * (self.segment_size + TAG_SIZE)

    def segment_plain_length(self, index: int) -> int:
        return min(self.segment_size, self.plaintext_length - index * self.segment_size)

    def nonce(self, index: int) -> bytes:
        """prefix || u32 index || u8 last: a segment decrypts only at its own place, and only the real end
        may say it is the end."""
        return self.nonce_prefix + _NONCE_TAIL.pack(index, index == self.segment_count - 1)


def key_commitment(key: bytes) -> bytes:
    return hashlib.sha256(_COMMITMENT_LABEL + key).digest()[:COMMITMENT_SIZE]


def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_SIZE * 8)


def encrypt(
    plaintext: bytes,
    key: bytes,
    *,
    content_id: str,
    content_version: int,
    mime: str,
    segment_size: int = SEGMENT_SIZE,
) -> bytes:
    """Encrypt a whole track in memory (the content server's job; tracks are a few MB)."""
    if len(key) != KEY_SIZE:
        raise ValueError(translate("Errors", "a content key is {key_size} bytes").format(key_size=KEY_SIZE))
    body = canonical_json(
        {
            "content_id": content_id,
            "content_version": content_version,
            "mime": mime,
            "plaintext_length": len(plaintext),
            "segment_size": segment_size,
            # A fresh random prefix per container: one key may encrypt several versions without a
            # nonce ever repeating (as long as 56 random bits do not collide).
            "nonce_prefix": b64e(os.urandom(NONCE_PREFIX_SIZE)),
            "key_commitment": b64e(key_commitment(key)),
        }
    )
    try:
        if len(body) > MAX_HEADER_BODY:
            raise MalformedError(
                translate("Errors", "the header body is too long (content ID or MIME type too long)")
            )
        header = read_header(_PREFIX.pack(MAGIC, FORMAT, 0, len(body)) + body)
    except MalformedError as e:
        raise ValueError(translate("Errors", "cannot build a container header: {e}").format(e=e)) from e
    aead = AESGCM(key)
    out = bytearray(header.container_length)
    out[: len(header.raw)] = header.raw
    with memoryview(out) as dst, memoryview(plaintext) as src:
        for i in range(header.segment_count):
            a = i * segment_size
            b = a + header.segment_plain_length(i)
            start = header.segment_offset(i)
            aead.encrypt_into(header.nonce(i), src[a:b], header.raw, dst[start : start + b - a + TAG_SIZE])
    return bytes(out)


def read_header(source: BinaryIO | bytes) -> ContainerHeader:
    """Parse the header without a key (MalformedError / UnsupportedVersionError / TruncatedError)."""
    return _read_header(open_source(source))


def _read_header(src: Source) -> ContainerHeader:
    prefix = bytes(src.read(0, _PREFIX.size))
    if not MAGIC.startswith(prefix[: len(MAGIC)]):
        raise MalformedError(translate("Errors", "not a content container (bad magic)"))
    if len(prefix) < _PREFIX.size:
        raise TruncatedError(translate("Errors", "the container ends inside its header"))
    _, fmt, reserved, body_length = _PREFIX.unpack(prefix)
    if fmt != FORMAT:
        raise UnsupportedVersionError(
            translate("Errors", "container format {fmt} is not supported").format(fmt=fmt)
        )
    if reserved != 0:
        raise MalformedError(translate("Errors", "container reserved byte is not zero"))
    if body_length > MAX_HEADER_BODY:
        raise MalformedError(
            translate("Errors", "container header body of {body_length} bytes is too long").format(
                body_length=body_length
            )
        )
    body = bytes(src.read(_PREFIX.size, body_length))
    if len(body) < body_length:
        raise TruncatedError(translate("Errors", "the container ends inside its header"))
    return _parse_body(body, prefix + body)


def _parse_body(body: bytes, raw: bytes) -> ContainerHeader:
    what = "container header"
    obj = load_json_object(body, what)
    # One header, one encoding: the bytes we authenticate are the only way to write these values.
    if canonical_json(obj) != body:
        raise MalformedError(translate("Errors", "{what} is not canonical JSON").format(what=what))
    fields = f.require_object(obj, _BODY_KEYS, what)
    segment_size = f.get_int(fields, "segment_size", what, MIN_SEGMENT_SIZE, MAX_SEGMENT_SIZE)
    return ContainerHeader(
        content_id=f.get_str(fields, "content_id", what),
        content_version=f.get_int(fields, "content_version", what),
        mime=f.get_str(fields, "mime", what),
        plaintext_length=f.get_int(fields, "plaintext_length", what, 0, MAX_SEGMENTS * segment_size),
        segment_size=segment_size,
        nonce_prefix=f.get_bytes(fields, "nonce_prefix", what, NONCE_PREFIX_SIZE),
        key_commitment=f.get_bytes(fields, "key_commitment", what, COMMITMENT_SIZE),
        raw=raw,
    )


class ContainerReader:
    """Random-access plaintext view of a container held in a seekable binary file or bytes.

    Raises `TruncatedError` at open when the size is not exactly `header.container_length`,
    `WrongKeyError` when the key does not match the commitment, `TamperedError` when a segment fails.
    Thread-compatible, not thread-safe: FFmpeg reads from its own thread, so callers serialise.

    Opening also decrypts segment 0, which authenticates the header (it is every segment's AAD): once a
    reader exists, its `header` (MIME type, length) can be believed. `expect_content_id` /
    `expect_content_version` turn "this is another track's file" into `MismatchError`.
    """

    def __init__(
        self,
        source: BinaryIO | bytes,
        key: bytes,
        *,
        expect_content_id: str | None = None,
        expect_content_version: int | None = None,
    ) -> None:
        self._src = open_source(source)
        header = _read_header(self._src)
        if self._src.size != header.container_length:
            raise TruncatedError(
                translate(
                    "Errors", "the container is {size} bytes, its header says {container_length}"
                ).format(size=self._src.size, container_length=header.container_length)
            )
        if expect_content_id is not None and header.content_id != expect_content_id:
            raise MismatchError(
                translate("Errors", "the container holds {content_id}, not {expect_content_id}").format(
                    content_id=repr(header.content_id), expect_content_id=repr(expect_content_id)
                )
            )
        if expect_content_version is not None and header.content_version != expect_content_version:
            raise MismatchError(
                translate(
                    "Errors", "the container holds version {content_version}, not {expect_content_version}"
                ).format(
                    content_version=header.content_version, expect_content_version=expect_content_version
                )
            )
        if not hmac.compare_digest(key_commitment(key), header.key_commitment):
            raise WrongKeyError(translate("Errors", "the key does not open this container"))
        self._header = header
        self._aead = AESGCM(key)
        self._recent: dict[int, bytes] = {}  # the last CACHED_SEGMENTS segments decrypted, oldest first
        self._segment(0)

    @property
    def header(self) -> ContainerHeader:
        return self._header

    @property
    def size(self) -> int:
        return self._header.plaintext_length

    def read(self, offset: int, size: int) -> bytes:
        """Plaintext bytes [offset, offset+size) clipped to the end; decrypts only the segments touched."""
        if offset < 0 or size < 0:
            raise ValueError(translate("Errors", "offset and size must not be negative"))
        end = min(offset + size, self.size)
        if offset >= end:
            return b""
        seg_size = self._header.segment_size
        first, last = offset // seg_size, (end - 1) // seg_size
        if first == last:  # the common case for a decoder reading a few KiB at a time
            base = first * seg_size
            return self._segment(first)[offset - base : end - base]
        out = bytearray(end - offset)
        for i in range(first, last + 1):
            base = i * seg_size
            a, b = max(offset, base), min(end, base + seg_size)
            out[a - offset : b - offset] = self._segment(i)[a - base : b - base]
        return bytes(out)

    def decrypt_all(self) -> bytearray:
        """The whole plaintext, decrypted into one preallocated buffer (no joins)."""
        out = bytearray(self.size)
        with memoryview(out) as dst:
            self._decrypt_each(dst, self._header.segment_size)
        return out

    def verify_all(self) -> None:
        """Authenticate every segment in turn with constant memory (the integrity scan)."""
        scratch = bytearray(self._header.segment_size)
        with memoryview(scratch) as dst:
            self._decrypt_each(dst, 0)

    def _decrypt_each(self, dst: memoryview, stride: int) -> None:
        """Decrypt segment i into dst[i*stride:] in order; stride 0 reuses one scratch segment.

        The loop is kept flat (locals, no per-segment helper calls) because at 64 KiB per segment the
        Python overhead is a visible share of AES-GCM's own time.
        """
        h = self._header
        seg_size, length, last = h.segment_size, h.plaintext_length, h.segment_count - 1
        aad, prefix, pack = h.raw, h.nonce_prefix, _NONCE_TAIL.pack
        start, step = len(h.raw), seg_size + TAG_SIZE
        read_exact, decrypt_into = self._src.read_exact, self._aead.decrypt_into
        for i in range(last + 1):
            n = min(seg_size, length - i * seg_size)
            at = i * stride
            ciphertext = read_exact(start + i * step, n + TAG_SIZE)
            try:
                decrypt_into(prefix + pack(i, i == last), ciphertext, aad, dst[at : at + n])
            except InvalidTag as e:
                raise TamperedError(
                    translate("Errors", "segment {i} of {content_id} fails authentication").format(
                        i=i, content_id=repr(h.content_id)
                    )
                ) from e

    def warm(self, segments: int = CACHED_SEGMENTS) -> None:
        """Decrypt the first `segments` segments now, so a decoder's first reads (FFmpeg probes the
        format with 32 KiB reads over about the first 100 KiB) are copies, not decryptions on its thread.
        Raises `TamperedError` like any read."""
        for index in range(min(segments, CACHED_SEGMENTS, self._header.segment_count)):
            self._segment(index)

    def _segment(self, index: int) -> bytes:
        """Segment `index` decrypted. The last two are remembered: small sequential reads cost one
        decrypt per segment, and a seek back across one boundary (FFmpeg's probe and its seek test)
        costs none."""
        recent = self._recent
        plain = recent.get(index)
        if plain is not None:
            return plain
        h = self._header
        ciphertext = self._src.read_exact(h.segment_offset(index), h.segment_plain_length(index) + TAG_SIZE)
        try:
            plain = self._aead.decrypt(h.nonce(index), ciphertext, h.raw)
        except InvalidTag as e:
            raise TamperedError(
                translate("Errors", "segment {index} of {content_id} fails authentication").format(
                    index=index, content_id=repr(h.content_id)
                )
            ) from e
        if len(recent) >= CACHED_SEGMENTS:
            del recent[next(iter(recent))]
        recent[index] = plain
        return plain
