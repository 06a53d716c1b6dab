"""Reading what the user's own audio file says about itself: its tags, its length and its cover.

The file is opened read-only where it is and never written. The format is told by the file's first
bytes, not its name (a `.mp3` of random bytes is not an MP3; an MP3 named `.flac` still is), and then
parsed by mutagen. Real files vary: a FLAC with an ID3 tag in front, a WAV whose tags are RIFF INFO
rather than ID3, a track number written "3/12", a date written "2016-05-01". A file with no title gets
its file name, so nothing shows as blank. Anything that is not audio in one of the five formats
(FLAC, Ogg Vorbis, Ogg Opus, MP3, WAV) raises `UnreadableAudio` with the reason in words.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from player.language import translate
from player.storage.own_files import OwnTags

if TYPE_CHECKING:
    from player.playback.replaygain import ReplayGain
    from player.playback.tags import Cover

__all__ = [
    "AUDIO_SUFFIXES",
    "OTHER_AUDIO_SUFFIXES",
    "UnreadableAudio",
    "read_cover",
    "read_replaygain",
    "read_tags",
]

AUDIO_SUFFIXES = frozenset({".flac", ".fla", ".ogg", ".oga", ".opus", ".mp3", ".wav", ".wave"})
"""What a scan reads (case-insensitive); other files (covers, playlists, notes) are passed over."""
OTHER_AUDIO_SUFFIXES = frozenset({".m4a", ".aac", ".wma", ".ape", ".aiff", ".aif", ".mp4", ".alac", ".wv"})
"""Audio this player does not play: counted and said, so a folder of them is not silently empty."""

MIME = {
    "flac": "audio/flac",
    "vorbis": "audio/ogg",
    "opus": "audio/ogg; codecs=opus",
    "mp3": "audio/mpeg",
    "wav": "audio/wav",
}
_NAMES = {"flac": "FLAC", "vorbis": "Ogg Vorbis", "opus": "Ogg Opus", "mp3": "MP3", "wav": "WAV"}


class UnreadableAudio(ValueError):
    """The file is not audio this player reads; the message says why, for the user."""


def read_tags(path: Path) -> OwnTags:
    """The tags and length of the audio file at `path` (its name standing in for a missing title)."""
    import mutagen  # the scan's own cost: only once music is added

    from player.playback.album_tags import from_fields

    kind: str | None = None
    try:
        with path.open("rb") as fh:
            kind = _sniff(fh)
            if kind is None:
                raise UnreadableAudio(translate("OwnMusic", "it is not audio in a format this player reads"))
            fh.seek(0)
            text, length = _parse(fh, kind)
    except OSError as e:
        raise UnreadableAudio(
            translate("OwnMusic", "it cannot be read ({why})").format(why=e.strerror or e)
        ) from e
    except (mutagen.MutagenError, struct.error, EOFError, IndexError, KeyError, ValueError) as e:
        if isinstance(e, UnreadableAudio) or kind is None:
            raise
        raise UnreadableAudio(
            translate("OwnMusic", "it is a damaged {kind} file").format(kind=_NAMES[kind])
        ) from e
    if not length > 0:
        raise UnreadableAudio(
            translate("OwnMusic", "the {kind} file holds no audio").format(kind=_NAMES[kind])
        )
    facts = from_fields(text)  # track, disc, year, album artist: read as a bought track's are
    return OwnTags(
        title=text.get("title") or _name_title(path),
        artist=text.get("artist", ""),
        album=text.get("album", ""),
        album_artist=facts.album_artist,
        genre=text.get("genre", ""),
        track_number=facts.track_number,
        disc_number=facts.disc_number,
        year=facts.year,
        compilation=facts.compilation,
        duration_ms=round(length * 1000),
        mime=MIME[kind],
    )


def read_replaygain(path: Path) -> ReplayGain | None:
    """The file's REPLAYGAIN_* tags, for the player to level it as it levels insured tracks."""
    from player.playback.tags import file_replaygain

    return file_replaygain(path)


def read_cover(path: Path) -> Cover | None:
    """The file's embedded front cover (None when it has none or it cannot be read)."""
    from player.playback.tags import file_cover  # Qt's media stack: only once something is played

    return file_cover(path)


def _name_title(path: Path) -> str:
    """A title from the file name: "03 - Night Bus.flac" reads "03 - Night Bus", underscores as spaces."""
    return path.stem.replace("_", " ").strip() or path.name


# --- telling the format ------------------------------------------------------------------------


