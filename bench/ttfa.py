"""Time from "play" to PlayingState: an encrypted track against the same audio as a plain file.

`ttfa_encrypted_ms` is the desktop player's play: the track was opened when its row was selected (or
when the track before it started), as `player/ui/playing/prepared.py` does — the container file opened, its
header authenticated with the content key, the first two segments decrypted (`ContainerReader.warm`) and
the source device built — so "play" is `Player.play_source`, and every read FFmpeg then makes goes
through the decrypting device. The plain side is `Player.play_file` on the same FLAC bytes: the baseline
a player of unencrypted files would have. Target: `ttfa_ratio <= 1.10`.

`ttfa_unprepared_ms` / `ttfa_unprepared_ratio` (target <= 1.10) are a play nothing prepared: the CLI's
play, MPRIS OpenUri, a row never selected. The whole opening is inside the timed window, as those paths
run it: `Terminal.open_track` (the library row, the license package verified, the license decision on
the cached list, the license unwrapped with the policy key and verified, its period checked, the
container opened and its header authenticated, the tags read, the first segments decrypted), then the
device and `Player.play_source`. The terminal is a real one: a bundled backend on loopback made the
purchase, the list and the policy (real signatures, real SQLite); its keys are kept in memory
(`keys_in_memory`, as `bench/every_play.py`: the bench never touches a keyring), and it has opened a
track before, as a running player has. The plain side is `play_file` on the same track's audio as a
plain file. `ttfa_unprepared_open_ms` is the part spent in `open_track`.

`ttfa_container_ms` / `ttfa_container_ratio` are the playback layer's own part of that: the container
file opened and its header authenticated with a known key, the device built, played (no license work).
`ttfa_buffer_ms` does the same with the whole track decrypted into a `QBuffer` first (the alternative
source kind). Runs are interleaved so drift (CPU frequency, caches) hits every side alike; each time is
the median, and each ratio the median of the ratios within a round (a paired estimate: a slow spell of
the machine falls on both sides of a ratio). The time until the position first moves is reported beside
them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QIODevice, QTimer

from bench import demo
from mock_backend.demo.media import encode
from mock_backend.demo.synth import SynthParams, render
from player.playback import DEFAULT_SOURCE_KIND, PlaybackState, Player, SourceKind, open_device
from player.protocol.container import ContainerReader
from player.terminal import Terminal
from tests.support.backend import Backend
from tests.support.factories import make_container

MIME = "audio/flac"
SAMPLE_RATE = 44100
TRACKS = ("aurora-0001", "aurora-0002")  # the first warms the terminal up; the second is measured
PASSWORD = "bench password, not a secret"


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
    med = {name: statistics.median(values) for name, values in playing.items()}
    med_moving = {name: statistics.median(values) for name, values in moving.items()}
    unprepared = DEFAULT_SOURCE_KIND.value
    player.stop()

    def ratio(side: str) -> float:
        return statistics.median(a / b for a, b in zip(playing[side], playing["plain"], strict=True))

    result = {
        "ttfa_encrypted_ms": round(med["prepared"], 2),
        "ttfa_plain_ms": round(med["plain"], 2),
        "ttfa_ratio": round(ratio("prepared"), 3),
        **_unprepared(player, reps),
        "ttfa_container_ms": round(med[unprepared], 2),
        "ttfa_container_ratio": round(ratio(unprepared), 3),
        "ttfa_buffer_ms": round(med["buffer"], 2),
        # Time until the position first moves (sound is coming out), for context: not a target.
        "first_position_encrypted_ms": round(med_moving["prepared"], 1),
        "first_position_plain_ms": round(med_moving["plain"], 1),
    }
    del app
    return result


def _unprepared(player: Player, reps: int) -> dict[str, float]:
    """A play through `Terminal.open_track`, against the same track's audio as a plain file."""
    with tempfile.TemporaryDirectory(prefix="bench-ttfa-terminal-") as tmp:
        backend = Backend(demo.backend_dir(Path(tmp, "backend")))
        terminal = Terminal(Path(tmp, "library"), backend.url, keys_in_memory=True)
        try:
            terminal.account.sign_up("bench-ttfa", PASSWORD)
            terminal.account.insure()
            warm, measured = (terminal.purchases.buy(t).license.license_id for t in TRACKS)
            plain_path = Path(tmp, "track")
            track = terminal.open_track(measured)
            try:
                plain_path.write_bytes(track.reader.decrypt_all())  # the baseline's own plain copy
            finally:
                track.close()
            opening: list[float] = []

            def unprepared(license_id: str) -> Callable[[], None]:
                def start() -> None:
                    began = time.perf_counter()
                    track = terminal.open_track(license_id)
                    opening.append((time.perf_counter() - began) * 1000)
                    device = open_device(track.reader, source_file=track.file)
                    player.play_source(device, track.mime, track.duration_ms, track.replaygain)

                return start

            for _ in range(2):  # a player that has played before: the list, the policy, FFmpeg warm
                _time_to_playing(player, unprepared(warm))
                _time_to_playing(player, lambda: player.play_file(plain_path))
            opening.clear()
            starts = {"plain": lambda: player.play_file(plain_path), "unprepared": unprepared(measured)}
            times: dict[str, list[float]] = {name: [] for name in starts}
            for i in range(reps):
                for name in list(starts)[i % 2 :] + list(starts)[: i % 2]:
                    times[name].append(_time_to_playing(player, starts[name])[0])
        finally:
            terminal.close()
            backend.stop()
    paired = statistics.median(u / p for u, p in zip(times["unprepared"], times["plain"], strict=True))
    return {
        "ttfa_unprepared_ms": round(statistics.median(times["unprepared"]), 2),
        "ttfa_unprepared_plain_ms": round(statistics.median(times["plain"]), 2),
        "ttfa_unprepared_ratio": round(paired, 3),
        "ttfa_unprepared_open_ms": round(statistics.median(opening), 2),
    }


if __name__ == "__main__":
    print(run(quick=True))
