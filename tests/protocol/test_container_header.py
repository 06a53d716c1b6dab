"""The content container under attack on its header: malformed, from the future or cut short, each
refused with its own error."""

from __future__ import annotations

import io

import pytest

from player.errors import (
    MalformedError,
    TruncatedError,
    UnsupportedVersionError,
)
from player.protocol.canonical import canonical_json
from player.protocol.container import (
    MAX_HEADER_BODY,
    read_header,
)
from tests.protocol.container_helpers import PREFIX, SMALL

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
    return PREFIX.pack(magic, fmt, reserved, len(encoded)) + encoded


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
