"""Playlists: kept in the data directory (`storage/playlists.py`), followed as the library changes, and
traded with other players as XSPF (`storage/xspf.py`). No network here.

An entry is a track's content ID plus its words. Which copy in the library it plays as is worked out
each time (`resolve_playlist`, pure): a held copy of that content ID that plays; else, when that copy
was lost and replaced (re-issued, or an alternate chosen in its place: `LibraryEntry.replaced_by`,
FIG.14), the copy that replaced it; else a held track with the same title and artist (the album
preferred), which is how an entry imported from another player finds its track. `follow` writes what
was found back into the entries, so a playlist points at an alternate from then on, and says so when
exported. An entry whose track is gone entirely stays, with its words, and plays nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from player.errors import MalformedError, StorageError, UsageError
from player.storage import LibraryRow, Store, xspf
from player.storage.atomic import write_atomic
from player.storage.playlists import (
    MAX_ENTRIES,
    DamagedPlaylist,
    Playlist,
    PlaylistEntry,
    PlaylistFiles,
    check_name,
)

__all__ = [
    "DamagedPlaylist",
    "ImportedPlaylist",
    "Playlist",
    "PlaylistEntry",
    "PlaylistItem",
    "Playlists",
    "resolve_playlist",
]
from player.language import translate
from player.terminal.own_music import ID_PREFIX as OWN_FILE
from player.terminal.results import LibraryEntry, LibraryState


@dataclass(frozen=True)
class PlaylistItem:
    """One entry of a playlist and the library's copy it plays as (None: no copy here)."""

    entry: PlaylistEntry
    track: LibraryEntry | None

    @property
    def playable(self) -> bool:
        return self.track is not None and self.track.state is not LibraryState.INVALID


@dataclass(frozen=True)
class ImportedPlaylist:
    """An XSPF file made a playlist: how many entries were found in the library and how many not (kept,
    greyed, until their track is here), and how many tracks had nothing to be found by (left out)."""

    playlist: Playlist
    matched: int
    unmatched: int
    skipped: int


def entry_of(row: LibraryRow) -> PlaylistEntry:
    return PlaylistEntry(row.content_id, row.title, row.artist, row.album, row.duration_ms)


def _words(title: str, artist: str) -> tuple[str, str]:
    return title.casefold(), artist.casefold()


def _playing_copy(copies: Iterable[LibraryEntry]) -> LibraryEntry | None:
    """The copy that plays: one the list calls valid, else one it cannot yet say of; the newest."""
    copies = list(copies)
    valid = [c for c in copies if c.state is LibraryState.VALID]
    unknown = [c for c in copies if c.state is LibraryState.UNKNOWN]
    playing = valid or unknown
    return playing[-1] if playing else None


def resolve_playlist(entries: Sequence[PlaylistEntry], library: Sequence[LibraryEntry]) -> list[PlaylistItem]:
    """Each entry with the library's copy it plays as (see the module's docstring); no I/O."""
    by_license = {e.row.license_id: e for e in library}
    by_content: dict[str, list[LibraryEntry]] = {}
    by_words: dict[tuple[str, str], list[LibraryEntry]] = {}
    for e in library:
        by_content.setdefault(e.row.content_id, []).append(e)
        if e.state is not LibraryState.INVALID and e.row.title:
            by_words.setdefault(_words(e.row.title, e.row.artist), []).append(e)

    def successor(e: LibraryEntry) -> LibraryEntry:
        for _ in range(len(by_license)):  # a chain of replacements, never a loop
            following = by_license.get(e.replaced_by) if e.replaced_by else None
            if following is None:
                break
            e = following
        return e

    out = []
    for entry in entries:
        copies = by_content.get(entry.content_id, []) if entry.content_id else []
        track = _playing_copy(copies)
        if track is None and copies:
            track = _playing_copy(successor(c) for c in copies if c.replaced_by) or copies[-1]
        if (track is None or track.state is LibraryState.INVALID) and entry.title:
            same = by_words.get(_words(entry.title, entry.artist), [])
            album = [m for m in same if entry.album and m.row.album.casefold() == entry.album.casefold()]
            track = _playing_copy(album or same) or track
        out.append(PlaylistItem(entry, track))
    return out


