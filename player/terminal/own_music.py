"""The user's own music: audio files they already have, played from where they are, beside what they
bought.

Folders and single files are added (`add`), remembered (`player/storage/own_files.py`) and scanned
again when they change (`rescan`, with the folders a watch saw change); each playable file becomes a
`LibraryEntry` with `own` set. Nothing here reaches the network: no license is decided for these files
(they are not insured), and nothing about them is sent to the insurer or a provider. The only thing
ever done with the catalog is to compare it here, locally, with the files' tags (`offers`): where a
provider sells the same recording, the face can offer to buy it insured.

The files are only ever opened for reading. Scans of different callers are serialized; `entries` and
`open` never wait for a scan in progress (they see the library as the last finished scan left it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from player.errors import OwnMusicError
from player.language import translate
from player.storage.lock import DataDirLock
from player.storage.own_files import OwnFilesStore, OwnFolder, OwnRecord, Places
from player.storage.records import LibraryRow
from player.terminal.own_scan import Scanned, Skipped, reachable, scan
from player.terminal.own_tags import AUDIO_SUFFIXES, read_cover, read_replaygain
from player.terminal.results import LibraryEntry, LibraryState, MusicScan, OwnFile, OwnTrack

if TYPE_CHECKING:
    from player.protocol.api import CatalogEntry

if TYPE_CHECKING:
    from player.playback.tags import Cover

Progress = Callable[[int, int], None]

ID_PREFIX = "own:"
DURATION_SLACK_MS = 3000  # a file and a catalog track this close in length are the same recording
UNAVAILABLE = "unavailable"


def own_id(path: Path) -> str:
    """The library's ID for a file (stable while the file keeps its path; never shown)."""
    return ID_PREFIX + hashlib.sha256(os.fsencode(path)).hexdigest()[:24]


def _absolute(path: Path | str) -> Path:
    """Absolute, without resolving links: a folder added through a link keeps the name it was given."""
    return Path(os.path.normpath(Path(path).expanduser().absolute()))


def _match_key(title: str, artist: str) -> tuple[str, str]:
    """Case and spaces do not make another recording: "Night  Bus" by "the marlows" is "Night Bus" by
    "The Marlows"."""
    return "".join(title.casefold().split()), "".join(artist.casefold().split())


