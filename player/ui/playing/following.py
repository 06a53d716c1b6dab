"""The track that follows, queued in the engine before the current one ends, so it starts with no gap.

The engine says when the end is near (`next_wanted`, about ten seconds ahead). Then the track that
follows — the play queue's head, else the next row in play order, or the same track with repeat one — is
taken from what was opened ahead if that is still fresh (`prepared.py` keeps the rule: a decision is
used only within its time and on the list it was made on), else opened on the worker, and handed to the
engine with `queue_next`. The user's own file is queued too, as a `QFile` over it where it is (no
license, nothing to decrypt). When the engine starts it (`advanced`) it becomes the current track.

Anything that changes what follows — the queue, shuffle, repeat — re-queues if the queued track is no
longer it; a changed library or license list always does, since the queued track was decided on the old
one. A refusal met opening it is not said here: the current track then just ends, and the usual way to
the next track (`NowPlaying.next`) opens it again and says why it cannot play.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QIODevice, QObject, Signal

from player.errors import PlayerError
from player.playback import PlayerBase, open_device
from player.terminal import LibraryEntry, OpenedTrack, OwnTrack
from player.ui.playing.prepared import PreparedTrack, Preparer
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.playback import Cover

__all__ = ["Follower", "Queued"]

QUEUE_PRIORITY = 10  # as a play the user asked for: the sound waits on it

Following = Callable[[], tuple[LibraryEntry | None, bool]]
"""What follows the current track, and whether it is the play queue's head."""


@dataclass(frozen=True)
class Queued:
    """A track handed to the engine to follow the current one, with what to show of it."""

    entry: LibraryEntry
    from_queue: bool
    title: str
    artist: str
    album: str
    duration_ms: int
    cover: Cover | None


def _shown(entry: LibraryEntry, track: OpenedTrack | OwnTrack, from_queue: bool) -> Queued:
    row = entry.row
    album = track.album if isinstance(track, OwnTrack) else row.album
    title, artist = track.title or row.title, track.artist or row.artist
    return Queued(entry, from_queue, title, artist, album, track.duration_ms, track.cover)


class Follower(QObject):
    """Keeps the engine's queued next track the one that follows."""

    took_over = Signal(object)  # Queued: the engine started it, gapless

    def __init__(
        self,
        session: UiSession,
        player: PlayerBase,
        preparer: Preparer,
        following: Following,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.player = player
        self.preparer = preparer
        self._following = following
        self.queued: Queued | None = None
        self._request = 0  # the queueing under way; bumped to cancel it
        player.next_wanted.connect(self.queue_following)
        player.advanced.connect(self._advanced)

    def queue_following(self) -> None:
        """Take or open the track that follows and queue it in the engine."""
        entry, from_queue = self._following()
        if entry is None:
            return
        self._request += 1
        request = self._request
        license_id = entry.row.license_id

        def wanted() -> bool:
            return request == self._request and self.player.wants_next

        def hand_over(track: OpenedTrack, device: QIODevice) -> None:
            self.queued = _shown(entry, track, from_queue)
            self.player.queue_next(device, track.mime, track.duration_ms, track.replaygain)

        def own_opened(track: OwnTrack) -> None:
            device = QFile(str(track.path))
            if not wanted() or not device.open(QIODevice.OpenModeFlag.ReadOnly):
                return  # gone meanwhile: the track ends, and the usual next() says why
            self.queued = _shown(entry, track, from_queue)
            self.player.queue_next(device, track.mime, track.duration_ms, track.replaygain)

        def opened(track: OpenedTrack) -> None:
            if wanted():
                hand_over(track, open_device(track.reader, source_file=track.file))
            else:
                track.close()

        def open_anew() -> None:
            terminal = self.session.terminal
            self.session.call(
                lambda _: terminal.open_track(license_id), opened, lambda _: None, priority=QUEUE_PRIORITY
            )

        if entry.own is not None:
            own_music = self.session.terminal.own_music
            self.session.call(lambda _: own_music.open(license_id), own_opened, lambda _: None)
            return

        def ready(prepared: PreparedTrack | None, error: PlayerError | None) -> None:
            if prepared is not None and wanted():
                hand_over(prepared.track, prepared.device)
            elif prepared is not None:
                prepared.close()
            elif error is None and wanted():
                open_anew()  # stale or dropped: decide again

        if not self.preparer.claim(license_id, ready):
            open_anew()

    def requeue(self, *, always: bool = False) -> None:
        """What follows may have changed (or, `always`, the list it was decided on): queue it afresh
        unless the queued track is still the one that follows."""
        if self.queued is None and not self.player.wants_next:
            return
        if not always and self.queued is not None:
            entry, _ = self._following()
            if entry is not None and entry.row.license_id == self.queued.entry.row.license_id:
                return
        if not self.player.clear_next():
            return  # it has begun to play: `advanced` makes it current
        self.cancel()
        if self.player.wants_next:
            self.queue_following()

    def cancel(self) -> None:
        """Forget the queued track and any queueing under way (the engine let go of, or will drop, it)."""
        self._request += 1
        self.queued = None

    def _advanced(self) -> None:
        queued, self.queued = self.queued, None
        if queued is not None:
            self.took_over.emit(queued)
