"""The demo catalog's synthesized music: every track renders deterministically to real music (not
silence, not a test tone), each genre sounds its own, fast enough to build the catalog on first start.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
from numpy.typing import NDArray

from mock_backend.demo.catalog import DemoCatalog, DemoTrack, load_catalog
from mock_backend.demo.synth import SynthParams, render

SR = 44100


@pytest.fixture(scope="module")
def catalog() -> DemoCatalog:
    return load_catalog()


@pytest.fixture(scope="module")
def one_per_genre(catalog: DemoCatalog) -> dict[str, tuple[DemoTrack, NDArray[np.float32]]]:
    """The first track of every genre, rendered once for the module."""
    firsts: dict[str, DemoTrack] = {}
    for t in catalog.tracks:
        firsts.setdefault(t.genre, t)
    return {g: (t, render(t.synth, t.duration_s)) for g, t in firsts.items()}


# ---- synthesis ----------------------------------------------------------------------------------------


def _onsets_per_second(mono: NDArray[np.float64]) -> float:
    """Rises of the 20 ms RMS envelope by 25 % or more (note and drum attacks), per second."""
    frame = SR // 50
    env = np.sqrt((mono[: mono.size // frame * frame].reshape(-1, frame) ** 2).mean(axis=1))
    body = env[50:-175]  # leave out the fade-in and the held ending
    rises = (body[1:] > 1.25 * body[:-1]) & (body[1:] > 0.1 * body.max())
    return float(rises.sum()) / (float(body.size) / 50)


def _spectral_variety(mono: NDArray[np.float64]) -> tuple[float, int]:
    """(median number of spectral peaks per 93 ms frame, distinct semitones among each frame's top 5)."""
    win, hop = 4096, SR // 20
    starts = np.arange(0, mono.size - win, hop)
    frames = mono[starts[:, None] + np.arange(win)[None, :]] * np.hanning(win)
    spec = np.abs(np.fft.rfft(frames, axis=1))
    freqs = np.fft.rfftfreq(win, 1 / SR)
    counts, pitches = [], set()
    for row in spec:
        peak = (row[1:-1] > row[:-2]) & (row[1:-1] >= row[2:]) & (row[1:-1] > row.max() * 10 ** (-30 / 20))
        idx = np.nonzero(peak)[0] + 1
        counts.append(idx.size)
        for k in idx[np.argsort(row[idx])[-5:]]:
            if freqs[k] > 30:
                pitches.add(round(69 + 12 * np.log2(freqs[k] / 440)))
    return float(np.median(counts)), len(pitches)


def test_render_is_deterministic_and_shaped() -> None:
    params = SynthParams(seed=5, tempo_bpm=120, key="A", scale="minor", style="electronic")
    a = render(params, 21.5)
    b = render(params, 21.5)
    assert a.dtype == np.float32
    assert a.shape == (round(21.5 * SR), 2)
    assert np.array_equal(a, b)
    c = render(SynthParams(seed=6, tempo_bpm=120, key="A", scale="minor", style="electronic"), 21.5)
    assert not np.array_equal(a, c)
    assert render(params, 20, sample_rate=22050).shape == (20 * 22050, 2)


def test_every_style_renders_music(
    one_per_genre: dict[str, tuple[DemoTrack, NDArray[np.float32]]],
) -> None:
    assert len(one_per_genre) >= 4
    for genre, (track, audio) in one_per_genre.items():
        assert audio.shape == (round(track.duration_s * SR), 2), genre
        peak = float(np.max(np.abs(audio)))
        assert 0.85 < peak <= 1.0, f"{genre}: normalized to about -1 dBFS, got peak {peak}"
        mono = audio.astype(np.float64).mean(axis=1)
        rms = float(np.sqrt(np.mean(mono**2)))
        assert rms > 0.05, f"{genre}: nearly silent (RMS {rms})"
        assert not np.array_equal(audio[:, 0], audio[:, 1]), f"{genre}: no stereo panning"
        assert np.max(np.abs(audio[:100])) < 0.05, f"{genre}: no fade-in"
        assert np.max(np.abs(audio[-100:])) < 0.01, f"{genre}: no fade-out"
        peaks_per_frame, distinct_pitches = _spectral_variety(mono)
        assert peaks_per_frame >= 6, f"{genre}: too few partials at once ({peaks_per_frame}) for harmony"
        assert distinct_pitches >= 20, f"{genre}: only {distinct_pitches} distinct pitches: a tone, not music"
        frame = SR // 50
        env = np.sqrt((mono[: mono.size // frame * frame].reshape(-1, frame) ** 2).mean(axis=1))[50:-175]
        assert env.std() / env.mean() > 0.1, f"{genre}: the loudness never changes"


def test_genres_sound_different(one_per_genre: dict[str, tuple[DemoTrack, NDArray[np.float32]]]) -> None:
    onsets = {g: _onsets_per_second(a.astype(np.float64).mean(axis=1)) for g, (_, a) in one_per_genre.items()}
    for drummed in ("Rock", "Electronic", "Jazz", "Folk"):
        assert onsets[drummed] >= 1.5, onsets
    assert onsets["Rock"] > 2 * onsets["Classical"], onsets
    assert onsets["Electronic"] > 2 * onsets["Classical"], onsets


def test_a_bare_tone_fails_the_music_checks() -> None:
    """The checks above would catch a synthesizer that degenerated into a test tone."""
    t = np.arange(30 * SR) / SR
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    peaks, pitches = _spectral_variety(tone)
    assert pitches < 20
    assert _onsets_per_second(tone) < 0.5
    assert peaks < 6


def test_render_is_fast() -> None:
    params = SynthParams(seed=9, tempo_bpm=132, key="E", scale="minor", style="rock")
    started = time.process_time()
    render(params, 60)
    assert time.process_time() - started < 2.0  # ~0.15 s on the reference machine


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("key", "H", "unknown key"),
        ("scale", "bluesy", "unknown scale"),
        ("style", "polka", "unknown style"),
        ("meter", 5, "meter"),
        ("tempo_bpm", 10, "tempo_bpm"),
        ("lead", "kazoo", "unknown lead"),
        ("swing", 2.0, "swing"),
    ],
)
def test_synth_params_are_validated(field: str, value: object, message: str) -> None:
    base: dict[str, object] = {"seed": 1, "tempo_bpm": 100, "key": "C", "scale": "major", "style": "jazz"}
    with pytest.raises(ValueError, match=message):
        SynthParams(**{**base, field: value})  # type: ignore[arg-type]
