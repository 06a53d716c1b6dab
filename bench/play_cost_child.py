"""One measured side of `bench/play_cost.py`, in a process of its own: `python -m bench.play_cost --child
cpu|rss SIDE FOLDER` prints one JSON object. Every side imports the same modules and makes the same
application object before anything is measured, so the processes differ only in how the track plays."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from player.playback import GaplessPlayer, MediaPlayerEngine, PlaybackState, PlayerBase, open_device
from player.protocol.container import ContainerReader

KEY_NAME = "key.hex"
MIB = 1024 * 1024


def _rss_kib(field: str) -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Make VmHWM the current RSS again (Linux >= 4.0), so the peak seen later is this run's own."""
    with Path("/proc/self/clear_refs").open("w", encoding="ascii") as refs:
        refs.write("5")


def _wait(player: PlayerBase, until: Callable[[], bool], timeout_s: float, poll: bool = True) -> None:
    """Run the event loop until `until()` holds, checked on the player's signals and, with `poll`, every
    20 ms (not while CPU time is measured: the checks would count on every side)."""
    if until():
        return
    loop = QEventLoop()

    def check() -> None:
        if until():
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    if poll:
        timer.start(20)
    player.media_ended.connect(loop.quit)
    player.failed.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    player.media_ended.disconnect(loop.quit)
    player.failed.disconnect(loop.quit)


def _start(side: str, folder: Path) -> tuple[PlayerBase, Callable[[], None], int]:
    """The player for `side` and the call that plays the track (not yet made), and the track's length."""
    plain = folder / "track.plain"
    duration_ms = int((folder / "duration_ms").read_text(encoding="ascii"))
    if side == "plain":
        mp = MediaPlayerEngine()
        return mp, lambda: mp.play_file(plain), duration_ms
    player = GaplessPlayer()
    if side == "gapless-plain":
        return player, lambda: player.play_file(plain), duration_ms
    key = bytes.fromhex((folder / KEY_NAME).read_text(encoding="ascii"))

    def play_insured() -> None:
        file = (folder / "track.ipct").open("rb")  # the device closes it when the player lets go
        reader = ContainerReader(file, key)
        reader.warm()
        player.play_source(open_device(reader, source_file=file), reader.header.mime, duration_ms)

    return player, play_insured, duration_ms


def _cpu(player: PlayerBase, play: Callable[[], None], duration_ms: int) -> dict[str, float]:
    ended: list[bool] = []
    player.media_ended.connect(lambda: ended.append(True))
    started = time.process_time()
    play()
    _wait(player, lambda: bool(ended), 120.0, poll=False)
    cpu = time.process_time() - started
    if not ended:
        raise RuntimeError("the track did not play to its end")
    seconds = duration_ms / 1000
    player.stop()
    return {"cpu_ms_per_s": cpu * 1000 / seconds}


def _rss(
    player: PlayerBase, play: Callable[[], None], duration_ms: int, before: int, stay_s: float
) -> dict[str, float]:
    """Play with a user's seeks (`stay_s` at the start, a seek to the middle, `stay_s` there, a seek to
    just before the end) and say how far the resident set grew past `before`."""
    ended: list[bool] = []
    player.media_ended.connect(lambda: ended.append(True))
    play()
    _wait(player, lambda: player.position > 0, 30.0)
    moving = player.state is PlaybackState.PLAYING

    def play_for(seconds: float) -> None:
        target = player.position + int(seconds * 1000)
        _wait(player, lambda: player.position >= target, seconds + 30.0)

    play_for(stay_s)
    player.seek(duration_ms // 2)
    _wait(player, lambda: player.position >= duration_ms // 2 + 100, 60.0)
    play_for(stay_s)
    player.seek(duration_ms - int(stay_s * 1000) - 1000)
    _wait(player, lambda: bool(ended), 60.0)
    peak = _rss_kib("VmHWM")
    player.stop()
    if not (moving and ended):
        raise RuntimeError("the 200 MB track did not play through its seeks to its end")
    return {"rss_growth_mb": (peak - before) / 1024, "rss_before_mb": before / 1024}


def _warm_up(player: PlayerBase, play: Callable[[], None]) -> None:
    """Play the track's first moments and stop: FFmpeg's libraries, the sound server's connection and the
    audio thread are then set up on either side, as in a player that has played something before."""
    play()
    _wait(player, lambda: player.state is PlaybackState.PLAYING, 30.0)
    _wait(player, lambda: False, 0.3)  # the sink's stream connected, its first audio taken
    player.stop()


def main(argv: list[str]) -> None:
    what, side, folder, quick = argv[0], argv[1], Path(argv[2]), "--quick" in argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault(
        "QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false"
    )
    app = QCoreApplication.instance() or QCoreApplication([])
    if what == "cpu":
        player, play, duration_ms = _start(side, folder)
        _warm_up(player, play)
        figures = _cpu(player, play, duration_ms)
    else:
        _reset_peak()
        before = _rss_kib("VmRSS")  # before the player is made: its own set-up counts as growth too
        player, play, duration_ms = _start(side, folder)
        figures = _rss(player, play, duration_ms, before, 0.5 if quick else 2.0)
    del app
    print(json.dumps(figures))
