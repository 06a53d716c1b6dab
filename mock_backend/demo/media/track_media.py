"""A catalog track's files: its music rendered once, then encoded and tagged in each format served."""

from __future__ import annotations

from mock_backend.demo.catalog import DemoTrack
from mock_backend.demo.cover import cover_png as make_cover
from mock_backend.demo.media.encoding import encode
from mock_backend.demo.media.tagging import measure_replaygain, tag
from mock_backend.demo.synth import render

__all__ = ["build_track_media"]


def build_track_media(
    track: DemoTrack, formats: tuple[str, ...] = ("flac", "ogg"), sample_rate: int = 44100
) -> dict[str, bytes]:
    """Render one catalog track once and return it encoded and fully tagged in each requested format."""
    audio = render(track.synth, track.duration_s, sample_rate)
    cover = make_cover(track.title, track.artist, track.genre, track.synth.seed)
    gain = measure_replaygain(audio)
    return {
        fmt: tag(
            encode(audio, sample_rate, fmt),
            fmt,
            title=track.title,
            artist=track.artist,
            album=track.album,
            genre=track.genre,
            track_number=track.track_number,
            cover_png=cover,
            replaygain=gain,
            album_facts=track.album_facts(),
        )
        for fmt in formats
    }
