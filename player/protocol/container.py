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

from dataclasses import dataclass, field
from typing import BinaryIO

MAGIC = b"IPCT"
SEGMENT_SIZE = 64 * 1024
TAG_SIZE = 16
NONCE_PREFIX_SIZE = 7
KEY_SIZE = 32
MAX_HEADER_BODY = 4096


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
        raise NotImplementedError

    @property
    def container_length(self) -> int:
        """The exact size a complete container with this header has."""
        raise NotImplementedError


def new_content_key() -> bytes:
    raise NotImplementedError


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
    raise NotImplementedError


def read_header(source: BinaryIO | bytes) -> ContainerHeader:
    """Parse the header without a key (MalformedError / UnsupportedVersionError / TruncatedError)."""
    raise NotImplementedError


class ContainerReader:
    """Random-access plaintext view of a container held in a seekable binary file or bytes.

    Raises `TruncatedError` at open when the size is not exactly `header.container_length`,
    `WrongKeyError` when the key does not match the commitment, `TamperedError` when a segment fails.
    Thread-compatible, not thread-safe: FFmpeg reads from its own thread, so callers serialise.
    """

    def __init__(self, source: BinaryIO | bytes, key: bytes, *, expect_content_id: str | None = None) -> None:
        raise NotImplementedError

    @property
    def header(self) -> ContainerHeader:
        raise NotImplementedError

    @property
    def size(self) -> int:
        raise NotImplementedError

    def read(self, offset: int, size: int) -> bytes:
        """Plaintext bytes [offset, offset+size) clipped to the end; decrypts only the segments touched."""
        raise NotImplementedError

    def decrypt_all(self) -> bytearray:
        """The whole plaintext, decrypted into one preallocated buffer (no joins)."""
        raise NotImplementedError

    def verify_all(self) -> None:
        """Authenticate every segment in turn with constant memory (the integrity scan)."""
        raise NotImplementedError
