"""Adding a folder of 10,000 of the user's own files, as the window does it.

The folder is built beforehand: a 2-second FLAC and MP3, each copied with its own tags (title, artist,
album, track number; a cover on every tenth) into 400 artist folders. Then, in a window-less Qt
application, the own-music keeper adds it the way File > Add Music Folder… does, on its own worker:

- `own_scan_10k_s`: from the click to the scan's end (every file stat'ed and its tags read);
- `own_scan_ui_stall_ms`: the longest the GUI thread's event loop waited meanwhile (a 5 ms timer's
  longest gap): what the user would feel as a freeze; target <= 150 ms;
- `own_scan_call_ms`: how long a call on the session's worker (a play, a sync) waited meanwhile: the
  scan has a worker of its own, so it should wait for nothing;
- `own_rescan_10k_ms`: looking at the same 10,000 files again with nothing changed (one `stat` each:
  what every start does), `own_entries_10k_ms`: listing them as library entries (on the session's
  worker), and `own_show_10k_ms`: the library page taking them in (on the GUI thread, once a scan ends).
"""

from __future__ import annotations

import io
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3, TALB, TIT2, TPE1, TRCK
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from mock_backend.demo.media import encode
from player.terminal import MusicScan, Terminal
from player.ui.library.own_music import OwnMusicKeeper
from player.ui.library.view import LibraryPage
from player.ui.session import UiSession
from tests.support.own_files import RATE, cover_png, tone

FILES = 10_000
PER_ARTIST = 25


def build_folder(root: Path, n: int) -> None:
    flac, mp3 = encode(tone(2.0), RATE, "flac"), encode(tone(2.0), RATE, "mp3")
    art = cover_png(1)
    for i in range(n):
        folder = root / f"Artist {i // PER_ARTIST:03d}" / f"Album {i // 10:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        title, artist, album, number = (
            f"Song {i}",
            f"Artist {i // PER_ARTIST}",
            f"Album {i // 10}",
            str(i % 10 + 1),
        )
        if i % 2:
            path = folder / f"{number} {title}.mp3"
            path.write_bytes(mp3)
            tags = ID3()
            for frame in (TIT2(text=title), TPE1(text=artist), TALB(text=album), TRCK(text=number)):
                tags.add(frame)
            if i % 10 == 1:
                tags.add(APIC(mime="image/png", type=3, desc="Cover", data=art))
            tags.save(path)
        else:
            buf = io.BytesIO(flac)
            audio = FLAC(buf)
            audio.update({"title": title, "artist": artist, "album": album, "tracknumber": number})
            if i % 10 == 0:
                pic = Picture()
                pic.type, pic.mime, pic.data = 3, "image/png", art
                audio.add_picture(pic)
            buf.seek(0)
            audio.save(buf)
            (folder / f"{number} {title}.flac").write_bytes(buf.getvalue())


def run(quick: bool = False) -> dict[str, float]:
    n = FILES // 10 if quick else FILES
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-own-"))
    try:
        build_folder(tmp / "Music", n)
        terminal = Terminal(tmp / "library", "http://127.0.0.1:9", keys_in_memory=True)
        session = UiSession(terminal)
        keeper = OwnMusicKeeper(session)
        stall, call_ms, scan_s = _add_while_watching(app, session, keeper, tmp / "Music")
        rescans = []
        for _ in range(3):
            started = time.perf_counter()
            terminal.own_music.rescan()
            rescans.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        entries = terminal.own_music.entries()
        listed = (time.perf_counter() - started) * 1000
        assert len(entries) == n, len(entries)
        page = LibraryPage()
        page.resize(1200, 700)
        started = time.perf_counter()
        page.set_entries(entries)
        shown = (time.perf_counter() - started) * 1000
        keeper.close()
        session.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    scale = FILES / n  # --quick measures a tenth, reported as the 10k it stands for
    return {
        "own_scan_10k_s": round(scan_s * scale, 1),
        "own_scan_ui_stall_ms": round(stall, 1),
        "own_scan_call_ms": round(call_ms, 1),
        "own_rescan_10k_ms": round(statistics.median(rescans) * scale),
        "own_entries_10k_ms": round(listed * scale),
        "own_show_10k_ms": round(shown * scale),
    }


def _add_while_watching(
    app: QCoreApplication, session: UiSession, keeper: OwnMusicKeeper, folder: Path
) -> tuple[float, float, float]:
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done: list[MusicScan] = []
    keeper.scanned.connect(lambda scan, _asked: done.append(scan))
    answered: list[float] = []
    started = time.perf_counter()
    timer.start()
    keeper.add([folder])
    asked_at = time.perf_counter()
    session.call(lambda _: None, lambda _r: answered.append(time.perf_counter() - asked_at))
    while not done:
        app.processEvents()
        time.sleep(0.001)
    scan_s = time.perf_counter() - started
    timer.stop()
    while session.tasks.busy:
        app.processEvents()
    return max(gaps, default=0.0), (answered[0] * 1000 if answered else float("nan")), scan_s
