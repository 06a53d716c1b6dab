"""What playing an insured track costs the machine, against the same audio as a plain file played the
plain way: process CPU time, and resident memory while a 200 MB track plays.

Sides, each in a process of its own (the same imports, the same application object, the same private
PulseAudio null sink as `./test` starts, see `bench/gap.py`), so one side's caches, threads and heap
never count for the other:

- `insured`: the player's engine (`Player`, the gapless engine) on the encrypted container, opened as the
  desktop player opens a track ahead (`ContainerReader` over the file, first segments decrypted, the
  decrypting `ContainerDevice`).
- `plain`: the baseline, the same audio as a plain file played the plain way: `QMediaPlayer` on the file
  (`MediaPlayerEngine.play_file`), which is what a player of unencrypted files does.
- `gapless-plain`: the gapless engine on the plain file, for context (what the engine itself costs).

`play_cpu_ratio` (target <= 1.10): process CPU time (`time.process_time`, every thread of the process)
from "play" to the end of a music track (FLAC; 60 s, quick 5 s), per second of audio, insured over
plain, the median of the rounds' ratios (5, quick 3). In a round the three sides play at the same time,
each in its own process: they are light (a few percent of a core each), and the shared machine's other
load, which moves from minute to minute, then falls on all of them alike (one after the other, a
minute each, the ratio wandered by +-30%). The whole track is timed because the gapless engine decodes
ten seconds ahead at once and `QMediaPlayer` just in time: over the whole track both have decoded the
same audio.

`play_rss_delta_mb` (target <= 16): growth of the resident set (the peak, `VmHWM` reset through
`/proc/self/clear_refs` just before "play") while a 200 MB WAV (about 19 minutes, generated here and
sealed as the content servers seal a track; neither is kept) plays with a user's seeks: two seconds from
the start, a seek to the middle, two seconds, a seek to three seconds before the end, to the end. The
gapless engine cannot seek inside FFmpeg (docs/platform.md), so each of its seeks decodes, and so
decrypts, everything before the target: a track held whole in memory anywhere shows here. Insured growth
minus plain growth, the larger of two runs each (one in quick mode); the two sides run at the same time,
since what one process holds does not depend on the other's.

Without `pulseaudio` and `parec` the figures are left out.
"""

from __future__ import annotations

import json
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

RATE = 44100
CPU_SIDES = ("insured", "plain", "gapless-plain")
RSS_SIDES = ("insured", "plain")
BIG_BYTES = 200 * 1000 * 1000
KEY_NAME = "key.hex"  # the bench's throwaway content key, beside the container it opens (a test key)


def run(quick: bool) -> dict[str, float]:
    if not (shutil.which("pulseaudio") and shutil.which("pactl")):
        print("play_cost: no pulseaudio here: play_cpu_* and play_rss_* left out", file=sys.stderr)
        return {}
    from bench.gap import _private_sink

    seconds = 5.0 if quick else 60.0
    rounds = 3 if quick else 5
    cpu_sides = CPU_SIDES
    with tempfile.TemporaryDirectory(prefix="bench-play-cost-") as tmp:
        work = Path(tmp)
        (work / "pulse").mkdir()
        env = _private_sink(work / "pulse")
        try:
            _make_music(work / "music", seconds)
            cpu: dict[str, list[float]] = {side: [] for side in cpu_sides}
            for _ in range(rounds):  # the sides side by side: the machine's other load falls on each alike
                for side, figures in _children(env, "cpu", cpu_sides, work / "music", quick).items():
                    cpu[side].append(figures["cpu_ms_per_s"])
            _make_big(work / "big")
            rss: dict[str, list[float]] = {side: [] for side in RSS_SIDES}
            for _ in range(1 if quick else 2):  # side by side: memory, unlike time, is each process's own
                for side, figures in _children(env, "rss", RSS_SIDES, work / "big", quick).items():
                    rss[side].append(figures["rss_growth_mb"])
        finally:
            subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, check=False, timeout=30)
    med = {side: statistics.median(values) for side, values in cpu.items()}
    paired = statistics.median(i / p for i, p in zip(cpu["insured"], cpu["plain"], strict=True))
    grown = {side: max(values) for side, values in rss.items()}
    return {
        "play_cpu_insured_ms_per_s": round(med["insured"], 2),
        "play_cpu_plain_ms_per_s": round(med["plain"], 2),
        "play_cpu_gapless_plain_ms_per_s": round(med["gapless-plain"], 2),
        "play_cpu_ratio": round(paired, 3),
        "play_rss_insured_mb": round(grown["insured"], 1),
        "play_rss_plain_mb": round(grown["plain"], 1),
        "play_rss_delta_mb": round(grown["insured"] - grown["plain"], 1),
    }


