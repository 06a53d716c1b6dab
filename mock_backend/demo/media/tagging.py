"""Tagging encoded files: title, artist, album, genre, track number, front cover and ReplayGain, in memory.

The player shows title, artist, genre and cover art from the tags, so the demo files carry them in each
format's own convention (Vorbis comments, a FLAC PICTURE block, ID3v2.4), written through mutagen on the
bytes themselves rather than on a temporary file. ReplayGain goes where players look for it:
REPLAYGAIN_TRACK_GAIN / _PEAK as Vorbis comments, `TXXX:REPLAYGAIN_*` frames in ID3; the level comes
from `measure_replaygain`.
"""

from __future__ import annotations

import base64
import io
import struct
from collections.abc import Mapping
from typing import Any

from mutagen import MutagenError

from mock_backend.demo.media.encoding import FORMATS, check_format
from mock_backend.demo.media.mutagen_boundary import (
    APIC,
    FLAC,
    FRONT_COVER,
    ID3_TEXT,
    MP3,
    TXXX,
    OggVorbis,
    Picture,
)

__all__ = ["ALBUM_FACTS", "measure_replaygain", "tag"]

# Where a track sits in its album, under the Vorbis comment names (ID3 frames in mutagen_boundary).
ALBUM_FACTS = ("date", "discnumber", "albumartist", "compilation")
REFERENCE_DB = -18.0  # ReplayGain 2.0's reference loudness (-18 LUFS)


def measure_replaygain(audio: Any) -> tuple[float, float]:
    """(track gain in dB, peak) of float samples: the gain that brings the track's mean-square level to
    the reference. The level stands in for loudness without K-weighting or gating, near enough for
    synthesized music (a full-scale sine measures -3 dB either way)."""
    import numpy as np

    samples = np.asarray(audio, dtype=np.float64)
    peak = float(np.max(np.abs(samples))) if samples.size else 0.0
    mean_square = float(np.mean(np.square(samples))) if samples.size else 0.0
    if mean_square <= 0.0:
        return 0.0, peak
    level_db = 10.0 * float(np.log10(mean_square))
    return round(REFERENCE_DB - level_db, 2), round(peak, 6)


def _image_info(image: bytes) -> tuple[str, int, int]:
    """(MIME, width, height) of a cover image; width/height 0 when not cheaply known.

    Beyond our own PNGs, an imported file's cover may be JPEG, GIF, WebP or BMP and is carried over.
    """
    if image.startswith(b"\x89PNG\r\n\x1a\n") and image[12:16] == b"IHDR":
        w, h = struct.unpack(">II", image[16:24])
        return "image/png", w, h
    for magic, mime in ((b"\xff\xd8", "image/jpeg"), (b"GIF8", "image/gif"), (b"BM", "image/bmp")):
        if image.startswith(magic):
            return mime, 0, 0
    if image[:4] == b"RIFF" and image[8:12] == b"WEBP":
        return "image/webp", 0, 0
    raise ValueError("cover art must be a PNG, JPEG, GIF, WebP or BMP image")


def _flac_picture(image: bytes) -> Any:
    mime, width, height = _image_info(image)
    pic = Picture()
    pic.type = FRONT_COVER
    pic.mime = mime
    pic.desc = "Cover"
    pic.width, pic.height, pic.depth = width, height, 24
    pic.data = image
    return pic


def tag(
    data: bytes,
    fmt: str,
    *,
    title: str,
    artist: str,
    album: str,
    genre: str,
    track_number: int,
    cover_png: bytes | None,
    album_facts: Mapping[str, str] | None = None,
    replaygain: tuple[float, float] | None = None,
) -> bytes:
    """Return ``data`` (an encoded file) with title, artist, album, genre, track number and front cover,
    ``album_facts`` (year, disc, album artist, compilation; keys from ``ALBUM_FACTS``) when given, and
    ``replaygain`` (track gain in dB, peak) when given.

    FLAC gets Vorbis comments and a PICTURE block; Ogg Vorbis gets Vorbis comments with the picture as
    base64 METADATA_BLOCK_PICTURE (the Xiph convention players read); MP3 gets an ID3v2.4 tag with APIC.
    """
    f = check_format(fmt, FORMATS)
    buf = io.BytesIO(data)
    fields = {
        "title": title,
        "artist": artist,
        "album": album,
        "genre": genre,
        "track_number": str(track_number),
        **{k: v for k, v in (album_facts or {}).items() if k in ALBUM_FACTS and v},
    }
    gains: dict[str, str] = {}
    if replaygain is not None:
        gain_db, peak = replaygain
        gains = {"REPLAYGAIN_TRACK_GAIN": f"{gain_db:+.2f} dB", "REPLAYGAIN_TRACK_PEAK": f"{peak:.6f}"}
    try:
        if f in ("flac", "ogg"):
            vc = FLAC(buf) if f == "flac" else OggVorbis(buf)
            for name, value in fields.items():
                vc["tracknumber" if name == "track_number" else name] = value
            for name, value in gains.items():
                vc[name] = value
            if f == "flac":
                vc.clear_pictures()
                if cover_png is not None:
                    vc.add_picture(_flac_picture(cover_png))
            elif cover_png is not None:
                vc["metadata_block_picture"] = [
                    base64.b64encode(_flac_picture(cover_png).write()).decode("ascii")
                ]
            buf.seek(0)
            vc.save(buf)
        else:
            mp3 = MP3(buf)
            if mp3.tags is None:
                mp3.add_tags()
            for name, value in fields.items():
                mp3.tags.add(ID3_TEXT[name](encoding=3, text=value))
            for name, value in gains.items():
                mp3.tags.add(TXXX(encoding=3, desc=name, text=[value]))
            mp3.tags.delall("APIC")
            if cover_png is not None:
                mime = _image_info(cover_png)[0]
                mp3.tags.add(APIC(encoding=3, mime=mime, type=FRONT_COVER, desc="Cover", data=cover_png))
            buf.seek(0)
            mp3.save(buf)
    except MutagenError as exc:
        raise ValueError(f"cannot tag: not a valid {f} file ({exc})") from exc
    return buf.getvalue()
