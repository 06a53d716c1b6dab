"""Reading what an audio file says about itself, for the backend's ``add-track`` import.

``read_tags`` imports a user's own FLAC / Ogg Vorbis / MP3 / WAV file: it reports the file's tags,
duration and cover, and refuses anything that is not one of those formats with a clear ValueError rather
than storing junk as a "track". Real-world files vary more than our own, so it recognizes the container
by its content, reads WAV's RIFF INFO tags as well as ID3, and skips a broken cover instead of refusing
the audio.
"""

from __future__ import annotations

import base64
import io
import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from mutagen import MutagenError

from mock_backend.demo.media.encoding import MIME
from mock_backend.demo.media.mutagen_boundary import (
    FLAC,
    FRONT_COVER,
    ID3,
    ID3_TEXT,
    MP3,
    WAVE,
    OggVorbis,
    Picture,
)
from mock_backend.demo.media.tagging import ALBUM_FACTS

__all__ = ["READABLE_FORMATS", "TrackTags", "read_tags"]

READABLE_FORMATS = ("flac", "ogg", "mp3", "wav")
"""Formats ``read_tags`` accepts (the ``add-track`` import)."""

_READ_MIME = {**MIME, "wav": "audio/wav"}
_HINT_ALIASES = {"oga": "ogg", "fla": "flac", "wave": "wav", "mpga": "mp3"}


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
    album_facts: dict[str, str] = field(default_factory=dict)  # tagging.ALBUM_FACTS found in the file


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
    front = [p for p in pictures if getattr(p, "type", None) == FRONT_COVER]
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

    text = {k: get(k) for k in ("title", "artist", "album", "genre", *ALBUM_FACTS)}
    return text, _track_no(get("tracknumber"))


def _id3_fields(id3: Any) -> tuple[dict[str, str | None], int | None, bytes | None]:
    if not isinstance(id3, ID3):
        return dict.fromkeys(("title", "artist", "album", "genre", *ALBUM_FACTS)), None, None
    text = {k: _first(id3.get(ID3_TEXT[k].__name__)) for k in ("title", "artist", "album", *ALBUM_FACTS)}
    tcon = id3.get("TCON")
    text["genre"] = _first(tcon.genres) if tcon is not None else None  # resolves ID3v1 "(17)" numbers
    return text, _track_no(_first(id3.get("TRCK"))), _pick_picture(id3.getall("APIC"))


def _ogg_pictures(ogg: Any) -> list[Any]:
    """The METADATA_BLOCK_PICTURE comments that decode; a broken cover is no reason to refuse the audio."""
    pictures = []
    for block in ogg.get("metadata_block_picture") or []:
        try:
            pictures.append(Picture(base64.b64decode(block)))
        except (ValueError, MutagenError, struct.error):
            continue
    return pictures


def _parse(fh: IO[bytes], fmt: str) -> tuple[dict[str, str | None], int | None, bytes | None, float]:
    """(text tags, track number, cover, length in seconds) of an already-recognized file."""
    if fmt == "flac":
        flac = FLAC(fh)
        text, number = _vorbis_comments(flac.tags)
        return text, number, _pick_picture(list(flac.pictures)), float(flac.info.length)
    if fmt == "ogg":
        ogg = OggVorbis(fh)
        text, number = _vorbis_comments(ogg.tags)
        return text, number, _pick_picture(_ogg_pictures(ogg)), float(ogg.info.length)
    if fmt == "mp3":
        mp3 = MP3(fh)
        text, number, cover = _id3_fields(mp3.tags)
        return text, number, cover, float(mp3.info.length)
    wav = WAVE(fh)
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
        album_facts={k: v for k in ALBUM_FACTS if (v := text.get(k))},
    )
