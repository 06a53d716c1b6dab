"""The signed license list at scale: a delta synced on a 10,000-license account, 100,000 entries verified.

- `list_sync_delta_ms`: a terminal that holds the signed list of a user with 10,000 licenses syncs after
  the insurer invalidated a few of them (a loss report elsewhere, say): `Terminal.licenses.sync()`, which
  fetches the delta from the real backend over HTTP, verifies it against the pinned key, folds it onto
  the list held, stores it and raises the anti-rollback mark; median of several syncs, each on a new
  delta; target <= 50 ms. `list_fetch_delta_ms` is the same delta's bare HTTP fetch (the backend signing
  it, the bytes arriving), the floor of the figure; `list_sync_full_10k_ms` the first, full sync.
- `list_full_verify_ms`: a full list of 100,000 entries (every 20th invalidated) verified as the terminal
  loads it (`TrustedList.load`: parse, signature, every entry's checks, the mark and the clock); target
  <= 500 ms. `list_full_parse_ms` is a bare `json.loads` of the same bytes, for reference (the verifier
  does more, but holds off the cyclic garbage collector meanwhile, which a bare parse of 100,000
  objects does not: the two come out close).

The keyring is a memory one here (no desktop session is assumed), so the mark's write is not the real
keyring's D-Bus round trip.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import requests

from mock_backend import db
from mock_backend.insurer import license_control
from player.license_decision import ListMark, TrustedList
from player.protocol.canonical import load_json_object
from player.protocol.license_list import InvalidationReason
from player.terminal import Terminal
from tests.support.backend import READY_PREFIX, Backend
from tests.support.factories import T0, Keys, invalid, make_list, valid

HELD = 10_000
ENTRIES = 100_000
CHANGED = 3  # licenses the insurer invalidates between two syncs
PASSWORD = "bench password, not a secret"


class _Insurer(Backend):
    """The mock backend with no demo catalog: the list needs none, and rendering the demo's audio takes
    longer than everything else here."""

    def __init__(self, data_dir: Path) -> None:  # Backend's start, without --demo
        data_dir.mkdir(parents=True)
        self.data_dir = data_dir
        command = [sys.executable, "-m", "mock_backend", "serve", "--port", "0", "--data-dir", str(data_dir)]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith(READY_PREFIX):
            self.proc.kill()
            raise RuntimeError(
                f"backend did not start: {line!r} {self.proc.communicate(timeout=10)[1][-2000:]}"
            )
        self.url = line[len(READY_PREFIX) :].strip()
        self.admin_token = ""
        self.session = requests.Session()


def _seed(backend: Backend, user_id: str) -> list[str]:
    """Give the user HELD licenses straight in the insurer's database (buying them one by one over
    HTTP would take minutes); the list the insurer signs from it is the same."""
    conn = db.connect(backend.data_dir / "backend.sqlite3")
    ids = [f"bench-{i:05d}" for i in range(HELD)]
    with db.transaction(conn):
        for i, license_id in enumerate(ids):
            license_control.add_license(
                conn,
                user_id=user_id,
                license_id=license_id,
                provider_id="aurora",
                content_id=f"aurora-{i % 40 + 1:04d}",
                content_version=1,
                policy_id=None,
                item_id=None,
                package=None,
            )
    conn.close()
    return ids


def _invalidate(backend: Backend, user_id: str, license_ids: list[str]) -> None:
    conn = db.connect(backend.data_dir / "backend.sqlite3")
    with db.transaction(conn):
        for license_id in license_ids:
            license_control.invalidate(conn, user_id, license_id, InvalidationReason.LOSS)
    conn.close()


def _sync(quick: bool) -> dict[str, float]:
    runs = 5 if quick else 15
    with tempfile.TemporaryDirectory(prefix="bench-list-") as tmp:
        backend = _Insurer(Path(tmp, "backend"))
        try:
            terminal = Terminal(Path(tmp, "terminal"), backend.url, keys_in_memory=True)
            user_id = terminal.account.sign_up("collector", PASSWORD)
            ids = _seed(backend, user_id)
            started = time.perf_counter()
            status = terminal.licenses.sync()
            full_ms = (time.perf_counter() - started) * 1000
            assert len(status.entries) == HELD
            client = terminal.connection.client()
            synced, fetched = [], []
            for n in range(runs):
                changed = ids[n * CHANGED : (n + 1) * CHANGED]
                _invalidate(backend, user_id, changed)
                before = status.version
                started = time.perf_counter()
                client.license_list(since=before)
                fetched.append(time.perf_counter() - started)
                started = time.perf_counter()
                status = terminal.licenses.sync()
                synced.append(time.perf_counter() - started)
                assert status.version == before + CHANGED and len(status.entries) == HELD
                assert all(status.entry(i).state.value == "invalid" for i in changed)  # type: ignore[union-attr]
            terminal.close()
        finally:
            backend.stop()
    return {
        "list_sync_delta_ms": round(statistics.median(synced) * 1000, 1),
        "list_fetch_delta_ms": round(statistics.median(fetched) * 1000, 1),
        "list_sync_full_10k_ms": round(full_ms, 1),
    }


def _verify(quick: bool) -> dict[str, float]:
    keys = Keys.generate()
    entries = (
        invalid(f"lic-{i:06d}", content_id=f"track-{i:06d}")
        if i % 20 == 0
        else valid(f"lic-{i:06d}", f"track-{i:06d}")
        for i in range(ENTRIES)
    )
    signed = make_list(keys.insurer, 42, *entries, user_id="collector").data
    now = T0 + timedelta(days=1)
    loads, parses = [], []
    for _ in range(5 if quick else 9):
        started = time.perf_counter()
        trusted = TrustedList.load(
            [signed], insurer_key=keys.insurer_pub, user_id="collector", mark=ListMark(), now=now
        )
        loads.append(time.perf_counter() - started)
        assert len(trusted.entries) == ENTRIES
        started = time.perf_counter()
        load_json_object(signed, "license list")
        parses.append(time.perf_counter() - started)
    return {
        "list_full_verify_ms": round(statistics.median(loads) * 1000, 1),
        "list_full_parse_ms": round(statistics.median(parses) * 1000, 1),
    }


def run(quick: bool) -> dict[str, float]:
    return {**_verify(quick), **_sync(quick)}


if __name__ == "__main__":
    print(run(quick=True))
