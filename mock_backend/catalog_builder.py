"""Fills the providers' shelves: the two providers, the demo catalog, upgrades and imported tracks.

The demo catalog is rendered once, on the first start with `--demo` (the database remembers it was
built), in parallel worker processes because synthesis and encoding are CPU-bound; a serving backend does
it in the background (`rendering.py`) and answers meanwhile. Each track is kept as a
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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
from pydantic_core import PydanticCustomError

from mock_backend import clock, db, media_store
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.demo import catalog as demo_catalog
from mock_backend.demo import cover, media, synth
from player.protocol.api import check_plain_text
from player.protocol.canonical import format_time

SAMPLE_RATE = 44_100
DEMO_FORMATS = ("flac", "ogg")


def ensure_providers(conn: sqlite3.Connection, settings: Settings) -> list[str]:
    """Both distribution services exist from the first start, demo catalog or not."""
    for p in demo_catalog.load_catalog(settings.demo_catalog).providers:
        conn.execute(
            "INSERT OR IGNORE INTO providers(id, name, premium_rate, configurations) VALUES (?, ?, ?, ?)",
            (p.provider_id, p.name, p.premium_rate, ",".join(p.configurations)),
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
            replaygain=media.measure_replaygain(audio),
            album_facts=track.album_facts(),
        )
        for fmt in DEMO_FORMATS
    }
    return Rendered(track.content_id, round(len(audio) * 1000 / SAMPLE_RATE), art, encodings)


def demo_tracks(settings: Settings) -> list[demo_catalog.DemoTrack]:
    return list(demo_catalog.load_catalog(settings.demo_catalog).tracks)


def published_demo_tracks(conn: sqlite3.Connection, settings: Settings) -> int:
    """How many of the demo catalog's tracks are on sale already."""
    return sum(
        conn.execute("SELECT 1 FROM contents WHERE id = ?", (t.content_id,)).fetchone() is not None
        for t in demo_tracks(settings)
    )


def build_demo(
    conn: sqlite3.Connection,
    settings: Settings,
    *,
    gate: Callable[[], bool] = lambda: True,
    published: Callable[[], None] = lambda: None,
) -> int:
    """Render and publish the demo catalog's tracks not on sale yet; returns the tracks added.

    Each track goes on sale as soon as it is rendered, in a transaction of its own with its files written
    atomically before it commits, so a build cut short (a restart, a crash) leaves whole tracks only and
    the next start renders the rest; the catalog is marked built once the last one is in. `gate()` is
    asked before the work starts and before each track goes on sale: it may wait (a paused build), and
    False stops the build there. `published()` is called after each track."""
    if db.get_setting(conn, "demo_built") == "1":
        return 0
    todo = [
        t
        for t in demo_tracks(settings)
        if conn.execute("SELECT 1 FROM contents WHERE id = ?", (t.content_id,)).fetchone() is None
    ]
    by_id = {t.content_id: t for t in todo}
    count = 0
    workers = max(1, min(len(todo), os.cpu_count() or 1))
    if todo and not gate():
        return 0
    if workers == 1:
        for track in todo:
            rendered = _render(track)
            if not gate():
                return count
            _publish(conn, settings, by_id[rendered.content_id], rendered)
            count += 1
            published()
    elif todo:
        spawn = multiprocessing.get_context("spawn")  # no fork of a threaded server
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=spawn, initializer=_render_worker)
        finished = False
        try:
            for future in as_completed([pool.submit(_render, t) for t in todo]):
                rendered = future.result()
                if not gate():
                    return count
                _publish(conn, settings, by_id[rendered.content_id], rendered)
                count += 1
                published()
            finished = True
        finally:
            # stopped early: the tracks not begun are dropped, those being rendered end with their worker
            pool.shutdown(wait=finished, cancel_futures=True)
    with db.transaction(conn):
        db.set_setting(conn, "demo_built", "1")
    return count


