"""The plaintext views FFmpeg reads: every byte where it belongs, and a tampered track stops the read."""

from __future__ import annotations

import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QIODevice

from player.errors import TamperedError
from player.playback import ContainerDevice, SourceKind, memory_buffer, open_device
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.conftest import SMALL_SEGMENT, Track, tampered

KEY = new_content_key()
PLAIN = random.Random(7).randbytes(10 * SMALL_SEGMENT + 123)  # a short last segment too
SEALED = encrypt(
    PLAIN, KEY, content_id="bytes", content_version=1, mime="audio/flac", segment_size=SMALL_SEGMENT
)


def read_at(device: QIODevice, offset: int, n: int) -> bytes:
    assert device.seek(offset)
    return bytes(device.read(n).data())


@pytest.fixture
def device() -> ContainerDevice:
    return ContainerDevice(ContainerReader(SEALED, KEY))


def test_device_is_an_open_read_only_random_access_view(device: ContainerDevice) -> None:
    assert device.isOpen() and device.isReadable() and not device.isWritable()
    assert not device.isSequential()
    assert device.size() == len(PLAIN)
    assert device.mime == "audio/flac"
    assert device.bytesAvailable() == len(PLAIN) and not device.atEnd()
    assert device.write(b"x") == -1


@given(offset=st.integers(0, len(PLAIN)), n=st.integers(0, 3 * SMALL_SEGMENT))
@settings(max_examples=200, deadline=None)
def test_reads_at_random_offsets_equal_the_plaintext(offset: int, n: int) -> None:
    device = ContainerDevice(ContainerReader(SEALED, KEY))
    assert read_at(device, offset, n) == PLAIN[offset : offset + n]
    assert device.pos() == min(offset + n, len(PLAIN))
    assert device.bytesAvailable() == len(PLAIN) - device.pos()


@pytest.mark.parametrize("boundary", [SMALL_SEGMENT, 2 * SMALL_SEGMENT, 10 * SMALL_SEGMENT])
@pytest.mark.parametrize("span", [1, 2, 17, SMALL_SEGMENT - 5])
def test_reads_across_segment_boundaries(device: ContainerDevice, boundary: int, span: int) -> None:
    start = boundary - span
    assert read_at(device, start, 2 * span) == PLAIN[start : start + 2 * span]


def test_sequential_reads_rebuild_the_whole_track(device: ContainerDevice) -> None:
    chunks = []
    while not device.atEnd():
        chunks.append(bytes(device.read(3000).data()))
    assert b"".join(chunks) == PLAIN
    assert device.bytesAvailable() == 0


def test_seek_outside_the_track_is_refused(device: ContainerDevice) -> None:
    assert not device.seek(-1)
    assert not device.seek(len(PLAIN) + 1)
    assert device.seek(len(PLAIN)) and device.atEnd()
    assert device.read(10).size() == 0


def test_a_flipped_bit_ends_the_data_instead_of_raising_into_ffmpeg(flac: Track) -> None:
    """An exception (or a bare short read) inside FFmpeg's thread makes it retry forever at full CPU."""
    device = ContainerDevice(ContainerReader(tampered(flac, 0.5), flac.key))
    messages: list[str] = []
    device.read_failed.connect(messages.append)
    good = read_at(device, 0, 1000)
    assert good == flac.plain[:1000]
    middle = len(flac.plain) // 2
    assert read_at(device, middle, 2 * SMALL_SEGMENT) == b""
    assert isinstance(device.failure, TamperedError)
    assert messages and "fails authentication" in messages[0]
    # From now on the device is at its end everywhere, even before the damage.
    assert device.atEnd() and device.bytesAvailable() == 0
    assert read_at(device, 0, 1000) == b""
    assert len(messages) == 1


def test_close_drops_the_reader_and_the_file(flac: Track) -> None:
    file = io.BytesIO(flac.sealed)
    device = ContainerDevice(ContainerReader(file, flac.key), source_file=file)
    assert read_at(device, 0, 100) == flac.plain[:100]
    device.close()
    assert file.closed and not device.isOpen()


def test_memory_buffer_holds_the_whole_plaintext(flac: Track) -> None:
    buffer = memory_buffer(flac.reader())
    assert isinstance(buffer, QBuffer) and buffer.isOpen() and not buffer.isWritable()
    assert bytes(buffer.data().data()) == flac.plain


def test_memory_buffer_refuses_a_tampered_track_up_front(flac: Track) -> None:
    with pytest.raises(TamperedError):
        memory_buffer(ContainerReader(tampered(flac, 0.7), flac.key))


@pytest.mark.parametrize("kind", list(SourceKind))
def test_open_device_gives_the_plaintext_either_way_and_closes_the_file(
    flac: Track, kind: SourceKind
) -> None:
    file = io.BytesIO(flac.sealed)
    device = open_device(ContainerReader(file, flac.key), kind, source_file=file)
    assert isinstance(device, ContainerDevice if kind is SourceKind.DEVICE else QBuffer)
    assert read_at(device, 1234, 5000) == flac.plain[1234:6234]
    device.close()
    assert file.closed
