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
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.session import UiSession
from tests.conftest import require_real_keyring
from tests.support.backend import Backend
from tests.ui.visible_text import check_after_call

PASSWORD = "correct horse battery staple"
MakeSession = Callable[..., UiSession]

# The rule on words (tests/ui/visible_text.py), checked on every story's windows as the story ends. A
# hook and not a fixture's teardown: pytest-qt closes the windows at the start of the teardown, before any
# fixture's teardown runs, so a teardown would only ever see closed windows and could never fail.
pytest_runtest_call = check_after_call


@pytest.fixture(autouse=True)
def windows_kept_for_the_check(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pytest-qt holds the windows a story registers by weak reference only: one the story held in a local
    variable could be gone when the story returns, and the end check would pass on an empty screen. Here
    they stay alive until pytest-qt closes them."""
    kept: list[QWidget] = []
    register = qtbot.addWidget

    def keep(widget: QWidget, *, before_close_func: Callable[[QWidget], None] | None = None) -> None:
        kept.append(widget)
        register(widget, before_close_func=before_close_func)

    monkeypatch.setattr(qtbot, "addWidget", keep)
    yield
    kept.clear()


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
