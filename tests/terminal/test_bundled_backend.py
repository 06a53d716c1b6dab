"""The bundled backend boots beside the window and never outlives the player.

`warm_up` starts it without waiting, so it boots on another core while the window is built; the first
contact then finds it listening. A player that is killed (no chance to stop its child) leaves no backend
behind: the child notices it was orphaned and shuts down.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from player.storage import KeyStore
from player.storage.memory_keyring import MemoryKeyring
from player.terminal import Terminal
from tests.support.backend import clone_template


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state == "Z"


def test_warm_up_starts_the_bundled_backend_without_waiting_and_the_first_contact_finds_it(
    demo_template: Path, tmp_path: Path
) -> None:
    clone_template(demo_template, tmp_path / "player" / "bundled-backend")
    terminal = Terminal(tmp_path / "player", keys=KeyStore("warm", backend=MemoryKeyring()))
    try:
        terminal.connection.warm_up()
        child = terminal.connection._embedded  # white-box: the child process it started
        assert child is not None and child.running and child.url is None  # started, not waited for
        first = child._proc
        assert terminal.connection.reachable()
        assert child._proc is first  # the same child answered: not a second one
        terminal.connection.warm_up()  # connected already: nothing more is started
        assert child._proc is first
    finally:
        terminal.close()
    assert first is not None and first.poll() is not None


def test_a_killed_player_leaves_no_bundled_backend_behind(demo_template: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "player"
    clone_template(demo_template, data_dir / "bundled-backend")
    player = subprocess.Popen(  # a player process whose bundled backend is up, then killed outright
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from player.terminal.bundled import EmbeddedBackend
                backend = EmbeddedBackend(Path({str(data_dir / "bundled-backend")!r}))
                backend.start()
                print(backend._proc.pid, flush=True)
                time.sleep(600)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert player.stdout is not None
    child = int(player.stdout.readline())
    assert not _gone(child)
    os.kill(player.pid, signal.SIGKILL)
    player.wait(timeout=10)
    player.stdout.close()
    deadline = time.monotonic() + 30
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(child), "the bundled backend outlived the player"


def test_a_backend_whose_player_died_before_it_was_up_does_not_stay(
    demo_template: Path, tmp_path: Path
) -> None:
    data_dir = clone_template(demo_template, tmp_path / "bundled-backend")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])  # the player, killed before its backend was up
    gone.wait(timeout=30)
    serve = [
        "serve",
        "--demo",
        "--port",
        "0",
        "--data-dir",
        str(data_dir),
        "--exit-with-parent",
        str(gone.pid),
    ]
    backend = subprocess.Popen(
        [sys.executable, "-m", "mock_backend", *serve], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        backend.wait(timeout=30)  # it noticed on its own: nobody stops it here
    finally:
        stayed = backend.poll() is None
        if stayed:
            backend.kill()
            backend.wait(timeout=10)
    assert not stayed
    assert backend.returncode in (0, -signal.SIGTERM)  # stopped by its watch, not refused the option
