"""A real mock backend for tests: its own process, its own data dir, a loopback port.

The demo catalog is rendered once per test session into a template directory; each backend gets a copy
(the database copied, the encrypted media hard-linked, since the server never rewrites a published file),
so every test starts from the same fresh state in well under a second.
"""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from player.protocol.canonical import load_ed25519_public

READY_PREFIX = "mock-backend listening on "
ADMIN_TOKEN_FILE = "admin-token"  # in the data dir; sent back as the header below
ADMIN_TOKEN_HEADER = "X-Admin-Token"
# POSTs that the API only accepts with an Idempotency-Key (money or re-distribution changes hands).
IDEMPOTENT_PREFIXES = ("/api/v1/purchases", "/api/v1/claims", "/api/v1/policies", "/api/v1/upgrades")
IDEMPOTENT_SUFFIXES = ("/direct-purchases",)


def build_template(directory: Path) -> Path:
    """Render the demo catalog into `directory` once (in-process: no server needed for that)."""
    from mock_backend import catalog_builder, db
    from mock_backend.app import create_app
    from mock_backend.config import Settings

    settings = Settings(data_dir=directory, demo=True)
    create_app(settings)
    conn = db.connect(settings.db_path)
    catalog_builder.build_demo(conn, settings)
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
        # One insurer unless a test asks for more (`--insurers kaede,minato`): the stories of one insurer
        # run as a backend of one would have them; the demo's second insurer is for the stories of two.
        one = () if any(a.startswith("--insurers") for a in extra_args) else ("--insurers", "kaede")
        command = ["serve", "--port", "0", "--data-dir", str(data_dir), "--demo", *one, *extra_args]
        command += ["--exit-with-parent", str(os.getpid())]  # a test run that crashes leaves none behind
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mock_backend", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith(READY_PREFIX):
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
            raise RuntimeError(f"backend did not start: {line!r} {err[-2000:]}")
        self.url = line[len(READY_PREFIX) :].strip()
        # written before the backend listens: the admin controls' credential for this run
        token_file = data_dir / ADMIN_TOKEN_FILE
        self.admin_token = token_file.read_text(encoding="ascii").strip() if token_file.exists() else ""
        self.session = requests.Session()

    def stop(self) -> None:
        self.session.close()  # an idle kept-alive connection would hold up the server's graceful shutdown
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    # --- HTTP --------------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        idem: str | None = None,
        own_connection: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """One HTTP request. `own_connection` for calls made from several threads at once (a Session
        is not meant to be shared between threads). Admin paths carry the admin token, as the
        backend's own CLI sends it; tests of its absence use `requests` directly."""
        headers = dict(kwargs.pop("headers", {}))
        if path.startswith("/admin") and self.admin_token:
            headers.setdefault(ADMIN_TOKEN_HEADER, self.admin_token)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if idem:
            headers["Idempotency-Key"] = idem
        send = requests.request if own_connection else self.session.request
        return send(method, self.url + path, headers=headers, timeout=60, **kwargs)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        """POST; adds a fresh Idempotency-Key where the API needs one, unless `idem=` is given."""
        if "idem" not in kw and (path.startswith(IDEMPOTENT_PREFIXES) or path.endswith(IDEMPOTENT_SUFFIXES)):
            kw["idem"] = uuid.uuid4().hex
        return self.request("POST", path, **kw)

    def admin(self, path: str, **kw: Any) -> Any:
        r = self.request("POST", "/admin" + path, **kw)
        assert r.status_code < 300, r.text
        return r.json()

    def advance_clock(self, seconds: int) -> str:
        """Move the backend's clock forward (periods are tested this way, never by sleeping)."""
        now: str = self.admin("/clock", json={"advance_seconds": seconds})["now"]
        return now

    # --- what the terminal pins and trusts -----------------------------------------------------------

    def at_insurer(self, insurer_id: str) -> Backend:
        """The same backend as one of its insurers sees it: every path under `/insurers/<id>`, and that
        insurer's identity and key (a view: stopping it stops the backend)."""
        view = copy.copy(self)
        view.url = f"{self.url}/insurers/{insurer_id}"
        view.__dict__.pop("identity", None)  # that insurer's, asked again
        return view

    @cached_property
    def identity(self) -> dict[str, Any]:
        r = self.get("/api/v1/insurer")
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    @property
    def insurer_key(self) -> Ed25519PublicKey:
        return load_ed25519_public(self.identity["public_key"])

    @property
    def licensor_keys(self) -> dict[str, Ed25519PublicKey]:
        return {p["id"]: load_ed25519_public(p["public_key"]) for p in self.identity["licensors"]}

    # --- looking behind the API --------------------------------------------------------------------

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """Read the backend's database (read-only), for facts the API does not show, such as charges."""
        uri = f"file:{self.data_dir / 'backend.sqlite3'}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=30)) as conn:
            return conn.execute(sql, args).fetchall()


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
