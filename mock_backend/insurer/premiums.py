"""[0041]: the premium the insurer quotes for a track depends on its provider's record of trouble.

Each outage the insurer has seen, and every hour a provider took to recover, loads the premium for that
provider's tracks, capped at three times the base rate.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from mock_backend import clock
from player.protocol.canonical import parse_time

PER_OUTAGE = 0.10
PER_HOUR_DOWN = 0.02
MAX_LOADING = 3.0


@dataclass(frozen=True)
class TroubleRecord:
    provider_id: str
    outages: int
    seconds_down: int
    in_outage: bool

    @property
    def loading(self) -> float:
        return min(MAX_LOADING, 1.0 + PER_OUTAGE * self.outages + PER_HOUR_DOWN * self.seconds_down / 3600)


def trouble(conn: sqlite3.Connection, provider_id: str, now: datetime | None = None) -> TroubleRecord:
    now = now or clock.now(conn)
    rows = conn.execute(
        "SELECT started_at, ended_at FROM provider_outages WHERE provider_id = ?", (provider_id,)
    ).fetchall()
    seconds = 0
    open_outage = False
    for r in rows:
        end = parse_time(r["ended_at"]) if r["ended_at"] else now
        open_outage = open_outage or r["ended_at"] is None
        seconds += max(0, int((end - parse_time(r["started_at"])).total_seconds()))
    return TroubleRecord(provider_id, len(rows), seconds, open_outage)


def quote(price: int, premium_rate: float, record: TroubleRecord) -> int:
    """Yen of premium for insuring one track of this price from this provider (at least 1 yen)."""
    return max(1, round(price * premium_rate * record.loading))


def provider_rates(conn: sqlite3.Connection, factor: float = 1.0) -> dict[str, tuple[float, TroubleRecord]]:
    """Each provider's rate at an insurer (`factor`: that insurer's against the base) and its record."""
    now = clock.now(conn)
    return {
        r["id"]: (round(float(r["premium_rate"]) * factor, 4), trouble(conn, r["id"], now))
        for r in conn.execute("SELECT id, premium_rate FROM providers")
    }
