"""Time from "play" to PlayingState: an encrypted track against the same audio as a plain file.

`ttfa_encrypted_ms` is the desktop player's play: the track was opened when its row was selected (or
when the track before it started), as `player/ui/playing/prepared.py` does — the container file opened, its
header authenticated with the content key, the first two segments decrypted (`ContainerReader.warm`) and
the source device built — so "play" is `Player.play_source`, and every read FFmpeg then makes goes
through the decrypting device. The plain side is `Player.play_file` on the same FLAC bytes: the baseline
a player of unencrypted files would have. Target: `ttfa_ratio <= 1.10`.

`ttfa_unprepared_ms` / `ttfa_unprepared_ratio` put the opening inside the timed window (a play nothing
prepared: the CLI, or a click faster than the selection delay): reading the container, authenticating
its header, building the device, playing. `ttfa_buffer_ms` does the same with the whole track decrypted
into a `QBuffer` first (the alternative source kind). Runs are interleaved so drift (CPU frequency,
caches) hits every side alike; each time is the median, and each ratio the median of the ratios within
a round (a paired estimate: a slow spell of the machine falls on both sides of a ratio). The time until
the position first moves is reported beside them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QIODevice, QTimer

from mock_backend.demo.media import encode
from mock_backend.demo.synth import SynthParams, render
from player.playback import DEFAULT_SOURCE_KIND, PlaybackState, Player, SourceKind, open_device
from player.protocol.container import ContainerReader
from tests.support.factories import make_container

MIME = "audio/flac"
SAMPLE_RATE = 44100


def _time_to_playing(player: Player, start: Callable[[], None]) -> tuple[float, float]:
    """Milliseconds from calling `start` to PlayingState, and to the first position change (sound moving).

    Both are stamped inside the signals. `start` runs from the event loop, as a click handler would, so
    the main thread is back in the loop (not holding the GIL) as soon as it returns: the same for the
    plain and the encrypted side.
    """
    stamps: dict[str, float] = {}
    loop = QEventLoop()

    def on_state(state: PlaybackState) -> None:
        if state is PlaybackState.PLAYING:
            stamps.setdefault("playing", time.perf_counter())

    def on_position(ms: int) -> None:
        if ms > 0 and "playing" in stamps:
            stamps.setdefault("moving", time.perf_counter())
            loop.quit()

    def begin() -> None:
        stamps["start"] = time.perf_counter()
        start()

    guard = QTimer(loop)
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(10_000)
    player.state_changed.connect(on_state)
    player.position_changed.connect(on_position)
    QTimer.singleShot(0, loop, begin)
    try:
        loop.exec()
    finally:
        guard.stop()
        player.state_changed.disconnect(on_state)
        player.position_changed.disconnect(on_position)
        player.stop()
    if "moving" not in stamps:
        raise RuntimeError("the player did not start playing within 10 s")
    return (stamps["playing"] - stamps["start"]) * 1000, (stamps["moving"] - stamps["start"]) * 1000


def run(quick: bool) -> dict[str, float]:
    app = QCoreApplication.instance() or QCoreApplication([])
    seconds = 10.0 if quick else 60.0
    reps = 25 if quick else 41
    audio = render(SynthParams(seed=7, tempo_bpm=112, key="D", scale="dorian", style="jazz"), seconds)
    plain = encode(audio, SAMPLE_RATE, "flac")
    sealed, key, _ = make_container(plaintext=plain, content_id="bench-ttfa", mime=MIME)
    hint = int(seconds * 1000)
    player = Player()
    sides = ("plain", "prepared", "device", "buffer")
    playing: dict[str, list[float]] = {name: [] for name in sides}
    moving: dict[str, list[float]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory(prefix="bench-ttfa-") as tmp:
        plain_path, sealed_path = Path(tmp, "track.flac"), Path(tmp, "track.ipct")
        plain_path.write_bytes(plain)  # the baseline's own plain copy: the player never writes one
        sealed_path.write_bytes(sealed)

        def encrypted(kind: SourceKind) -> Callable[[], None]:
            def start() -> None:
                file = sealed_path.open("rb")  # the device closes it when the player lets go
                reader = ContainerReader(file, key)
                player.play_source(open_device(reader, kind, source_file=file), reader.header.mime, hint)

            return start

        ready: list[QIODevice] = []

        def prepare() -> None:
            """What selecting the row does, before the play (untimed)."""
            file = sealed_path.open("rb")
            reader = ContainerReader(file, key)
            reader.warm()
            ready.append(open_device(reader, source_file=file))

        starts = {
            "plain": lambda: player.play_file(plain_path),
            "prepared": lambda: player.play_source(ready.pop(), MIME, hint),
            "device": encrypted(SourceKind.DEVICE),
            "buffer": encrypted(SourceKind.BUFFER),
        }
        for _ in range(2):  # warm up FFmpeg, the audio sink and the page cache
            for name, start in starts.items():
                if name == "prepared":
                    prepare()
                _time_to_playing(player, start)
        for i in range(reps):
            names = list(starts)
            names = names[i % len(names) :] + names[: i % len(names)]
            for name in names:
                if name == "prepared":
                    prepare()
                to_playing, to_moving = _time_to_playing(player, starts[name])
                playing[name].append(to_playing)
                moving[name].append(to_moving)
    del app
    med = {name: statistics.median(values) for name, values in playing.items()}
    med_moving = {name: statistics.median(values) for name, values in moving.items()}
    unprepared = DEFAULT_SOURCE_KIND.value

    def ratio(side: str) -> float:
        return statistics.median(a / b for a, b in zip(playing[side], playing["plain"], strict=True))

    return {
        "ttfa_encrypted_ms": round(med["prepared"], 2),
        "ttfa_plain_ms": round(med["plain"], 2),
        "ttfa_ratio": round(ratio("prepared"), 3),
        "ttfa_unprepared_ms": round(med[unprepared], 2),
        "ttfa_unprepared_ratio": round(ratio(unprepared), 3),
        "ttfa_buffer_ms": round(med["buffer"], 2),
        # Time until the position first moves (sound is coming out), for context: not a target.
        "first_position_encrypted_ms": round(med_moving["prepared"], 1),
        "first_position_plain_ms": round(med_moving["plain"], 1),
    }


if __name__ == "__main__":
    print(run(quick=True))
