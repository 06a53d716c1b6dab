"""The window starts on what its first paint needs: the HTTP stack, the typed contract and numpy load
with the first contact or the first scaled sample, mutagen with the first track played, each dialog when
first opened; none with the window (docs/architecture.md, Start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LATER = ("requests", "urllib3", "pydantic", "numpy", "player.client", "player.protocol.api", "mutagen")
DIALOGS = (
    "player.ui.claims.alternates_dialog",
    "player.ui.claims.loss_dialog",
    "player.ui.insurance.insure_dialog",
    "player.ui.shell.first_run",
    "player.ui.shell.insurer_choice",
    "player.ui.shell.preferences",
)


def test_opening_the_window_does_not_import_what_the_first_contact_needs() -> None:
    probe = (
        "import json, sys\n"
        "import player.ui.launch, player.ui.shell.main_window\n"
        f"print(json.dumps(sorted(m for m in {LATER + DIALOGS!r} if m in sys.modules)))\n"
    )
    assert _offscreen(probe) == []


def test_the_first_contact_does_load_them() -> None:
    """The probe above can fail: the same modules are there once the client is used."""
    probe = (
        "import json, sys\n"
        "from player.client import Client\n"
        "Client('http://127.0.0.1:9').close()\n"
        f"print(json.dumps(sorted(m for m in {LATER!r} if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert set(json.loads(done.stdout.strip().splitlines()[-1])) >= {"requests", "pydantic", "player.client"}


def test_after_the_ui_loads_an_import_does_not_read_the_modules_source() -> None:
    """PySide6 reads every later module's source for its optional features; the UI turns that off."""
    probe = (
        "import json, linecache, sys\n"
        "import player.ui\n"
        "import player.words.formats\n"
        "print(json.dumps([f for f in linecache.cache if f.endswith('formats.py')]))\n"
    )
    without = probe.replace("import player.ui\n", "import PySide6.QtCore\n")
    seen = []
    for code in (probe, without):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
        )
        seen.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert seen[0] == [], "the source was read"
    assert seen[1], "the probe can fail: PySide6 alone does read it"


def test_building_the_window_does_not_load_the_contract_on_the_gui_thread(tmp_path: Path) -> None:
    """Built, the window's pages ask what is selected (the store's preview key, say): with nothing there
    yet the contract's classes are not needed, and loading them (pydantic, ~0.4 s) on the GUI thread
    held the first paint back. Later contact with the insurer loads them on the session's worker."""
    probe = (
        "import json, sys, threading\n"
        "from pathlib import Path\n"
        "seen = []\n"
        "class Watch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name in {LATER!r} and threading.current_thread() is threading.main_thread():\n"
        "            seen.append(name)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Watch())\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from player.terminal import Terminal\n"
        "from player.ui.session import UiSession\n"
        "app = QApplication([])\n"
        "terminal = Terminal(Path(sys.argv[1]), 'http://127.0.0.1:9')\n"
        "from player.ui.shell.main_window import MainWindow\n"
        "window = MainWindow(UiSession(terminal))\n"
        "print(json.dumps(sorted(set(seen))))\n"
        "window.shutdown()\n"
    )
    assert _offscreen(probe, str(tmp_path / "library")) == []


def _offscreen(probe: str, *args: str) -> object:
    """What a fresh interpreter running `probe` (with `args`) on Qt's offscreen platform printed last,
    as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
