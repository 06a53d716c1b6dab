"""Tracks opened before they are played, so the click that plays does not wait for the opening.

Opening a track is the slow half of a play: the policy key and the list mark come from the keyring, the
cached list's signatures are checked, the license is unwrapped and the container's header authenticated
— milliseconds — while playing a track that is already open costs about what playing a plain file does
(`bench/ttfa.py`: within 10%, against ~40% with the opening inside). And the next play is usually
known before it is asked for: a double-click selects its row before it activates it, Enter plays the row
the keyboard moved to, and while a track plays the next one in the queue is waiting. So the controller
asks for those to be opened on the worker, ahead of time, and a play takes the opened track.

What keeps this honest: an opened track is used only within `TTL_S` of its license decision, and only
while the cached list is the one it was decided on — the session's library/list changes call `clear()`,
so an invalidated license is never played from here; its own usage period is checked again at play time
(`Terminal.recheck`). A refusal met while opening ahead is kept the same way and shown only if that
track is then played. At most `CAPACITY` tracks are held (an open file and two decrypted 64 KiB segments
each, in memory only); anything dropped is closed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QIODevice, QObject

from player.errors import BackendError, PlayerError
from player.playback import open_device
from player.terminal import LibraryEntry, LibraryState, OpenedTrack
from player.ui.kit.tasks import Progress
from player.ui.session import UiSession

__all__ = ["CAPACITY", "PREPARE_PRIORITY", "TTL_S", "PreparedTrack", "Preparer"]

TTL_S = 60.0
CAPACITY = 2  # the selected row and the next track in the queue
PREPARE_PRIORITY = 5  # after a play the user asked for, before background work


@dataclass
class PreparedTrack:
    """An opened track with its source device, ready for `Player.play_source`."""

    entry: LibraryEntry
    track: OpenedTrack
    device: QIODevice

    def close(self) -> None:
        self.device.close()  # closes the track's file too
        self.track.close()


Ready = Callable[[PreparedTrack | None, PlayerError | None], None]
"""Called with the opened track, or with the refusal met opening it, or with (None, None): open it anew."""


@dataclass
class _Slot:
    entry: LibraryEntry
    started: float
    prepared: PreparedTrack | None = None
    error: PlayerError | None = None
    finished: bool = False
    waiting: list[Ready] = field(default_factory=list)


class Preparer(QObject):
    """Opens tracks on the session's worker ahead of their play, and hands them over once."""

    def __init__(
        self,
        session: UiSession,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self._slots: dict[str, _Slot] = {}  # by license ID, oldest first

    def prepare(self, entry: LibraryEntry) -> None:
        """Open `entry` on the worker unless it is open (and fresh) or opening already."""
        license_id = entry.row.license_id
        slot = self._slots.get(license_id)
        if slot is not None and not (slot.finished and self._stale(slot)):
            return
        if entry.state is LibraryState.INVALID or entry.own is not None:
            return  # the cached list already refuses it, or an own file: nothing to open ahead
        self._drop(license_id)
        slot = _Slot(entry, self._clock())
        self._slots[license_id] = slot
        while len(self._slots) > CAPACITY:
            self._drop(next(iter(self._slots)))
        terminal = self.session.terminal

        def work(_: Progress) -> OpenedTrack:
            return terminal.open_track(license_id)

        def done(track: OpenedTrack) -> None:
            if self._slots.get(license_id) is not slot:
                track.close()  # cleared or replaced while it was opening
                return
            device = open_device(track.reader, source_file=track.file)
            slot.prepared = PreparedTrack(entry, track, device)
            self._finish(slot)

        def failed(error: PlayerError) -> None:
            if self._slots.get(license_id) is not slot:
                return
            if isinstance(error, BackendError):
                self._drop(license_id)  # may pass by the time it is played: the play asks again
                return
            slot.error = error
            self._finish(slot)

        self.session.call(work, done, failed, priority=PREPARE_PRIORITY)

    def claim(self, license_id: str, ready: Ready) -> bool:
        """Hand over what was prepared for `license_id` to `ready` (now, or when its opening finishes)
        and forget it; False when nothing was, and the caller opens the track itself."""
        slot = self._slots.pop(license_id, None)
        if slot is None:
            return False
        if not slot.finished:
            slot.waiting.append(ready)
            self._slots[license_id] = slot  # stays held until it finishes, then goes to `ready`
            return True
        self._hand_over(slot, ready)
        return True

    def clear(self) -> None:
        """Drop everything: the list or the library changed, so decisions made on the old one are void.
        A play still waiting on an opening gets (None, None) and opens the track anew."""
        for license_id in list(self._slots):
            self._drop(license_id)

    def held(self) -> list[str]:
        """License IDs opened or opening now (for tests and diagnostics)."""
        return list(self._slots)

    def is_ready(self, license_id: str) -> bool:
        """Opened, and waiting for its play."""
        slot = self._slots.get(license_id)
        return slot is not None and slot.prepared is not None

    # --- inside ----------------------------------------------------------------------------------

    def _stale(self, slot: _Slot) -> bool:
        ttl = TTL_S
        if slot.prepared is not None and slot.prepared.track.reusable_for_s is not None:
            ttl = min(ttl, slot.prepared.track.reusable_for_s)  # decided on the insurer's word just now
        return self._clock() - slot.started > ttl

    def _finish(self, slot: _Slot) -> None:
        slot.finished = True
        if slot.waiting:
            self._slots.pop(slot.entry.row.license_id, None)
            waiting, slot.waiting = slot.waiting, []
            for ready in waiting:
                self._hand_over(slot, ready)
                slot.prepared = None  # one play takes the track; any other opens anew

    def _hand_over(self, slot: _Slot, ready: Ready) -> None:
        prepared, error = slot.prepared, slot.error
        if self._stale(slot):
            if prepared is not None:
                prepared.close()
            ready(None, None)
            return
        if prepared is not None:
            try:
                self.session.terminal.recheck(prepared.track)
            except PlayerError:
                prepared.close()
                ready(None, None)  # opening anew reports the refusal the usual way
                return
        ready(prepared, error)

    def _drop(self, license_id: str) -> None:
        slot = self._slots.pop(license_id, None)
        if slot is None:
            return
        if slot.prepared is not None:
            slot.prepared.close()
            slot.prepared = None
        waiting, slot.waiting = slot.waiting, []
        for ready in waiting:
            ready(None, None)