def _sniff(fh: IO[bytes]) -> str | None:
    """The format from the first bytes (after an ID3v2 tag, which MP3 and some FLACs carry in front)."""
    head = fh.read(64)
    if head.startswith(b"ID3") and len(head) >= 10:
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        fh.seek(10 + size + (10 if head[5] & 0x10 else 0))
        head = fh.read(64)
        if head.startswith(b"fLaC"):
            return "flac"
        return "mp3" if _mpeg_sync(head) else None
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"OggS"):
        if b"\x01vorbis" in head:
            return "vorbis"
        return "opus" if b"OpusHead" in head else None
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    return "mp3" if _mpeg_sync(head) else None


def _mpeg_sync(head: bytes) -> bool:
    """An MPEG audio frame header: 11 set bits, a layer, a bit rate and a sample rate that exist."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    layer, bitrate, rate = (head[1] >> 1) & 3, head[2] >> 4, (head[2] >> 2) & 3
    return layer != 0 and bitrate not in (0, 15) and rate != 3


# --- parsing -----------------------------------------------------------------------------------


def _parse(fh: IO[bytes], kind: str) -> tuple[dict[str, str], float]:
    """(tags by Vorbis-comment name, length in seconds) of a file of a known format."""
    from mutagen.flac import FLAC
    from mutagen.mp3 import MP3
    from mutagen.oggopus import OggOpus
    from mutagen.oggvorbis import OggVorbis
    from mutagen.wave import WAVE

    audio: Any
    if kind == "flac":
        audio = FLAC(fh)
        return _comments(audio.tags), float(audio.info.length)
    if kind in ("vorbis", "opus"):
        audio = (OggVorbis if kind == "vorbis" else OggOpus)(fh)
        return _comments(audio.tags), float(audio.info.length)
    if kind == "mp3":
        audio = MP3(fh)
        return _id3(audio.tags), float(audio.info.length)
    audio = WAVE(fh)
    text = _id3(audio.tags)
    for key, value in _riff_info(fh).items():
        text.setdefault(key, value)
    return text, float(audio.info.length)


def _first(values: Any) -> str:
    if not values:
        return ""
    return " ".join(str(values[0]).split())  # one line, single spaces: a tag is shown in a table cell


def _comments(tags: Any) -> dict[str, str]:
    if tags is None:
        return {}
    names = (
        "title",
        "artist",
        "album",
        "albumartist",
        "genre",
        "tracknumber",
        "discnumber",
        "date",
        "compilation",
    )
    out = {name: _first(tags.get(name)) for name in names}
    out["albumartist"] = out["albumartist"] or _first(tags.get("album artist"))
    out["date"] = out["date"] or _first(tags.get("year"))
    return {k: v for k, v in out.items() if v}


_ID3 = {
    "TIT2": "title",
    "TPE1": "artist",
    "TALB": "album",
    "TPE2": "albumartist",
    "TRCK": "tracknumber",
    "TPOS": "discnumber",
    "TDRC": "date",
    "TYER": "date",
    "TCMP": "compilation",
}


def _id3(tags: Any) -> dict[str, str]:
    if tags is None or not hasattr(tags, "getall"):
        return {}
    out: dict[str, str] = {}
    for frame_id, name in _ID3.items():
        frame = tags.get(frame_id)
        if frame is not None and name not in out and (value := _first(frame.text)):
            out[name] = value
    genre = tags.get("TCON")
    if genre is not None and (value := _first(genre.genres)):  # resolves ID3v1 numbers such as "(17)"
        out["genre"] = value
    return out


_INFO = {b"INAM": "title", b"IART": "artist", b"IPRD": "album", b"IGNR": "genre", b"ITRK": "tracknumber"}
_INFO_DATE = b"ICRD"


def _riff_info(fh: IO[bytes]) -> dict[str, str]:
    """A WAV file's LIST/INFO tags, which most editors write (mutagen reads only an ID3 chunk)."""
    out: dict[str, str] = {}
    fh.seek(12)
    while len(header := fh.read(8)) == 8:
        kind, size = header[:4], struct.unpack("<I", header[4:])[0]
        if kind != b"LIST":
            fh.seek(size + (size & 1), os.SEEK_CUR)
            continue
        body = fh.read(min(size, 1 << 20))
        if body[:4] != b"INFO":
            continue
        pos = 4
        while pos + 8 <= len(body):
            sub, sub_size = body[pos : pos + 4], struct.unpack("<I", body[pos + 4 : pos + 8])[0]
            raw = body[pos + 8 : pos + 8 + sub_size].split(b"\0", 1)[0]
            value = " ".join(raw.decode("utf-8", "replace").split())
            name = _INFO.get(sub) or ("date" if sub == _INFO_DATE else None)
            if name and value:
                out[name] = value
            pos += 8 + sub_size + (sub_size & 1)
    return out
