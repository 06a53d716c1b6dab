"""The bundled backend dies under the window: within seconds it is noticed, reaped, said, and started
again; after a few deaths in one session the window stops restarting it and says where to look."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.session import MAX_RESTARTS, ConnectionState, UiSession
from tests.support.backend import clone_template
from tests.ui.window_helpers import open_window

WAIT = 30_000


@pytest.fixture
def bundled_session(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[UiSession]:
    """A window's session on the bundled backend (the demo catalog made already, so it starts fast)."""
    library = tmp_path / "library"
    clone_template(demo_template, library / "bundled-backend")
    session = UiSession(Terminal(library, None, keys_in_memory=True))
    yield session
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=60_000)
    session.close()


def child_pid(session: UiSession) -> int:
    embedded = session.terminal.connection._embedded  # white-box: which process to kill
    assert embedded is not None and embedded._proc is not None
    return embedded._proc.pid


def reaped(pid: int) -> bool:
    """No such process any more, not even a zombie waiting to be reaped."""
    return not Path(f"/proc/{pid}").exists()


def test_a_killed_bundled_backend_is_noticed_reaped_and_started_again(
    qtbot: QtBot, bundled_session: UiSession
) -> None:
    window = open_window(qtbot, bundled_session)
    assert bundled_session.connection == ConnectionState.ONLINE
    first = child_pid(bundled_session)

    os.kill(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.messages.title == "The built-in insurer stopped", timeout=5_000)
    assert reaped(first)
    qtbot.waitUntil(lambda: bundled_session.connection == ConnectionState.ONLINE, timeout=WAIT)
    second = child_pid(bundled_session)
    assert second != first and bundled_session.terminal.connection.reachable()
    assert bundled_session.restarts == 1


def test_after_a_few_deaths_it_stops_restarting_and_says_where_to_look(
    qtbot: QtBot, bundled_session: UiSession
) -> None:
    window = open_window(qtbot, bundled_session)
    for _ in range(MAX_RESTARTS):
        pid = child_pid(bundled_session)
        os.kill(pid, signal.SIGKILL)
        qtbot.waitUntil(lambda p=pid: reaped(p), timeout=5_000)  # type: ignore[misc]
        qtbot.waitUntil(
            lambda p=pid: (
                bundled_session.connection == ConnectionState.ONLINE  # type: ignore[misc]
                and child_pid(bundled_session) != p
            ),
            timeout=WAIT,
        )
    last = child_pid(bundled_session)
    os.kill(last, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.messages.title == "The built-in insurer keeps stopping", timeout=5_000)
    assert "backend.log" in window.messages.text
    assert bundled_session.connection == ConnectionState.WORKING_OFFLINE
    assert reaped(last) and bundled_session.restarts == MAX_RESTARTS
