"""The storage medium 45: encrypted tracks, license packages, policies and the license list, on disk.

`Store` is the only way the player writes to its data directory. Blobs are kept exactly as received,
written atomically (atomic.py) and filed under their IDs (layout.py); the SQLite index (index.py) lists
them quickly and is rebuilt from them when damaged. Small writes (a package and its index row) happen
together under the data directory lock (lock.py); a track file is streamed to disk outside the lock, so a
long download in one process never stalls the other, and only filed under it. Plaintext audio never
reaches the disk: a track is accepted only once its first bytes parse as this track's container header.

Nothing here decides whether a license may play: that is `player.license_decision`, from the signed list.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import astuple
from pathlib import Path
from typing import Any, BinaryIO

from player.bulk import paused_collection
from player.errors import LibraryReadOnlyError, MissingFileError, PlayerError, TruncatedError
from player.language import translate
from player.protocol import container
from player.storage import blobs, layout
from player.storage.atomic import (
    finish_partial,
    open_partial,
    remove_durably,
    storage_error,
    unwritable_reason,
    write_atomic,
)
from player.storage.documents import DocumentStore
from player.storage.index import (
    INFO_FIELDS,
    LIBRARY_SQL,
    LICENSE_ROW_SQL,
    PUT_TRACK_SQL,
    SELECT_TRACKS,
    BrokenIndexError,
    Index,
    UnwritableIndexError,
    move_aside,
)
from player.storage.lock import DEFAULT_TIMEOUT, DataDirLock
from player.storage.rebuild import RebuildReport, rebuild
from player.storage.records import FileState, LibraryRow, TrackFileStatus, TrackInfo, TrackRow

log = logging.getLogger(__name__)


class Store(DocumentStore):
    """One user's library in `data_dir`. Safe to share between threads, and between processes (the GUI
    and the CLI) through the lock.

    Opening raises `StorageError` when the directory cannot be used. A damaged index is not an error: it
    is moved aside (`recovered_from` says where) and rebuilt from the files (`rebuilt` says what was found).
    """

    def __init__(self, data_dir: Path, *, lock_timeout: float = DEFAULT_TIMEOUT) -> None:
        self.data_dir = Path(data_dir)
        try:
            layout.make_dirs(self.data_dir)
        except OSError as e:
            raise storage_error(e, self.data_dir, "create") from e
        self.lock = DataDirLock(self.data_dir, lock_timeout)
        self.recovered_from: Path | None = None
        self.rebuilt: RebuildReport | None = None
        with self.lock:
            try:
                index = self._open_index()
            except UnwritableIndexError as e:
                why = unwritable_reason(self.data_dir)
                if why is None:
                    raise
                log.info("library index cannot be written (%s); opening the library read-only", e)
                index = self._filled(Index(self._index_path, read_only_because=why))
        super().__init__(self.data_dir, self.lock, index)  # the documents share lock and index

    @property
    def _index_path(self) -> Path:
        return self.data_dir / layout.INDEX_NAME

    @property
    def read_only(self) -> str | None:
        """Why the library cannot be changed now (full disk, read-only medium), or None. What it holds
        still lists and plays; every write is refused with this sentence until the cause is gone."""
        return self._index.unwritable

    def _open_index(self) -> Index:
        path = self._index_path
        try:
            index = Index(path)
        except BrokenIndexError as e:
            self.recovered_from = move_aside(path)
            log.warning(
                "library index %s is damaged (%s); moved to %s, rebuilding", path, e, self.recovered_from
            )
            index = Index(path)
        return self._filled(index)

    def _filled(self, index: Index) -> Index:
        if index.created:  # new, emptied, or just moved aside: the files say what the library holds
            self.rebuilt = rebuild(index, self.data_dir)
        index.seal()
        return index

    @contextlib.contextmanager
    def _writing(self) -> Iterator[object]:
        """The lock, for a write. A library opened read-only is tried again first: once space is freed
        (or the medium remounted) writing resumes without a restart; until then the reason is raised."""
        with self.lock:
            if self._index.unwritable is not None:
                try:
                    index = self._open_index()
                except UnwritableIndexError as e:
                    why = unwritable_reason(self.data_dir) or self._index.unwritable
                    raise LibraryReadOnlyError(why) from e
                # Not closed here: a reader on another thread may be using it; it closes once dropped.
                self._index = index
            yield self.lock

    def close(self) -> None:
        self._index.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def library(self) -> list[LibraryRow]:
        """One row per license held, with its track's metadata, sorted by artist, album and title.

        Whether a file is present is read from two directory listings, not 100,000 stats, and reflects
        the disk now: a track erased behind the player's back shows `path=None` (FIG.12: report the loss).
        """
        with paused_collection():
            listing = _Listing(self.data_dir)  # the disk is read meanwhile, on a thread of its own
            rows = self._index.rows(LIBRARY_SQL)
            tracks, packages = listing.names()
            return _rows(rows, f"{self.data_dir}/", tracks, packages)

    def library_row(self, license_id: str) -> LibraryRow | None:
        """One license's row as `library` has it (None: not held): one lookup, not the whole library."""
        rows = self._index.rows(LICENSE_ROW_SQL, (license_id,))
        if not rows:
            return None
        files = (rows[0][10], rows[0][13])
        tracks, packages = (
            frozenset([Path(f).name]) if f is not None and (self.data_dir / f).is_file() else frozenset[str]()
            for f in files
        )
        return _rows(rows, f"{self.data_dir}/", tracks, packages)[0]

    # --- tracks ----------------------------------------------------------------------------------

    def put_track_info(self, info: TrackInfo) -> None:
        """Record what the catalog says about a track before (or without) its file. A new version
        forgets the old version's file: it no longer opens with the new license's key ([0048])."""
        _check_info(info)
        with self._writing():
            old = self.track(info.content_id)
            if old is not None and old.info.version == info.version:
                self._file_track(info, old, old.mime, old.path, old.size)
            else:
                self._file_track(info, old, None, None, None)

    def put_track_file(self, info: TrackInfo, data: bytes | Iterable[bytes]) -> Path:
        """Store a whole encrypted container (bytes, or chunks streamed from the network) and return its
        path. `MalformedError` / `MismatchError` / `TruncatedError` when it is not this track's complete
        container; nothing is kept then."""
        _check_info(info)
        path = self.data_dir / layout.track_file(info.content_id, info.version)
        write_atomic(path, blobs.checked_container(data, info.content_id, info.version))
        return self._commit_track(info, path)

    def partial_track_path(self, content_id: str, version: int) -> Path:
        """Where a resumable download of this track accumulates."""
        return self.data_dir / (layout.track_file(content_id, version) + layout.PARTIAL_SUFFIX)

    @contextlib.contextmanager
    def open_track_download(self, content_id: str, version: int) -> Iterator[blobs.ContainerDownload]:
        """An append handle on the partial download; `.size` is where to resume (HTTP Range start). It
        refuses bytes past the size the container's header declares. When the transfer stops, call
        `finish_track_download`."""
        path = self.partial_track_path(content_id, version)
        handle, _ = open_partial(path, magic=container.MAGIC)
        try:
            download = blobs.ContainerDownload(handle, content_id, version)
        except (OSError, PlayerError):
            handle.close()  # what was kept is not this track's start: start again from nothing
            remove_durably(path)
            handle, _ = open_partial(path, magic=container.MAGIC)
            download = blobs.ContainerDownload(handle, content_id, version)
        with handle:
            yield download

    def finish_track_download(self, info: TrackInfo) -> Path:
        """File a completed partial download as the track. `TruncatedError` leaves a partial that is merely
        short in place to resume; a partial that is too long, or not this track's container, is removed."""
        _check_info(info)
        partial = self.partial_track_path(info.content_id, info.version)
        try:
            blobs.check_container_file(partial, info.content_id, info.version)
        except FileNotFoundError as e:
            raise MissingFileError(
                translate("Errors", "no download of {content_id} to finish").format(
                    content_id=repr(info.content_id)
                )
            ) from e
        except OSError as e:
            raise storage_error(e, partial, "read") from e
        except PlayerError as e:
            if not (isinstance(e, TruncatedError) and blobs.is_short_container(partial)):
                remove_durably(partial)
            raise
        final = self.data_dir / layout.track_file(info.content_id, info.version)
        finish_partial(partial, final)
        return self._commit_track(info, final)

    def _commit_track(self, info: TrackInfo, path: Path) -> Path:
        try:
            with path.open("rb") as f:
                mime, size = container.read_header(f).mime, f.seek(0, os.SEEK_END)
        except OSError as e:
            raise storage_error(e, path, "read") from e
        with self._writing():
            self._file_track(info, self.track(info.content_id), mime, path, size)
        return path

    def _file_track(
        self, info: TrackInfo, old: TrackRow | None, mime: str | None, path: Path | None, size: int | None
    ) -> None:
        """Write the metadata file and the index row; drop the previous version's file. Holds the lock."""
        write_atomic(self.data_dir / layout.track_meta(info.content_id), blobs.info_json(info))
        rel = None if path is None else path.relative_to(self.data_dir).as_posix()
        with self._index.transaction() as c:
            c.execute(PUT_TRACK_SQL, (*astuple(info), mime, rel, size))
        if old is not None and old.path is not None and old.path != path:
            remove_durably(old.path)

    def track(self, content_id: str) -> TrackRow | None:
        row = self._index.row(SELECT_TRACKS + " WHERE content_id = ?", (content_id,))
        return None if row is None else self._track_row(row)

    def tracks(self) -> list[TrackRow]:
        """Every track described to the store, licensed or not."""
        return [self._track_row(r) for r in self._index.rows(SELECT_TRACKS + " ORDER BY content_id")]

    def track_path(self, content_id: str) -> Path | None:
        """The track's container file, or None when it was never stored or is gone from the disk."""
        row = self.track(content_id)
        return row.path if row is not None and row.path is not None and row.path.is_file() else None

    def open_track(self, content_id: str) -> BinaryIO:
        """The container file, opened for reading, for `ContainerReader(f, key)`; the caller closes it."""
        path = self.track_path(content_id)
        if path is None:
            raise MissingFileError(
                translate("Errors", "the file of track {content_id} is missing").format(
                    content_id=repr(content_id)
                )
            )
        try:
            return path.open("rb")
        except FileNotFoundError as e:
            raise MissingFileError(
                translate("Errors", "the file of track {content_id} is missing").format(
                    content_id=repr(content_id)
                )
            ) from e
        except OSError as e:
            raise storage_error(e, path, "read") from e

    def remove_track_file(self, content_id: str) -> bool:
        """Delete the track's file but keep its metadata and licenses (it shows as missing); True if a
        file was removed."""
        with self._writing():
            row = self.track(content_id)
            if row is None:
                return False
            with self._index.transaction() as c:
                c.execute(
                    "UPDATE tracks SET mime = NULL, file = NULL, size = NULL WHERE content_id = ?",
                    (content_id,),
                )
            return row.path is not None and remove_durably(row.path)

    def scan_files(self) -> list[TrackFileStatus]:
        """The keyless integrity scan: for each licensed track, is its file there, whole, and its own?
        Reads only headers and sizes; the segment-by-segment check needs the key (terminal layer)."""
        licensed = self._index.rows("SELECT DISTINCT content_id FROM licenses ORDER BY content_id")
        out = []
        for (content_id,) in licensed:
            row = self.track(content_id)
            if row is None:
                out.append(TrackFileStatus(content_id, None, None, FileState.MISSING, None, "never stored"))
                continue
            expected = self.data_dir / layout.track_file(content_id, row.info.version)
            out.append(_file_status(content_id, row.info.version, row.path or expected))
        return out

    def _track_row(self, row: Any) -> TrackRow:
        mime, rel, size = row[INFO_FIELDS:]
        fields = list(row[:INFO_FIELDS])
        fields[-2:] = [bool(fields[-2]), bool(fields[-1])]  # compilation, tagged: 0/1 in SQLite
        info = TrackInfo(*fields)
        return TrackRow(info, mime, None if rel is None else self.data_dir / rel, size)


