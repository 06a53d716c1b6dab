"""The backend's clock: wall time plus an offset the admin API can move.

Guarantee periods run for a year and waiting periods for days; tests and demos move this clock instead of
sleeping. The offset lives in the database so every worker thread sees the same time.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from mock_backend.limits import MAX_CLOCK_OFFSET
from player.protocol.canonical import now_utc


class ClockOutOfRange(ValueError):
    """A move that would put the clock before wall time or more than `MAX_CLOCK_OFFSET` ahead."""


def offset(conn: sqlite3.Connection) -> int:
    """Seconds the backend's clock is ahead of wall time."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'clock_offset'").fetchone()
    return int(row[0]) if row else 0


def now(conn: sqlite3.Connection) -> datetime:
    return now_utc() + timedelta(seconds=offset(conn))


def shift(conn: sqlite3.Connection, seconds: int) -> datetime:
    """Move the clock by `seconds`; never to before wall time, where periods and sessions that began on
    the moved clock would end before they started, nor more than `MAX_CLOCK_OFFSET` ahead, where the
    periods computed on it would run past year 9999 (`ClockOutOfRange`, the offset unchanged)."""
    if offset(conn) + seconds < 0:
        raise ClockOutOfRange(f"moving the clock by {seconds} s would put it before wall time")
    if offset(conn) + seconds > MAX_CLOCK_OFFSET:
        raise ClockOutOfRange(
            f"moving the clock by {seconds} s would put it more than {MAX_CLOCK_OFFSET} s"
            " (a hundred years) ahead of wall time"
        )
    conn.execute(
        "INSERT INTO settings(key, value) VALUES('clock_offset', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value",
        (seconds,),
    )
    return now(conn)
