"""The SQLite index `library.sqlite3`: a fast, rebuildable cache of what the blob files hold.

It answers "what is in my library?" for 10,000 tracks in one query instead of opening 20,000 files. The
files stay the truth: every row can be rebuilt from them (rebuild.py), so a damaged index is moved aside
and rebuilt rather than being fatal. Validity of a license is never stored here — it comes from the
signed license list, every time.

One connection per Store, in autocommit mode, shared by threads under a mutex. Writes run in
`BEGIN IMMEDIATE` transactions and, across processes, inside the data directory lock; WAL lets the
other process read meanwhile. `synchronous=FULL`: a committed row survives a power cut.

A full disk or a read-only medium must not stop the music: WAL mode cannot even open a database whose
shared-memory file it cannot size. Then the index is opened read-only (`read_only_because`): the file
itself as immutable when no write-ahead log holds rows it lacks, else an in-memory copy rebuilt from
the files. Writes through it are refused with the reason.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from player.errors import IntegrityError, LibraryReadOnlyError, StorageError
from player.language import translate
from player.storage.atomic import UNWRITABLE, storage_error

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE tracks (
    content_id  TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    artist      TEXT NOT NULL,
    album       TEXT NOT NULL,
    genre       TEXT NOT NULL,
    provider    TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    price       INTEGER NOT NULL,
    track_number INTEGER NOT NULL DEFAULT 0,  -- these six from the track's tags (schema 2)
    disc_number INTEGER NOT NULL DEFAULT 0,
    year        INTEGER NOT NULL DEFAULT 0,
    album_artist TEXT NOT NULL DEFAULT '',
    compilation INTEGER NOT NULL DEFAULT 0,
    tagged      INTEGER NOT NULL DEFAULT 0,
    mime        TEXT,              -- from the container header, once a file is stored
    file        TEXT,              -- relative to the data directory; NULL until stored
    size        INTEGER
);
CREATE TABLE licenses (
    license_id  TEXT PRIMARY KEY,
    content_id  TEXT NOT NULL,
    policy_id   TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    file        TEXT NOT NULL,
    added_at    INTEGER NOT NULL   -- Unix seconds
);
CREATE INDEX licenses_by_content ON licenses(content_id);
CREATE TABLE policies (
    policy_id   TEXT PRIMARY KEY,
    revision    INTEGER NOT NULL,
    file        TEXT NOT NULL
);
"""
# SQLite result codes that mean "this file is not (or no longer) a sound database".
_BROKEN = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
# Primary result codes that mean "it cannot be written here": a full disk (IOERR_SHMSIZE, FULL), a
# read-only medium or directory (READONLY, CANTOPEN), permissions (PERM).
_UNWRITABLE = frozenset(
    {
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
    }
)
# Schema 1 had no tag columns: they are added (empty) and filled as the terminal reads each track's tags.
_MIGRATE_FROM_1 = """
ALTER TABLE tracks ADD COLUMN track_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD COLUMN disc_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD COLUMN year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD COLUMN album_artist TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN compilation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracks ADD COLUMN tagged INTEGER NOT NULL DEFAULT 0;
"""
INFO_FIELDS = 15  # the TrackInfo part of a tracks row; mime, file and size follow
SELECT_TRACKS = """
SELECT content_id, version, title, artist, album, genre, provider, duration_ms, price,
       track_number, disc_number, year, album_artist, compilation, tagged, mime, file, size
FROM tracks
"""
PUT_TRACK_SQL = """
INSERT OR REPLACE INTO tracks
    (content_id, version, title, artist, album, genre, provider, duration_ms, price,
     track_number, disc_number, year, album_artist, compilation, tagged, mime, file, size)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
"""
# In `LibraryRow`'s order, with what a license without a track lacks filled in here rather than in
# Python, row by row: a start lists every license. The two file columns are checked against the disk after.
LIBRARY_SQL = """
SELECT l.content_id, coalesce(t.title, ''), coalesce(t.artist, ''), coalesce(t.album, ''),
       coalesce(t.genre, ''), coalesce(t.provider, ''), coalesce(t.duration_ms, 0),
       l.license_id, l.policy_id, l.item_id, t.file, t.version, t.mime, l.file,
       coalesce(t.track_number, 0), coalesce(t.disc_number, 0), coalesce(t.year, 0),
       coalesce(t.album_artist, ''), coalesce(t.compilation, 0)
FROM licenses AS l LEFT JOIN tracks AS t ON t.content_id = l.content_id
ORDER BY t.artist COLLATE NOCASE, t.album COLLATE NOCASE, t.title COLLATE NOCASE, l.license_id
"""
# One license's row, as the library has it (a play named by its license ID needs no other).
LICENSE_ROW_SQL = LIBRARY_SQL.split("ORDER BY")[0] + "WHERE l.license_id = ?\n"


class BrokenIndexError(Exception):
    """The index file is not a usable database of ours; the store moves it aside and rebuilds it."""


class UnwritableIndexError(StorageError):
    """The index cannot be opened for writing (full disk, read-only medium, no permission); the store
    opens it read-only instead."""


