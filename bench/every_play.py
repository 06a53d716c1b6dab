"""The cost of a policy that asks the insurer on every play (claim 26), on the real backend over loopback.

Two users on one backend, one with the standard policy (the cached list decides) and one whose policy
checks every play; each buys the same track, and `Terminal.open_track` (decide, unwrap, authenticate the
header, decrypt the first segments: everything a play does before the audio engine) is timed for each.
`every_play_added_ms` is the median difference: the round trip for the signed validity statement and its
verification. The unprepared play pays it before the sound (`ttfa_every_play_unprepared_ms` = the
measured unprepared time to first audio plus it); the desktop's prepared play asks while it opens the track
ahead, so nothing is added when the play comes within the statement's 30 s
(`ttfa_every_play_prepared_ms` = the prepared time to first audio).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.demo_backend import demo_template
from player.terminal import Terminal
from tests.support.backend import Backend, clone_template

TRACK = "aurora-0001"
PASSWORD = "bench password, not a secret"


def _open_times(terminal: Terminal, license_id: str, reps: int) -> list[float]:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        track = terminal.open_track(license_id)
        times.append((time.perf_counter() - started) * 1000)
        track.close()
    return times


def run(quick: bool) -> dict[str, float]:
    reps = 15 if quick else 41
    with tempfile.TemporaryDirectory(prefix="bench-every-play-") as tmp:
        backend = Backend(clone_template(demo_template(), Path(tmp, "backend")))
        terminals: dict[bool, tuple[Terminal, str]] = {}
        try:
            for every in (False, True):
                t = Terminal(Path(tmp, f"library-{int(every)}"), backend.url, keys_in_memory=True)
                t.account.sign_up(f"bench-{int(every)}", PASSWORD)
                t.account.insure(check_every_play=every)
                terminals[every] = (t, t.purchases.buy(TRACK).license.license_id)
            for t, lid in terminals.values():
                _open_times(t, lid, 2)  # warm up: connections, caches
            listed, checked = [], []
            for _ in range(reps):  # interleaved: drift falls on both sides
                listed += _open_times(*terminals[False], 1)
                checked += _open_times(*terminals[True], 1)
        finally:
            for t, _ in terminals.values():
                t.close()
            backend.stop()
    added = statistics.median(c - s for c, s in zip(checked, listed, strict=True))
    return {
        "open_list_ms": round(statistics.median(listed), 2),
        "open_every_play_ms": round(statistics.median(checked), 2),
        "every_play_added_ms": round(added, 2),
    }


if __name__ == "__main__":
    print(run(quick=True))
