"""The bundled backend: the mock insurer and licensors as a child process of the player, on a loopback port.

The child is `python -m mock_backend serve --demo --port 0` with its data under the player's data dir;
its first stdout line names the URL it listens on, so no port is ever guessed. It listens within about a
second, the first start too: that one renders the demo catalog in the background (15-25 s on two cores),
and its `/healthz` says how far it has come.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from player.errors import BackendUnreachableError
from player.language import translate
from player.storage.atomic import storage_error, write_atomic

READY_PREFIX = "mock-backend listening on "
START_TIMEOUT = 180.0


class EmbeddedBackend:
    """One child backend. `start()` blocks until it listens; call it off the GUI thread."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.url: str | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def spawn(self) -> None:
        """Start the child without waiting for it: it boots (a second of imports) on another core while
        the window is built. `start` then waits for it; a child that died meanwhile is started again."""
        with self._lock:
            if self.url is None:
                self._spawn()

    def start(self, timeout: float = START_TIMEOUT) -> str:
        with self._lock:
            if self.url is not None:
                return self.url
            self._spawn()
            line = self._read_ready_line(timeout)
            if not line.startswith(READY_PREFIX):
                self.stop()
                raise BackendUnreachableError(
                    translate("Errors", "the bundled backend did not start; see {log}").format(
                        log=self.data_dir / "backend.log"
                    )
                )
            self.url = line[len(READY_PREFIX) :].strip()
            return self.url

    def _spawn(self) -> None:
        """The child, unless one is already running (the lock is held)."""
        if self._proc is not None and self._proc.poll() is None:
            return
        if self._proc is not None and self._proc.stdout is not None:
            self._proc.stdout.close()  # a child that died before it was waited for
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = (self.data_dir / "backend.log").open("ab")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable,
                "-m",
                "mock_backend",
                "serve",
                "--demo",
                "--port",
                "0",
                "--data-dir",
                str(self.data_dir),
                "--exit-with-parent",  # a player that crashes leaves no backend behind
                str(os.getpid()),
            ],
            stdout=subprocess.PIPE,
            stderr=log,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        log.close()

    def _read_ready_line(self, timeout: float) -> str:
        assert self._proc is not None and self._proc.stdout is not None
        result: list[str] = []
        reader = threading.Thread(
            target=lambda: result.append(self._proc.stdout.readline()),  # type: ignore[union-attr]
            daemon=True,
        )
        reader.start()
        reader.join(timeout)
        return result[0] if result else ""

    def stop(self) -> None:
        """Terminate the child and wait for it (it shuts down in about two seconds at most)."""
        proc, self._proc, self.url = self._proc, None, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def instance_id(self) -> str:
        """Who this bundled backend is: made once with its data dir, gone when the dir is wiped.

        The terminal pins the insurer's key per instance, so deleting the bundled backend's data (which
        makes it a new insurer, with a new key) starts a new pin instead of locking the player out.
        """
        path = self.data_dir / "instance-id"
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            text = ""
        except OSError as e:
            raise storage_error(e, path, "read") from e
        if not text:
            text = uuid.uuid4().hex
            self.data_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text.encode("ascii"))
        return text

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None
