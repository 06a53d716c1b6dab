"""What is playing, and what plays next: the GUI's playback controller (no widgets).

A play goes in two halves. On the worker, `Terminal.open_track` makes the license decision (FIG.10),
opens the decrypting reader and reads the cover from the decrypted tags in memory. Back on the GUI
thread the reader becomes a `QIODevice` and the `Player` plays it (the QtMultimedia teardown rule of
docs/platform.md lives inside `Player`). The first half usually happens before the click: the
selected row and the next track are opened ahead (`prepared.py`), and a play takes them as they
are. A refusal comes back as `refused(title, text)` for the window to show inline.

The queue is the library as the user sees it (sorted, filtered): `next`/`previous` walk it, skipping
rows the cached list already calls invalid, and the end of a track starts the next one — before it
ends, in fact: the track that follows is queued in the engine, which starts it with no gap
(`following.py`). ReplayGain (`set_replaygain`) levels every track by its own tags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal

from player import words
from player.errors import LicenseInvalidatedError, MissingFileError, PlayerError
from player.playback import PlaybackState, PlayerBase, ReplayGainMode, open_device
from player.terminal import LibraryEntry, OpenedTrack, OwnTrack
from player.ui.kit.messages import describe
from player.ui.kit.tasks import Progress
from player.ui.playing.following import Follower, Queued
from player.ui.playing.order import PlayOrder, Repeat, Shuffle
from player.ui.playing.prepared import PreparedTrack, Preparer
from player.ui.playing.preview import HoldForPreview
from player.ui.playing.queue import PlayQueue
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.playback import Cover

PLAY_PRIORITY = 10  # a play the user asked for goes before queued background work
RESTART_THRESHOLD_MS = 3000  # "previous" past this point restarts the track instead
PREPARE_DELAY_MS = 80  # a selection resting this long is opened ahead (arrowing past rows opens none)


@dataclass(frozen=True)
class NowPlayingTrack:
    entry: LibraryEntry
    title: str
    artist: str
    album: str
    duration_ms: int
    cover: Cover | None = None

    @property
    def license_id(self) -> str:
        return self.entry.row.license_id


class NowPlaying(QObject):
    track_changed = Signal(object)  # NowPlayingTrack | None
    track_started = Signal(object)  # NowPlayingTrack: it plays now (not a restored one, cued)
    refused = Signal(str, str)  # (title, text): why a track did not play, for the window's message bar
    file_missing = Signal(str, str)  # (title, text): a track whose file is gone, to report as lost
    loading_changed = Signal(bool)
    order_changed = Signal()  # repeat or shuffle changed
    queue_ended = Signal()  # the last track ended, or Next was asked for past it, with repeat off
    replaygain_changed = Signal(str)  # the ReplayGainMode's value, after `set_replaygain`

    def __init__(self, session: UiSession, player: PlayerBase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.player = player
        self.current: NowPlayingTrack | None = None
        self._cued_at = 0  # a restored track waits here, paused, until play
        self._generation = 0
        self._queue: Callable[[], list[LibraryEntry]] = lambda: list(session.library)
        self.preparer = Preparer(session, self)
        self.order = PlayOrder()
        self.queue = PlayQueue(self)  # what the listener asked to hear next, before the library's order
        self.queue.changed.connect(self._prepare_following_if_playing)
        self.follower = Follower(session, player, self.preparer, self._following, self)
        self.follower.took_over.connect(self._took_over)
        self._to_prepare: LibraryEntry | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare_selected)
        # Whatever was opened ahead was decided on the old list: drop it when the list or library changes.
        # (A sync is followed by the library's refresh, which opens the next track again.)
        session.synced.connect(self.preparer.clear)
        session.synced.connect(lambda *_: self.follower.requeue(always=True))
        session.library_changed.connect(self._library_changed)
        self.preview_hold = HoldForPreview(session, player, self)  # a clip pauses it, and lets it go on
        player.media_ended.connect(self._on_ended)
        player.failed.connect(self._on_player_failed)

    def set_queue(self, queue: Callable[[], list[LibraryEntry]]) -> None:
        """Where next/previous look: the library in the order the user sees it."""
        self._queue = queue

    # --- starting tracks -------------------------------------------------------------------------

    def prepare_soon(self, entry: LibraryEntry | None) -> None:
        """Open `entry` ahead of its play once the selection rests on it (see `prepared.py`)."""
        self._to_prepare = entry
        self._prepare_timer.start()

    def _prepare_selected(self) -> None:
        entry, self._to_prepare = self._to_prepare, None
        if entry is not None and (self.current is None or entry.row.license_id != self.current.license_id):
            self.preparer.prepare(entry)

    def play(self, entry: LibraryEntry, start_at_ms: int = 0) -> None:
        """Play what was opened ahead, else decide and open on the worker first; a newer request
        supersedes one still opening."""
        self._generation += 1
        generation = self._generation
        self.loading_changed.emit(True)
        if self._to_prepare is not None and self._to_prepare.row.license_id == entry.row.license_id:
            self._prepare_timer.stop()  # a double-click faster than the delay: this play opens it
            self._to_prepare = None

        def ready(prepared: PreparedTrack | None, error: PlayerError | None) -> None:
            if generation != self._generation:
                if prepared is not None:
                    prepared.close()  # the user already asked for something else
            elif error is not None:
                self._refuse(entry, error)
            elif prepared is None:
                self._open_and_play(entry, start_at_ms, generation)
            else:
                self._start(entry, prepared.track, prepared.device, start_at_ms)

        if not self.preparer.claim(entry.row.license_id, ready):
            self._open_and_play(entry, start_at_ms, generation)

    def _open_and_play(self, entry: LibraryEntry, start_at_ms: int, generation: int) -> None:
        if entry.own is not None:
            self._open_own_and_play(entry, start_at_ms, generation)
            return
        license_id = entry.row.license_id

        def work(_: Progress) -> OpenedTrack:
            return self.session.terminal.open_track(license_id)

        def done(track: OpenedTrack) -> None:
            if generation != self._generation:
                track.close()  # the user already asked for something else
                return
            self._start(entry, track, open_device(track.reader, source_file=track.file), start_at_ms)

        def error(e: PlayerError) -> None:
            if generation == self._generation:
                self._refuse(entry, e)

        self.session.call(work, done, error, priority=PLAY_PRIORITY)

    def _open_own_and_play(self, entry: LibraryEntry, start_at_ms: int, generation: int) -> None:
        """The user's own file: no license to decide, nothing to decrypt; its tags and cover are read on
        the worker and the player reads the file where it is."""
        own_id = entry.row.license_id

        def work(_: Progress) -> OwnTrack:
            return self.session.terminal.own_music.open(own_id)

        def done(track: OwnTrack) -> None:
            if generation == self._generation:
                now = NowPlayingTrack(
                    entry, track.title, track.artist, track.album, track.duration_ms, track.cover
                )
                self._begin(now, lambda: self.player.play_file(track.path, track.replaygain), start_at_ms)

        def error(e: PlayerError) -> None:
            if generation == self._generation:
                self._refuse(entry, e)

        self.session.call(work, done, error, priority=PLAY_PRIORITY)

    def _start(self, entry: LibraryEntry, track: OpenedTrack, device: QIODevice, start_at_ms: int) -> None:
        row = entry.row
        now = NowPlayingTrack(
            entry,
            track.title or row.title,
            track.artist or row.artist,
            row.album,
            track.duration_ms,
            track.cover,
        )

        def load() -> None:
            self.player.play_source(device, track.mime, track.duration_ms, track.replaygain)

        self._begin(now, load, start_at_ms)

    def _begin(self, now: NowPlayingTrack, load: Callable[[], None], start_at_ms: int) -> None:
        self.loading_changed.emit(False)
        self._cued_at = 0
        self.current = now
        self.follower.cancel()
        load()
        if start_at_ms > 0:
            self.player.seek(start_at_ms)
        self.track_changed.emit(self.current)
        self.track_started.emit(self.current)
        self._prepare_following()

    def set_repeat(self, repeat: Repeat) -> None:
        self.order.repeat = Repeat(repeat)
        self.order_changed.emit()
        self._prepare_following_if_playing()

    def set_shuffle(self, shuffle: Shuffle) -> None:
        self.order.set_shuffle(Shuffle(shuffle))
        self.order_changed.emit()
        self._prepare_following_if_playing()

    @property
    def replaygain(self) -> ReplayGainMode:
        return self.player.replaygain

    def set_replaygain(self, mode: ReplayGainMode | str) -> None:
        """Level tracks by their ReplayGain tags: "track", "album" or "off"; applies to what plays now."""
        mode = ReplayGainMode(mode)
        self.player.set_replaygain(mode)
        self.replaygain_changed.emit(mode.value)

    def _following(self) -> tuple[LibraryEntry | None, bool]:
        """What plays after the current track, and whether it is the play queue's head."""
        if self.current is not None and self.order.repeat is Repeat.TRACK:
            return self.current.entry, False
        head = self.queue.peek(self.session.library)
        if head is not None:
            return head, True
        return (self._neighbour(+1) if self.current is not None else None), False

    def _prepare_following(self) -> None:
        """Open the track after the current one, so its start at the end of this one does not wait."""
        following, _ = self._following()
        if following is not None:
            self.preparer.prepare(following)

    def _took_over(self, queued: Queued) -> None:
        """The engine started the queued track with no gap: it is the current one now."""
        if queued.from_queue:
            self.queue.take(self.session.library)
        self._cued_at = 0
        self.current = NowPlayingTrack(
            queued.entry, queued.title, queued.artist, queued.album, queued.duration_ms, queued.cover
        )
        self.track_changed.emit(self.current)
        self.track_started.emit(self.current)
        self._prepare_following()

    def _library_changed(self, *_: object) -> None:
        self.preparer.clear()
        self.follower.requeue(always=True)
        if self.session.library:  # a queued track re-issued: its successor is queued
            self.queue.follow(self.session.library)
        # Open the next track again on the new list, once every view has taken the change in.
        QTimer.singleShot(0, self, self._prepare_following_if_playing)

    def _prepare_following_if_playing(self) -> None:
        if self.player.state is not PlaybackState.STOPPED:
            self._prepare_following()
            self.follower.requeue()

    def _refuse(self, entry: LibraryEntry, e: PlayerError) -> None:
        self.loading_changed.emit(False)
        _, text = describe(e)
        if entry.row.title:
            title = self.tr("“{title}” cannot play").format(title=entry.row.title)
        else:
            title = self.tr("This track cannot play")
        if isinstance(e, LicenseInvalidatedError):  # in words, without the license's ID
            text = self.tr("This copy was {reason}: it no longer plays.").format(
                reason=words.reason(e.reason or None, e.invalidated_at)
            )
        if isinstance(e, MissingFileError):
            self.file_missing.emit(
                title,
                self.tr(
                    "Its file is missing from this computer and the insurer cannot be reached to send it "
                    "again. If the license is gone too, report a loss: the insurer re-issues it."
                ),
            )
            return
        self.refused.emit(title, text)

    def cue(self, entry: LibraryEntry, position_ms: int) -> None:
        """Show a track as current, paused at `position_ms`, without opening it (a restored session)."""
        row = entry.row
        self.current = cued = NowPlayingTrack(entry, row.title, row.artist, row.album, row.duration_ms)
        self._cued_at = max(0, position_ms)
        self.track_changed.emit(self.current)

        def cover_read(cover: Cover | None) -> None:  # shown as when it plays, not a blank until then
            if cover is not None and self.current is cued:
                self.current = replace(cued, cover=cover)
                self.track_changed.emit(self.current)

        self.session.read_cover(row.content_id, cover_read)

    @property
    def cued_position(self) -> int:
        return self._cued_at

    @property
    def position(self) -> int:
        """Where the current track is (the cued position while it is not loaded)."""
        if self.player.state is PlaybackState.STOPPED and self.current is not None:
            return self._cued_at
        return self.player.position

    # --- the controls ----------------------------------------------------------------------------

    def toggle(self) -> None:
        """Play/pause; with nothing loaded, start the current (cued) track or the first in the queue."""
        if self.player.state is not PlaybackState.STOPPED:
            self.player.toggle()
        elif self.current is not None:
            self.play(self.current.entry, self._cued_at)
        else:
            first = self._neighbour(+1)
            if first is not None:
                self.play(first)

    def pause(self) -> None:
        if self.player.state is PlaybackState.PLAYING:
            self.player.pause()

    def resume(self) -> None:
        if self.player.state is PlaybackState.PAUSED:
            self.player.resume()
        elif self.player.state is PlaybackState.STOPPED:
            self.toggle()

    def stop(self) -> None:
        self._generation += 1
        self.follower.cancel()
        self.player.stop()

    def next(self) -> bool:
        """Start the next playable row (the first again with repeat all); at the end of the queue, say
        so (`queue_ended`) and return False."""
        entry = self.queue.take(self.session.library) or self._neighbour(+1)
        if entry is None:
            self.queue_ended.emit()
            return False
        self.play(entry)
        return True

    def previous(self) -> None:
        if self.current is not None and self.position > RESTART_THRESHOLD_MS:
            self.seek(0)
            return
        entry = self._neighbour(-1)
        if entry is not None:
            self.play(entry)
        elif self.current is not None:
            self.seek(0)

    def seek(self, ms: int) -> None:
        if self.player.state is PlaybackState.STOPPED:
            if self.current is not None:
                duration = self.current.duration_ms or ms
                self._cued_at = max(0, min(ms, duration))
            return
        duration = self.player.duration or self.current_duration
        self.player.seek(max(0, min(ms, duration) if duration else ms))

    def seek_by(self, delta_ms: int) -> None:
        self.seek(self.position + delta_ms)

    @property
    def current_duration(self) -> int:
        held = self.current.duration_ms if self.current is not None else 0
        return self.player.duration if self.player.duration > 0 else held

    # --- the queue -------------------------------------------------------------------------------

    def _neighbour(self, step: int) -> LibraryEntry | None:
        """The next or previous playable row in play order; greyed rows (the cached list already
        refuses them) are skipped; past an end only with repeat all."""
        current = self.current.license_id if self.current is not None else None
        wrap = self.order.repeat is Repeat.ALL
        return self.order.neighbour(self._queue(), current, step, wrap=wrap)

    def _on_ended(self) -> None:
        self.follower.cancel()  # asked for too late, or refused: the usual way below
        if self.order.repeat is Repeat.TRACK and self.current is not None:
            self.play(self.current.entry)  # repeat one: again, until the user moves on
        elif not self.next():
            self.player.stop()

    def _on_player_failed(self, message: str) -> None:
        if self.current is not None and self.current.title:
            title = self.tr("“{title}” stopped").format(title=self.current.title)
        else:
            title = self.tr("The track stopped")
        self.refused.emit(title, words.sentence(message))