class OwnMusic:
    def __init__(self, data_dir: Path, lock: DataDirLock) -> None:
        self._files = OwnFilesStore(data_dir, lock)
        self._state = threading.RLock()  # held briefly: the places and records as last kept
        self._scanning = threading.Lock()  # one scan (or change of places) at a time
        self._places: Places | None = None
        self._records: dict[Path, OwnRecord] = {}
        self._ids: dict[str, Path] = {}  # own ID -> path, for the records above
        self._directories: set[Path] = set()

    @property
    def store_folder(self) -> Path:
        """Where what is remembered lives (watched too: the CLI adding music shows in the window)."""
        return self._files.folder

    # --- what the faces show ---------------------------------------------------------------------

    def places(self) -> Places:
        with self._state:
            return self._load()

    def entries(self) -> list[LibraryEntry]:
        """Every playable file as a library entry; those whose folder cannot be reached are kept, marked
        unavailable (shown greyed, passed over by the play order)."""
        with self._state:
            places = self._load()
            records = list(self._records.values())
        unreachable = self._unreachable(places)
        out = [_entry(r, places, unreachable) for r in records if r.tags is not None]
        return sorted(out, key=_shelf_order)

    def find(self, id_or_path: str) -> LibraryEntry | None:
        """The entry for an own file's ID or path; None when it is not in the library."""
        with self._state:
            places = self._load()
            path = self._ids.get(id_or_path) if self.owns(id_or_path) else _absolute(id_or_path)
            record = self._records.get(path) if path is not None else None
        if record is None or record.tags is None:
            return None
        return _entry(record, places, self._unreachable(places))

    @staticmethod
    def owns(ident: str) -> bool:
        """Whether a library ID is an own file's (rather than a license's or a content ID)."""
        return ident.startswith(ID_PREFIX)

    def cover(self, ident: str) -> Cover | None:
        """The cover in an own file's tags (None: it has none, or the file cannot be read now)."""
        entry = self.find(ident)
        if entry is None or entry.own is None or not entry.own.available:
            return None
        return read_cover(entry.own.path)

    def open(self, id_or_path: str) -> OwnTrack:
        """The file, ready to play where it is, with its tags and cover. `OwnMusicError` when it is not in
        the library or cannot be read now."""
        entry = self.find(id_or_path)
        if entry is None or entry.own is None:
            raise OwnMusicError(
                translate("Errors", "{id_or_path} is not in your music: add it (or its folder) first").format(
                    id_or_path=id_or_path
                )
            )
        row, own = entry.row, entry.own
        name = f"“{row.title}”"
        if not own.available:
            raise OwnMusicError(
                translate(
                    "Errors",
                    "{name} cannot be played: {folder} cannot be reached now (is its drive plugged in?)",
                ).format(name=name, folder=own.folder or own.path.parent)
            )
        if not os.access(own.path, os.R_OK):
            if own.path.exists():
                said = translate("Errors", "{name} cannot be played: {path} cannot be read")
            else:
                said = translate("Errors", "{name} cannot be played: {path} is no longer there")
            raise OwnMusicError(said.format(name=name, path=own.path))
        return OwnTrack(
            row.license_id,
            own.path,
            own.mime,
            row.title,
            row.artist,
            row.album,
            row.duration_ms,
            read_cover(own.path),
            read_replaygain(own.path),
        )

    def offers(self, catalog: Sequence[CatalogEntry]) -> dict[str, CatalogEntry]:
        """Own files a provider sells the same recording of (same title and artist, ignoring case and
        spaces, and within `DURATION_SLACK_MS` in length): own file ID -> the catalog's track. Compared
        here; nothing about the files goes anywhere."""
        sold: dict[tuple[str, str], list[CatalogEntry]] = {}
        for item in catalog:
            if item.available:
                sold.setdefault(_match_key(item.title, item.artist), []).append(item)
        out = {}
        for entry in self.entries():
            r = entry.row
            near = [
                c
                for c in sold.get(_match_key(r.title, r.artist), [])
                if r.artist and abs(c.duration_ms - r.duration_ms) <= DURATION_SLACK_MS
            ]
            if near:
                out[r.license_id] = min(near, key=lambda c: abs(c.duration_ms - r.duration_ms))
        return out

    def watched(self) -> list[Path]:
        """Folders to watch for changes: every folder scanned, the nearest existing folder above a place
        that cannot be reached (where its drive will appear), and where the places are remembered."""
        with self._state:
            places = self._load()
            dirs = set(self._directories)
        for path in [*(f.path for f in places.folders), *(p.parent for p in places.files)]:
            if not path.is_dir():
                dirs.add(_nearest_existing(path))
        with contextlib.suppress(OSError):  # a read-only library: what the CLI adds shows at the next start
            dirs.add(self._files.ensure_folder())
        return sorted(dirs)

    # --- what the user does ------------------------------------------------------------------------

    def add(self, paths: Iterable[Path | str], progress: Progress | None = None) -> MusicScan:
        """Add folders (with everything below them) and single files, remember them, and read what they
        hold. Paths that are not there or not audio are reported in `skipped`; nothing that can be read is
        refused for the others' sake."""
        folders: list[Path] = []
        files: list[Path] = []
        skipped: list[Skipped] = []
        for given in paths:
            path = _absolute(given)
            if path.is_dir():
                folders.append(path)
            elif path.is_file() and path.suffix.lower() in AUDIO_SUFFIXES:
                files.append(path)
            elif path.exists():
                skipped.append(
                    Skipped(path, translate("OwnMusic", "it is not an audio file this player reads"))
                )
            else:
                skipped.append(Skipped(path, translate("OwnMusic", "there is no such file or folder")))
        if not folders and not files:
            if len(skipped) == 1:
                raise OwnMusicError(
                    translate("Errors", "{path} was not added: {reason}").format(
                        path=skipped[0].path, reason=skipped[0].reason
                    )
                )
            raise OwnMusicError(
                translate("Errors", "nothing was added: none of these is a folder or an audio file")
            )
        with self._scanning:
            self._change_places(lambda p: _with(p, folders, files))
            result = self._rescan([*folders, *files], progress, name_unsupported=True)
        return replace(result, skipped=tuple((s.path, s.reason) for s in skipped) + result.skipped)

    def remove(self, path: Path | str) -> int:
        """Stop showing a folder or file added earlier (the files themselves are left alone); returns how
        many tracks left the library. `OwnMusicError` when it was never added."""
        gone = _absolute(path)
        with self._scanning:
            places = self.places()
            if gone not in places.files and gone not in [f.path for f in places.folders]:
                raise OwnMusicError(
                    translate("Errors", "{gone} is not one of the folders or files you added").format(
                        gone=gone
                    )
                )
            self._change_places(
                lambda p: Places(
                    tuple(f for f in p.folders if f.path != gone), tuple(f for f in p.files if f != gone)
                )
            )
            return self._rescan([gone], None).removed

    def rescan(self, within: Iterable[Path] | None = None, progress: Progress | None = None) -> MusicScan:
        """Look again at every place (None), or only at the folders `within` (what a watch saw change).
        A change where the places are remembered (the CLI adding music, or this process) is a look at
        every place: one `stat` a file, and the new places get watched."""
        with self._scanning:
            folders = None if within is None else set(within)
            if folders is not None and self.store_folder in folders:
                folders = None
            return self._rescan(None if folders is None else sorted(folders), progress)

    # --- inside ------------------------------------------------------------------------------------

    def _load(self) -> Places:
        """The places and records, read again when another process (the CLI, a second window) changed
        them since; call with `_state` held."""
        if self._places is None or self._files.places_changed():
            self._places = self._files.places()
        if self._files.records_changed():
            self._set_records(self._files.records())
        return self._places

    def _set_records(self, records: dict[Path, OwnRecord]) -> None:
        self._records = records
        self._ids = {own_id(path): path for path in records}

    def _change_places(self, change: Callable[[Places], Places]) -> None:
        with self._state:
            self._load()  # the records too: what a scan then finds is told against them
            self._places = self._files.change_places(change)

    def _rescan(
        self, within: list[Path] | None, progress: Progress | None, *, name_unsupported: bool = False
    ) -> MusicScan:
        with self._state:
            if self._places is None:
                self._load()  # what was kept before this process started is not news
            before = self._records  # as this process last had them: another may have changed them since
            places = self._load()
            records = dict(self._records)
        found = scan(places, records, within=within, progress=progress, name_unsupported=name_unsupported)
        self._keep(places, found, whole=within is None)
        had = {p for p, r in before.items() if r.tags is not None}
        has = {p for p, r in found.records.items() if r.tags is not None}
        return MusicScan(
            len(has - had),
            sum(before[p] != found.records[p] for p in has & had),
            len(had - has),
            tuple((s.path, s.reason) for s in found.skipped),
            tuple(found.unavailable),
        )

    def _keep(self, places: Places, found: Scanned, *, whole: bool) -> None:
        moved = {p: dev for p, dev in found.devices.items() if dev != _device(places, p)}
        if moved:
            self._change_places(lambda p: _moved(p, moved))
        if found.records != self._records:
            self._files.keep_records(found.records.values())
        with self._state:
            self._set_records(found.records)
            self._directories = found.directories if whole else self._directories | found.directories

    @staticmethod
    def _unreachable(places: Places) -> set[Path]:
        out = {f.path for f in places.folders if reachable(f) is None}
        out |= {p for p in places.files if not p.parent.is_dir()}
        return out


