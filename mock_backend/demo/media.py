"""Encoding, tagging and tag reading for the demo catalog and for imported audio files.

The content servers hold each track in several encodings so a terminal gets one it can decode ([0050]);
the player shows title, artist, genre and cover art from the tags. Encoding goes through soundfile's
bundled libsndfile (FLAC, Ogg Vorbis, MP3) and tagging through mutagen, all in memory: the backend stores
the bytes itself, and nothing plaintext needs to touch a temporary file.

``read_tags`` is the other direction, for the backend's ``add-track`` command, which imports a user's own
FLAC / Ogg Vorbis / MP3 / WAV file: it reports what the file says about itself and refuses anything that
is not one of those formats with a clear ValueError rather than storing junk as a "track".
"""

from __future__ import annotations

import base64
import io
import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import mutagen.flac
import mutagen.id3
import mutagen.mp3
import mutagen.oggvorbis
import mutagen.wave
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
    "READABLE_FORMATS",
    "TrackTags",
    "build_track_media",
    "encode",
    "read_tags",
    "tag",
]

FORMATS = ("flac", "ogg", "mp3")
"""Formats ``encode``/``tag`` produce. MP3 writing works with the bundled libsndfile 1.2.2 (LAME)."""

MIME: dict[str, str] = {"flac": "audio/flac", "ogg": "audio/ogg", "mp3": "audio/mpeg"}
"""Content type per encoding, as served by the content servers and recorded in the content container."""

READABLE_FORMATS = ("flac", "ogg", "mp3", "wav")
"""Formats ``read_tags`` accepts (the ``add-track`` import)."""

_READ_MIME = {**MIME, "wav": "audio/wav"}
_HINT_ALIASES = {"oga": "ogg", "fla": "flac", "wave": "wav", "mpga": "mp3"}
_SF_FORMAT = {"flac": ("FLAC", "PCM_16"), "ogg": ("OGG", "VORBIS"), "mp3": ("MP3", "MPEG_LAYER_III")}
_CHUNK_FRAMES = 8192  # libsndfile's Vorbis encoder is ~2x faster fed in chunks than in one huge write
_FRONT_COVER = 3  # APIC / FLAC picture type "Cover (front)"

# mutagen's annotations are partial (untyped constructors, ``info``/``tags`` typed loosely), so strict mypy
# cannot check calls into it anyway: the boundary is ``Any`` on purpose and the tests check the behaviour.
_FLAC: Any = mutagen.flac.FLAC
_Picture: Any = mutagen.flac.Picture
_OggVorbis: Any = mutagen.oggvorbis.OggVorbis
_MP3: Any = mutagen.mp3.MP3
_WAVE: Any = mutagen.wave.WAVE
_ID3: Any = mutagen.id3.ID3
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


@dataclass(frozen=True, slots=True)
class TrackTags:
    """What an audio file says about itself. Text fields are None when the file has no such tag."""

    title: str | None
    artist: str | None
    album: str | None
    genre: str | None
    duration_ms: int
    mime: str
    cover: bytes | None
    fmt: str = ""  # "flac", "ogg", "mp3" or "wav"
    track_number: int | None = None


def _sniff(fh: IO[bytes]) -> str | None:
    """Recognize the container from its magic bytes (skipping a leading ID3v2 tag), or None.

    Done by hand because ``mutagen.File`` scores MP3 by file name or a leading ID3 tag, so an untagged
    MP3 held in memory would go unrecognized.
    """
    fh.seek(0)
    head = fh.read(64)
    offset = 0
    if head.startswith(b"ID3") and len(head) >= 10:
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        offset = 10 + size + (10 if head[5] & 0x10 else 0)
        fh.seek(offset)
        head = fh.read(64)
        if head.startswith(b"fLaC"):
            return "flac"
        return "mp3" if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 else None
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        return "ogg" if b"\x01vorbis" in head else "ogg-other"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"
    return None


def _first(values: Any) -> str | None:
    if not values:
        return None
    text = str(values[0]).strip()
    return text or None


def _track_no(text: str | None) -> int | None:
    if not text:
        return None
    head = text.split("/")[0].strip()
    return int(head) if head.isdigit() else None


def _pick_picture(pictures: list[Any]) -> bytes | None:
    if not pictures:
        return None
    front = [p for p in pictures if getattr(p, "type", None) == _FRONT_COVER]
    return bytes((front or pictures)[0].data)


def _riff_info(fh: IO[bytes]) -> dict[bytes, str]:
    """The RIFF LIST/INFO chunk of a WAV file (INAM title, IART artist, IPRD album, IGNR genre...).

    mutagen only reads an ID3 chunk in WAV files, but most editors (and libsndfile) write INFO.
    """
    info: dict[bytes, str] = {}
    fh.seek(12)
    while True:
        header = fh.read(8)
        if len(header) < 8:
            return info
        kind, size = header[:4], struct.unpack("<I", header[4:])[0]
        if kind != b"LIST":
            fh.seek(size + (size & 1), os.SEEK_CUR)
            continue
        body = fh.read(size)
        if body[:4] != b"INFO":
            continue
        pos = 4
        while pos + 8 <= len(body):
            sub, sub_size = body[pos : pos + 4], struct.unpack("<I", body[pos + 4 : pos + 8])[0]
            raw = body[pos + 8 : pos + 8 + sub_size].split(b"\0", 1)[0]
            info[sub] = raw.decode("utf-8", errors="replace").strip()
            pos += 8 + sub_size + (sub_size & 1)
        return info