class Index:
    """Raises `BrokenIndexError` at open for a damaged or foreign file, `UnwritableIndexError` when it
    cannot be written, `StorageError` for other failures, `IntegrityError` for damage found later.

    With `read_only_because` (a sentence for the user) it opens for reading only and never fails for a
    damaged file: `created` then says the caller must fill it from the files (`rebuild`)."""

    def __init__(self, path: Path, *, read_only_because: str | None = None) -> None:
        self.path = path
        self.unwritable = read_only_because
        self._mutex = threading.RLock()
        self._sealed = False
        if read_only_because is not None:
            self._conn, self.created = self._open_read_only()
            self._sealed = not self.created
            return
        try:
            self._conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            if _primary(e) in _UNWRITABLE:
                raise UnwritableIndexError(
                    translate("Errors", "cannot open the library index {path}: {e}").format(path=path, e=e)
                ) from e
            raise StorageError(
                translate("Errors", "cannot open the library index {path}: {e}").format(path=path, e=e)
            ) from e
        try:
            self.created = self._prepare()
        except BaseException:
            self._conn.close()
            raise

    def _open_read_only(self) -> tuple[sqlite3.Connection, bool]:
        """The file as it is on disk when that is whole and complete, else an empty in-memory index."""
        if self.path.is_file() and _size(self.path.with_name(self.path.name + "-wal")) == 0:
            # immutable: no locks, no shared memory, nothing created; the file is read as it stands.
            uri = f"file:{urllib.parse.quote(str(self.path))}?mode=ro&immutable=1"
            try:
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            except sqlite3.Error:
                pass  # unreadable as well: the files still say what the library holds
            else:
                try:
                    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and [
                        r[0] for r in conn.execute("PRAGMA quick_check(1)")
                    ] == ["ok"]:
                        return conn, False
                except sqlite3.Error:
                    pass
                conn.close()
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.executescript(f"BEGIN;\n{_SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")
        return conn, True

    def _prepare(self) -> bool:
        """Set up the connection and check the file; True when the schema was just created (empty)."""
        with self._errors(opening=True):
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                if self._conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]:
                    raise BrokenIndexError(
                        translate("Errors", "tables but no schema version: not an index this player wrote")
                    )
                # One script, one transaction: another reader never sees half a schema.
                self._conn.executescript(
                    f"BEGIN IMMEDIATE;\n{_SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;"
                )
                return True
            if version == 1:
                self._conn.executescript(
                    f"BEGIN IMMEDIATE;\n{_MIGRATE_FROM_1}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;"
                )
                version = SCHEMA_VERSION
            if version != SCHEMA_VERSION:
                raise BrokenIndexError(
                    translate("Errors", "schema version {version}, this player uses {schema_version}").format(
                        version=version, schema_version=SCHEMA_VERSION
                    )
                )
            # quick_check reads every page (a few ms for 10,000 tracks): a file cut short is caught here,
            # at open, where it can still be rebuilt, rather than halfway through listing the library.
            problems = [r[0] for r in self._conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise BrokenIndexError("; ".join(problems))
            return False

    def seal(self) -> None:
        """A read-only index refuses writes from now on: the in-memory copy is filled."""
        self._sealed = self.unwritable is not None

    def close(self) -> None:
        with self._mutex:
            self._conn.close()

    @contextlib.contextmanager
    def _errors(self, opening: bool = False) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as e:
            broken = getattr(e, "sqlite_errorcode", None) in _BROKEN
            if broken and opening:
                raise BrokenIndexError(str(e)) from e
            if opening and _primary(e) in _UNWRITABLE:
                raise UnwritableIndexError(
                    translate("Errors", "the library index {path} cannot be written: {e}").format(
                        path=self.path, e=e
                    )
                ) from e
            if self.unwritable is not None and _primary(e) == sqlite3.SQLITE_READONLY:
                raise LibraryReadOnlyError(self.unwritable) from e
            if broken:
                raise IntegrityError(
                    translate(
                        "Errors",
                        "the library index {path} is damaged ({e}); restart Insured Player to rebuild it "
                        "from the library files",
                    ).format(path=self.path, e=e)
                ) from e
            raise StorageError(
                translate("Errors", "the library index {path} cannot be used: {e}").format(
                    path=self.path, e=e
                )
            ) from e

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; all or nothing. Callers hold the data directory lock."""
        if self._sealed:
            raise LibraryReadOnlyError(self.unwritable)
        with self._mutex, self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._mutex, self._errors():
            return self._conn.execute(sql, params).fetchall()

    def row(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._mutex, self._errors():
            return self._conn.execute(sql, params).fetchone()


def _size(path: Path) -> int:
    """Bytes in `path`; 0 when it is not there (or cannot be looked at)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _primary(e: sqlite3.Error) -> int | None:
    code = getattr(e, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def move_aside(path: Path) -> Path:
    """Rename a damaged index (and its WAL) out of the way, keeping it for a post-mortem."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.broken-{stamp}-{os.getpid()}")
    try:
        path.replace(target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
    except OSError as e:
        if e.errno in UNWRITABLE:
            raise UnwritableIndexError(str(storage_error(e, path, "move aside the damaged index"))) from e
        raise storage_error(e, path, "move aside the damaged index") from e
    return target
