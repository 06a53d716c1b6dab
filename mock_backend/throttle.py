"""Failed sign-ins, counted per account and per client address, to slow down password guessing.

Kept in memory: a restart forgets them, which costs a guesser a restart it cannot cause. Times are the
backend's clock (`clock.now`), so a test moves past the window instead of sleeping through it.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from datetime import datetime, timedelta

from mock_backend import limits
from mock_backend.errors import ApiError


class LoginThrottle:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # sign-ins run on the server's worker threads
        self._failures: dict[str, deque[datetime]] = {}

    @staticmethod
    def _keys(username: str, address: str) -> tuple[tuple[str, int], tuple[str, int]]:
        return (
            ("account:" + username.casefold(), limits.MAX_FAILURES_PER_ACCOUNT),
            ("address:" + address, limits.MAX_FAILURES_PER_ADDRESS),
        )

    def check(self, username: str, address: str, now: datetime) -> None:
        """429 with Retry-After while either count is at its limit within the window."""
        window = timedelta(seconds=limits.THROTTLE_WINDOW)
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(username, address):
                times = self._failures.get(key)
                if times is None:
                    continue
                while times and times[0] <= now - window:
                    times.popleft()
                if not times:
                    del self._failures[key]
                elif len(times) >= limit:
                    wait = max(wait, (times[0] + window - now).total_seconds())
        if wait > 0:
            raise ApiError(
                429,
                "too_many_attempts",
                "too many failed sign-ins for this account or from this address; try again later",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )

    def failed(self, username: str, address: str, now: datetime) -> None:
        with self._lock:
            for key, _ in self._keys(username, address):
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str) -> None:
        """A right password clears the account's count (not the address's: a guesser holding one
        account must not wipe its tries at the others)."""
        with self._lock:
            self._failures.pop(self._keys(username, "")[0][0], None)
