"""A user's own music for tests: real audio files, encoded by libsndfile (FLAC, Ogg Vorbis, Ogg Opus, MP3,
WAV) and tagged with mutagen as a ripper or a tag editor would, plus the garbage a real music folder
holds; and a fingerprint of a folder, to prove the player left every file as it was."""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf
from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3, TALB, TCON, TDRC, TIT2, TPE1, TPE2, TPOS, TRCK
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from mock_backend.demo.cover import cover_png as render_cover
from mock_backend.demo.media import encode

RATE = 44100


def tone(seconds: float, freq: float = 440.0, rate: int = RATE) -> np.ndarray:
    """A clearly audible stereo tone (RMS about 0.2) with a little second harmonic."""
    t = np.arange(int(seconds * rate)) / rate
    mono = 0.25 * np.sin(2 * np.pi * freq * t) + 0.05 * np.sin(4 * np.pi * freq * t)
    return np.stack([mono, mono], axis=1)


def cover_png(seed: int = 1) -> bytes:
    return render_cover("Cover", "Someone", "Jazz", seed, size=64)


def write_track(
    path: Path,
    *,
    seconds: float = 4.0,
    freq: float = 440.0,
    tags: dict[str, str] | None = None,
    cover: bytes | None = None,
) -> Path:
    """An audio file in the format its suffix names, with these tags (Vorbis comment names: title,
    artist, album, albumartist, genre, tracknumber, discnumber, date), or none at all."""
    fmt = path.suffix.lower().lstrip(".")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("flac", "ogg", "mp3"):
        data = encode(tone(seconds, freq), RATE, fmt)
    else:
        buf = io.BytesIO()
        if fmt == "opus":
            sf.write(buf, tone(seconds, freq, 48000), 48000, format="OGG", subtype="OPUS")
        else:  # WAV: tags as RIFF INFO, as most editors (and libsndfile) write them
            with sf.SoundFile(buf, "w", RATE, 2, subtype="PCM_16", format="WAV") as wav:
                for name, value in (tags or {}).items():
                    setattr(wav, name, value)  # soundfile's names are the Vorbis comment names
                wav.write(tone(seconds, freq))
            tags = None
        data = buf.getvalue()
    path.write_bytes(data)
    if tags or cover:
        _tag(path, fmt, tags or {}, cover)
    return path


def _picture(cover: bytes) -> Picture:
    pic = Picture()
    pic.type, pic.mime, pic.desc, pic.data = 3, "image/png", "Cover", cover
    return pic


_ID3: dict[str, Any] = {
    "title": TIT2,
    "artist": TPE1,
    "album": TALB,
    "albumartist": TPE2,
    "genre": TCON,
    "tracknumber": TRCK,
    "discnumber": TPOS,
    "date": TDRC,
}


_VORBIS: dict[str, Any] = {"flac": FLAC, "ogg": OggVorbis, "opus": OggOpus}  # mutagen is untyped


def retag(path: Path, **tags: str) -> None:
    """Change a FLAC file's tags in place, as a tag editor saves them (no rename, no new file)."""
    audio: Any = FLAC(path)
    for name, value in tags.items():
        audio[name] = value
    audio.save()


def _tag(path: Path, fmt: str, tags: dict[str, str], cover: bytes | None) -> None:
    if fmt in ("flac", "ogg", "opus"):
        audio = _VORBIS[fmt](path)
        for name, value in tags.items():
            audio[name] = value
        if cover is not None and isinstance(audio, FLAC):
            audio.add_picture(_picture(cover))
        elif cover is not None:
            audio["metadata_block_picture"] = [base64.b64encode(_picture(cover).write()).decode("ascii")]
        audio.save()
        return
    id3: Any = ID3()
    for name, value in tags.items():
        id3.add(_ID3[name](encoding=3, text=value))
    if cover is not None:
        id3.add(APIC(encoding=3, mime="image/png", type=3, desc="Cover", data=cover))
    id3.save(path)


def garbage(folder: Path) -> list[Path]:
    """What else a music folder holds that is not playable audio, each with an audio suffix."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "random bytes.mp3": np.random.default_rng(7).bytes(20_000),
        "empty.flac": b"",
        "notes.ogg": b"these are my notes, not music\n" * 20,
        "half a header.flac": b"fLaC\x00\x00\x00\x22" + b"\x00" * 10,
        "a web page.wav": b"<html><body>404</body></html>",
    }
    for name, data in made.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in made]


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below `folder`: its SHA-256 and modification time (ns)."""
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


ADAS_ALBUM = {"artist": "Ada Lindqvist", "album": "Quiet Harbour", "date": "2019", "genre": "Folk"}


def adas_music(folder: Path, seconds: tuple[float, float, float], cover: bytes | None = None) -> Path:
    """Ada's music, the stories' own files: two tracks of her album "Quiet Harbour" in FLAC (the
    first with `cover`), a single in MP3, and a folder of junk; `seconds` are the three tracks' lengths."""
    write_track(
        folder / "Quiet Harbour/01 Lanterns.flac",
        seconds=seconds[0],
        cover=cover,
        tags={**ADAS_ALBUM, "title": "Lanterns", "tracknumber": "1"},
    )
    write_track(
        folder / "Quiet Harbour/02 Low Tide.flac",
        seconds=seconds[1],
        tags={**ADAS_ALBUM, "title": "Low Tide", "tracknumber": "2"},
    )
    write_track(
        folder / "Singles/Saltwater Waltz.mp3",
        seconds=seconds[2],
        freq=330,
        tags={"title": "Saltwater Waltz", "artist": "Ada Lindqvist"},
    )
    garbage(folder / "Junk")
    return folder
