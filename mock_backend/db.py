"""The backend's one SQLite database (WAL, synchronous FULL): the insurer's DBs and both providers' records.

Tables map to the patent: `policies` + `items` are the insurance contract DB 54 (FIG.6B), `history` and
`redistributions` the re-distribution history DB 53 (FIG.6A), `licenses` the license list 56 (FIG.7),
`licensor_issued` each license server's issuance records (FIG.15 (4)). Every write runs inside
`transaction()`, which takes SQLite's write lock up front (BEGIN IMMEDIATE), so a claim's limit checks and
its counting happen as one step and parallel claims cannot both pass a limit.
"""

from __future__ import annotations

import asyncio
import collections
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from mock_backend import migrations

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    pw_salt BLOB NOT NULL,
    pw_hash BLOB NOT NULL,
    list_version INTEGER NOT NULL DEFAULT 0,  -- FIG.7 list version for this user; only goes up
    created_at TEXT NOT NULL,
    insurer_id TEXT NOT NULL DEFAULT '',  -- whose customer (insurers.py); names are unique per insurer
    pseudonym TEXT NOT NULL DEFAULT ''  -- the exchange's name for the person (shared_history.py)
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS providers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    premium_rate REAL NOT NULL,
    outage_started_at TEXT                     -- non-null while an outage is on ([0041])
);
CREATE TABLE IF NOT EXISTS provider_outages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    provider_id TEXT NOT NULL REFERENCES providers(id),
    started_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE TABLE IF NOT EXISTS contents (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(id),
    title TEXT NOT NULL,
    artist TEXT NOT NULL,
    album TEXT NOT NULL,
    genre TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),
    track_number INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 1,
    discontinued INTEGER NOT NULL DEFAULT 0,
    cover BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contents_genre ON contents(genre);
CREATE TABLE IF NOT EXISTS content_versions (
    content_id TEXT NOT NULL REFERENCES contents(id),
    version INTEGER NOT NULL,
    content_key BLOB NOT NULL,                 -- held by the licensor; travels only inside licenses
    published_at TEXT NOT NULL,
    PRIMARY KEY (content_id, version)
);
CREATE TABLE IF NOT EXISTS encodings (
    content_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    mime TEXT NOT NULL,
    path TEXT NOT NULL,                        -- encrypted container, relative to the data dir
    size INTEGER NOT NULL,
    PRIMARY KEY (content_id, version, mime),
    FOREIGN KEY (content_id, version) REFERENCES content_versions(content_id, version)
);
CREATE TABLE IF NOT EXISTS licensor_issued (      -- FIG.15 (4): license issuance information
    license_id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(id),
    content_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('insurer', 'direct')),
    xml BLOB NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS licensor_issued_user ON licensor_issued(user_id, provider_id);
