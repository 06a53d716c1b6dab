"""The backend's one writer: the idempotent writes (claims, purchases, policies) on one thread and one
connection, those that queued up meanwhile committed together.

Fifty terminals reporting a loss at the same moment used to take fifty worker threads that each waited
for the writer lock, woke, ran, committed (an fsync) and handed the GIL back and forth with all the others.
Here each request queues its work and awaits the answer on the event loop without a thread; the writer
takes what has queued up (at most `BATCH`), runs each piece in a savepoint of one transaction, and commits
them with one fsync. A piece that fails (a refusal, a bug) is rolled back to its savepoint alone and gets
its own error; the others are committed. No answer is sent before the commit it depends on is on disk: a
terminal told it was granted a claim has it even if the machine crashes next.

Work that commits in steps of its own (a signed server-to-server request uses its nonce up before it is
judged) runs `alone`: after the batch before it is committed, with the connection out of any transaction.

What a piece signs (a claim's new license and package, receipt, history record, policy) it signs here,
where its content is decided. Signing it before the queue would save the last of fifty claims nothing:
this thread, the event loop and the worker threads share one interpreter lock, and under such a load the
process is one core's worth of Python whichever thread runs it (measured: docs/protocol.md).
"""

from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from mock_backend import db

T = TypeVar("T")
BATCH = 16
"""Pieces of work committed together at most: more saves fsyncs, but the first of them waits for all."""


@dataclass(frozen=True)
class _Job:
    work: Callable[[sqlite3.Connection], Any]
    future: Future[Any]
    alone: bool


class Writer:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    async def run(self, work: Callable[[sqlite3.Connection], T], *, alone: bool = False) -> T:
        """`work(conn)` on the writer, inside a savepoint of its batch's transaction (`alone`: outside any
        transaction, to open its own); its answer once committed."""
        future: Future[T] = Future()
        self._start()
        self._queue.put(_Job(work, future, alone))
        return await asyncio.wrap_future(future)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="writer", daemon=True)
                self._thread.start()

    def close(self) -> None:
        """After what is queued: the writer ends."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join()

    def _serve(self) -> None:
        conn = db.connect(self._path)
        try:
            waiting: list[_Job | None] = []  # taken from the queue, not yet run
            while True:
                job = waiting.pop(0) if waiting else self._queue.get()
                if job is None:
                    return
                if job.alone:
                    _alone(conn, job)
                    continue
                batch = [job]
                while len(batch) < BATCH and not waiting:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None or more.alone:
                        waiting.append(more)  # after this batch
                    else:
                        batch.append(more)
                _together(conn, batch)
        finally:
            conn.close()


def _alone(conn: sqlite3.Connection, job: _Job) -> None:
    if not job.future.set_running_or_notify_cancel():
        return
    try:
        job.future.set_result(job.work(conn))
    except BaseException as e:  # the request's own error, handed to it
        job.future.set_exception(e)
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _together(conn: sqlite3.Connection, batch: list[_Job]) -> None:
    done: list[tuple[_Job, Any, BaseException | None]] = []
    try:
        with db.transaction(conn):
            for job in batch:
                if not job.future.set_running_or_notify_cancel():
                    continue  # its request was cancelled before it began: nothing done
                conn.execute("SAVEPOINT work")
                try:
                    value = job.work(conn)
                except Exception as e:
                    conn.execute("ROLLBACK TO work")
                    conn.execute("RELEASE work")
                    done.append((job, None, e))
                else:
                    conn.execute("RELEASE work")
                    done.append((job, value, None))
    except BaseException as e:  # the commit itself failed (a full disk): nothing of the batch holds
        for job, _, _ in done:
            job.future.set_exception(e)
        for job in batch[len(done) :]:
            if not job.future.done():
                job.future.set_exception(e)
        return
    for job, value, error in done:
        if error is None:
            job.future.set_result(value)
        else:
            job.future.set_exception(error)
