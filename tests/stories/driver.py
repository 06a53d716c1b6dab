"""Driving `insured-player-cli` from a story: in this process through `player.cli.main`, or as a child.

A `Cli` is one terminal (one data dir, so one keyring profile) on one backend. Every run checks the
promise at the edge: exit 0 prints the answer, any other exit prints exactly one line on stderr and
never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from player.cli import main

PASSWORD = "correct horse battery staple"
CLI = Path(sys.executable).parent / "insured-player-cli"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def check_edge(code: int, err: str) -> None:
    """An error is one clear line on stderr, never a traceback."""
    assert "Traceback" not in err, err
    if code != 0:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].strip(), f"stderr is not one line: {err!r}"


class Cli:
    """One terminal (a data dir) on one server, driven through the CLI's code paths in this process."""

    def __init__(
        self,
        data_dir: Path,
        server: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        self.data_dir = data_dir
        self.server = server
        self._capsys = capsys
        self._monkeypatch = monkeypatch

    def argv(self, *args: str, as_json: bool = True) -> list[str]:
        return [
            "--data-dir",
            str(self.data_dir),
            "--server",
            self.server,
            *(["--json"] if as_json else []),
            *args,
        ]

    def run(
        self, *args: str, password: str | None = None, as_json: bool = True, env: dict[str, str] | None = None
    ) -> Result:
        """`insured-player-cli --data-dir D --server S [--json] ARGS`, the password on stdin."""
        self._capsys.readouterr()  # what came before is not this command's
        with self._monkeypatch.context() as mp:
            mp.setattr(sys, "stdin", io.StringIO("" if password is None else password + "\n"))
            for name, value in (env or {}).items():
                mp.setenv(name, value)
            try:
                code = main(self.argv(*args, as_json=as_json))
            except SystemExit as e:  # --help
                code = e.code if isinstance(e.code, int) else 1
        out, err = self._capsys.readouterr()
        check_edge(code, err)
        return Result(code, out, err)

    def ok(self, *args: str, **kw: Any) -> Any:
        """Run a command that must succeed; its JSON answer."""
        r = self.run(*args, **kw)
        assert r.code == 0, f"{args} exited {r.code}: {r.err}"
        return r.json() if kw.get("as_json", True) else r.out

    def fails(self, code: int, *args: str, **kw: Any) -> str:
        """Run a command that must fail with exit `code`; its one stderr line."""
        r = self.run(*args, **kw)
        assert r.code == code, f"{args} exited {r.code}, not {code}: {r.err or r.out}"
        return r.err.strip()

    # --- the first steps of every story ----------------------------------------------------------------

    def sign_up(self, user: str) -> str:
        user_id: str = self.ok("signup", user, password=PASSWORD)["user_id"]
        return user_id

    def sign_up_insured(self, user: str) -> dict[str, Any]:
        """A new user with insurance: the policy as `insure --json` shows it."""
        self.sign_up(user)
        policy: dict[str, Any] = self.ok("insure")
        return policy

    def buy(self, *content_ids: str) -> list[dict[str, Any]]:
        return [self.ok("buy", cid) for cid in content_ids]

    def library(self) -> dict[str, list[dict[str, Any]]]:
        """`library --json`, rows grouped by content ID."""
        rows: dict[str, list[dict[str, Any]]] = {}
        for row in self.ok("library"):
            rows.setdefault(row["content_id"], []).append(row)
        return rows

    def license_state(self, license_id: str) -> dict[str, Any]:
        (row,) = [r for r in self.ok("library") if r["license_id"] == license_id]
        return dict(row)


def run_cli_process(
    cli: Cli,
    *args: str,
    env: dict[str, str] | None = None,
    password: str | None = None,
    timeout: float = 60,
    as_json: bool = True,
) -> Result:
    """The installed `insured-player-cli` as a real child process (same data dir, server and keyring)."""
    proc = subprocess.run(
        [str(CLI), *cli.argv(*args, as_json=as_json)],
        input="" if password is None else password + "\n",
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )
    check_edge(proc.returncode, proc.stderr)
    return Result(proc.returncode, proc.stdout, proc.stderr)