CREATE TABLE IF NOT EXISTS contract_nonces (      -- replay guard for licensor-signed contract requests
    provider_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, nonce)
);
CREATE TABLE IF NOT EXISTS licensor_nonces (      -- replay guard for insurer-signed requests
    provider_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, nonce)
);
CREATE TABLE IF NOT EXISTS policies (             -- insurance contract DB 54, FIG.6B
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    state TEXT NOT NULL CHECK (state IN ('provisional', 'official')),
    revision INTEGER NOT NULL DEFAULT 1,
    public_key BLOB NOT NULL,
    premium_per_track INTEGER NOT NULL,
    guarantee_start TEXT NOT NULL,
    guarantee_end TEXT NOT NULL,
    relicensing_starts TEXT NOT NULL,
    limit_per_track INTEGER NOT NULL,
    limit_total INTEGER NOT NULL,
    price_difference_limit INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    check_every_play INTEGER NOT NULL DEFAULT 0, -- claim 26: the terminal asks the insurer on every play
    coverage TEXT NOT NULL DEFAULT 'full'        -- claim 32: 'full', 'license' or 'contents'
);
CREATE INDEX IF NOT EXISTS policies_user ON policies(user_id);
CREATE TABLE IF NOT EXISTS items (                -- one insured track, stable across re-issues
    id TEXT PRIMARY KEY,
    policy_id TEXT NOT NULL REFERENCES policies(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    original_content_id TEXT NOT NULL,
    content_id TEXT NOT NULL,                  -- current content (an alternate replaces it)
    license_id TEXT NOT NULL,                  -- current valid license
    price INTEGER NOT NULL,                    -- price paid for the original: the insured value
    premium INTEGER NOT NULL,
    relicense_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    purchase TEXT NOT NULL DEFAULT '',         -- "licensor/license ID" it began with (bought or presented)
    contents_version INTEGER NOT NULL DEFAULT 0 -- claim 32: the version whose audio a contents cover keeps
);
CREATE INDEX IF NOT EXISTS items_policy ON items(policy_id);
CREATE TABLE IF NOT EXISTS licenses (             -- license list 56, FIG.7
    license_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    policy_id TEXT,
    item_id TEXT,
    provider_id TEXT NOT NULL,
    content_id TEXT NOT NULL,
    content_version INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('valid', 'invalid')),
    invalidated_at TEXT,
    reason TEXT,
    changed_in_version INTEGER NOT NULL,       -- the user's list_version when this row last changed
    package BLOB,                              -- the signed license package, for re-download
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS licenses_user_version ON licenses(user_id, changed_in_version);
CREATE TABLE IF NOT EXISTS history (              -- re-distribution history DB 53, FIG.6A
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    first_contract_at TEXT NOT NULL,
    relicensing_count INTEGER NOT NULL DEFAULT 0,
    gross_amount INTEGER NOT NULL DEFAULT 0    -- yen: selling prices of everything re-distributed free
);
CREATE TABLE IF NOT EXISTS redistributions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    claim_id TEXT,
    kind TEXT NOT NULL,                        -- reissue | alternate | upgrade
    old_license_id TEXT NOT NULL,
    new_license_id TEXT NOT NULL,
    content_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    policy_id TEXT NOT NULL REFERENCES policies(id),
    kind TEXT NOT NULL CHECK (kind IN ('loss', 'crash')),
    genre TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_items (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    item_id TEXT,
    license_id TEXT NOT NULL,
    content_id TEXT NOT NULL,
    outcome TEXT NOT NULL
        CHECK (outcome IN ('reissued', 'alternates_offered', 'refused', 'chosen', 'resent')),
    reason TEXT NOT NULL DEFAULT '',
    new_license_id TEXT,
    chosen_alternate_id TEXT
);
CREATE TABLE IF NOT EXISTS alternates (
    id TEXT PRIMARY KEY,
    claim_item_id TEXT NOT NULL REFERENCES claim_items(id),
    content_id TEXT NOT NULL REFERENCES contents(id),
    price_difference INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS purchases (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    content_id TEXT NOT NULL,
    policy_id TEXT,
    item_id TEXT,
    license_id TEXT NOT NULL,
    price INTEGER NOT NULL,
    premium INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS receipts (             -- claim 30: every charge, signed by the party that charged
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    signer TEXT NOT NULL,                      -- "insurer", or the provider ID that sold without insurance
    document BLOB NOT NULL,                    -- the signed receipt, exactly as sent
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS receipts_user ON receipts(user_id, created_at);
CREATE TABLE IF NOT EXISTS idempotency (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key)
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode; writes go through `transaction()`.

    `check_same_thread=False` because a request's connection is taken on the event loop and used on a
    worker thread (`Pool`) — it is still never shared concurrently.
    """
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    # Per connection, not per database: a commit returns once the WAL is on disk, so a claim granted (and
    # answered after its commit) survives a crash of the machine too. NORMAL could lose the last commits
    # to a power cut, and measured no faster under fifty claims at once.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


class Pool:
    """A few open connections to one database, each lent to one request at a time.

    A fresh connection parses the schema and starts with empty caches (statements, pages): about 1.4 ms
    more for a claim than on a connection that has served one before. So connections are kept and
    reused, and there are at most `size` of them: fifty claims arriving at once wait their turn here
    (asynchronously, holding no thread) and then run on warm connections, instead of opening fifty
    cold ones to queue on the writer lock anyway. A connection comes back out of any transaction (a
    request that failed half-way is rolled back here), so the next borrower starts clean.

    Connections are only ever waited for on the event loop (`borrow`), never on a worker thread: a
    worker blocked on the pool while every connection's holder waits for a worker would deadlock.
    `give_back` may be called from any thread.
    """

    def __init__(self, path: Path, size: int = 8) -> None:
        self._path = path
        self._size = size
        self._open = 0
        self._idle: list[sqlite3.Connection] = []
        self._waiters: collections.deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[sqlite3.Connection]]]
        self._waiters = collections.deque()
        self._lock = threading.Lock()
        self._closed = False

    async def borrow(self) -> sqlite3.Connection:
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[sqlite3.Connection] | None = None
        with self._lock:
            if self._idle:
                return self._idle.pop()
            if self._open >= self._size:
                waiter = loop.create_future()
                self._waiters.append((loop, waiter))
            else:
                self._open += 1
        if waiter is None:
            try:
                return connect(self._path)
            except BaseException:
                with self._lock:
                    self._open -= 1
                raise
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():  # handed over just as the borrower gave up
                self.give_back(waiter.result())
            raise

    def give_back(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        with self._lock:
            if self._closed:
                self._open -= 1
                conn.close()
                return
            while self._waiters:
                loop, waiter = self._waiters.popleft()
                if not waiter.done():
                    loop.call_soon_threadsafe(self._hand_over, waiter, conn)
                    return
            self._idle.append(conn)

    def _hand_over(self, waiter: asyncio.Future[sqlite3.Connection], conn: sqlite3.Connection) -> None:
        if waiter.done():  # the borrower gave up (its request was cancelled) meanwhile
            self.give_back(conn)
        else:
            waiter.set_result(conn)

    @asynccontextmanager
    async def lend(self) -> AsyncIterator[sqlite3.Connection]:
        conn = await self.borrow()
        try:
            yield conn
        finally:
            self.give_back(conn)

    def close(self) -> None:
        """Close the idle connections; one still lent out is closed when it comes back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._open -= len(idle)
        for conn in idle:
            conn.close()


def initialise(path: Path, first_insurer: str = "insurer") -> None:
    """Create or update the schema. `first_insurer`: who the accounts from before several insurers were
    with (the insurer holding the first insurer's key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")  # kept by the database file itself
        conn.executescript(SCHEMA)
        migrations.update(conn, first_insurer)
        conn.execute(
            "INSERT OR IGNORE INTO settings(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
        )
    finally:
        conn.close()


# Writers of this process queue here rather than in SQLite: a connection that finds the write lock taken
# sleeps in SQLite's busy handler (1, 2, 5 … 100 ms at a time) and wakes late, so fifty claims at once took
# seconds; queued on a lock, each starts the moment the one before commits. SQLite's own lock (and the
# busy timeout) still keep another process's writers out. Transactions never nest, so one lock is enough.
_WRITERS = threading.Lock()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception; one writer of this process at a time."""
    with _WRITERS:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
