"""Encoding and tagging for the demo catalog and for imported audio files.

The content servers hold each track in several encodings so a terminal gets one it can decode ([0050]);
the player shows title, artist, genre and cover art from the tags. Encoding goes through soundfile's
bundled libsndfile (FLAC, Ogg Vorbis, MP3) and tagging through mutagen, all in memory: the backend stores
the bytes itself, and nothing plaintext needs to touch a temporary file. Reading tags back, for imports,
is `tags.read_tags`.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib
from typing import Any

import mutagen.flac
import mutagen.id3
import mutagen.mp3
import mutagen.oggvorbis
import numpy as np
import soundfile as sf
from mutagen import MutagenError
from numpy.typing import NDArray

from mock_backend.demo.catalog import DemoTrack
from mock_backend.demo.cover import cover_png as make_cover
from mock_backend.demo.synth import render

__all__ = [
    "FORMATS",
    "MIME",
    "build_track_media",
    "encode",
    "tag",
]

FORMATS = ("flac", "ogg", "mp3")
"""Formats ``encode``/``tag`` produce. MP3 writing works with the bundled libsndfile 1.2.2 (LAME)."""

MIME: dict[str, str] = {"flac": "audio/flac", "ogg": "audio/ogg", "mp3": "audio/mpeg"}
"""Content type per encoding, as served by the content servers and recorded in the content container."""

_SF_FORMAT = {"flac": ("FLAC", "PCM_16"), "ogg": ("OGG", "VORBIS"), "mp3": ("MP3", "MPEG_LAYER_III")}
_CHUNK_FRAMES = 8192  # libsndfile's Vorbis encoder is ~2x faster fed in chunks than in one huge write
_FRONT_COVER = 3  # APIC / FLAC picture type "Cover (front)"

# mutagen's annotations are partial (untyped constructors, ``info``/``tags`` typed loosely), so strict mypy
# cannot check calls into it anyway: the boundary is ``Any`` on purpose and the tests check the behaviour.
_FLAC: Any = mutagen.flac.FLAC
_Picture: Any = mutagen.flac.Picture
_OggVorbis: Any = mutagen.oggvorbis.OggVorbis
_MP3: Any = mutagen.mp3.MP3
_ID3_TEXT: dict[str, Any] = {
    "title": mutagen.id3.TIT2,
    "artist": mutagen.id3.TPE1,
    "album": mutagen.id3.TALB,
    "genre": mutagen.id3.TCON,
    "track_number": mutagen.id3.TRCK,
}
_APIC: Any = mutagen.id3.APIC


def _check_fmt(fmt: str, allowed: tuple[str, ...]) -> str:
    f = fmt.lower().lstrip(".")
    if f not in allowed:
        raise ValueError(f"unsupported audio format {fmt!r}; expected one of {', '.join(allowed)}")
    return f


def encode(audio: NDArray[np.floating[Any]], sample_rate: int, fmt: str) -> bytes:
    """Encode float audio, shape (frames,) or (frames, channels), as FLAC (16-bit), Ogg Vorbis or MP3.

    Samples are clipped to [-1, 1] first, so an overshoot is a flat top in every format instead of
    depending on how each codec (and libsndfile's clipping setting) treats out-of-range floats.
    """
    f = _check_fmt(fmt, FORMATS)
    data = np.clip(np.asarray(audio, dtype=np.float32), -1.0, 1.0)
    if data.ndim not in (1, 2) or data.shape[0] == 0:
        raise ValueError(f"audio must be a non-empty (frames,) or (frames, channels) array, got {data.shape}")
    channels = 1 if data.ndim == 1 else data.shape[1]
    container, subtype = _SF_FORMAT[f]
    out = io.BytesIO()
    with sf.SoundFile(out, "w", sample_rate, channels, subtype=subtype, format=container) as sink:
        for i in range(0, data.shape[0], _CHUNK_FRAMES):
            sink.write(data[i : i + _CHUNK_FRAMES])
    return _fix_ogg_serial(out.getvalue()) if f == "ogg" else out.getvalue()


_OGG_SERIAL = 0x0DE30001
_BITSWAP = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


def _ogg_crc(page: bytes) -> bytes:
    """Ogg's page CRC (CRC-32, polynomial 0x04C11DB7, MSB first), via zlib's bit-reflected one."""
    crc = ~zlib.crc32(page.translate(_BITSWAP), 0xFFFFFFFF) & 0xFFFFFFFF
    return struct.pack(">I", crc).translate(_BITSWAP)


def _fix_ogg_serial(data: bytes) -> bytes:
    """Give every page the same fixed stream serial number (and a recomputed CRC).

    libsndfile picks a random serial for each Ogg stream, so the same audio would encode to different
    bytes on every run; a fixed one keeps demo files, and the content hashes derived from them, stable.
    A single logical stream per file is all the format needs the serial for.
    """
    out = bytearray()
    pos = 0
    while pos < len(data):
        if data[pos : pos + 4] != b"OggS" or pos + 27 > len(data):
            raise ValueError("libsndfile produced an unexpected Ogg page layout")
        n_segments = data[pos + 26]
        end = pos + 27 + n_segments + sum(data[pos + 27 : pos + 27 + n_segments])
        page = bytearray(data[pos:end])
        page[14:18] = struct.pack("<I", _OGG_SERIAL)
        page[22:26] = b"\0\0\0\0"
        page[22:26] = _ogg_crc(bytes(page))
        out += page
        pos = end
    return bytes(out)


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
    pic = _Picture()
    pic.type = _FRONT_COVER
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
) -> bytes:
    """Return ``data`` (an encoded file) with title, artist, album, genre, track number and front cover.

    FLAC gets Vorbis comments and a PICTURE block; Ogg Vorbis gets Vorbis comments with the picture as
    base64 METADATA_BLOCK_PICTURE (the Xiph convention players read); MP3 gets an ID3v2.4 tag with APIC.
    """
    f = _check_fmt(fmt, FORMATS)
    buf = io.BytesIO(data)
    fields = {
        "title": title,
        "artist": artist,
        "album": album,
        "genre": genre,
        "track_number": str(track_number),
    }
    try:
        if f in ("flac", "ogg"):
            vc = _FLAC(buf) if f == "flac" else _OggVorbis(buf)
            for name, value in fields.items():
                vc["tracknumber" if name == "track_number" else name] = value
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
            mp3 = _MP3(buf)
            if mp3.tags is None:
                mp3.add_tags()
            for name, value in fields.items():
                mp3.tags.add(_ID3_TEXT[name](encoding=3, text=value))
            mp3.tags.delall("APIC")
            if cover_png is not None:
                mime = _image_info(cover_png)[0]
                mp3.tags.add(_APIC(encoding=3, mime=mime, type=_FRONT_COVER, desc="Cover", data=cover_png))
            buf.seek(0)
            mp3.save(buf)
    except MutagenError as exc:
        raise ValueError(f"cannot tag: not a valid {f} file ({exc})") from exc
    return buf.getvalue()


def build_track_media(
    track: DemoTrack, formats: tuple[str, ...] = ("flac", "ogg"), sample_rate: int = 44100
) -> dict[str, bytes]:
    """Render one catalog track once and return it encoded and fully tagged in each requested format."""
    audio = render(track.synth, track.duration_s, sample_rate)
    cover = make_cover(track.title, track.artist, track.genre, track.synth.seed)
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
        )
        for fmt in formats
    }
