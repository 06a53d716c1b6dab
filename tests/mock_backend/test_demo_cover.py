"""The demo catalog's cover art (valid, deterministic PNGs that differ by genre) and the preview script
that writes tagged tracks to listen to.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from mock_backend.demo import preview
from mock_backend.demo.catalog import DemoCatalog, load_catalog
from mock_backend.demo.cover import PNG_SIGNATURE, cover_png, encode_png
from mock_backend.demo.media import read_tags


@pytest.fixture(scope="module")
def catalog() -> DemoCatalog:
    return load_catalog()


# ---- cover art -----------------------------------------------------------------------------------------


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == PNG_SIGNATURE
    chunks, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        chunks.append((kind, body))
        pos += 12 + length
    return chunks


def _decode_png(data: bytes) -> NDArray[np.uint8]:
    chunks = _png_chunks(data)
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, color, interlace) == (8, 2, 0)
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, 1 + width * 3)
    assert set(rows[:, 0].tolist()) == {2}  # the encoder uses the Up filter throughout
    return np.cumsum(rows[:, 1:], axis=0, dtype=np.uint8).reshape(height, width, 3)


@pytest.mark.parametrize("genre", ["Jazz", "Electronic", "Classical", "Rock", "Ambient", "Folk", "Polka"])
def test_cover_png_is_a_valid_deterministic_image(genre: str) -> None:
    data = cover_png("Title", "Artist", genre, 42)
    width, height = struct.unpack(">II", _png_chunks(data)[0][1][:8])
    assert (width, height) == (300, 300)
    pixels = _decode_png(data)
    assert pixels.shape == (300, 300, 3)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50, "a gradient with shapes, not a flat fill"
    assert cover_png("Title", "Artist", genre, 42) == data
    assert cover_png("Other", "Artist", genre, 42) != data
    assert cover_png("Title", "Artist", genre, 43) != data


def test_cover_sizes_and_genres_differ() -> None:
    small = _decode_png(cover_png("T", "A", "Jazz", 1, size=64))
    assert small.shape == (64, 64, 3)
    jazz = _decode_png(cover_png("T", "A", "Jazz", 1)).reshape(-1, 3).mean(axis=0)
    rock = _decode_png(cover_png("T", "A", "Rock", 1)).reshape(-1, 3).mean(axis=0)
    assert np.abs(jazz - rock).max() > 10  # genre palettes are visibly different
    with pytest.raises(ValueError):
        cover_png("T", "A", "Jazz", 1, size=4)


def test_encode_png_round_trips_and_validates() -> None:
    pixels = np.random.default_rng(3).integers(0, 256, (7, 5, 3), dtype=np.uint8)
    assert np.array_equal(_decode_png(encode_png(pixels)), pixels)
    with pytest.raises(ValueError):
        encode_png(pixels.astype(np.float32))


# ---- preview script ------------------------------------------------------------------------------------


def test_preview_writes_tagged_flacs(
    tmp_path: Path, catalog: DemoCatalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert preview.main([str(tmp_path), "1"]) == 0
    files = sorted(tmp_path.iterdir())
    assert len(files) == 1 and files[0].suffix == ".flac"
    assert read_tags(files[0]).title == catalog.tracks[0].title
    assert "Jazz" in capsys.readouterr().out
    assert preview.main([]) == 2
    assert preview.main([str(tmp_path), "many"]) == 2
