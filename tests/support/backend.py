"""A real mock backend for tests: its own process, its own data dir, a loopback port.

The demo catalog is rendered once per test session into a template directory; each backend gets a copy
(the database copied, the encrypted media hard-linked, since the server never rewrites a published file),
so every test starts from the same fresh state in well under a second.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

READY_PREFIX = "mock-backend listening on "


def build_template(directory: Path) -> Path:
    """Render the demo catalog into `directory` once (in-process: no server needed for that)."""
    from mock_backend.app import create_app
    from mock_backend.config import Settings

    create_app(Settings(data_dir=directory, demo=True))
    conn = sqlite3.connect(directory / "backend.sqlite3")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return directory


def clone_template(template: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "masters"):
        if (template / name).exists():
            shutil.copytree(template / name, target / name, copy_function=os.link)
    shutil.copytree(template / "keys", target / "keys")
    shutil.copy2(template / "backend.sqlite3", target / "backend.sqlite3")
    return target


class Backend:
    """A running `mock-backend serve` and a small HTTP client for it."""

    def __init__(self, data_dir: Path, *extra_args: str) -> None:
        self.data_dir = data_dir
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mock_backend", "serve", "--port", "0", "--data-dir", str(data_dir), "--demo",
             *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith(READY_PREFIX):
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
            raise RuntimeError(f"backend did not start: {line!r} {err[-2000:]}")
        self.url = line[len(READY_PREFIX):].strip()
        self.session = requests.Session()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.session.close()

    # --- HTTP --------------------------------------------------------------------------------------

    def request(self, method: str, path: str, *, token: str | None = None, idem: str | None = None,
                **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if idem:
            headers["Idempotency-Key"] = idem
        return self.session.request(method, self.url + path, headers=headers, timeout=60, **kwargs)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        if "idem" not in kw and path.startswith(("/api/v1/purchases", "/api/v1/claims", "/api/v1/policies",
                                                 "/api/v1/upgrades")):
            kw["idem"] = uuid.uuid4().hex
        return self.request("POST", path, **kw)

    def admin(self, path: str, **kw: Any) -> Any:
        r = self.request("POST", "/admin" + path, **kw)
        assert r.status_code < 300, r.text
        return r.json()


@contextmanager
def running(data_dir: Path, *extra_args: str) -> Iterator[Backend]:
    backend = Backend(data_dir, *extra_args)
    try:
        yield backend
    finally:
        backend.stop()


def wait_until(predicate: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.02)
