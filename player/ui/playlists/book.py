"""The window's copy of the playlists, kept in step with the files through the terminal.

Every change goes to the core on the worker (`Terminal.playlists`), which reads, changes and writes the
file under the data directory's lock and hands back the playlist as now kept; that answer replaces the
copy here. A reorder or a removal shows at once (the same change is made to the copy first), so a row
dragged never jumps back while the worker finishes something else. When the library changes (a track
replaced by an alternate, a purchase), the core follows each entry to the copy it plays as now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from player.errors import PlayerError
from player.terminal import (
    DamagedPlaylist,
    ImportedPlaylist,
    LibraryEntry,
    Playlist,
    PlaylistItem,
    resolve_playlist,
)
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession

EDIT_PRIORITY = 5  # an edit the user just made goes before background work (not before a play)


def moved(entries: Sequence[object], positions: Iterable[int], to: int) -> list[int]:
    """The order of positions after the entries at `positions` go before the one now at `to`."""
    chosen = sorted({p for p in positions if 0 <= p < len(entries)})
    before = [n for n in range(min(to, len(entries))) if n not in chosen]
    after = [n for n in range(max(to, 0), len(entries)) if n not in chosen]
    return before + chosen + after


class PlaylistBook(QObject):
    changed = Signal()  # the playlists, their names or their entries changed
    loaded = Signal()  # the first listing came in
    damaged_found = Signal(list)  # list[DamagedPlaylist] not said before
    failed = Signal(str, object)  # (what was being done, PlayerError)

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.playlists: list[Playlist] = []
        self.damaged: list[DamagedPlaylist] = []
        self.is_loaded = False
        self._said: set[str] = set()
        session.library_changed.connect(self._follow)

    def get(self, playlist_id: str) -> Playlist | None:
        return next((p for p in self.playlists if p.playlist_id == playlist_id), None)

    def items(self, playlist_id: str) -> list[PlaylistItem]:
        """The playlist's entries with the library's copies they play as, as the library is now."""
        playlist = self.get(playlist_id)
        return resolve_playlist(playlist.entries, self.session.library) if playlist is not None else []

    # --- asking the core ---------------------------------------------------------------------------

    def load(self) -> None:
        def done(found: tuple[list[Playlist], list[DamagedPlaylist]]) -> None:
            self.playlists, self.damaged = found
            self.changed.emit()
            if not self.is_loaded:
                self.is_loaded = True
                self.loaded.emit()
                self._follow(self.session.library)  # a change made while the player was closed
            new = [d for d in self.damaged if d.file not in self._said]
            self._said.update(d.file for d in new)
            if new:
                self.damaged_found.emit(new)

        self.session.call(lambda _: self.session.terminal.playlists.listed(), done, self._failed("read"))

    def create(
        self, name: str, ids: Sequence[str] = (), done: Callable[[Playlist], None] | None = None
    ) -> None:
        """A new playlist (numbered when the name is taken: "New Playlist 2"), then `done(playlist)`."""

        def made(playlist: Playlist) -> None:
            self._put(playlist)
            if done is not None:
                done(playlist)

        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.create(name, ids, numbered=True), made, "make")

    def rename(self, playlist_id: str, name: str) -> None:
        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.rename(playlist_id, name), self._put, "rename")

    def delete(self, playlist_id: str) -> None:
        self.playlists = [p for p in self.playlists if p.playlist_id != playlist_id]
        self.changed.emit()
        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.delete(playlist_id), lambda _: None, "delete")

    def add(
        self,
        playlist_id: str,
        ids: Sequence[str],
        at: int | None = None,
        done: Callable[[], None] | None = None,
    ) -> None:
        """Tracks (license IDs) into the playlist before `at` (None: at the end)."""
        if not ids:
            return

        def added(playlist: Playlist) -> None:
            self._put(playlist)
            if done is not None:
                done()

        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.add(playlist_id, list(ids), at), added, "add to")

    def move(self, playlist_id: str, positions: Sequence[int], to: int) -> None:
        playlist = self.get(playlist_id)
        if playlist is None:
            return
        order = moved(playlist.entries, positions, to)
        self._show(replace(playlist, entries=tuple(playlist.entries[n] for n in order)))
        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.move(playlist_id, positions, to), self._put, "reorder")

    def remove(self, playlist_id: str, positions: Sequence[int]) -> None:
        playlist = self.get(playlist_id)
        if playlist is None or not positions:
            return
        gone = set(positions)
        self._show(
            replace(playlist, entries=tuple(e for n, e in enumerate(playlist.entries) if n not in gone))
        )
        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.remove(playlist_id, list(positions)), self._put, "change")

    def import_file(self, path: Path, done: Callable[[ImportedPlaylist], None]) -> None:
        library = list(self.session.library)
        playlists = self.session.terminal.playlists

        def imported(result: ImportedPlaylist) -> None:
            self._put(result.playlist)
            done(result)

        self._call(lambda: playlists.import_xspf(path, None, library), imported, "import")

    def export_file(self, playlist_id: str, path: Path, done: Callable[[int], None]) -> None:
        library = list(self.session.library)
        playlists = self.session.terminal.playlists
        self._call(lambda: playlists.export_xspf(playlist_id, path, library), done, "export")

    # --- inside ------------------------------------------------------------------------------------

    def _call(self, work: Callable[[], Any], done: Callable[[Any], None], doing: str) -> None:
        self.session.call(lambda _: work(), done, self._failed(doing), priority=EDIT_PRIORITY)

    def _failed(self, doing: str) -> Callable[[PlayerError], None]:
        def failed(e: PlayerError) -> None:
            self.failed.emit(doing, e)
            if doing != "read":
                self.load()  # the copy here goes back to what the files hold

        return failed

    def _follow(self, entries: list[LibraryEntry]) -> None:
        if not self.is_loaded or not entries:
            return
        playlists = self.session.terminal.playlists

        def followed(changed: list[Playlist]) -> None:
            for playlist in changed:
                self._put(playlist)

        def work(_: Progress) -> list[Playlist]:
            return playlists.follow(entries)

        self.session.call(work, followed, lambda _e: None)  # shown followed anyway; kept next time

    def _put(self, playlist: Playlist) -> None:
        self._show(playlist)

    def _show(self, playlist: Playlist) -> None:
        others = [p for p in self.playlists if p.playlist_id != playlist.playlist_id]
        self.playlists = sorted([*others, playlist], key=lambda p: (p.name.casefold(), p.playlist_id))
        self.changed.emit()
