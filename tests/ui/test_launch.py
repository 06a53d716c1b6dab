"""Launching the window: it reads the network deadline the same way the CLI does, and reads the library
while the window is being built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from player.terminal import Terminal
from player.ui.library.model import Column
from player.ui.session import UiSession
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.window_helpers import WAIT, bought, open_window, shown


def test_the_window_reads_insured_player_timeout_and_says_so_when_it_is_not_seconds(tmp_path: Path) -> None:
    env = {**os.environ, "INSURED_PLAYER_TIMEOUT": "soon", "QT_QPA_PLATFORM": "offscreen"}
    code = "import sys; from player.app import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--data-dir", str(tmp_path / "library")],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()  # then a dialog says it too, and waits for the user
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert line.strip() == "insured-player: INSURED_PLAYER_TIMEOUT must be a number of seconds, not 'soon'."


def test_the_library_is_read_while_the_window_is_still_being_built(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    """`preload` (what `launch.open_window` calls first) has the worker read the library before any
    window exists; the window built afterwards shows those rows without reading them again."""
    owner = bought(make_session, module_backend.url, "aurora-0001", "harbor-0003")
    qtbot.waitUntil(lambda: not owner.tasks.busy, timeout=WAIT)
    owner.terminal.close()  # the same library, opened again as the next start would
    session = UiSession(Terminal(owner.terminal.data_dir, module_backend.url))
    try:
        with qtbot.waitSignal(session.library_changed, timeout=WAIT) as read:
            session.preload()
        assert len(read.args[0]) == 2
        window = open_window(qtbot, session, rows=2)
        assert sorted(shown(window, Column.TITLE)) == sorted(e.row.title for e in read.args[0])
    finally:
        qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)
        session.terminal.close()
