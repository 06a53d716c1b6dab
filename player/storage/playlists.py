"""Playlists on disk: one small JSON file per playlist, so a damaged file costs only itself.

    <data_dir>/playlists/<playlist_id>.json

    {"type": "playlist", "format": 1, "name": "Road trip",
     "entries": [{"content_id": "...", "title": "...", "artist": "...", "album": "...", "duration_ms": 0}]}

The playlist's ID is its file name (random hex, made here), so two files can never claim one playlist.
An entry names its track by content ID *and* by its words (title, artist, album, length): a playlist
still says what it held when a track is gone from the library, and an entry with no content ID (one
imported from another player) is found by its words. Files are written atomically (atomic.py) under the
data directory lock and read without it (a file only ever changes by rename). A file that does not parse
is reported as damaged and left exactly as it is: it is never overwritten, and the others still load.
"""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from player.errors import MalformedError, MissingFileError, UnsupportedVersionError, UsageError
from player.language import translate
from player.storage.atomic import remove_durably, storage_error, write_atomic
from player.storage.lock import DataDirLock

PLAYLISTS = "playlists"
TYPE, FORMAT = "playlist", 1
MAX_FILE = 32 << 20  # bytes; 50,000 entries of ordinary words are about 10 MiB
MAX_ENTRIES = 50_000
MAX_NAME = 120  # characters
MAX_TEXT = 1000  # characters of a title, artist or album
MAX_DURATION_MS = 10**9  # eleven days: anything longer is not a track's length
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KEYS = {"type", "format", "name", "entries"}
_ENTRY_KEYS = {"content_id", "title", "artist", "album", "duration_ms"}


@dataclass(frozen=True)
class PlaylistEntry:
    """One place in a playlist: the track's content ID ("" when only its words are known) and its words,
    kept as they were when it was added so they outlive the track."""

    content_id: str
    title: str
    artist: str
    album: str = ""
    duration_ms: int = 0


@dataclass(frozen=True)
class Playlist:
    playlist_id: str
    name: str
    entries: tuple[PlaylistEntry, ...] = ()


@dataclass(frozen=True)
class DamagedPlaylist:
    """A playlist file that does not read: `file` is its name in the playlists folder, `reason` why."""

    file: str
    reason: str


def clean_text(value: str, limit: int = MAX_TEXT) -> str:
    """A word as it may be kept and shown: control characters (line breaks, NUL) become spaces, the
    ends are trimmed, and it is cut at `limit` characters."""
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in value)
    return " ".join(cleaned.split())[:limit]


def check_name(name: str) -> str:
    """A playlist's name as typed, trimmed; `UsageError` when nothing is left or it is too long."""
    cleaned = clean_text(name, MAX_NAME + 1)
    if not cleaned:
        raise UsageError(translate("Errors", "a playlist needs a name"))
    if len(cleaned) > MAX_NAME:
        raise UsageError(
            translate("Errors", "a playlist's name has at most {max_name} characters").format(
                max_name=MAX_NAME
            )
        )
    return cleaned


