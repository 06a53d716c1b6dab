"""Launching the window: it reads the network deadline the same way the CLI does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
