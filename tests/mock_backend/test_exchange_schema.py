"""A database from the first shared history (one table read by every insurer of the process) keeps its
records on start: each insurer that wrote in it gets its own copy of every record, as it saw them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mock_backend import db

FIRST = """
CREATE TABLE shared_records (writer TEXT NOT NULL, record_id TEXT NOT NULL, pseudonym TEXT NOT NULL,
    purchase TEXT NOT NULL, content_id TEXT NOT NULL, kind TEXT NOT NULL, amount INTEGER NOT NULL,
    at TEXT NOT NULL, doc BLOB NOT NULL, PRIMARY KEY (writer, record_id));
CREATE INDEX shared_records_by_person ON shared_records(pseudonym, at);
INSERT INTO shared_records VALUES ('kaede', 'SR-1', 'p', 'aurora/L-1', 'aurora-0001', 'reissued', 300,
    '2026-12-01T00:00:00Z', x'7b7d');
INSERT INTO shared_records VALUES ('minato', 'SR-2', 'p', 'aurora/L-2', 'aurora-0002', 'alternate', 250,
    '2026-12-02T00:00:00Z', x'7b7d');
"""


def test_the_first_shared_history_is_kept_as_a_copy_per_insurer(tmp_path: Path) -> None:
    path = tmp_path / "backend.sqlite3"
    db.initialise(path, first_insurer="kaede")
    old = sqlite3.connect(path)
    old.executescript("DROP TABLE shared_records;" + FIRST)
    old.close()

    db.initialise(path, first_insurer="kaede")
    db.initialise(path, first_insurer="kaede")  # a second start changes nothing
    conn = db.connect(path)
    try:
        rows = conn.execute(
            "SELECT holder, writer, record_id, purchase, doc FROM shared_records ORDER BY holder, record_id"
        ).fetchall()
        assert [tuple(r) for r in rows] == [
            ("kaede", "kaede", "SR-1", "aurora/L-1", b"{}"),
            ("kaede", "minato", "SR-2", "aurora/L-2", b"{}"),
            ("minato", "kaede", "SR-1", "aurora/L-1", b"{}"),
            ("minato", "minato", "SR-2", "aurora/L-2", b"{}"),
        ]
        left = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'shared_records_first%'")
        assert left.fetchall() == []
    finally:
        conn.close()
