"""HTTP within bounds: a size limit for every kind of answer, one deadline for every exchange.

`requests` bounds only each socket operation: a server that drips a byte a second, or answers headers
and then nothing, holds the caller for as long as it likes, and an answer is read whole into memory
before anyone looks at its size. Here an answer is streamed and counted against the limit for its kind
(docs/protocol.md, "Limits"), and a watchdog ends an exchange at its deadline by shutting its socket
down, whatever stage it is in: connecting, sending, waiting for headers or reading the body. Retries
happen inside the same deadline. Downloads are bounded by progress instead (no bytes for `stall`
seconds ends them); their size is bounded by the container's own header, which the store checks.

The sockets and the streaming read are `player/http_session.py`'s, kept apart so that `requests` (a
twentieth of a second to import) is loaded when the first exchange starts, not when the window opens.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

from player.errors import AnswerTooLargeError, BackendResponseError, PlayerError
from player.language import translate
from player.protocol.canonical import b64d

KiB = 1024
MiB = 1024 * KiB

# The most each kind of answer can legitimately be; more is a broken or hostile server.
JSON_ANSWER = 8 * MiB  # a catalog of tens of thousands of tracks fits several times over
LICENSE_LIST = 64 * MiB  # a full list of 100,000 licenses is about 20 MiB
VALIDITY = 64 * KiB  # one signed statement about one license
COVER = 8 * MiB
PREVIEW = 2 * MiB  # a store clip of a few seconds (the server's own bound, with room to spare)
ERROR_BODY = 64 * KiB
CHUNK = 256 * KiB

Progress = Callable[[int, int], None]  # (bytes so far, total bytes or 0 when unknown)

DEADLINE = 30.0  # seconds for one JSON exchange, its retry included
STALL = 30.0  # seconds a download may receive nothing before it ends
CONNECT = 5.0  # seconds to connect, within either


class Deadline:
    """A point in (monotonic) time an exchange must be over by."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())


class Watch:
    """Shuts down every socket an exchange uses when its deadline passes, which ends any blocked
    connect, send or receive at once (a receive then sees the end of the stream)."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline.remaining(), self._fire)
        self._timer.daemon = True

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def __enter__(self) -> Watch:
        _current.watch = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _current.watch = None


_current = threading.local()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def attach(sock: socket.socket | None) -> None:
    """Hand `sock` to the watch of the exchange running on this thread, if any."""
    watch: Watch | None = getattr(_current, "watch", None)
    if watch is not None:
        watch.attach(sock)


def too_large(what: str, limit: int) -> AnswerTooLargeError:
    return AnswerTooLargeError(
        translate("Errors", "{what} is larger than the {limit} it can be; not reading it").format(
            what=what, limit=size_words(limit)
        )
    )


def size_words(n: int) -> str:
    return f"{n // MiB} MiB" if n >= MiB else f"{n // KiB} KiB"


def decode_b64(text: str, what: str) -> bytes:
    """Base64 fields of API answers; a bad one means the backend answered nonsense."""
    try:
        return b64d(text, what)
    except PlayerError as e:
        raise BackendResponseError(
            translate("Errors", "the backend sent a malformed {what}").format(what=what)
        ) from e