@contextmanager
def _opened(data_or_path: bytes | bytearray | memoryview | str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    if isinstance(data_or_path, bytes | bytearray | memoryview):
        yield io.BytesIO(bytes(data_or_path))
    else:
        with Path(data_or_path).open("rb") as fh:
            yield fh


def _vorbis_comments(vc: Any) -> tuple[dict[str, str | None], int | None]:
    def get(key: str) -> str | None:
        return _first(vc.get(key)) if vc is not None else None

    return {k: get(k) for k in ("title", "artist", "album", "genre")}, _track_no(get("tracknumber"))


def _id3_fields(id3: Any) -> tuple[dict[str, str | None], int | None, bytes | None]:
    if not isinstance(id3, _ID3):
        return dict.fromkeys(("title", "artist", "album", "genre")), None, None
    text = {k: _first(id3.get(_ID3_TEXT[k].__name__)) for k in ("title", "artist", "album")}
    tcon = id3.get("TCON")
    text["genre"] = _first(tcon.genres) if tcon is not None else None  # resolves ID3v1 "(17)" numbers
    return text, _track_no(_first(id3.get("TRCK"))), _pick_picture(id3.getall("APIC"))


def _ogg_pictures(ogg: Any) -> list[Any]:
    """The METADATA_BLOCK_PICTURE comments that decode; a broken cover is no reason to refuse the audio."""
    pictures = []
    for block in ogg.get("metadata_block_picture") or []:
        try:
            pictures.append(_Picture(base64.b64decode(block)))
        except (ValueError, MutagenError, struct.error):
            continue
    return pictures


def _parse(fh: IO[bytes], fmt: str) -> tuple[dict[str, str | None], int | None, bytes | None, float]:
    """(text tags, track number, cover, length in seconds) of an already-recognized file."""
    if fmt == "flac":
        flac = _FLAC(fh)
        text, number = _vorbis_comments(flac.tags)
        return text, number, _pick_picture(list(flac.pictures)), float(flac.info.length)
    if fmt == "ogg":
        ogg = _OggVorbis(fh)
        text, number = _vorbis_comments(ogg.tags)
        return text, number, _pick_picture(_ogg_pictures(ogg)), float(ogg.info.length)
    if fmt == "mp3":
        mp3 = _MP3(fh)
        text, number, cover = _id3_fields(mp3.tags)
        return text, number, cover, float(mp3.info.length)
    wav = _WAVE(fh)
    text, number, cover = _id3_fields(wav.tags)
    info = _riff_info(fh)
    for key, chunk in (("title", b"INAM"), ("artist", b"IART"), ("album", b"IPRD"), ("genre", b"IGNR")):
        text[key] = text[key] or info.get(chunk) or None
    if number is None:
        number = _track_no(info.get(b"ITRK"))
    return text, number, cover, float(wav.info.length)


def read_tags(
    data_or_path: bytes | bytearray | memoryview | str | os.PathLike[str], fmt_hint: str | None = None
) -> TrackTags:
    """Read title, artist, album, genre, duration, MIME type and front cover of an audio file.

    Accepts FLAC, Ogg Vorbis, MP3 and WAV, as bytes or a path. The format is recognized from the content;
    ``fmt_hint`` (typically the file name's extension) is only used when the content is not recognized,
    e.g. an MP3 with junk before its first frame, and an unknown or misleading hint is harmless. Raises
    ValueError for anything else (Ogg Opus, MP4, plain garbage, an empty file).
    """
    hint = _HINT_ALIASES.get((fmt_hint or "").lower().lstrip("."), (fmt_hint or "").lower().lstrip("."))
    with _opened(data_or_path) as fh:
        fmt = _sniff(fh)
        if fmt is None and hint in READABLE_FORMATS:
            fmt = hint
        if fmt == "ogg-other":
            raise ValueError("unsupported Ogg codec (only Ogg Vorbis is accepted)")
        if fmt is None:
            raise ValueError("not a supported audio file (expected FLAC, Ogg Vorbis, MP3 or WAV)")
        fh.seek(0)
        try:
            text, number, cover, length = _parse(fh, fmt)
        except (MutagenError, ValueError, struct.error, EOFError) as exc:
            raise ValueError(f"not a readable {fmt} file: {exc}") from exc
    if not length > 0:
        raise ValueError(f"{fmt} file contains no audio")
    return TrackTags(
        title=text["title"],
        artist=text["artist"],
        album=text["album"],
        genre=text["genre"],
        duration_ms=round(length * 1000),
        mime=_READ_MIME[fmt],
        cover=cover,
        fmt=fmt,
        track_number=number,
    )


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
