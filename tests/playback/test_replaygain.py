"""ReplayGain from the decrypted tags in memory (Vorbis comments in FLAC and Ogg, TXXX frames in MP3), and
what the player makes of odd values: garbage, missing, "+3.5 dB", out of range. A bad tag never stops a
track; it just is not applied.
"""

from __future__ import annotations

import io
import math

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import ID3, TXXX
from mutagen.oggvorbis import OggVorbis

from player.playback import ReplayGain, ReplayGainMode, gain_factor, read_tags
from player.playback.replaygain import parse_gain, parse_peak
from tests.playback.conftest import Track
from tests.playback.test_tags import sealed

TAGS = {
    "REPLAYGAIN_TRACK_GAIN": "-7.25 dB",
    "REPLAYGAIN_TRACK_PEAK": "0.988525",
    "REPLAYGAIN_ALBUM_GAIN": "+3.5 dB",
    "REPLAYGAIN_ALBUM_PEAK": "0.5",
}


def with_replaygain(track: Track, tags: dict[str, str]) -> bytes:
    buffer = io.BytesIO(track.plain)
    if track.fmt in ("flac", "ogg"):
        audio = FLAC(buffer) if track.fmt == "flac" else OggVorbis(buffer)
        for name, value in tags.items():
            audio[name] = value
        buffer.seek(0)
        audio.save(buffer)
    else:
        id3 = ID3()
        for name, value in tags.items():
            id3.add(TXXX(encoding=3, desc=name.lower(), text=[value]))  # foobar2000 writes lower case
        buffer.seek(0)
        id3.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_the_gains_are_read_from_the_encrypted_track(tracks: dict[str, Track], fmt: str) -> None:
    track = tracks[fmt]
    gain = read_tags(sealed(with_replaygain(track, TAGS), track.mime)).replaygain
    assert gain == ReplayGain(track_gain_db=-7.25, track_peak=0.988525, album_gain_db=3.5, album_peak=0.5)


@pytest.mark.parametrize("fmt", ["flac", "ogg", "mp3"])
def test_a_track_without_replaygain_has_none(tracks: dict[str, Track], fmt: str) -> None:
    track = tracks[fmt]
    assert read_tags(sealed(track.plain, track.mime)).replaygain is None
    assert read_tags(sealed(with_replaygain(track, {"TITLE": "x"}), track.mime)).replaygain is None


def test_garbage_tags_read_as_missing_and_the_rest_still_counts(tracks: dict[str, Track]) -> None:
    odd = {"REPLAYGAIN_TRACK_GAIN": "loud", "REPLAYGAIN_TRACK_PEAK": "-1", "REPLAYGAIN_ALBUM_GAIN": "-2 dB"}
    gain = read_tags(sealed(with_replaygain(tracks["flac"], odd), "audio/flac")).replaygain
    assert gain == ReplayGain(album_gain_db=-2.0)


def test_unreadable_tags_mean_no_gain_not_an_error() -> None:
    reader = sealed(b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + b"\x00" * 4000, "audio/mpeg")
    assert read_tags(reader).replaygain is None


@pytest.mark.parametrize(
    ("text", "db"),
    [
        ("-6.48 dB", -6.48),
        ("+3.5 dB", 3.5),
        ("2.1", 2.1),
        (" -0.5dB ", -0.5),
        ("+3.50 DB", 3.5),
        ("-.5 dB", -0.5),
        ("1e1 dB", 10.0),
        ("-51 dB", -51.0),
    ],
)
def test_gains_in_the_ways_taggers_write_them(text: str, db: float) -> None:
    assert parse_gain(text) == pytest.approx(db)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "dB",
        "loud",
        "3,5 dB",
        "+-3 dB",
        "nan",
        "inf",
        "-inf dB",
        "1e309",
        "+52 dB",
        "-300 dB",
        "3 dB 4",
    ],
)
def test_gains_that_make_no_sense_are_ignored(text: str | None) -> None:
    assert parse_gain(text) is None


@pytest.mark.parametrize(("text", "peak"), [("0.988525", 0.988525), ("1.2", 1.2), ("1", 1.0), (".5", 0.5)])
def test_peaks(text: str, peak: float) -> None:
    assert parse_peak(text) == pytest.approx(peak)


@pytest.mark.parametrize("text", [None, "0", "-0.5", "17", "nan", "peak", "1e400"])
def test_peaks_that_make_no_sense_are_ignored(text: str | None) -> None:
    assert parse_peak(text) is None


def db(value: float) -> float:
    return float(10 ** (value / 20))


def test_the_level_follows_the_mode_and_falls_back_to_the_other_gain() -> None:
    both = ReplayGain(track_gain_db=-6.0, track_peak=0.9, album_gain_db=-3.0, album_peak=0.9)
    assert gain_factor(both, ReplayGainMode.OFF) == 1.0
    assert gain_factor(both, ReplayGainMode.TRACK) == pytest.approx(db(-6))
    assert gain_factor(both, ReplayGainMode.ALBUM) == pytest.approx(db(-3))
    assert gain_factor(ReplayGain(track_gain_db=-6.0), ReplayGainMode.ALBUM) == pytest.approx(db(-6))
    assert gain_factor(ReplayGain(album_gain_db=-3.0), ReplayGainMode.TRACK) == pytest.approx(db(-3))
    assert gain_factor(None, ReplayGainMode.TRACK) == 1.0
    assert gain_factor(ReplayGain(), ReplayGainMode.ALBUM) == 1.0


def track(gain_db: float, peak: float | None = None) -> float:
    return gain_factor(ReplayGain(track_gain_db=gain_db, track_peak=peak), ReplayGainMode.TRACK)


def test_a_positive_gain_never_lifts_the_peak_past_full_scale() -> None:
    assert track(6.0, 0.25) == pytest.approx(db(6))
    assert track(12.0, 0.5) == pytest.approx(2.0)
    # no peak tag: the peak is taken to be full scale, so the gain can cut but never boost
    assert track(9.0) == 1.0
    assert track(-9.0) == pytest.approx(db(-9))
    # a peak above full scale (an overshooting master) is honoured: the factor cuts below 1
    assert track(0.0, 1.25) == pytest.approx(0.8)
    for gain_db in (-51.0, -10.0, 0.0, 10.0, 51.0):
        for peak in (0.01, 0.3, 1.0, 2.0):
            factor = track(gain_db, peak)
            assert factor * peak <= 1.0 + 1e-9 and math.isfinite(factor) and factor > 0
