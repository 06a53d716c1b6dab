"""THE SOUND TEST: an encrypted track played through `Player` comes out of a real audio sink.

`./test` starts a private PulseAudio whose default sink is the null sink `ci_sink` and sets
`INSURED_PLAYER_REAL_SINK=1`; we record its monitor with `parec` while the player plays and judge the
recording by RMS (docs/platform.md: a 440 Hz tone records at 0.325). Without that sink the sound tests skip,
and in CI (`CI_FAIL_ON_SKIP=1`) a skip fails the run, so there they always really run.

The recording is raw s16le on parec's stdout, read through a pipe: `--file-format=wav` cannot write to
a pipe ("Failed to open audio file."), and a file would put audio on disk. `--latency-msec` makes parec
hand over small chunks; with its default buffering most of a short recording never arrived before it
was stopped (measured).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from mock_backend.demo.media import MIME, encode
from mock_backend.demo.synth import SynthParams, render
from player.playback import PlaybackState, Player, open_device
from player.protocol.container import ContainerReader, encrypt, new_content_key
from tests.playback.conftest import SAMPLE_RATE

AUDIBLE_RMS = 0.01  # full scale is 1.0; the synthesized music records at ~0.1-0.2, digital silence at 0
SINK = "ci_sink"


def rms(pcm: bytes) -> float:
    """Root mean square of interleaved s16le samples, scaled to full scale 1.0; 0 for no samples."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float64) / 32768.0
    return float(np.sqrt(np.mean(np.square(samples)))) if samples.size else 0.0


def audible(pcm: bytes) -> bool:
    return rms(pcm) > AUDIBLE_RMS


class Recording:
    """What parec captured; `pcm` is complete once the `recording()` block has exited."""

    def __init__(self) -> None:
        self.pcm = b""


@contextmanager
def recording() -> Iterator[Recording]:
    """Record the null sink's monitor for as long as the block runs."""
    command = [
        "parec",
        f"--device={SINK}.monitor",
        f"--rate={SAMPLE_RATE}",
        "--channels=2",
        "--format=s16le",
        "--raw",
        "--latency-msec=50",
    ]
    parec = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert parec.stdout is not None
    out = parec.stdout.fileno()
    chunks: list[bytes] = []
    # Drain the pipe as it fills: 64 KiB of pipe buffer is a third of a second of audio.
    drain = threading.Thread(target=lambda: chunks.extend(iter(lambda: os.read(out, 65536), b"")))
    drain.start()
    result = Recording()
    try:
        time.sleep(0.3)  # let parec connect before anything plays
        yield result
    finally:
        parec.send_signal(signal.SIGINT)
        try:
            _, err = parec.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            parec.kill()
            _, err = parec.communicate()
        drain.join(timeout=10)
        result.pcm = b"".join(chunks)
        assert parec.returncode in (0, -signal.SIGINT), err.decode(errors="replace")


def require_real_sink() -> None:
    if os.environ.get("INSURED_PLAYER_REAL_SINK") != "1":
        pytest.skip(
            "no real audio sink: run through ./test, which starts a private PulseAudio with the null "
            f"sink {SINK} and sets INSURED_PLAYER_REAL_SINK=1"
        )
    assert shutil.which("parec"), "INSURED_PLAYER_REAL_SINK=1 but parec is missing (pulseaudio-utils)"


def test_the_check_rejects_a_silent_recording() -> None:
    """Sanity: the RMS check is not satisfied by silence, by nothing, or by a few clicks."""
    silence = np.zeros(2 * SAMPLE_RATE * 2, dtype="<i2").tobytes()
    clicks = np.zeros(2 * SAMPLE_RATE * 2, dtype="<i2")
    clicks[::44100] = 32767
    assert not audible(silence) and not audible(b"") and not audible(clicks.tobytes())
    tone = (0.3 * 32767 * np.sin(np.arange(SAMPLE_RATE) * 2 * np.pi * 440 / SAMPLE_RATE)).astype("<i2")
    assert audible(np.repeat(tone, 2).tobytes())


@pytest.mark.sound
@pytest.mark.timeout(60)
def test_the_sink_is_silent_while_nothing_plays() -> None:
    """Sanity on the real sink: what the check hears below is the player, not the sink's own noise."""
    require_real_sink()
    with recording() as rec:
        time.sleep(1.0)
    assert not audible(rec.pcm), f"the idle sink recorded at RMS {rms(rec.pcm):.4f}"


@pytest.mark.sound
@pytest.mark.timeout(60)
def test_an_encrypted_track_is_heard(qapp: object, qtbot: QtBot, record_property: object) -> None:
    require_real_sink()
    music = render(SynthParams(seed=21, tempo_bpm=118, key="G", scale="mixolydian", style="rock"), 8.0)
    key = new_content_key()
    sealed = encrypt(
        encode(music, SAMPLE_RATE, "flac"), key, content_id="heard", content_version=1, mime=MIME["flac"]
    )
    player = Player()
    try:
        with recording() as rec:
            reader = ContainerReader(sealed, key)
            player.play_source(open_device(reader), reader.header.mime, 8_000)
            qtbot.waitUntil(lambda: player.state is PlaybackState.PLAYING, timeout=5000)
            # With a real sink the position may start moving 1-2 s after PlayingState (docs/platform.md).
            qtbot.waitUntil(lambda: player.position > 0, timeout=10_000)
            qtbot.wait(2000)
            played_ms = player.position
            player.stop()
            qtbot.wait(300)  # the tail that was already in the sink's buffer
    finally:
        player.stop()
    level = rms(rec.pcm)
    seconds = len(rec.pcm) / (SAMPLE_RATE * 2 * 2)
    record_property("recorded_rms", level)  # type: ignore[operator]
    print(f"recorded {seconds:.2f} s at RMS {level:.4f}; the player reached {played_ms} ms")
    assert played_ms >= 1500
    assert seconds >= 1.0, f"parec delivered only {seconds:.2f} s"
    assert audible(rec.pcm), f"the null sink recorded only RMS {level:.4f} while the track played"
