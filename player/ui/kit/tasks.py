"""Work off the GUI thread: terminal calls run one at a time on a worker, results come back as signals.

The terminal's network client is not thread-safe and its operations are meant to happen in order (a sync
after a purchase, a choice after a claim), so one serial worker runs them all; the GUI thread never waits
on the network, the disk or decryption. Picard's `run_task(func, next_func)` is the model.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from player.errors import PlayerError
from player.language import translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class UnexpectedError(PlayerError):
    """A bug, not a condition the user caused: shown as such, logged with its traceback."""


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call back to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job:
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay) -> None:
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn(self.relay.progressed.emit)
        except PlayerError as e:
            self.relay.failed.emit(e)
        except Exception as e:
            log.error("unexpected error in a background task\n%s", traceback.format_exc())
            self.relay.failed.emit(
                UnexpectedError(
                    translate("Tasks", "something went wrong inside the player ({error})").format(
                        error=f"{type(e).__name__}: {e}"
                    )
                )
            )
        else:
            self.relay.done.emit(result)


class _Queue:
    """The jobs waiting, best first: the highest priority, then the one asked for first.

    QThreadPool's own ordering cannot be trusted for this: a runnable handed to an idle thread is queued
    at priority 0 whatever was asked, so an edit queued at once behind it at the same priority overtook
    it (a playlist's reorder was applied after the drop that followed it). The pool only lends the thread;
    each runnable it is given runs whichever job is best when the thread gets to it."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, _Job]] = []
        self._order = itertools.count()
        self._lock = threading.Lock()

    def push(self, job: _Job, priority: int) -> None:
        with self._lock:
            heapq.heappush(self._heap, (-priority, next(self._order), job))

    def pop(self) -> _Job:
        with self._lock:
            return heapq.heappop(self._heap)[2]


class _Next(QRunnable):
    """One turn of the worker: one `_Queue.push` each, so there is always a job to pop."""

    def __init__(self, queue: _Queue) -> None:
        super().__init__()
        self.queue = queue

    def run(self) -> None:
        self.queue.pop().run()


class TaskRunner(QObject):
    """`run(fn, on_done, on_error, on_progress)`: `fn(progress)` runs on the worker; the callbacks on the
    GUI thread. `busy_changed(bool)` drives spinners and disables buttons while work is queued."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one worker thread for the session's life, never a new one
        self._queue = _Queue()
        self._pending = 0
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[PlayerError], None] | None = None,
        on_progress: Progress | None = None,
        *,
        priority: int = 0,
    ) -> None:
        """Queue `fn`; a higher `priority` runs before queued work of lower priority (a play the user
        asked for does not wait behind a queued sync), never interrupting the task already running."""
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)

        def done(result: object) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                finish()

        def failed(error: object) -> None:
            try:
                if on_error is not None and isinstance(error, PlayerError):
                    on_error(error)
            finally:
                finish()

        relay.done.connect(done)
        relay.failed.connect(failed)
        if on_progress is not None:
            relay.progressed.connect(on_progress)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._queue.push(_Job(fn, relay), priority)
        self._pool.start(_Next(self._queue))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (for quitting and for tests)."""
        return self._pool.waitForDone(msecs)
