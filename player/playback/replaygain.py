"""ReplayGain: how much louder or quieter a track (or its album) should play, from its own tags.

The tags are untrusted text written by whoever encoded the file (Vorbis comments in FLAC and Ogg,
`TXXX:REPLAYGAIN_*` frames in ID3): "-6.48 dB", "+3.5 dB", "2.1", "garbage", "1e309". A value that does
not parse, is not finite or lies outside what any real track needs (`GAIN_LIMIT_DB`, `PEAK_LIMIT`) reads
as absent, never as an error: the track still plays, at its own level.

The gain becomes one linear factor (`gain_factor`) that the engine multiplies into the samples or the
volume. Peak protection keeps `factor * peak <= 1`, so a positive gain never pushes the loudest sample
past full scale; without a peak tag the peak is taken to be full scale, so such a gain cannot boost at
all (it can still cut). Album mode falls back to the track's gain and track mode to the album's, as
foobar2000 and Quod Libet do, so a file tagged one way only is still levelled.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "GAIN_LIMIT_DB",
    "PEAK_LIMIT",
    "ReplayGain",
    "ReplayGainMode",
    "gain_factor",
    "parse_gain",
    "parse_peak",
]

GAIN_LIMIT_DB = 51.0  # |gain| beyond this is no measurement of music: ignored (R128's own range is ±51 dB)
PEAK_LIMIT = 16.0  # a peak (full scale = 1) above this is nonsense, not an overshoot: ignored
_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?:[dD][bB])?\s*$")


class ReplayGainMode(enum.StrEnum):
    """What the listener chose; the value is what the settings file keeps."""

    OFF = "off"
    TRACK = "track"
    ALBUM = "album"


@dataclass(frozen=True)
class ReplayGain:
    """What a track's tags say; None where a tag is missing or unusable."""

    track_gain_db: float | None = None
    track_peak: float | None = None
    album_gain_db: float | None = None
    album_peak: float | None = None

    @property
    def empty(self) -> bool:
        return self.track_gain_db is None and self.album_gain_db is None

    @classmethod
    def from_tags(cls, tags: Mapping[str, str]) -> ReplayGain:
        """From tag names (any case) to their first text value."""
        lowered = {k.lower(): v for k, v in tags.items()}
        return cls(
            track_gain_db=parse_gain(lowered.get("replaygain_track_gain")),
            track_peak=parse_peak(lowered.get("replaygain_track_peak")),
            album_gain_db=parse_gain(lowered.get("replaygain_album_gain")),
            album_peak=parse_peak(lowered.get("replaygain_album_peak")),
        )


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    match = _NUMBER.match(str(text)[:64])
    if match is None:
        return None
    try:
        value = float(match.group(1))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_gain(text: str | None) -> float | None:
    """Decibels from "-6.48 dB", "+3.5 dB", "2.1"; None when unusable."""
    value = _number(text)
    return value if value is not None and abs(value) <= GAIN_LIMIT_DB else None


def parse_peak(text: str | None) -> float | None:
    """The loudest sample (full scale = 1) from "0.988525"; None when unusable (zero, negative, absurd)."""
    value = _number(text)
    return value if value is not None and 0.0 < value <= PEAK_LIMIT else None


def gain_factor(gain: ReplayGain | None, mode: ReplayGainMode, preamp_db: float = 0.0) -> float:
    """The linear factor to play the track at: 1.0 when off or untagged, never above 1 / peak."""
    if gain is None or mode is ReplayGainMode.OFF:
        return 1.0
    track = (gain.track_gain_db, gain.track_peak)
    album = (gain.album_gain_db, gain.album_peak)
    first, second = (album, track) if mode is ReplayGainMode.ALBUM else (track, album)
    db, peak = first if first[0] is not None else second
    if db is None:
        return 1.0
    factor = float(10.0 ** ((db + preamp_db) / 20.0))
    return min(factor, 1.0 / (peak if peak is not None else 1.0))