def encode(playlist: Playlist) -> bytes:
    doc = {
        "type": TYPE,
        "format": FORMAT,
        "name": playlist.name,
        "entries": [
            {
                "content_id": e.content_id,
                "title": e.title,
                "artist": e.artist,
                "album": e.album,
                "duration_ms": e.duration_ms,
            }
            for e in playlist.entries
        ],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def decode(raw: bytes, playlist_id: str) -> Playlist:
    """The playlist in `raw`; `MalformedError` (or `UnsupportedVersionError`) saying what is wrong."""
    if len(raw) > MAX_FILE:
        raise MalformedError(
            translate("Errors", "it is larger than {value1} MiB").format(value1=MAX_FILE >> 20)
        )
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise MalformedError(translate("Errors", "it is not JSON text (cut short, or overwritten)")) from e
    if not isinstance(doc, dict) or doc.get("type") != TYPE:
        raise MalformedError(translate("Errors", "it is not a playlist"))
    if doc.get("format") != FORMAT:
        version = doc.get("format")
        raise UnsupportedVersionError(
            translate("Errors", "it is in format {version}, which this player does not read").format(
                version=repr(version)
            )
        )
    if set(doc) != _KEYS:
        raise MalformedError(
            translate("Errors", "its fields are {doc}, not {keys}").format(
                doc=sorted(doc), keys=sorted(_KEYS)
            )
        )
    name, entries = doc["name"], doc["entries"]
    if not isinstance(name, str) or not clean_text(name, MAX_NAME):
        raise MalformedError(translate("Errors", "it has no name"))
    if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise MalformedError(
            translate("Errors", "its entries are not a list of at most {max_entries}").format(
                max_entries=format(MAX_ENTRIES, ",")
            )
        )
    kept = tuple(_entry(e, n) for n, e in enumerate(entries))
    return Playlist(playlist_id, clean_text(name, MAX_NAME), kept)


def _entry(raw: Any, n: int) -> PlaylistEntry:
    if not isinstance(raw, dict) or set(raw) != _ENTRY_KEYS:
        raise MalformedError(
            translate("Errors", "entry {value1} does not have the fields {entry_keys}").format(
                value1=n + 1, entry_keys=sorted(_ENTRY_KEYS)
            )
        )
    words = [raw[k] for k in ("content_id", "title", "artist", "album")]
    duration = raw["duration_ms"]
    if not all(isinstance(w, str) for w in words):
        raise MalformedError(
            translate("Errors", "entry {value1} has a field that is not text").format(value1=n + 1)
        )
    if type(duration) is not int or not 0 <= duration <= MAX_DURATION_MS:
        raise MalformedError(
            translate("Errors", "entry {value1} has no length in milliseconds").format(value1=n + 1)
        )
    content_id, title, artist, album = (clean_text(w) for w in words)
    if not (content_id or title):
        raise MalformedError(
            translate("Errors", "entry {value1} has neither a content ID nor a title").format(value1=n + 1)
        )
    return PlaylistEntry(content_id, title, artist, album, duration)


class PlaylistFiles:
    """The playlists folder of one data directory. Writers take the data directory's lock, so the
    window and the command line never interleave a change to one playlist."""

    def __init__(self, data_dir: Path, lock: DataDirLock) -> None:
        self.directory = Path(data_dir) / PLAYLISTS
        self.lock = lock

    def path(self, playlist_id: str) -> Path:
        if not _ID.fullmatch(playlist_id):
            raise UsageError(translate("Errors", "no such playlist"))
        return self.directory / f"{playlist_id}.json"

    def new_id(self) -> str:
        while True:
            playlist_id = secrets.token_hex(8)
            if not self.path(playlist_id).exists():
                return playlist_id

    def listed(self) -> tuple[list[Playlist], list[DamagedPlaylist]]:
        """Every playlist, by name; apart from them, each file that does not read and why."""
        try:
            paths = sorted(p for p in self.directory.glob("*.json") if _ID.fullmatch(p.stem))
        except OSError as e:
            raise storage_error(e, self.directory, "list") from e
        found, damaged = [], []
        for path in paths:
            try:
                found.append(decode(self._bytes(path), path.stem))
            except (MalformedError, MissingFileError) as e:
                damaged.append(DamagedPlaylist(path.name, str(e)))
        found.sort(key=lambda p: (p.name.casefold(), p.playlist_id))
        return found, damaged

    def read(self, playlist_id: str) -> Playlist:
        path = self.path(playlist_id)
        try:
            return decode(self._bytes(path), playlist_id)
        except MalformedError as e:
            raise type(e)(
                translate(
                    "Errors", "the playlist file {path} cannot be read: {why}; it is left as it is"
                ).format(path=path, why=e)
            ) from e

    def write(self, playlist: Playlist) -> None:
        """Replace the playlist's file whole (the caller holds the lock across read, change and write)."""
        path = self.path(playlist.playlist_id)
        data = encode(playlist)
        if len(data) > MAX_FILE:  # refused here, never written to be refused when read
            raise UsageError(
                translate(
                    "Errors", "a playlist is kept in at most {value1} MiB, and this one would be more"
                ).format(value1=MAX_FILE >> 20)
            )
        with self.lock:
            try:
                self.directory.mkdir(mode=0o700, exist_ok=True)
            except OSError as e:
                raise storage_error(e, self.directory, "create") from e
            write_atomic(path, data)

    def remove(self, playlist_id: str) -> bool:
        with self.lock:
            return remove_durably(self.path(playlist_id))

    def _bytes(self, path: Path) -> bytes:
        try:
            with path.open("rb") as f:
                return f.read(MAX_FILE + 1)
        except FileNotFoundError as e:
            raise MissingFileError(translate("Errors", "no such playlist (deleted meanwhile)")) from e
        except OSError as e:
            raise storage_error(e, path, "read") from e
