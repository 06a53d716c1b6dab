"""The desktop player's stories, driven through the widgets (pytest-qt, offscreen) on a real backend.

Each view gets a real `Terminal` in a fresh data dir, wrapped in a `UiSession`, on a mock backend
running on loopback; keys go to the real OS keyring (`./test` unlocks a private gnome-keyring; the
tests skip anywhere else, and in CI a skip is a failure). Setting a user up (sign up, insure, buy) may go
straight through the core; what the story is about goes through the widgets.
"""

from __future__ import annotations

import os

# Before anything creates the Qt application: no display here, and FFmpeg's stream dumps are noise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false")

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.session import UiSession
from tests.conftest import require_real_keyring
from tests.support.backend import Backend

PASSWORD = "correct horse battery staple"
MakeSession = Callable[..., UiSession]


@pytest.fixture
def real_keyring() -> None:
    """The terminal keeps its keys in the real OS keyring, as the player does."""
    require_real_keyring("the UI stories")


def unique_name(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def make_session(real_keyring: None, tmp_path: Path, qtbot: QtBot) -> Iterator[MakeSession]:
    """`make_session(url, name="library", user=None, insured=False, timeout=None, codecs=None)`: a
    UiSession over a fresh terminal (asking for `codecs`, best first, when given); with `user`, that user
    is signed up (and with `insured`, insured) through the core."""
    made: list[UiSession] = []

    def make(
        url: str,
        name: str = "library",
        *,
        user: str | None = None,
        insured: bool = False,
        timeout: float | None = None,
        codecs: tuple[str, ...] | None = None,
    ) -> UiSession:
        terminal = Terminal(tmp_path / name, url, timeout=timeout, codecs=codecs)
        if user is not None:
            terminal.account.sign_up(user, PASSWORD)
            if insured:
                terminal.account.insure()
        session = UiSession(terminal)
        made.append(session)
        return session

    yield make
    for session in made:
        # Let queued work finish and its answers reach the GUI thread (a view may have queued a sync
        # the test did not wait for) before the terminal closes under it.
        qtbot.waitUntil(lambda s=session: not s.tasks.busy, timeout=60_000)  # type: ignore[misc]
        session.terminal.close()


@pytest.fixture
def insured_session(make_session: MakeSession, module_backend: Backend) -> UiSession:
    """A signed-up, insured user with an empty library, on the module's backend."""
    return make_session(module_backend.url, user=unique_name(), insured=True)