def _render_worker() -> None:
    """Linux: a render worker ends when the backend does (killed mid-build, it would wait forever)."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _publish(conn: sqlite3.Connection, settings: Settings, t: demo_catalog.DemoTrack, r: Rendered) -> None:
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
        write_atomic(media_store.master_path(settings, t.content_id, "flac"), r.encodings[media.MIME["flac"]])
        media_store.publish_version(conn, settings, t.content_id, 1, r.encodings)


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
    facts = media.read_tags(master).album_facts  # the year, disc and album artist stay the same
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
            replaygain=media.measure_replaygain(audio),
            album_facts=facts,
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


MIN_IMPORT_SECONDS = 1.0
"""Shorter than this is a click, not a track: nothing a user would buy or a claim could stand in for."""
LENGTH_TOLERANCE_MS = 250
LENGTH_TOLERANCE_RATIO = 0.02
"""How far the decoded length may stray from the header's (encoder padding, MP3 length estimates)."""


class UnfitAudio(ValueError):
    """Audio that decodes badly or not at all, with the condition code the API answers with."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def check_text_tags(tags: media.TrackTags) -> None:
    """Tags read from the file join the catalog beside the form's fields: the same plain-text rule."""
    named = [(name, getattr(tags, name)) for name in ("title", "artist", "album")]
    for name, value in [*named, *tags.album_facts.items()]:
        if value is None:
            continue
        try:
            check_plain_text(value)
        except PydanticCustomError as e:
            raise UnfitAudio("unsafe_text", f"the file's {name} tag: {e.message()}") from e


def decode_sane(data: bytes, tags: media.TrackTags) -> tuple[np.ndarray, int]:
    """Decode the whole file; refuse it unless it lasts at least a second and as long as its header says.

    A header may claim 2^31 samples over two seconds of data, or a file be cut short after its header:
    both were once sold, with a duration of 0 or of the header's fiction, and a terminal played a
    fraction of what was paid for."""
    try:
        audio, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError, TypeError) as e:
        raise UnfitAudio("audio_undecodable", f"the audio does not decode: {e}") from e
    decoded_ms = round(len(audio) * 1000 / rate) if rate else 0
    tolerance = max(LENGTH_TOLERANCE_MS, LENGTH_TOLERANCE_RATIO * decoded_ms)
    if abs(tags.duration_ms - decoded_ms) > tolerance:
        raise UnfitAudio(
            "audio_length_mismatch",
            f"the header says {tags.duration_ms} ms of audio but {decoded_ms} ms decode: the file is"
            " truncated or its header is wrong",
        )
    if decoded_ms < MIN_IMPORT_SECONDS * 1000:
        raise UnfitAudio(
            "audio_too_short",
            f"the audio lasts {decoded_ms} ms; a track lasts at least {MIN_IMPORT_SECONDS:g} s",
        )
    return audio, int(rate)


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
    """Import a user's own audio file: tags from mutagen, published as FLAC and Ogg Vorbis.
    `ValueError` if it is not audio, `UnfitAudio` if it is audio unfit to sell (`decode_sane`)."""
    tags = media.read_tags(data, fmt_hint=Path(filename).suffix.lstrip(".").lower() or None)
    check_text_tags(tags)
    audio, rate = decode_sane(data, tags)
    content_id = _next_content_id(conn, provider)
    shown_title = title or tags.title or Path(filename).stem
    try:
        check_plain_text(shown_title)
    except PydanticCustomError as e:
        raise UnfitAudio("unsafe_text", f"the file name: {e.message()}") from e
    artist = tags.artist or "Unknown artist"
    album = tags.album or "Imported"
    encodings = {
        media.MIME[fmt]: media.tag(
            media.encode(audio, rate, fmt),
            fmt,
            title=shown_title,
            artist=artist,
            album=album,
            genre=genre,
            track_number=tags.track_number or 0,
            cover_png=tags.cover,
            replaygain=media.measure_replaygain(audio),
            album_facts=tags.album_facts,
        )
        for fmt in DEMO_FORMATS
    }
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
        round(len(audio) * 1000 / rate),
        tags.cover,
    )
    write_atomic(media_store.master_path(settings, content_id, "flac"), encodings[media.MIME["flac"]])
    media_store.publish_version(conn, settings, content_id, 1, encodings)
    return content_id
