"""Scanning the user's music folders: what is there now against what was read before.

A scan walks the folders (hidden files and folders passed over, symbolic links to folders not followed,
so a link loop cannot trap it), stats every file with an audio suffix, and reads the tags only of files
that are new or whose size or time changed since they were read; an unchanged file costs one `stat`. A
file gone from a folder that is there is gone from the library; a folder that cannot be reached (a drive
not plugged in, a network share down) keeps what was read from it, to be shown unavailable rather than
forgotten. Nothing here writes anywhere: the caller keeps the result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from player.language import translate
from player.storage.own_files import OwnFolder, OwnRecord, Places
from player.terminal.own_tags import AUDIO_SUFFIXES, OTHER_AUDIO_SUFFIXES, UnreadableAudio, read_tags

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Skipped:
    """A file a scan did not add, and why (in words)."""

    path: Path
    reason: str


@dataclass
class Scanned:
    """What one scan found: the records after it, and what changed."""

    records: dict[Path, OwnRecord]
    added: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # read by this scan and found not playable
    unavailable: list[Path] = field(default_factory=list)  # folders (or files) that cannot be reached
    directories: set[Path] = field(default_factory=set)  # every folder walked, to watch
    devices: dict[Path, int] = field(default_factory=dict)  # each reachable added folder's file system
    blocked: list[Path] = field(default_factory=list)  # folders that could not be listed this time


def reachable(folder: OwnFolder) -> os.stat_result | None:
    """The folder's stat when it can be read; None when it cannot (gone, unreadable, or an empty mount
    point on another file system than the one it was found on: the drive is not plugged in)."""
    try:
        st = folder.path.stat()
        if not folder.path.is_dir() or not os.access(folder.path, os.R_OK | os.X_OK):
            return None
        if folder.device and st.st_dev != folder.device and not any(os.scandir(folder.path)):
            return None
    except OSError:
        return None
    return st


def scan(
    places: Places,
    records: dict[Path, OwnRecord],
    *,
    within: Iterable[Path] | None = None,
    progress: Progress | None = None,
    name_unsupported: bool = False,
) -> Scanned:
    """Scan every place (or only the folders `within`, each with what is below it: what a watch saw
    change) and return the records as they are now. Files of an audio format this player does not play
    are named in `skipped` when `name_unsupported` (music just added), else passed over quietly."""
    out = Scanned(dict(records))
    changed = None if within is None else set(within)
    found: dict[Path, os.stat_result] = {}
    walked: list[Path] = []  # folders whose every file was seen: what is not found there is gone
    for folder in places.folders:
        st = reachable(folder)
        if st is None:
            out.unavailable.append(folder.path)
            continue
        out.devices[folder.path] = st.st_dev
        for root in [folder.path] if changed is None else _inside(folder.path, changed):
            _walk(root, found, out, name_unsupported)  # a changed folder now gone: nothing is below it
            walked.append(root)
    for path in places.files:
        if changed is None or any(path.is_relative_to(w) for w in changed):
            _single(path, found, out)
    _forget_gone(out, found, walked, places)
    _read_changed(out, found, progress)
    return out


def _inside(root: Path, within: set[Path]) -> list[Path]:
    """The changed folders that lie in `root` (the outermost of nested ones), or `root` itself when a
    change is above it (its own folder was renamed or remounted)."""
    chosen = sorted({w for w in within if w == root or w.is_relative_to(root)}, key=lambda p: len(p.parts))
    if any(root.is_relative_to(w) and root != w for w in within):
        return [root]
    outer: list[Path] = []
    for w in chosen:
        if not any(w.is_relative_to(o) for o in outer):
            outer.append(w)
    return outer


def _walk(root: Path, found: dict[Path, os.stat_result], out: Scanned, name_unsupported: bool) -> None:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue  # gone: so is everything that was below it
        except OSError:
            out.blocked.append(folder)  # cannot be listed now: what it held stays as it was
            continue
        out.directories.add(folder)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file():
                    _consider(Path(entry.path), entry.stat(), found, out, name_unsupported)
            except OSError:
                continue


def _consider(
    path: Path, st: os.stat_result, found: dict[Path, os.stat_result], out: Scanned, name_unsupported: bool
) -> None:
    suffix = path.suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        found[path] = st
    elif suffix in OTHER_AUDIO_SUFFIXES and name_unsupported:
        out.skipped.append(
            Skipped(
                path,
                translate("OwnMusic", "{kind} files are not a format this player plays").format(
                    kind=suffix[1:].upper()
                ),
            )
        )


def _single(path: Path, found: dict[Path, os.stat_result], out: Scanned) -> None:
    """A file added on its own: gone when its folder is there and it is not; unavailable when its
    folder cannot be reached."""
    try:
        st = path.stat()
    except OSError:
        if not path.parent.is_dir():
            out.unavailable.append(path)
        return
    found[path] = st
    out.directories.add(path.parent)


def _forget_gone(out: Scanned, found: dict[Path, os.stat_result], walked: list[Path], places: Places) -> None:
    single = set(places.files)
    for path in list(out.records):
        if path in found:
            continue
        if not places.covers(path):
            gone = True  # its folder was taken out of the library
        elif path in single:
            gone = path.parent.is_dir() and not os.path.lexists(path)
        else:
            seen = any(path.is_relative_to(w) for w in walked)
            gone = seen and not any(path.is_relative_to(b) for b in out.blocked)
        if gone and out.records.pop(path).tags is not None:
            out.removed.append(path)


def _read_changed(out: Scanned, found: dict[Path, os.stat_result], progress: Progress | None) -> None:
    todo = [(p, st) for p, st in found.items() if (r := out.records.get(p)) is None or not r.same_file(st)]
    for n, (path, st) in enumerate(sorted(todo, key=lambda item: str(item[0])), start=1):
        known = path in out.records
        try:
            record = OwnRecord(path, st.st_size, st.st_mtime_ns, read_tags(path))
        except UnreadableAudio as e:
            record = OwnRecord(path, st.st_size, st.st_mtime_ns, None, str(e))
            out.skipped.append(Skipped(path, str(e)))
        out.records[path] = record
        if record.tags is not None:
            (out.updated if known else out.added).append(path)
        elif known:
            out.removed.append(path)  # it was playable, and is not any more
        if progress is not None:
            progress(n, len(todo))
