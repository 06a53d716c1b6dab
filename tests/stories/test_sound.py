"""Story: a bought track is *heard*. `insured-player-cli play` sends it through the PulseAudio null sink
that `./test` sets up (`ci_sink`), and a recording of the sink's monitor is clearly not silent; so does
`preview`, from the clip held in memory.
"""

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

from tests.stories.driver import Cli, run_cli_process

pytestmark = pytest.mark.sound

TRACK = "aurora-0005"  # Electronic: drums and synths from the first beat


@pytest.fixture
def null_sink() -> None:
    if os.environ.get("INSURED_PLAYER_REAL_SINK") != "1":
        pytest.skip("needs the PulseAudio null sink ci_sink: run ./test (INSURED_PLAYER_REAL_SINK=1)")
    if shutil.which("parec") is None:
        pytest.skip("needs parec (pulseaudio-utils) to record the sink")


def _rms(path: Path) -> tuple[float, float, float]:
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
def _recording(path: Path) -> Iterator[None]:
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


def test_a_bought_track_is_heard_through_the_sound_card(null_sink: None, cli: Cli, tmp_path: Path) -> None:
    cli.sign_up_insured("hal")
    cli.buy(TRACK)

    recording = tmp_path / "heard.wav"
    with _recording(recording):
        played = run_cli_process(cli, "play", TRACK, "--seconds", "3", timeout=60)

    assert played.code == 0, played.err
    report = played.json()
    assert report["played_ms"] >= 1000, report  # the position moved: the sink took the audio
    rms, peak, seconds = _rms(recording)
    assert seconds >= 2.5, seconds
    assert rms > 0.01 and peak > 0.05, (rms, peak)  # silence records as exact zeros


def test_a_preview_is_heard_from_memory(null_sink: None, cli: Cli, tmp_path: Path) -> None:
    recording = tmp_path / "preview.wav"
    with _recording(recording):
        played = run_cli_process(cli, "preview", TRACK, "--seconds", "3", timeout=60)

    assert played.code == 0, played.err
    report = played.json()
    assert report["title"].endswith("(preview)") and report["played_ms"] >= 1000, report
    rms, peak, _ = _rms(recording)
    assert rms > 0.01 and peak > 0.05, (rms, peak)
    tracks = cli.data_dir / "tracks"
    assert not tracks.exists() or not any(tracks.iterdir())  # nothing bought, nothing written
