"""The courier: pushes what this process's insurers wrote to the peers hosted elsewhere, pulls what the
peers wrote, on one background thread with a connection of its own.

- **Push.** Every record written here is queued in `exchange_outbox` for every peer, in the same
  transaction as the grant it records, so a restart loses nothing. The courier sends what is due in
  batches (`POST /api/v1/exchange/records`, signed by the writer); a batch that fails waits
  `exchange_retry_seconds`, then twice that, up to `exchange_retry_max_seconds`, and after
  `exchange_push_attempts` tries is given up: the peer's own pulls still fetch it.
- **Pull.** At start and every `exchange_pull_seconds`, each insurer of this process asks each peer for
  what the peer wrote after the cursor it kept (`GET /api/v1/exchange/records?since=N`). So a peer that
  was down while a record was pushed, or one whose pusher gave up, catches up on its next start.
- **Pins.** Nothing goes to a peer, and nothing from it is taken, before its key is pinned
  (`registry.py`); an unpinned peer is asked for its key again every few seconds.

Nothing here blocks a request: the courier works beside the server, and a claim only reads what
has arrived.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import requests
from pydantic import ValidationError

from mock_backend import db
from mock_backend.exchange import records
from mock_backend.exchange.registry import Exchange, Local, Peer, PinRefused
from mock_backend.exchange.signing import signed_headers
from player.errors import PlayerError
from player.protocol.canonical import b64d, b64e, canonical_json, format_time, now_utc
from player.protocol.insurers_api import ExchangeKey, ExchangeReceipt, ExchangeRecords

log = logging.getLogger("mock_backend.exchange")
TIMEOUT = 10.0
BATCH = 50  # records per push (`ExchangeBatch` takes no more)
PIN_AGAIN = 2.0  # seconds between attempts to pin a peer not pinned yet
LOOK_AGAIN = 1.0  # seconds at most between looks at the outbox (a record is queued before its commit)
MAX_PAGES = 200  # pages of one pull before the next round goes on


class Courier:
    def __init__(self, exchange: Exchange, db_path: Path) -> None:
        self.exchange = exchange
        self.settings = exchange.settings
        self._db_path = db_path
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._http = requests.Session()
        self._unreached: set[str] = set()  # peers not pinned whose failure was said once (not every round)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="exchange-courier", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.exchange.wake.set()
        if self._thread is not None:
            self._thread.join(timeout=TIMEOUT + 5)
        self._http.close()

    def _run(self) -> None:
        conn = db.connect(self._db_path)
        next_pull = 0.0
        try:
            while not self._stop.is_set():
                self.exchange.wake.clear()
                wait = LOOK_AGAIN
                try:
                    unpinned, newly = self._pin(conn)
                    if newly or time.monotonic() >= next_pull:
                        self._pull(conn)
                        next_pull = time.monotonic() + self.settings.exchange_pull_seconds
                    wait = min(wait, next_pull - time.monotonic(), self._push(conn))
                    if unpinned:
                        wait = min(wait, PIN_AGAIN)
                except Exception:  # a round that failed (a bug, a locked database): said, then tried again
                    log.exception("the exchange courier's round failed")
                    wait = PIN_AGAIN
                self.exchange.wake.wait(max(0.05, wait))
        finally:
            conn.close()

    # --- pins ------------------------------------------------------------------------------------------

    def _pin(self, conn: sqlite3.Connection) -> tuple[bool, bool]:
        """Ask every peer not pinned yet for its key: (whether one is still not pinned, whether one was
        pinned now, and is to be pulled from at once)."""
        waiting = newly = False
        for peer in self.exchange.remote.values():
            if self.exchange.pinned(peer.id):
                continue
            try:
                r = self._http.get(peer.url + "/api/v1/exchange/key", timeout=TIMEOUT)
                r.raise_for_status()
                with db.transaction(conn):
                    self.exchange.pin(conn, peer.id, ExchangeKey.model_validate_json(r.content))
                newly = True
            except (requests.RequestException, ValidationError, PinRefused) as e:
                said = peer.id in self._unreached
                (log.info if said and not isinstance(e, PinRefused) else log.warning)(
                    "cannot pin the key of %s yet: %s", peer.id, e
                )
                self._unreached.add(peer.id)
                waiting = True
        return waiting, newly

    # --- push ------------------------------------------------------------------------------------------

    def _push(self, conn: sqlite3.Connection) -> float:
        """Send what is due; the seconds until the next try is due (a large number when none is)."""
        now = time.time()
        due = conn.execute(
            "SELECT peer, writer, record_id, attempts FROM exchange_outbox"
            " WHERE delivered_at IS NULL AND given_up = 0 AND next_at <= ? ORDER BY next_at, rowid LIMIT 500",
            (now,),
        ).fetchall()
        batches: dict[tuple[str, str], list[sqlite3.Row]] = {}
        for row in due:
            batches.setdefault((row["peer"], row["writer"]), []).append(row)
        for (peer_id, writer), rows in batches.items():
            peer, local = self.exchange.remote.get(peer_id), self.exchange.local.get(writer)
            if peer is None or local is None or not self.exchange.pinned(peer_id):
                continue  # no longer a peer, or not pinned yet: kept for when it is
            for start in range(0, len(rows), BATCH):
                self._send(conn, peer, local, rows[start : start + BATCH])
        after = conn.execute(
            "SELECT MIN(next_at) FROM exchange_outbox WHERE delivered_at IS NULL AND given_up = 0"
        ).fetchone()[0]
        return float(after) - time.time() if after is not None else 3600.0

    def _send(self, conn: sqlite3.Connection, peer: Peer, local: Local, rows: list[sqlite3.Row]) -> None:
        ids = [r["record_id"] for r in rows]
        documents = [
            conn.execute(
                "SELECT doc FROM shared_records WHERE holder = ? AND writer = ? AND record_id = ?",
                (local.id, local.id, record_id),
            ).fetchone()["doc"]
            for record_id in ids
        ]
        body = canonical_json({"records": [b64e(bytes(d)) for d in documents]})
        target = "/api/v1/exchange/records"
        headers = signed_headers(local, peer.id, "POST", target, body)
        headers["Content-Type"] = "application/json"
        try:
            r = self._http.post(peer.url + target, data=body, headers=headers, timeout=TIMEOUT)
            if r.status_code != 200:
                raise requests.HTTPError(f"HTTP {r.status_code}: {r.text[:300]}")
            receipt = ExchangeReceipt.model_validate_json(r.content)
        except (requests.RequestException, ValidationError) as e:
            self._failed(conn, peer, local, rows, str(e))
            return
        refused = "; ".join(f"#{x.index}: {x.reason}" for x in receipt.refused)
        if refused:
            log.error("%s refused records of %s: %s", peer.id, local.id, refused)
        with db.transaction(conn):
            conn.executemany(
                "UPDATE exchange_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = ?"
                " WHERE peer = ? AND writer = ? AND record_id = ?",
                [(format_time(now_utc()), refused, peer.id, local.id, i) for i in ids],
            )

    def _failed(
        self, conn: sqlite3.Connection, peer: Peer, local: Local, rows: list[sqlite3.Row], why: str
    ) -> None:
        s = self.settings
        log.info("pushing to %s failed (%s); tried again later", peer.id, why)
        with db.transaction(conn):
            for row in rows:
                attempts = int(row["attempts"]) + 1
                wait = min(s.exchange_retry_seconds * 2 ** (attempts - 1), s.exchange_retry_max_seconds)
                conn.execute(
                    "UPDATE exchange_outbox SET attempts = ?, next_at = ?, given_up = ?, last_error = ?"
                    " WHERE peer = ? AND writer = ? AND record_id = ?",
                    (
                        attempts,
                        time.time() + wait,
                        int(attempts >= s.exchange_push_attempts),
                        why[:500],
                        peer.id,
                        local.id,
                        row["record_id"],
                    ),
                )

    # --- pull ------------------------------------------------------------------------------------------

    def _pull(self, conn: sqlite3.Connection) -> None:
        for peer in self.exchange.remote.values():
            if not self.exchange.pinned(peer.id):
                continue
            for local in self.exchange.local.values():
                try:
                    self._pull_one(conn, peer, local)
                except (requests.RequestException, ValidationError) as e:
                    log.info(
                        "pulling from %s for %s failed (%s); again at the next round", peer.id, local.id, e
                    )

    def _pull_one(self, conn: sqlite3.Connection, peer: Peer, local: Local) -> None:
        row = conn.execute(
            "SELECT cursor FROM exchange_cursors WHERE holder = ? AND peer = ?", (local.id, peer.id)
        ).fetchone()
        cursor = int(row["cursor"]) if row else 0
        for _ in range(MAX_PAGES):
            target = f"/api/v1/exchange/records?since={cursor}"
            headers = signed_headers(local, peer.id, "GET", target)
            r = self._http.get(peer.url + target, headers=headers, timeout=TIMEOUT)
            if r.status_code != 200:
                raise requests.HTTPError(f"HTTP {r.status_code}: {r.text[:300]}")
            page = ExchangeRecords.model_validate_json(r.content)
            with db.transaction(conn):
                for text in page.records:
                    try:
                        records.receive(self.exchange, conn, local.id, b64d(text, "record"))
                    except (records.RecordRefused, PlayerError) as e:
                        log.error("a record pulled from %s was refused: %s", peer.id, e)
                cursor = max(cursor, page.next)
                conn.execute(
                    "INSERT INTO exchange_cursors(holder, peer, cursor) VALUES (?, ?, ?)"
                    " ON CONFLICT(holder, peer) DO UPDATE SET cursor = excluded.cursor",
                    (local.id, peer.id, cursor),
                )
            if not page.more:
                return
