"""The user's stories, driven through `insured-player-cli` against a real backend on loopback.

Each command runs `player.cli.main([...])` in this process (its stdout and stderr captured, the password
fed on stdin), so the stories follow exactly the CLI's code paths; `run_cli_process` runs the installed
`insured-player-cli` as a real child for what only a process shows (exit status, no traceback). Keys go
to the real OS keyring: `./test` unlocks a private gnome-keyring, and the stories skip anywhere else
(in CI a skip is a failure).
"""

from __future__ import annotations

import os

# Before anything creates the Qt application: no display here, and FFmpeg's stream dumps are noise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false")

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import require_real_keyring
from tests.stories.driver import Cli
from tests.support.backend import Backend


@pytest.fixture(autouse=True)
def real_keyring() -> None:
    """Every story keeps its keys in the real OS keyring, as the player does."""
    require_real_keyring("the stories")


@pytest.fixture
def cli(
    module_backend: Backend,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Cli:
    """A terminal with a fresh data dir, talking to the module's backend."""
    return Cli(tmp_path / "library", module_backend.url, capsys, monkeypatch)


@pytest.fixture
def make_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[Backend | str, str], Cli]:
    """`make_cli(backend_or_url, "name")`: a terminal with its own data dir on that server."""

    def make(server: Backend | str, name: str = "library") -> Cli:
        url = server if isinstance(server, str) else server.url
        return Cli(tmp_path / name, url, capsys, monkeypatch)

    return make