def _followed(
    entries: Sequence[PlaylistEntry], library: Sequence[LibraryEntry]
) -> tuple[tuple[PlaylistEntry, ...], bool]:
    """The entries pointing at the copies they play as (a replacement's content ID and words)."""
    out = []
    for item in resolve_playlist(entries, library):
        track = item.track
        playing = track is not None and item.playable and bool(track.row.title)
        out.append(entry_of(track.row) if playing and track is not None else item.entry)
    followed = tuple(out)
    return followed, followed != tuple(entries)


class Playlists:
    def __init__(self, store: Store, library: Callable[[], list[LibraryEntry]]) -> None:
        """`library` lists what entries can play as: the tracks bought and the user's own files."""
        self._files = PlaylistFiles(store.data_dir, store.lock)
        self.library = library

    def listed(self) -> tuple[list[Playlist], list[DamagedPlaylist]]:
        """Every playlist by name and, apart, each damaged file (left as it is) with why."""
        return self._files.listed()

    def get(self, playlist_id: str) -> Playlist:
        return self._files.read(playlist_id)

    def find(self, name_or_id: str) -> Playlist:
        """A playlist by its name (any case) or its ID: the command line's way of naming one."""
        found, _ = self.listed()
        for p in found:
            if name_or_id in (p.playlist_id, p.name) or p.name.casefold() == name_or_id.casefold():
                return p
        raise UsageError(
            translate(
                "Errors", "there is no playlist named {name_or_id} (`playlist list` shows them)"
            ).format(name_or_id=repr(name_or_id))
        )

    def items(self, playlist_id: str, library: Sequence[LibraryEntry] | None = None) -> list[PlaylistItem]:
        return resolve_playlist(self.get(playlist_id).entries, self._entries(library))

    # --- changes -----------------------------------------------------------------------------------

    def create(self, name: str, ids: Sequence[str] = (), *, numbered: bool = False) -> Playlist:
        """A new playlist holding the tracks `ids` name (license or content IDs). A name already taken
        is refused, or with `numbered` gets the first free number ("New Playlist 2")."""
        with self._files.lock:
            playlist = Playlist(self._files.new_id(), self._free_name(check_name(name), numbered))
            if ids:
                playlist = replace(playlist, entries=tuple(self._new_entries(ids)))
            self._files.write(playlist)
        return playlist

    def rename(self, playlist_id: str, name: str) -> Playlist:
        with self._files.lock:
            playlist = self.get(playlist_id)
            wanted = check_name(name)
            if wanted != playlist.name:
                playlist = replace(playlist, name=self._free_name(wanted, False, playlist_id))
                self._files.write(playlist)
        return playlist

    def delete(self, playlist_id: str) -> None:
        """The playlist goes; its tracks stay in the library."""
        self._files.remove(playlist_id)

    def add(self, playlist_id: str, ids: Sequence[str], at: int | None = None) -> Playlist:
        """The tracks `ids` names (license or content IDs, in that order) before position `at` (None:
        at the end). A track may be in a playlist more than once, as in any player."""
        with self._files.lock:
            playlist = self.get(playlist_id)
            entries = list(playlist.entries)
            at = len(entries) if at is None else max(0, min(at, len(entries)))
            entries[at:at] = self._new_entries(ids)
            return self._save(playlist, entries)

    def move(self, playlist_id: str, positions: Iterable[int], to: int) -> Playlist:
        """Drag and drop: the entries at `positions` go, in their order, before the entry now at `to`."""
        with self._files.lock:
            playlist = self.get(playlist_id)
            entries = list(playlist.entries)
            chosen = sorted({p for p in positions if 0 <= p < len(entries)})
            moving = [entries[p] for p in chosen]
            before = [e for n, e in enumerate(entries[:to]) if n not in chosen]
            after = [e for n, e in enumerate(entries[to:], start=to) if n not in chosen]
            return self._save(playlist, before + moving + after)

    def remove(self, playlist_id: str, positions: Iterable[int]) -> Playlist:
        with self._files.lock:
            playlist = self.get(playlist_id)
            gone = set(positions)
            return self._save(playlist, [e for n, e in enumerate(playlist.entries) if n not in gone])

    def follow(self, library: Sequence[LibraryEntry] | None = None) -> list[Playlist]:
        """Point every entry at the copy it plays as now (an alternate chosen for a lost track, a track
        found by its words); returns the playlists that changed. On a library that cannot be written
        the playlists are only followed as they are shown, not on disk."""
        entries = self._entries(library)
        changed = []
        with self._files.lock:
            found, _ = self.listed()
            for playlist in found:
                followed, moved = _followed(playlist.entries, entries)
                if moved:
                    playlist = replace(playlist, entries=followed)
                    try:
                        self._files.write(playlist)
                    except StorageError:
                        continue
                    changed.append(playlist)
        return changed

    # --- XSPF --------------------------------------------------------------------------------------

    def export_xspf(self, playlist_id: str, path: Path, library: Sequence[LibraryEntry] | None = None) -> int:
        """Write the playlist as XSPF (atomically); returns how many tracks it holds."""
        playlist = self.get(playlist_id)
        followed, _ = _followed(playlist.entries, self._entries(library))
        # A file of the user's own goes by its words: its ID here means nothing to another player.
        out = [replace(e, content_id="") if e.content_id.startswith(OWN_FILE) else e for e in followed]
        write_atomic(path, xspf.write(playlist.name, out))
        return len(out)

    def import_xspf(
        self, path: Path, name: str | None = None, library: Sequence[LibraryEntry] | None = None
    ) -> ImportedPlaylist:
        """A new playlist from an XSPF file: entries found by content ID, else by title and artist."""
        try:
            with path.open("rb") as f:
                raw = f.read(xspf.MAX_BYTES + 1)
        except OSError as e:
            raise UsageError(
                translate("Errors", "cannot read {path}: {reason}").format(path=path, reason=e.strerror or e)
            ) from e
        try:
            parsed = xspf.read(raw)
        except MalformedError as e:
            raise type(e)(
                translate("Errors", "the file {name} cannot be imported: {why}").format(name=path.name, why=e)
            ) from e
        entries = self._entries(library)
        followed, _ = _followed(parsed.entries, entries)
        matched = sum(item.playable for item in resolve_playlist(followed, entries))
        title = name or parsed.title or path.stem
        with self._files.lock:
            playlist = Playlist(self._files.new_id(), self._free_name(check_name(title), True), followed)
            self._files.write(playlist)
        return ImportedPlaylist(playlist, matched, len(followed) - matched, parsed.skipped)

    # --- inside ------------------------------------------------------------------------------------

    def _entries(self, library: Sequence[LibraryEntry] | None) -> Sequence[LibraryEntry]:
        return self.library() if library is None else library

    def _new_entries(self, ids: Sequence[str]) -> list[PlaylistEntry]:
        library = self.library()
        by_id = {e.row.license_id: e for e in library}
        for e in library:
            by_id.setdefault(e.row.content_id, e)
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise UsageError(
                translate("Errors", "no track {unknown} in your library (`library` lists them)").format(
                    unknown=repr(unknown[0])
                )
            )
        followed, _ = _followed([entry_of(by_id[i].row) for i in ids], library)
        return list(followed)

    def _save(self, playlist: Playlist, entries: list[PlaylistEntry]) -> Playlist:
        if len(entries) > MAX_ENTRIES:
            raise UsageError(
                translate("Errors", "a playlist holds at most {max_entries} tracks").format(
                    max_entries=format(MAX_ENTRIES, ",")
                )
            )
        playlist = replace(playlist, entries=tuple(entries))
        self._files.write(playlist)
        return playlist

    def _free_name(self, name: str, numbered: bool, own_id: str = "") -> str:
        taken = {p.name.casefold() for p in self.listed()[0] if p.playlist_id != own_id}
        if name.casefold() not in taken:
            return name
        if not numbered:
            raise UsageError(
                translate("Errors", "there is already a playlist named “{name}”").format(name=name)
            )
        n = 2
        while f"{name} {n}".casefold() in taken:
            n += 1
        return f"{name} {n}"
