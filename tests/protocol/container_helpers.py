"""Containers for the container tests: small segments so little data makes many of them, and the
reader's whole-file path and segment positions to attack."""

from __future__ import annotations

import struct

from player.protocol.container import TAG_SIZE, ContainerReader, read_header
from tests.support.factories import make_container

SMALL = 1024  # the smallest segment size: many segments from little data keeps hypothesis fast
PREFIX = struct.Struct(">4sBBH")


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
