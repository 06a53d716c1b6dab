"""The user's own music, as remembered in the data directory: which folders and files were added, and what
was read from each file the last time it was seen. The audio itself stays where the user keeps it.

    <data_dir>/own-music/places.json   the folders and single files the user added (the user's choice)
    <data_dir>/own-music/tracks.json   what was read from each file: its size, time and tags (a cache)

Both are written atomically (atomic.py) under the data directory's lock, so the GUI and the CLI may
add music at the same time without losing each other's additions: every change to the places is made
to what is on disk at that moment. `tracks.json` is only a cache of the files' own tags: when it is
damaged it is set aside and the files are read again. `places.json` is the user's choice, so a damaged
one is kept (renamed `.damaged`) and said, never silently overwritten.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from player.errors import StorageError
from player.language import translate
from player.storage.atomic import storage_error, write_atomic
from player.storage.lock import DataDirLock

log = logging.getLogger(__name__)

FOLDER = "own-music"
PLACES_NAME = "places.json"
TRACKS_NAME = "tracks.json"
FORMAT = 1


@dataclass(frozen=True)
class OwnTags:
    """What an audio file says about itself (its tags, or its name where it has none)."""

    title: str
    artist: str = ""
    album: str = ""
    album_artist: str = ""
    genre: str = ""
    track_number: int = 0
    disc_number: int = 0
    year: int = 0
    compilation: bool = False  # a various-artists album
    duration_ms: int = 0
    mime: str = ""


@dataclass(frozen=True)
class OwnRecord:
    """One file as it was when last read: `tags` None when it could not be read (`problem` says why), so
    an unchanged unreadable file is not read again at every scan."""

    path: Path
    size: int
    mtime_ns: int
    tags: OwnTags | None
    problem: str = ""

    def same_file(self, st: os.stat_result) -> bool:
        return self.size == st.st_size and self.mtime_ns == st.st_mtime_ns


@dataclass(frozen=True)
class OwnFolder:
    """A folder the user added. `device` is the file system it was on when it was scanned (`st_dev`): an
    empty mount point on another device is a drive not plugged in, not a folder emptied."""

    path: Path
    device: int = 0


@dataclass(frozen=True)
class Places:
    folders: tuple[OwnFolder, ...] = ()
    files: tuple[Path, ...] = ()

    def covers(self, path: Path) -> bool:
        """Whether `path` is one of the files, or inside one of the folders."""
        return path in self.files or any(path.is_relative_to(f.path) for f in self.folders)


class OwnFilesStore:
    """The two files above. Thread-safe through the data directory's lock (reentrant in one process)."""

    def __init__(self, data_dir: Path, lock: DataDirLock) -> None:
        self.folder = Path(data_dir) / FOLDER
        self._lock = lock
        # (mtime, size) of each file when this process last read or wrote it: another writer changed
        # it when they differ.
        self._stamps: dict[str, tuple[int, int]] = {}
        self.damaged_places: Path | None = None  # where a damaged places file was moved, to be said

    # --- the places the user added ---------------------------------------------------------------

    def places(self) -> Places:
        raw = self._read(PLACES_NAME, keep_damaged=True)
        if raw is None:
            return Places()
        try:
            folders = tuple(OwnFolder(Path(f["path"]), int(f.get("device", 0))) for f in raw["folders"])
            files = tuple(Path(p) for p in raw["files"])
        except (KeyError, TypeError, ValueError) as e:
            self._set_aside(PLACES_NAME, f"unexpected contents ({e})", keep=True)
            return Places()
        return Places(folders, files)

    def change_places(self, change: Callable[[Places], Places]) -> Places:
        """Apply `change` to the places on disk now (not to an older copy) and keep the result."""
        with self._lock:
            new = change(self.places())
            body = {
                "format": FORMAT,
                "folders": [{"path": str(f.path), "device": f.device} for f in new.folders],
                "files": [str(p) for p in new.files],
            }
            self._write(PLACES_NAME, body)
        return new

    def ensure_folder(self) -> Path:
        """The folder, made if it is not there yet (to be watched before anything is added)."""
        self.folder.mkdir(mode=0o700, exist_ok=True)
        return self.folder

    def places_changed(self) -> bool:
        """Whether someone else (the CLI, another window) changed the places since this process looked."""
        return self._changed(PLACES_NAME)

    # --- what was read from the files ------------------------------------------------------------

    def records(self) -> dict[Path, OwnRecord]:
        raw = self._read(TRACKS_NAME, keep_damaged=False)
        if raw is None:
            return {}
        out: dict[Path, OwnRecord] = {}
        try:
            for item in raw["tracks"]:
                record = _record(item)
                out[record.path] = record
        except (KeyError, TypeError, ValueError) as e:
            self._set_aside(TRACKS_NAME, f"unexpected contents ({e})", keep=False)
            return {}
        return out

    def keep_records(self, records: Iterable[OwnRecord]) -> None:
        body = {"format": FORMAT, "tracks": [_plain(r) for r in sorted(records, key=lambda r: str(r.path))]}
        with self._lock:
            self._write(TRACKS_NAME, body)

    def records_changed(self) -> bool:
        return self._changed(TRACKS_NAME)

    # --- inside ----------------------------------------------------------------------------------

    def _stamp(self, name: str) -> tuple[int, int]:
        try:
            st = (self.folder / name).stat()
        except OSError:
            return (0, -1)
        return (st.st_mtime_ns, st.st_size)

    def _changed(self, name: str) -> bool:
        return self._stamps.get(name, (0, -1)) != self._stamp(name)

    def _read(self, name: str, *, keep_damaged: bool) -> dict[str, Any] | None:
        path = self.folder / name
        try:
            stamp = self._stamp(name)
            text = path.read_bytes()
        except FileNotFoundError:
            self._stamps[name] = (0, -1)
            return None
        except OSError as e:
            raise storage_error(e, path, "read") from e
        self._stamps[name] = stamp
        try:
            raw = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            self._set_aside(name, f"not JSON ({e})", keep=keep_damaged)
            return None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            self._set_aside(name, "an unknown format", keep=keep_damaged)
            return None
        return raw

    def _write(self, name: str, body: dict[str, Any]) -> None:
        try:
            self.folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as e:
            raise storage_error(e, self.folder, "create") from e
        write_atomic(self.folder / name, json.dumps(body, ensure_ascii=False).encode("utf-8"))
        self._stamps[name] = self._stamp(name)

    def _set_aside(self, name: str, why: str, *, keep: bool) -> None:
        """A damaged file: the cache is dropped (the files are read again), the places kept aside."""
        path = self.folder / name
        log.warning("%s is damaged (%s)", path, why)
        try:
            if keep:
                aside = path.with_suffix(".damaged")
                path.replace(aside)
                self.damaged_places = aside
            else:
                path.unlink(missing_ok=True)
        except OSError as e:
            raise StorageError(
                translate("Errors", "{path} is damaged and cannot be set aside: {value2}").format(
                    path=path, value2=e.strerror or e
                )
            ) from e


def _plain(record: OwnRecord) -> dict[str, Any]:
    body: dict[str, Any] = {"path": str(record.path), "size": record.size, "mtime_ns": record.mtime_ns}
    if record.tags is not None:
        body["tags"] = asdict(record.tags)
    if record.problem:
        body["problem"] = record.problem
    return body


_NUMBERS = {f.name for f in fields(OwnTags) if f.type == "int"}
_FLAGS = {f.name for f in fields(OwnTags) if f.type == "bool"}
_TEXTS = {f.name for f in fields(OwnTags)} - _NUMBERS - _FLAGS


def _record(item: dict[str, Any]) -> OwnRecord:
    tags = item.get("tags")
    parsed = None
    if tags is not None:
        numbers = {k: int(tags[k]) for k in _NUMBERS if k in tags}
        flags = {k: bool(tags[k]) for k in _FLAGS if k in tags}
        texts = {k: str(tags[k]) for k in _TEXTS if k in tags}
        parsed = OwnTags(**texts, **numbers, **flags)  # type: ignore[arg-type]  # each field checked above
    problem = str(item.get("problem", ""))
    return OwnRecord(Path(item["path"]), int(item["size"]), int(item["mtime_ns"]), parsed, problem)
