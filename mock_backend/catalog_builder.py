"""Fills the providers' shelves: the two providers, the demo catalog, upgrades and imported tracks.

The demo catalog is rendered once, on the first start with `--demo` (the database remembers it was
built), in parallel worker processes because synthesis and encoding are CPU-bound. Each track is kept as a
FLAC master on the server side (to re-encode for upgrades) and published as FLAC and Ogg Vorbis
containers, so a terminal that asks for either gets one it can decode ([0050]).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from mock_backend import clock, db, media_store
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.demo import catalog as demo_catalog
from mock_backend.demo import cover, media, synth
from mock_backend.demo import tags as demo_tags
from player.protocol.canonical import format_time

SAMPLE_RATE = 44_100
DEMO_FORMATS = ("flac", "ogg")


def ensure_providers(conn: sqlite3.Connection) -> list[str]:
    """Both distribution services exist from the first start, demo catalog or not."""
    for p in demo_catalog.load_catalog().providers:
        conn.execute(
            "INSERT OR IGNORE INTO providers(id, name, premium_rate) VALUES (?, ?, ?)",
            (p.provider_id, p.name, p.premium_rate),
        )
    return [r[0] for r in conn.execute("SELECT id FROM providers ORDER BY id")]


@dataclass(frozen=True)
class Rendered:
    content_id: str
    duration_ms: int
    cover_png: bytes
    encodings: dict[str, bytes]  # mime -> tagged audio


def _render(track: demo_catalog.DemoTrack) -> Rendered:
    audio = synth.render(track.synth, track.duration_s, SAMPLE_RATE)
    art = cover.cover_png(track.title, track.artist, track.genre, track.synth.seed)
    encodings = {
        media.MIME[fmt]: media.tag(
            media.encode(audio, SAMPLE_RATE, fmt),
            fmt,
            title=track.title,
            artist=track.artist,
            album=track.album,
            genre=track.genre,
            track_number=track.track_number,
            cover_png=art,
        )
        for fmt in DEMO_FORMATS
    }
    return Rendered(track.content_id, round(len(audio) * 1000 / SAMPLE_RATE), art, encodings)


def build_demo(conn: sqlite3.Connection, settings: Settings) -> int:
    """Render and publish the demo catalog unless it is already built; returns the tracks added."""
    if db.get_setting(conn, "demo_built") == "1":
        return 0
    tracks = demo_catalog.load_catalog().tracks
    todo = [
        t
        for t in tracks
        if conn.execute("SELECT 1 FROM contents WHERE id = ?", (t.content_id,)).fetchone() is None
    ]
    by_id = {t.content_id: t for t in todo}
    workers = max(1, min(len(todo), os.cpu_count() or 1))
    rendered: Iterable[Rendered]
    if workers == 1:
        rendered = map(_render, todo)
        return _publish_all(conn, settings, by_id, rendered)
    spawn = multiprocessing.get_context("spawn")  # no fork of a threaded server
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn, initializer=_die_with_parent) as pool:
        return _publish_all(conn, settings, by_id, pool.map(_render, todo))


def _die_with_parent() -> None:
    """Linux: a render worker ends when the backend does (killed mid-build, it would wait forever)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _publish_all(
    conn: sqlite3.Connection,
    settings: Settings,
    by_id: dict[str, demo_catalog.DemoTrack],
    rendered: Iterable[Rendered],
) -> int:
    count = 0
    for r in rendered:
        t = by_id[r.content_id]
        with db.transaction(conn):
            _insert_content(
                conn,
                t.content_id,
                t.provider_id,
                t.title,
                t.artist,
                t.album,
                t.genre,
                t.price,
                t.track_number,
                r.duration_ms,
                r.cover_png,
            )
            write_atomic(
                media_store.master_path(settings, t.content_id, "flac"), r.encodings[media.MIME["flac"]]
            )
            media_store.publish_version(conn, settings, t.content_id, 1, r.encodings)
        count += 1
    with db.transaction(conn):
        db.set_setting(conn, "demo_built", "1")
    return count