def _args(what: str, side: str, folder: Path, quick: bool) -> list[str]:
    args = [sys.executable, "-m", "bench.play_cost", "--child", what, side, str(folder)]
    return args + (["--quick"] if quick else [])


def _figures(what: str, side: str, returncode: int, stdout: str, stderr: str) -> dict[str, float]:
    if returncode != 0:
        raise RuntimeError(f"play_cost {what} {side} failed: {stderr[-2000:]}")
    figures: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    return figures


def _children(
    env: dict[str, str], what: str, sides: tuple[str, ...], folder: Path, quick: bool
) -> dict[str, dict[str, float]]:
    """One child per side, all at once."""
    procs = {
        side: subprocess.Popen(
            _args(what, side, folder, quick),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in sides
    }
    results = {}
    for side, proc in procs.items():
        out, err = proc.communicate(timeout=900)
        results[side] = _figures(what, side, proc.returncode, out, err)
    return results


def _seal(folder: Path, plain: bytes, mime: str, duration_ms: int) -> None:
    """The plain file (the baseline's own copy: the player never writes one) and its sealed container."""
    from tests.support.factories import make_container

    folder.mkdir()
    sealed = make_container(plaintext=plain, content_id=folder.name, mime=mime)
    (folder / "track.plain").write_bytes(plain)
    (folder / "track.ipct").write_bytes(sealed.data)
    (folder / KEY_NAME).write_text(sealed.key.hex(), encoding="ascii")
    (folder / "duration_ms").write_text(str(duration_ms), encoding="ascii")  # what the catalog says


def _make_music(folder: Path, seconds: float) -> None:
    from mock_backend.demo.media import encode
    from mock_backend.demo.synth import SynthParams, render

    audio = render(SynthParams(seed=7, tempo_bpm=112, key="D", scale="dorian", style="jazz"), seconds)
    _seal(folder, encode(audio, RATE, "flac"), "audio/flac", int(seconds * 1000))


def _make_big(folder: Path) -> None:
    """A 200 MB 16-bit stereo WAV: ten seconds of the synthesized music, over and over."""
    import numpy as np

    from mock_backend.demo.synth import SynthParams, render

    clip = render(SynthParams(seed=11, tempo_bpm=96, key="A", scale="minor", style="rock"), 10.0)
    pcm = (np.clip(clip, -1.0, 1.0) * 32767).astype("<i2").reshape(-1, 2).tobytes()
    data = (pcm * (BIG_BYTES // len(pcm) + 1))[: BIG_BYTES // 4 * 4]
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt "
    header += struct.pack("<IHHIIHH", 16, 1, 2, RATE, RATE * 4, 4, 16)  # PCM, 2 channels, 16 bits
    header += b"data" + struct.pack("<I", len(data))
    _seal(folder, header + data, "audio/wav", len(data) * 1000 // (RATE * 4))


if __name__ == "__main__":
    if "--child" in sys.argv:
        from bench.play_cost_child import main

        main(sys.argv[sys.argv.index("--child") + 1 :])
    else:
        print(run(quick=True))
