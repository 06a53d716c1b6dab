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

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import keyring
import pytest

from tests.stories.driver import Cli
from tests.support.backend import Backend, clone_template, running

StartBackend = Callable[..., AbstractContextManager[Backend]]


@pytest.fixture(autouse=True)
def real_keyring() -> None:
    """Every story keeps its keys in the real OS keyring, as the player does."""
    if os.environ.get("INSURED_PLAYER_REAL_KEYRING") != "1":
        pytest.skip("the stories need the real OS keyring: run ./test (INSURED_PLAYER_REAL_KEYRING=1)")
    backend = keyring.get_keyring()
    assert "SecretService" in type(backend).__module__, f"not the Secret Service: {backend!r}"


@pytest.fixture(scope="module")
def module_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One backend for a module whose stories each sign up their own user (and change nothing shared)."""
    with running(clone_template(demo_template, tmp_path_factory.mktemp("backend"))) as b:
        yield b


@pytest.fixture
def start_backend(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> StartBackend:
    """A backend of one's own, with server options (`--list-ttl 60`), or to stop in the middle."""

    def start(*args: str) -> AbstractContextManager[Backend]:
        return running(clone_template(demo_template, tmp_path_factory.mktemp("backend")), *args)

    return start


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