def _insert_content(
    conn: sqlite3.Connection,
    content_id: str,
    provider_id: str,
    title: str,
    artist: str,
    album: str,
    genre: str,
    price: int,
    track_number: int,
    duration_ms: int,
    cover_png: bytes | None,
) -> None:
    conn.execute(
        "INSERT INTO contents(id, provider_id, title, artist, album, genre, price, track_number, duration_ms,"
        " current_version, cover, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        (
            content_id,
            provider_id,
            title,
            artist,
            album,
            genre,
            price,
            track_number,
            duration_ms,
            cover_png,
            format_time(clock.now(conn)),
        ),
    )


def _remaster(audio: np.ndarray) -> np.ndarray:
    """A new version that sounds a little different: gentle lift of the highs, re-normalised."""
    bright = audio.copy()
    bright[1:] += 0.25 * (audio[1:] - audio[:-1])
    peak = float(np.max(np.abs(bright))) or 1.0
    return (bright * (0.89 / peak)).astype(np.float32)


def publish_upgrade(conn: sqlite3.Connection, settings: Settings, content_id: str) -> int:
    """[0048]: publish version n+1 of a track from its master, under a new content key."""
    row = conn.execute("SELECT * FROM contents WHERE id = ?", (content_id,)).fetchone()
    master = media_store.master_path(settings, content_id, "flac")
    audio, rate = soundfile.read(io.BytesIO(master.read_bytes()), dtype="float32", always_2d=True)
    audio = _remaster(audio)
    version = int(row["current_version"]) + 1
    art = bytes(row["cover"]) if row["cover"] else None
    encodings = {
        media.MIME[fmt]: media.tag(
            media.encode(audio, rate, fmt),
            fmt,
            title=row["title"],
            artist=row["artist"],
            album=row["album"],
            genre=row["genre"],
            track_number=row["track_number"],
            cover_png=art,
        )
        for fmt in DEMO_FORMATS
    }
    media_store.publish_version(conn, settings, content_id, version, encodings)
    conn.execute("UPDATE contents SET current_version = ? WHERE id = ?", (version, content_id))
    return version


def _next_content_id(conn: sqlite3.Connection, provider: str) -> str:
    numbers = [
        int(m.group(1))
        for (cid,) in conn.execute("SELECT id FROM contents WHERE provider_id = ?", (provider,))
        if (m := re.fullmatch(rf"{re.escape(provider)}-(\d+)", cid))
    ]
    return f"{provider}-{max(numbers, default=0) + 1:04d}"


def import_track(
    conn: sqlite3.Connection,
    settings: Settings,
    *,
    provider: str,
    price: int,
    genre: str,
    title: str | None,
    filename: str,
    data: bytes,
) -> str:
    """Import a user's own audio file: tags from mutagen, published as FLAC and Ogg Vorbis when libsndfile
    can decode it, else as the file it is. `ValueError` if it is not audio."""
    tags = demo_tags.read_tags(data, fmt_hint=Path(filename).suffix.lstrip(".").lower() or None)
    content_id = _next_content_id(conn, provider)
    try:
        audio, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, TypeError):
        audio = None
    shown_title = title or tags.title or Path(filename).stem
    artist = tags.artist or "Unknown artist"
    album = tags.album or "Imported"
    if audio is not None and len(audio):
        encodings = {
            media.MIME[fmt]: media.tag(
                media.encode(audio, rate, fmt),
                fmt,
                title=shown_title,
                artist=artist,
                album=album,
                genre=genre,
                track_number=0,
                cover_png=tags.cover,
            )
            for fmt in DEMO_FORMATS
        }
        master = encodings[media.MIME["flac"]]
        duration_ms = round(len(audio) * 1000 / rate)
    else:
        encodings = {tags.mime: data}
        master = data
        duration_ms = tags.duration_ms
    _insert_content(
        conn,
        content_id,
        provider,
        shown_title,
        artist,
        album,
        genre,
        price,
        0,
        duration_ms,
        tags.cover,
    )
    ext = "flac" if audio is not None and len(audio) else media_store.EXTENSIONS.get(tags.mime, "bin")
    write_atomic(media_store.master_path(settings, content_id, ext), master)
    media_store.publish_version(conn, settings, content_id, 1, encodings)
    return content_id
