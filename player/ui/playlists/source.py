"""What Next and Previous walk: the library as the user sees it, or the playlist being played.

`NowPlaying` asks one function for its order (`set_queue`); this is that function. A play started from
a playlist's page makes the playlist the source, a play from the library makes the library the source
again; the Up Next queue still goes first either way, and shuffle and repeat apply to whichever it is.
A playlist gives each track once, in its order, as the copies its entries play as now (an entry whose
track was replaced plays the replacement; one that plays nothing is skipped as a greyed row is).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from player.terminal import LibraryEntry
from player.ui.playlists.book import PlaylistBook


class PlaySource(QObject):
    changed = Signal(str)  # the playlist played from ("": the library)

    def __init__(
        self, library: Callable[[], list[LibraryEntry]], book: PlaylistBook, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._book = book
        self.playlist_id = ""
        book.changed.connect(self._still_there)

    def use_library(self) -> None:
        self._set("")

    def use_playlist(self, playlist_id: str) -> None:
        self._set(playlist_id)

    def entries(self) -> list[LibraryEntry]:
        if not self.playlist_id:
            return self._library()
        out: list[LibraryEntry] = []
        seen: set[str] = set()
        for item in self._book.items(self.playlist_id):
            track = item.track
            if track is not None and track.row.license_id not in seen:
                seen.add(track.row.license_id)
                out.append(track)
        return out

    def _set(self, playlist_id: str) -> None:
        if playlist_id != self.playlist_id:
            self.playlist_id = playlist_id
            self.changed.emit(playlist_id)

    def _still_there(self) -> None:
        """A playlist deleted while it plays: the library's order takes over."""
        if self.playlist_id and self._book.is_loaded and self._book.get(self.playlist_id) is None:
            self._set("")
