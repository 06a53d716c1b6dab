"""`decode_check`: exact frame counts from every format we serve, and clear errors instead of hangs."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QIODevice

from player.errors import IntegrityError, MalformedError, TamperedError
from player.playback import ContainerDevice, DecodeResult, decode_check, memory_buffer
from player.protocol.container import ContainerReader, encrypt
from tests.playback.conftest import FRAMES, SAMPLE_RATE, Track, tampered

ROOT = Path(__file__).resolve().parents[2]

# Vorbis and MP3 encoders add priming samples at the start and padding at the end. FFmpeg trims them
# using the gapless information the encoders write (Vorbis granule positions, LAME's Xing/Info tag), and
# on this machine the count comes out exact; a decoder build that ignored that information would be off
# by up to an MP3 frame of delay plus padding (1152 + 529 frames), so that is the tolerance we allow.
LOSSY_TOLERANCE = 2 * 1152


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_decode_check_counts_every_frame(qapp: QCoreApplication, tracks: dict[str, Track], fmt: str) -> None:
    track = tracks[fmt]
    result = decode_check(track.device(), track.mime)
    assert (result.sample_rate, result.channels) == (SAMPLE_RATE, 2)
    if fmt == "flac":  # lossless: not a frame more or less (441,000 for 10 s, docs/platform.md)
        assert result.frames == FRAMES
    else:
        assert abs(result.frames - FRAMES) <= LOSSY_TOLERANCE
    assert result.duration_ms == result.frames * 1000 // SAMPLE_RATE
    assert abs(result.duration_ms - 10_000) <= 60


@pytest.mark.timeout(60)
@pytest.mark.parametrize("source", ["device", "buffer", "bytes"])
def test_every_kind_of_source_decodes_alike(qapp: QCoreApplication, flac: Track, source: str) -> None:
    given: QIODevice | bytes
    if source == "device":
        given = flac.device()
    elif source == "buffer":
        given = memory_buffer(flac.reader())
    else:
        given = flac.plain
    assert decode_check(given, flac.mime) == DecodeResult(FRAMES, SAMPLE_RATE, 2, 10_000)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("at", [0.3, 0.95])
def test_a_tampered_track_is_reported_as_tampered_not_a_hang(
    qapp: QCoreApplication, flac: Track, at: float
) -> None:
    device = ContainerDevice(ContainerReader(tampered(flac, at), flac.key))
    started = time.monotonic()
    with pytest.raises(TamperedError, match="fails authentication"):
        decode_check(device, flac.mime)
    assert time.monotonic() - started < 10


@pytest.mark.timeout(60)
def test_audio_that_does_not_decode_is_malformed(qapp: QCoreApplication, flac: Track) -> None:
    junk = random.Random(3).randbytes(200_000)
    sealed = encrypt(junk, flac.key, content_id="junk", content_version=1, mime="audio/flac")
    with pytest.raises(MalformedError, match="audio/flac"):
        decode_check(ContainerDevice(ContainerReader(sealed, flac.key)), "audio/flac")


@pytest.mark.timeout(60)
def test_an_empty_track_holds_no_audio(qapp: QCoreApplication) -> None:
    with pytest.raises(IntegrityError):
        decode_check(b"", "audio/flac")


class _Slow(ContainerDevice):
    """A device that dribbles: each read waits, as a stalled network disk would."""

    def readData(self, maxlen: int) -> bytes:
        time.sleep(0.01)  # releases the GIL, like real I/O
        return super().readData(min(maxlen, 512))


@pytest.mark.timeout(60)
def test_a_decode_that_does_not_finish_times_out_and_stops(qapp: QCoreApplication, flac: Track) -> None:
    started = time.monotonic()
    with pytest.raises(MalformedError, match=r"did not finish decoding within 0\.3 s"):
        decode_check(_Slow(flac.reader()), flac.mime, timeout_s=0.3)
    assert time.monotonic() - started < 10


@pytest.mark.timeout(60)
def test_decode_check_creates_its_own_application_when_there_is_none(flac: Track) -> None:
    """The CLI's `play --decode-only` runs with no Qt application object."""
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication\n"
        "from player.playback import decode_check\n"
        "assert QCoreApplication.instance() is None\n"
        "r = decode_check(sys.stdin.buffer.read(), 'audio/flac')\n"
        "print(r.frames, r.sample_rate, r.channels)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=flac.plain,  # through a pipe: plaintext audio is never written to a file
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=50,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout.decode().split() == [str(FRAMES), str(SAMPLE_RATE), "2"]
