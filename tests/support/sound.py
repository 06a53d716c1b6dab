"""Hearing what the player plays: the PulseAudio null sink `ci_sink` that `./test` sets up, recorded
from its monitor while a block runs, judged by RMS and peak (silence records as exact zeros)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

AUDIBLE_RMS = 0.01  # docs/platform.md: the idle sink records 0, music 0.1-0.2
AUDIBLE_PEAK = 0.05


def require_null_sink() -> None:
    if os.environ.get("INSURED_PLAYER_REAL_SINK") != "1":
        pytest.skip("needs the PulseAudio null sink ci_sink: run ./test (INSURED_PLAYER_REAL_SINK=1)")
    if shutil.which("parec") is None:
        pytest.skip("needs parec (pulseaudio-utils) to record the sink")


def rms(path: Path) -> tuple[float, float, float]:
    """RMS, peak (full scale = 1) and length in seconds of a 16-bit WAV."""
    with wave.open(str(path), "rb") as w:
        assert (w.getsampwidth(), w.getnchannels()) == (2, 2)
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768
    if samples.size == 0:
        return 0.0, 0.0, seconds
    return float(np.sqrt(np.mean(samples**2))), float(np.max(np.abs(samples))), seconds


@contextmanager
def recording(path: Path) -> Iterator[None]:
    """Record the null sink's monitor into `path` (16-bit stereo WAV) while the block runs."""
    recorder = subprocess.Popen(
        [
            "parec",
            "-d",
            "ci_sink.monitor",
            "--rate=44100",
            "--channels=2",
            "--format=s16le",
            "--file-format=wav",
            str(path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        time.sleep(0.3)  # the recorder is connected before the first note
        assert recorder.poll() is None, recorder.stderr.read() if recorder.stderr else ""
        yield
        time.sleep(0.3)
    finally:
        recorder.terminate()
        recorder.wait(timeout=10)
        if recorder.stderr is not None:
            recorder.stderr.close()
