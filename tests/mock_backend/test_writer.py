"""The backend's writer: idempotent writes queued together commit together, and one that fails takes
nothing of the others with it."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from mock_backend import db
from mock_backend.errors import ApiError
from mock_backend.writer import Writer


def _writer(tmp_path: Path) -> tuple[Writer, Path]:
    path = tmp_path / "backend.sqlite3"
    db.initialise(path)
    return Writer(path), path


def _settings(path: Path) -> dict[str, str]:
    conn = db.connect(path)
    try:
        return {r["key"]: r["value"] for r in conn.execute("SELECT key, value FROM settings")}
    finally:
        conn.close()


def test_writes_queued_together_commit_together_and_a_refusal_rolls_back_only_its_own(tmp_path: Path) -> None:
    writer, path = _writer(tmp_path)
    held = threading.Event()

    def first(conn: sqlite3.Connection) -> str:
        held.wait(30)  # the others queue up meanwhile: they run as one batch after this one
        db.set_setting(conn, "first", "1")
        return "first"

    def good(name: str) -> Callable[[sqlite3.Connection], str]:
        def work(conn: sqlite3.Connection) -> str:
            db.set_setting(conn, name, "1")
            assert conn.in_transaction  # inside the batch's transaction
            return name

        return work

    def refused(conn: sqlite3.Connection) -> str:
        db.set_setting(conn, "refused", "1")
        raise ApiError(409, "refused", "no")

    async def story() -> list[object]:
        tasks = [asyncio.ensure_future(writer.run(first))]
        await asyncio.sleep(0.05)
        for work in (good("second"), refused, good("fourth")):
            tasks.append(asyncio.ensure_future(writer.run(work)))
        await asyncio.sleep(0.05)
        held.set()
        return await asyncio.gather(*tasks, return_exceptions=True)

    outcomes = asyncio.run(story())
    writer.close()
    assert outcomes[0] == "first" and outcomes[1] == "second" and outcomes[3] == "fourth"
    assert isinstance(outcomes[2], ApiError) and outcomes[2].status == 409
    written = _settings(path)
    assert {"first", "second", "fourth"} <= written.keys()
    assert "refused" not in written


def test_work_alone_opens_its_own_transactions(tmp_path: Path) -> None:
    writer, path = _writer(tmp_path)

    def steps(conn: sqlite3.Connection) -> bool:
        outside = not conn.in_transaction
        with db.transaction(conn):
            db.set_setting(conn, "step", "1")
        return outside

    assert asyncio.run(writer.run(steps, alone=True)) is True
    writer.close()
    assert _settings(path)["step"] == "1"


def test_an_answer_comes_only_after_its_commit(tmp_path: Path) -> None:
    writer, path = _writer(tmp_path)

    def work(conn: sqlite3.Connection) -> None:
        db.set_setting(conn, "kept", "1")

    asyncio.run(writer.run(work))
    assert _settings(path)["kept"] == "1"  # read by another connection the moment the answer came
    writer.close()


def test_a_bug_in_one_piece_is_its_own_error(tmp_path: Path) -> None:
    writer, _ = _writer(tmp_path)

    def broken(conn: sqlite3.Connection) -> None:
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        asyncio.run(writer.run(broken))
    assert asyncio.run(writer.run(lambda conn: 1)) == 1  # the writer goes on
    writer.close()
