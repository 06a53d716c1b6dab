"""The content servers' shelves: each version of a track encrypted once per encoding, on disk.

A new version gets a new content key (the licensor's secret, kept in `content_versions`) and one
container per encoding; files are written atomically so a crash mid-write never leaves a short container
that a download would then hand out.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mock_backend import clock
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from player.protocol import container
from player.protocol.canonical import format_time

EXTENSIONS = {
    "audio/flac": "flac",
    "audio/ogg": "ogg",
    "audio/mpeg": "mp3",
    "audio/wav": "wav",
    "audio/x-wav": "wav",
}


def publish_version(
    conn: sqlite3.Connection, settings: Settings, content_id: str, version: int, encodings: dict[str, bytes]
) -> None:
    """Encrypt every encoding of `content_id` version `version` under one fresh content key and record it."""
    key = container.new_content_key()
    conn.execute(
        "INSERT INTO content_versions(content_id, version, content_key, published_at) VALUES (?, ?, ?, ?)",
        (content_id, version, key, format_time(clock.now(conn))),
    )
    for mime, plaintext in encodings.items():
        sealed = container.encrypt(plaintext, key, content_id=content_id, content_version=version, mime=mime)
        relative = Path("content") / content_id / f"v{version}.{EXTENSIONS.get(mime, 'bin')}.ipc"
        write_atomic(settings.data_dir / relative, sealed)
        conn.execute(
            "INSERT INTO encodings(content_id, version, mime, path, size) VALUES (?, ?, ?, ?, ?)",
            (content_id, version, mime, relative.as_posix(), len(sealed)),
        )


def master_path(settings: Settings, content_id: str, ext: str) -> Path:
    """Where the server keeps the unencrypted master it re-encodes from (server side only)."""
    return settings.masters_dir / f"{content_id}.{ext}"
