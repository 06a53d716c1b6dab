"""The silence between two consecutive tracks, heard through a PulseAudio null sink.

`gap_ms`: two encrypted FLAC tracks, each a tone that runs to its very last sample (440 Hz, then
660 Hz), play one after the other — the second queued when the engine asks for it (`next_wanted`), as
the desktop player does. The null sink's monitor is recorded (`parec`) and the silence where the first
tone gives way to the second is measured (`tests/support/sink.py`): the files hold none, so all of it is
the player's. Target `gap_ms <= 5`. `gap_mediaplayer_ms` is the same with the QMediaPlayer engine (a new
source per track), the baseline. Each is the median of several runs. What playing costs the machine
(CPU, memory) is `bench/play_cost.py`'s.

The measuring runs in a child process talking to a private PulseAudio (`pulseaudio -n` with only a
null sink, as `./test` starts one), so nothing of the user's own sound server is touched and the
other figures are measured as before. Without `pulseaudio` and `parec` the figures are left out.
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

SAMPLE_RATE = 44100
MIME = "audio/flac"


def run(quick: bool) -> dict[str, float]:
    if not (shutil.which("pulseaudio") and shutil.which("parec") and shutil.which("pactl")):
        print("gap: no pulseaudio/parec here: gap_ms left out", file=sys.stderr)
        return {}
    with tempfile.TemporaryDirectory(prefix="bench-gap-") as tmp:
        env = _private_sink(Path(tmp))
        try:
            args = [sys.executable, "-m", "bench.gap", "--child"] + (["--quick"] if quick else [])
            done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, check=False)
        finally:
            subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, check=False, timeout=30)
    if done.returncode != 0:
        raise RuntimeError(f"the gap measurement failed: {done.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _private_sink(tmp: Path) -> dict[str, str]:
    """A PulseAudio of our own whose default sink is the null sink `ci_sink` (docs/platform.md)."""
    run_dir = tmp / "run"
    run_dir.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(tmp), "XDG_RUNTIME_DIR": str(run_dir)}
    env["PULSE_SERVER"] = f"unix:{run_dir}/pulse/native"
    for name in ("PULSE_SINK", "PULSE_SOURCE", "PIPEWIRE_REMOTE"):
        env.pop(name, None)
    subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "-n",
            "--use-pid-file=yes",
            "--exit-idle-time=-1",
            "--load=module-native-protocol-unix",
            f"--log-target=file:{tmp}/pulseaudio.log",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
        timeout=30,
    )
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True, check=False).returncode != 0:
        if time.monotonic() > deadline:
            raise RuntimeError("the private pulseaudio did not answer")
        time.sleep(0.1)
    null_sink = ["pactl", "load-module", "module-null-sink", "sink_name=ci_sink"]
    subprocess.run(null_sink, env=env, check=True, capture_output=True)
    subprocess.run(["pactl", "set-default-sink", "ci_sink"], env=env, check=True)
    return env


# --- the child: everything below runs against the private sink ------------------------------------


def _child(quick: bool) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication

    from bench.gap_runs import gap_once

    app = QCoreApplication.instance() or QCoreApplication([])
    runs = 3 if quick else 7
    gaps: dict[str, list[float]] = {"gapless": [], "mediaplayer": []}
    for _ in range(runs):
        for engine in gaps:
            gaps[engine].append(gap_once(engine))
    del app
    return {
        "gap_ms": round(statistics.median(gaps["gapless"]), 2),
        "gap_mediaplayer_ms": round(statistics.median(gaps["mediaplayer"]), 1),
    }


if __name__ == "__main__":
    if "--child" in sys.argv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault(
            "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false"
        )
        print(json.dumps(_child("--quick" in sys.argv)))
    else:
        print(run(quick=True))