def _entry(record: OwnRecord, places: Places, unreachable: set[Path]) -> LibraryEntry:
    tags = record.tags
    assert tags is not None
    folder = next((f.path for f in places.folders if record.path.is_relative_to(f.path)), None)
    available = (folder or record.path) not in unreachable
    ident = own_id(record.path)
    row = LibraryRow(
        content_id=ident,
        title=tags.title,
        artist=tags.artist,
        album=tags.album,
        genre=tags.genre,
        provider="",
        duration_ms=tags.duration_ms,
        license_id=ident,
        policy_id="",
        item_id="",
        file=str(record.path) if available else None,
        version=None,
        mime=tags.mime,
        package_present=False,
        track_number=tags.track_number,
        disc_number=tags.disc_number,
        year=tags.year,
        album_artist=tags.album_artist,
        compilation=tags.compilation,
    )
    own = OwnFile(record.path, folder, available, tags.mime)
    if available:
        return LibraryEntry(row, LibraryState.VALID, own=own)
    where = folder or record.path.parent
    detail = translate("OwnMusic", "{where} cannot be reached now (is its drive plugged in?)").format(
        where=where
    )
    return LibraryEntry(row, LibraryState.UNKNOWN, UNAVAILABLE, None, detail, own=own)


def _shelf_order(entry: LibraryEntry) -> tuple[str, str, int, int, str]:
    r = entry.row
    return (r.artist.casefold(), r.album.casefold(), r.disc_number, r.track_number, r.title.casefold())


def _with(places: Places, folders: list[Path], files: list[Path]) -> Places:
    """The places with new folders and files: one inside a folder already added adds nothing, and a new
    folder takes the place of those already added inside it."""
    kept = [f for f in places.folders if not any(f.path.is_relative_to(n) for n in folders)]
    for new in folders:
        if not any(new.is_relative_to(f.path) for f in kept):
            kept.append(OwnFolder(new, _stat_device(new)))
    singles = [p for p in (*places.files, *files) if not any(p.is_relative_to(f.path) for f in kept)]
    return Places(tuple(kept), tuple(dict.fromkeys(singles)))


def _moved(places: Places, devices: dict[Path, int]) -> Places:
    return Places(
        tuple(OwnFolder(f.path, devices.get(f.path, f.device)) for f in places.folders), places.files
    )


def _device(places: Places, path: Path) -> int:
    return next((f.device for f in places.folders if f.path == path), 0)


def _stat_device(path: Path) -> int:
    try:
        return path.stat().st_dev
    except OSError:
        return 0


def _nearest_existing(path: Path) -> Path:
    for parent in path.parents:
        if parent.is_dir():
            return parent
    return Path(path.anchor or "/")
