"""The very first start: launch on a fresh data dir to the sign-up dialog, and to the catalog complete.

`first_run_dialog_ms` is the wall time from starting `python` to the first-run dialog showing its sign-up
page (or the insurers' terms side by side just before it, where the backend hosts several, as the demo's
does), on a data dir with nothing in it: the player starts its bundled backend, which on this first start
must also render the demo catalog (synthesised audio). `first_run_catalog_ready_ms` is launch to that
catalog complete (`/healthz` says nothing is being prepared any more). `first_run_dialog_rendered_ms` is
the baseline, side by side in the same run: the same launch to the same dialog with the backend's catalog
rendered already (the backend's data cloned from a rendered one, as after a first start), so the ratio
`first_run_dialog_ratio` shows what the first start still costs the dialog. `--quick` leaves out the
catalog's time (a quarter of a minute of rendering) to stay within the quick run's budget.

Each launch is a fresh process (`python -m bench.first_run dialog|catalog DATA_DIR START`), the real window as
`insured-player` opens it, on Qt's offscreen platform and a keyring of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(quick: bool) -> dict[str, float]:
    from bench import demo  # here, not at the top: the launches time this module's import too
    from tests.support.machines import fresh_keyring

    launches = 1 if quick else 3
    fresh: list[dict[str, float]] = []
    rendered: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-first-run-") as tmp:
        root = Path(tmp)
        with fresh_keyring(root / "keyring") as bus:
            env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus, "QT_QPA_PLATFORM": "offscreen"}
            for n in range(launches):  # side by side, so a busy moment hurts both
                fresh.append(_child(env, root / f"fresh-{n}", catalog=not quick))
                data_dir = root / f"rendered-{n}"
                demo.backend_dir(data_dir / "bundled-backend")
                rendered.append(_child(env, data_dir, catalog=False))
                for used in (root / f"fresh-{n}", data_dir):
                    shutil.rmtree(used, ignore_errors=True)
    median = statistics.median
    dialog = median(r["dialog_ms"] for r in fresh)
    baseline = median(r["dialog_ms"] for r in rendered)
    figures = {
        "first_run_dialog_ms": round(dialog),
        "first_run_dialog_rendered_ms": round(baseline),
        "first_run_dialog_ratio": round(dialog / baseline, 2),
    }
    if not quick:
        figures["first_run_catalog_ready_ms"] = round(median(r["catalog_ms"] for r in fresh))
    return figures


def _child(env: dict[str, str], data_dir: Path, *, catalog: bool) -> dict[str, float]:
    began = time.time()
    until = "catalog" if catalog else "dialog"
    done = subprocess.run(
        [sys.executable, "-m", "bench.first_run", until, str(data_dir), repr(began)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"first_run child failed: {done.stderr.strip()[-2000:]}")
    report: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


# --- the child process ---------------------------------------------------------------------------


def _window(data_dir: Path, began: float, catalog: bool) -> dict[str, float]:
    """The real window; measured until the first-run dialog shows its sign-up page, then (`catalog`)
    until the bundled backend's catalog is complete."""
    import requests
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from player.ui.launch import open_window
    from player.ui.shell.first_run import FirstRunDialog, Page

    app = QApplication(["insured-player"])
    window = open_window(data_dir, None)
    if window is None:
        raise SystemExit("the player did not open")
    deadline = time.monotonic() + 240
    dialog_ms = catalog_ms = 0.0
    while time.monotonic() < deadline and not dialog_ms:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        dialog = window.dialog
        first_step = (Page.ACCOUNT, Page.CHOOSE)  # the sign-up, or the choice of insurer just before it
        on_sign_up = isinstance(dialog, FirstRunDialog) and dialog.pages.currentIndex() in first_step
        if on_sign_up and dialog is not None and dialog.isVisible():
            dialog_ms = (time.time() - began) * 1000
    url = window.session.terminal.connection.url
    while catalog and time.monotonic() < deadline and not catalog_ms:
        if requests.get(url + "/healthz", timeout=30).json().get("catalog") is None:
            catalog_ms = (time.time() - began) * 1000
        else:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
    window.shutdown()
    if not (dialog_ms and (catalog_ms or not catalog)):
        raise SystemExit("the sign-up page did not show, or the catalog did not complete, in time")
    return {"dialog_ms": dialog_ms, "catalog_ms": catalog_ms}


def main(argv: list[str]) -> int:
    until, data_dir, began = argv
    if until not in ("dialog", "catalog"):
        print("usage: python -m bench.first_run dialog|catalog DATA_DIR START", file=sys.stderr)
        return 2
    print(json.dumps(_window(Path(data_dir), float(began), until == "catalog")), flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit(main(sys.argv[1:]))
    print(json.dumps(run(quick=False)))
