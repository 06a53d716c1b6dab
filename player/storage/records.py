"""What the store hands out: frozen rows, so no caller can change the library by editing a result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class TrackInfo:
    """What the catalog says about a track. Recorded with (or before) its file, so a library entry whose
    file is gone still has a title to show and a version to download again."""

    content_id: str
    version: int
    title: str
    artist: str
    album: str
    genre: str
    provider: str
    duration_ms: int
    price: int  # yen, as bought
    # Read from the track's own tags once its file is here (decrypted in memory, `tagged` then True);
    # until then the track number is the catalog's and the rest unknown (0, "").
    track_number: int = 0
    disc_number: int = 0
    year: int = 0
    album_artist: str = ""
    compilation: bool = False  # a various-artists album: browsed under one heading, not per artist
    tagged: bool = False


@dataclass(frozen=True)
class TrackRow:
    info: TrackInfo
    mime: str | None  # from the container header; None until a file has been stored
    path: Path | None  # None when no complete file is on disk
    size: int | None


@dataclass(frozen=True)
class PackageRow:
    """A signed license package (FIG.9) the terminal holds; its validity comes from the license list."""

    license_id: str
    content_id: str
    policy_id: str
    item_id: str
    added_at: datetime
    path: Path


@dataclass(frozen=True)
class PolicyRow:
    policy_id: str
    revision: int
    path: Path


class LibraryRow(NamedTuple):
    """One license the terminal knows, joined with its track. Metadata is "" (and durations 0) for a
    license whose track was never described to the store; `file` (and `path`) is None when the track
    file is missing and `package_present` False when the license package file itself is gone (both:
    report a loss).

    A named tuple, not a dataclass: a library lists 100,000 of them at every start, and a tuple is built
    in a third of the time and held in two thirds of the memory. The file is kept as text and made a
    `Path` only when asked for (`path`): making 100,000 of them cost more than the query itself."""

    content_id: str
    title: str
    artist: str
    album: str
    genre: str
    provider: str
    duration_ms: int
    license_id: str
    policy_id: str
    item_id: str
    file: str | None  # the track's container file (absolute); None when it is not on disk
    version: int | None
    mime: str | None
    package_present: bool
    track_number: int = 0
    disc_number: int = 0
    year: int = 0
    album_artist: str = ""
    compilation: bool = False

    @property
    def path(self) -> Path | None:
        """The track's container file, or None when it is missing."""
        return None if self.file is None else Path(self.file)


class FileState(StrEnum):
    OK = "ok"  # present, the header parses, names this track, and the size matches it
    MISSING = "missing"
    DAMAGED = "damaged"  # present but cut short, grown, unreadable, or another track's file


@dataclass(frozen=True)
class TrackFileStatus:
    """The keyless half of the integrity scan; the keyed half (`ContainerReader.verify_all`) is the
    terminal's, through `Store.open_track`."""

    content_id: str
    version: int | None  # None: licensed, but the track was never described to the store
    path: Path | None
    state: FileState
    size: int | None
    detail: str = ""
