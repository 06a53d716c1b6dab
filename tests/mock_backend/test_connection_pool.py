"""The backend's connection pool: a few warm connections, waited for without holding a thread."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from mock_backend import db


def _pool(tmp_path: Path, size: int) -> db.Pool:
    path = tmp_path / "backend.sqlite3"
    db.initialise(path)
    return db.Pool(path, size=size)


def test_a_connection_given_back_is_lent_again(tmp_path: Path) -> None:
    pool = _pool(tmp_path, size=2)

    async def story() -> None:
        first = await pool.borrow()
        pool.give_back(first)
        again = await pool.borrow()
        assert again is first
        pool.give_back(again)

    asyncio.run(story())
    pool.close()


def test_a_borrower_beyond_the_size_waits_for_one_given_back_from_a_worker_thread(tmp_path: Path) -> None:
    pool = _pool(tmp_path, size=2)

    async def story() -> None:
        a = await pool.borrow()
        b = await pool.borrow()
        third = asyncio.ensure_future(pool.borrow())
        await asyncio.sleep(0)
        assert not third.done()  # two lent out: the third waits
        worker = threading.Thread(target=pool.give_back, args=(b,))
        worker.start()
        worker.join()
        assert await third is b
        pool.give_back(a)
        pool.give_back(b)

    asyncio.run(story())
    pool.close()


def test_a_waiter_that_gives_up_leaves_no_connection_stranded(tmp_path: Path) -> None:
    pool = _pool(tmp_path, size=1)

    async def story() -> None:
        only = await pool.borrow()
        gave_up = asyncio.ensure_future(pool.borrow())
        await asyncio.sleep(0)
        gave_up.cancel()
        pool.give_back(only)  # handed over to the cancelled waiter: must come back to the pool
        await asyncio.sleep(0)
        assert gave_up.cancelled()
        assert await asyncio.wait_for(pool.borrow(), timeout=30) is only
        pool.give_back(only)

    asyncio.run(story())
    pool.close()


def test_a_connection_comes_back_out_of_its_transaction(tmp_path: Path) -> None:
    pool = _pool(tmp_path, size=1)

    async def story() -> None:
        conn = await pool.borrow()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO settings(key, value) VALUES ('half', 'done')")
        pool.give_back(conn)  # a request that failed half-way
        again = await pool.borrow()
        assert not again.in_transaction
        assert db.get_setting(again, "half") is None
        pool.give_back(again)

    asyncio.run(story())
    pool.close()


def test_closing_the_pool_closes_what_comes_back_later(tmp_path: Path) -> None:
    pool = _pool(tmp_path, size=2)

    async def story() -> sqlite3.Connection:
        return await pool.borrow()

    lent = asyncio.run(story())
    pool.close()
    pool.give_back(lent)
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        lent.execute("SELECT 1")
