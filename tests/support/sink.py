"""Recording the PulseAudio null sink and judging what it heard: loudness, and silence between tracks.

`./test` starts a private PulseAudio whose default sink is the null sink `ci_sink` and sets
`INSURED_PLAYER_REAL_SINK=1`; `recording()` captures its monitor with `parec` while a block runs. The
recording is raw s16le on parec's stdout, read through a pipe: `--file-format=wav` cannot write to a
pipe ("Failed to open audio file."), and a file would put audio on disk. `--latency-msec` makes parec
hand over small chunks; with its default buffering most of a short recording never arrived before it
was stopped (measured).

Tests judge by RMS (docs/platform.md: a 440 Hz tone records at 0.325) and, for gapless playback, by the
longest run of silence inside the sound (`inserted_silence_ms`): two tones that run to their last
sample, played one after the other, have none in their files, so any run found is what the player put
there. The benchmark (`bench/gap.py`) uses the same functions. Nothing here needs pytest.
"""

from __future__ import annotations

import itertools
import math
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

SINK = "ci_sink"
RATE = 44100
AUDIBLE_RMS = 0.01  # full scale is 1.0; the synthesized music records at ~0.1-0.2, digital silence at 0
SILENT = 64 / 32768  # a sample this close to zero, in both channels, is silence (a tone's step is ~1000)


def samples(pcm: bytes) -> NDArray[np.float64]:
    """Interleaved s16le stereo as (frames, 2), full scale 1.0."""
    usable = len(pcm) // 4 * 4
    return np.frombuffer(pcm[:usable], dtype="<i2").reshape(-1, 2).astype(np.float64) / 32768.0


def rms(pcm: bytes) -> float:
    """Root mean square of interleaved s16le samples, scaled to full scale 1.0; 0 for no samples."""
    s = samples(pcm)
    return float(np.sqrt(np.mean(np.square(s)))) if s.size else 0.0


def audible(pcm: bytes) -> bool:
    return rms(pcm) > AUDIBLE_RMS


def tone(freq: float, seconds: float, amplitude: float = 0.5, rate: int = RATE) -> NDArray[np.float32]:
    """A stereo sine that runs to its very last sample (no fade, no silence at either end)."""
    t = np.arange(round(rate * seconds)) / rate
    mono = (amplitude * np.sin(2 * math.pi * freq * t)).astype(np.float32)
    return np.stack([mono, mono], axis=1)


@dataclass(frozen=True)
class Heard:
    """What the sink played, from the first sound to the last."""

    sound_ms: float  # from the first sample above silence to the last
    longest_silence_ms: float  # the longest run of silent frames inside that span
    silent_runs: int  # runs longer than 0.1 ms inside it
    silence_at_ms: float = 0.0  # where the longest run starts, from the first sound


def inserted_silence_ms(pcm: bytes) -> Heard:
    """Silence inside the sound: for tones that run to their last sample, all of it came from the player."""
    s = samples(pcm)
    quiet = np.abs(s).max(axis=1) <= SILENT if s.size else np.zeros(0, dtype=bool)
    loud = np.flatnonzero(~quiet)
    if loud.size == 0:
        return Heard(0.0, 0.0, 0)
    inside = quiet[loud[0] : loud[-1] + 1].astype(np.int8)
    edges = np.diff(np.concatenate([[0], inside, [0]]))
    starts = np.flatnonzero(edges == 1)
    runs = np.flatnonzero(edges == -1) - starts
    longest = int(runs.max()) if runs.size else 0
    return Heard(
        sound_ms=inside.size * 1000 / RATE,
        longest_silence_ms=longest * 1000 / RATE,
        silent_runs=int((runs > RATE // 10_000).sum()),
        silence_at_ms=float(starts[int(runs.argmax())]) * 1000 / RATE if runs.size else 0.0,
    )


def _crossings_hz(mono: NDArray[np.float64]) -> float:
    """A tone's frequency from how often it crosses zero."""
    signs = np.signbit(mono[np.abs(mono) > SILENT])
    return float(np.count_nonzero(signs[1:] != signs[:-1])) * RATE / 2 / max(1, mono.size)


def junction_silence_ms(
    pcm: bytes, before_hz: float, after_hz: float, window_ms: float = 20.0
) -> float | None:
    """The silence where a tone of `before_hz` gives way to one of `after_hz`: 0.0 when they meet with
    none, None when the recording holds no such change. A drop-out elsewhere (a loaded machine can
    starve any sound server client for a few milliseconds) does not count: this is the gap between
    the tracks, and only it."""
    s = samples(pcm)
    if s.size == 0:
        return None
    mono = s[:, 0]
    window = round(RATE * window_ms / 1000)
    split = (before_hz + after_hz) / 2
    quiet = np.abs(s).max(axis=1) <= SILENT
    edges = np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    for start, end in zip(starts, ends, strict=True):
        before, after = mono[max(0, start - window) : start], mono[end : end + window]
        if before.size < window or after.size < window:
            continue
        if (_crossings_hz(before) < split) == (before_hz < split) and (_crossings_hz(after) < split) == (
            after_hz < split
        ):
            return float(end - start) * 1000 / RATE
    # No silent run between them: make sure the change is there at all.
    low = [
        _crossings_hz(mono[i : i + window]) < split
        for i in range(0, mono.size - window, window)
        if np.abs(mono[i : i + window]).max() > 0.01
    ]
    return 0.0 if any(a != b for a, b in itertools.pairwise(low)) else None


class Recording:
    """What parec captured; `pcm` is complete once the `recording()` block has exited."""

    def __init__(self) -> None:
        self.pcm = b""


def real_sink() -> bool:
    return os.environ.get("INSURED_PLAYER_REAL_SINK") == "1"


@contextmanager
def recording(settle_s: float = 0.3) -> Iterator[Recording]:
    """Record the null sink's monitor for as long as the block runs."""
    command = [
        "parec",
        f"--device={SINK}.monitor",
        f"--rate={RATE}",
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
        time.sleep(settle_s)  # let parec connect before anything plays
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
        if parec.returncode not in (0, -signal.SIGINT):
            raise RuntimeError(f"parec failed: {err.decode(errors='replace')}")