def _file_status(content_id: str, version: int, path: Path) -> TrackFileStatus:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return TrackFileStatus(content_id, version, path, FileState.MISSING, None)
    except OSError as e:
        return TrackFileStatus(content_id, version, path, FileState.DAMAGED, None, str(e))
    try:
        blobs.check_container_file(path, content_id, version)
    except (OSError, PlayerError) as e:
        return TrackFileStatus(content_id, version, path, FileState.DAMAGED, size, str(e))
    return TrackFileStatus(content_id, version, path, FileState.OK, size)


def _rows(rows: list[Any], base: str, tracks: frozenset[str], packages: frozenset[str]) -> list[LibraryRow]:
    """`LIBRARY_SQL`'s rows as `LibraryRow`s, their two files looked up in the listings (by name)."""
    cut_track, cut_package = len(layout.TRACKS) + 1, len(layout.PACKAGES) + 1
    new = tuple.__new__  # `LibraryRow._make` without its Python-level call: this runs per license
    # Each field by its index (slices and unpacking cost a third more): the query's columns, in order,
    # but for the two files, looked up by name, and the compilation flag, a bool.
    return [
        new(
            LibraryRow,
            (
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                base + f if (f := r[10]) is not None and f[cut_track:] in tracks else None,
                r[11],
                r[12],
                r[13][cut_package:] in packages,
                r[14],
                r[15],
                r[16],
                r[17],
                r[18] != 0,
            ),
        )
        for r in rows
    ]


class _Listing(threading.Thread):
    """The names in `tracks/` and `packages/`, listed while the index answers: the kernel's part of a
    listing runs without the interpreter lock, so the two overlap (a tenth off a 100,000-track start)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(name="library-listing", daemon=True)
        self._dirs = (data_dir / layout.TRACKS, data_dir / layout.PACKAGES)
        self._found: list[frozenset[str]] = []
        self._failed: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._found = [_names(d) for d in self._dirs]
        except BaseException as e:  # raised in the caller's thread, by `names`
            self._failed = e

    def names(self) -> tuple[frozenset[str], frozenset[str]]:
        self.join()
        if self._failed is not None:
            raise self._failed
        return self._found[0], self._found[1]


def _names(directory: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(directory))  # noqa: PTH208 - names, not 100,000 Path objects
    except FileNotFoundError:
        return frozenset()
    except OSError as e:
        raise storage_error(e, directory, "list") from e


def _check_info(info: TrackInfo) -> None:
    if not info.content_id or info.version < 0:
        raise ValueError(translate("Errors", "not a storable track: {info}").format(info=repr(info)))
