"""Waiting in a local event loop: how the playback code waits for Qt without holding the GIL.

A local `QEventLoop.exec()` releases the GIL, so FFmpeg's workers can finish their `readData` calls
and the queued QtMultimedia controls run (the teardown rule in docs/platform.md). Timers here are owned
by the loop, so none fires into a loop that is gone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QMetaObject, Qt, QTimer, SignalInstance

__all__ = ["drain_queued", "wait_until"]

_POLL_MS = 20


def drain_queued() -> None:
    """Return once every event already posted to this thread has been delivered (they are FIFO)."""
    loop = QEventLoop()
    QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)
    loop.exec()


def wait_until(predicate: Callable[[], bool], timeout_s: float, *wake: SignalInstance) -> bool:
    """Run the event loop until `predicate()` holds (True) or `timeout_s` passes (False).

    The predicate is checked every few milliseconds and whenever one of the `wake` signals fires.
    """
    if predicate():
        return True
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    poll = QTimer(loop)
    poll.setInterval(_POLL_MS)

    def check() -> None:
        if predicate() or time.monotonic() >= deadline:
            loop.quit()

    poll.timeout.connect(check)
    for signal in wake:
        signal.connect(check)
    poll.start()
    try:
        loop.exec()
    finally:
        poll.stop()
        for signal in wake:
            signal.disconnect(check)
    return predicate()
