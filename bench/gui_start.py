"""Start-up as a user feels it: launch to the library filled, a second launch on the bundled backend.

`gui_start_s` is the wall time from starting `python` to the main window showing the user's library
(every row) with the window painted, the bundled backend started by the player itself and the demo catalog
already rendered (a second launch). `gui_start_baseline_s` is the same for a minimal PySide6 window with a
table of the same rows, started the same way on the same machine in the same run; `gui_start_ratio` is
their quotient. `gui_online_s` is launch to the first contact with the insurer over (the status bar
says "Online"). `gui_start_cpu_s` and `gui_start_baseline_cpu_s` are each process's CPU up to that moment.

Each launch is a fresh process (`python -m bench.gui_start player|baseline ...`, below), so imports,
Qt's start and the first paint all count. The player runs on a keyring of its own (a private D-Bus and
gnome-keyring, as a second computer in the stories), since its keys must outlive one process.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUY = 12
PASSWORD = "bench password, not a secret"


def run(quick: bool) -> dict[str, float]:
    import compileall

    from bench import demo  # here, not at the top: the launches time this module's import too
    from tests.support.machines import fresh_keyring

    # As ./play leaves an installation (scripts/lib.sh), whatever PYTHONDONTWRITEBYTECODE says.
    for package in ("player", "mock_backend"):
        compileall.compile_dir(Path(__file__).parent.parent / package, quiet=1, workers=0)

    launches = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        root = Path(tmp)
        data_dir = root / "library"
        demo.backend_dir(data_dir / "bundled-backend")
        with fresh_keyring(root / "keyring") as bus:
            env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "QT_QPA_PLATFORM": "offscreen"}
            rows = int(_child(env, "setup", str(data_dir))["rows"])
            _child(env, "player", str(data_dir), str(rows))  # the first launch: caches warm, not counted
            player, baseline = [], []
            for _ in range(launches):  # side by side, so a busy moment hurts both
                player.append(_child(env, "player", str(data_dir), str(rows)))
                baseline.append(_child(env, "baseline", str(rows)))
    median = statistics.median
    start = median(r["filled_s"] for r in player)
    base = median(r["filled_s"] for r in baseline)
    return {
        "gui_start_rows": rows,
        "gui_start_s": round(start, 3),
        "gui_start_baseline_s": round(base, 3),
        "gui_start_ratio": round(start / base, 2),
        "gui_online_s": round(median(r["online_s"] for r in player), 3),
        "gui_start_cpu_s": round(median(r["cpu_s"] for r in player), 3),
        "gui_start_baseline_cpu_s": round(median(r["cpu_s"] for r in baseline), 3),
    }


def _child(env: dict[str, str], *args: str) -> dict[str, float]:
    """One fresh process; its last line is a JSON report whose times are counted from the parent's
    moment of starting it (the child adds what it measured to the start time the parent hands it)."""
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "bench.gui_start", *args, repr(began)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"gui_start {args[0]} failed: {done.stderr.strip()[-2000:]}")
    report: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


# --- the child processes -------------------------------------------------------------------------


def _setup(data_dir: Path) -> dict[str, float]:
    """A user signed up, insured and owning `BUY` demo tracks, on the bundled backend (not timed)."""
    from player.terminal import Terminal

    terminal = Terminal(data_dir)
    try:
        terminal.account.sign_up("bench-listener", PASSWORD)
        terminal.account.insure()
        offers = [t.content_id for t in terminal.purchases.catalog() if t.available][:BUY]
        for content_id in offers:
            terminal.purchases.buy(content_id)
        return {"rows": float(len(terminal.library.entries()))}
    finally:
        terminal.close()


def _since(began: float) -> float:
    return time.time() - began


def _player(data_dir: Path, rows: int, began: float) -> dict[str, float]:
    """The real window as `insured-player` opens it; measured until every row is shown and painted."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from player.ui.launch import open_window

    app = QApplication(["insured-player"])
    window = open_window(data_dir, None)
    if window is None:
        raise SystemExit("the player did not open")
    filled = online = 0.0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (filled and online):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if not filled and window.library.model.rowCount() >= rows:
            window.repaint()  # the first paint with the rows in it
            filled, cpu = _since(began), time.process_time()
        if not online and window.session.connection == "online":
            online = _since(began)
    window.shutdown()
    if not (filled and online):
        raise SystemExit("the library was not filled or the insurer not reached in time")
    return {"filled_s": filled, "online_s": online, "cpu_s": cpu}


def _baseline(rows: int, began: float) -> dict[str, float]:
    """A minimal PySide6 window: a table of the same number of rows and columns, filled and painted."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(["baseline"])
    model = QStandardItemModel(0, 6)
    for n in range(rows):
        fields = ("title", "artist", "album", "3:20", "2026", "ok")
        model.appendRow([QStandardItem(f"{field} {n}") for field in fields])
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1100, 700)
    window.show()
    app.processEvents()
    window.repaint()
    return {"filled_s": _since(began), "online_s": 0.0, "cpu_s": time.process_time()}


def main(argv: list[str]) -> int:
    kind, *rest = argv
    began = float(rest.pop())
    if kind == "setup":
        report = _setup(Path(rest[0]))
    elif kind == "player":
        report = _player(Path(rest[0]), int(rest[1]), began)
    else:
        report = _baseline(int(rest[0]), began)
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
