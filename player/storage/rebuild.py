"""Rebuild the index from the blob files: what makes a damaged `library.sqlite3` harmless.

Every blob says what it is (a package names its license, content, policy and item; a policy its contract
ID and revision; a container header its content ID and version; a metadata file its TrackInfo), so the
index can be recreated from them alone. Files that cannot be read or are misfiled are skipped and
counted; they stay on disk, untouched, for a later look.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import TypeVar

from player.errors import PlayerError
from player.protocol import container
from player.storage import blobs, layout
from player.storage.index import PUT_TRACK_SQL, Index
from player.storage.records import TrackInfo

log = logging.getLogger(__name__)
_Ids = TypeVar("_Ids", tuple[str, str, str, str], tuple[str, int])


@dataclass
class RebuildReport:
    tracks: int = 0
    licenses: int = 0
    policies: int = 0
    skipped: list[str] = field(default_factory=list)  # relative paths of files that were not indexed


def rebuild(index: Index, data_dir: Path) -> RebuildReport:
    """Fill an empty index from the files under `data_dir` in one transaction. Caller holds the lock."""
    report = RebuildReport()
    tracks = _tracks(data_dir, report)
    licenses = _documents(data_dir, layout.PACKAGES, blobs.package_ids, layout.package_file, report)
    policies = _documents(data_dir, layout.POLICIES, blobs.policy_revision, layout.policy_file, report)
    with index.transaction() as c:
        c.executemany(PUT_TRACK_SQL, tracks)
        c.executemany(
            "INSERT OR REPLACE INTO licenses (license_id, content_id, policy_id, item_id, file, added_at) "
            "VALUES (?,?,?,?,?,?)",
            [(*ids, rel, mtime) for rel, ids, mtime in licenses],
        )
        c.executemany(
            "INSERT OR REPLACE INTO policies (policy_id, revision, file) VALUES (?,?,?)",
            [(pid, revision, rel) for rel, (pid, revision), _ in policies],
        )
    report.tracks, report.licenses, report.policies = len(tracks), len(licenses), len(policies)
    if report.skipped:
        log.warning("index rebuild skipped %d unreadable or misfiled files", len(report.skipped))
    return report


def _listing(data_dir: Path, sub: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(data_dir / sub) as it:
            return [e for e in it if e.is_file() and not e.name.startswith(".")]
    except FileNotFoundError:
        return []


def _tracks(data_dir: Path, report: RebuildReport) -> list[tuple[object, ...]]:
    entries = _listing(data_dir, layout.TRACKS)
    infos: dict[str, TrackInfo] = {}
    for e in entries:
        if e.name.endswith(".json"):
            rel = f"{layout.TRACKS}/{e.name}"
            try:
                info = blobs.info_from_json(Path(e.path).read_bytes())
            except (OSError, PlayerError):
                report.skipped.append(rel)
                continue
            if layout.track_meta(info.content_id) == rel:
                infos[info.content_id] = info
            else:
                report.skipped.append(rel)
    # A container with no metadata file (it was stored, then the metadata was lost) is still the user's
    # track: index it under its header's ID, with empty metadata, at the highest version on disk.
    orphans: dict[str, int] = {}
    for e in entries:
        if e.name.endswith(layout.CONTAINER_SUFFIX):
            try:
                with Path(e.path).open("rb") as f:
                    header = container.read_header(f)
            except (OSError, PlayerError):
                report.skipped.append(f"{layout.TRACKS}/{e.name}")
                continue
            if header.content_id not in infos:
                orphans[header.content_id] = max(header.content_version, orphans.get(header.content_id, 0))
    for content_id, version in orphans.items():
        infos[content_id] = TrackInfo(content_id, version, "", "", "", "", "", 0, 0)
    return [_track_row(data_dir, info) for info in infos.values()]


def _track_row(data_dir: Path, info: TrackInfo) -> tuple[object, ...]:
    rel = layout.track_file(info.content_id, info.version)
    mime = size = file = None
    try:
        with (data_dir / rel).open("rb") as f:
            size = f.seek(0, os.SEEK_END)
            file = rel
            mime = container.read_header(f).mime  # a damaged file stays indexed: the scan reports it
    except (OSError, PlayerError):
        pass
    return (*astuple(info), mime, file, size)


def _documents(
    data_dir: Path,
    sub: str,
    read: Callable[[bytes], _Ids],
    name_for: Callable[[str], str],
    report: RebuildReport,
) -> list[tuple[str, _Ids, int]]:
    """(relative path, the IDs `read` finds in it, mtime) for each document filed under its own ID."""
    found = []
    for e in _listing(data_dir, sub):
        rel = f"{sub}/{e.name}"
        try:
            ids = read(Path(e.path).read_bytes())
            mtime = int(e.stat().st_mtime)
        except (OSError, PlayerError):
            report.skipped.append(rel)
            continue
        if name_for(ids[0]) == rel:
            found.append((rel, ids, mtime))
        else:
            report.skipped.append(rel)
    return found
