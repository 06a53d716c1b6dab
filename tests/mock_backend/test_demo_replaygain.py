"""The demo catalog's tracks carry a measured ReplayGain track gain and peak, in every format, where players
read it (Vorbis comments in FLAC and Ogg, TXXX frames in MP3), so the player's ReplayGain has tracks to
level out of the box."""

from __future__ import annotations

import io

import mutagen
import numpy as np
import pytest

from mock_backend.demo.catalog import load_catalog
from mock_backend.demo.media import build_track_media, measure_replaygain
from mock_backend.demo.synth import render
from player.playback.tags import replaygain_of


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_a_demo_track_says_its_measured_gain_and_peak(fmt: str) -> None:
    track = min(load_catalog().tracks, key=lambda t: t.duration_s)
    gain_db, peak = measure_replaygain(render(track.synth, track.duration_s, 44100))
    data = build_track_media(track, (fmt,))[fmt]
    tags = replaygain_of(mutagen.File(io.BytesIO(data)))
    assert tags is not None
    assert tags.track_gain_db == pytest.approx(gain_db, abs=0.005)
    assert tags.track_peak == pytest.approx(peak, abs=1e-6)
    assert -30 < gain_db < 30 and 0 < peak <= 1.0


def test_the_gain_brings_a_track_to_the_reference_level() -> None:
    t = np.arange(44100) / 44100
    quiet = 0.05 * np.sin(2 * np.pi * 440 * t)
    gain_db, peak = measure_replaygain(np.stack([quiet, quiet], axis=1))
    level_after = 10 * np.log10(np.mean(np.square(quiet * 10 ** (gain_db / 20))))
    assert level_after == pytest.approx(-18.0, abs=0.01)
    assert peak == pytest.approx(0.05, abs=1e-4)
    assert measure_replaygain(np.zeros((100, 2))) == (0.0, 0.0)  # silence: no gain, rather than infinity
