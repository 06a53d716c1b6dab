"""The GUI and the CLI share one library: their writes queue up, never tear the index, and a process
that holds the library too long gets a clear message instead of a hang."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from player.errors import StorageError
from player.protocol.package import verify_package
from player.storage import Store
from player.storage.lock import DataDirLock
from tests.support.factories import Keys, make_package, make_policy, track_info

KEYS = Keys.fixed()  # the same in every process: the writers this module spawns sign with it too

SPAWN = mp.get_context("spawn")  # a fresh interpreter, as a second Insured Player process would be


def _hold_lock(data_dir: str, held: Event, release: Event) -> None:
    with DataDirLock(Path(data_dir), timeout=5):
        held.set()
        release.wait(30)


def _writer(data_dir: str, who: str, count: int, ready: Event, go: Event) -> None:
    with Store(Path(data_dir), lock_timeout=60) as store:
        ready.set()
        go.wait(30)  # both start together, so their writes really interleave
        for i in range(count):
            license_id = f"L-{who}-{i}"
            content_id = f"C-{who}-{i}"
            store.put_track_info(track_info(content_id))
            store.put_package(
                license_id,
                make_package(KEYS, license_id, content_id, policy_id="P-1", item_id="I-1").data,
                content_id,
                "P-1",
                "I-1",
            )
            store.set_setting(f"{who}-{i}", str(i))  # read-modify-write of one shared file


def test_two_processes_writing_at_once_never_corrupt_the_library(data_dir: Path) -> None:
    Store(data_dir).close()
    go, ready = SPAWN.Event(), [SPAWN.Event(), SPAWN.Event()]
    writers = [
        SPAWN.Process(target=_writer, args=(str(data_dir), who, 25, r, go))
        for who, r in zip(("gui", "cli"), ready, strict=True)
    ]
    for p in writers:
        p.start()
    assert all(r.wait(60) for r in ready)
    go.set()
    for p in writers:
        p.join(90)
        assert p.exitcode == 0
    with sqlite3.connect(data_dir / "library.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Store(data_dir) as store:
        rows = store.library()
        assert len(rows) == 50
        assert all(r.package_present and r.title == f"Title of {r.content_id}" for r in rows)
        for r in rows:  # every package file whole and filed under its own license
            package = verify_package(store.package_bytes(r.license_id), KEYS.insurer_pub)
            assert package.license_id == r.license_id
        # No write was lost between the processes: every setting from both is there (without the lock,
        # their read-modify-write of settings.json loses about half of them).
        assert len(store.settings()) == 50


def test_a_busy_library_times_out_with_a_clear_message(data_dir: Path) -> None:
    store = Store(data_dir, lock_timeout=0.3)
    held, release = SPAWN.Event(), SPAWN.Event()
    holder = SPAWN.Process(target=_hold_lock, args=(str(data_dir), held, release))
    holder.start()
    try:
        assert held.wait(30)
        with pytest.raises(StorageError) as caught:
            store.put_policy("P-1", make_policy(KEYS, "P-1").data, 1)
        message = str(caught.value)
        assert "another Insured Player process is busy with this library" in message
        assert f"pid {holder.pid}" in message and "try again" in message
        assert store.policies() == []  # reading needs no lock
    finally:
        release.set()
        holder.join(30)
    assert store.put_policy("P-1", make_policy(KEYS, "P-1").data, 1)
    store.close()


def test_a_crashed_holder_does_not_leave_the_library_locked(data_dir: Path) -> None:
    held, release = SPAWN.Event(), SPAWN.Event()
    holder = SPAWN.Process(target=_hold_lock, args=(str(data_dir.parent), held, release))
    holder.start()
    assert held.wait(30)
    holder.kill()
    holder.join(30)
    with DataDirLock(data_dir.parent, timeout=2) as lock:
        assert lock.held


def test_the_lock_is_reentrant_and_serialises_threads(tmp_path: Path) -> None:
    lock = DataDirLock(tmp_path, timeout=0.2)
    with lock, lock:  # a write section that calls another write section
        assert lock.held
        failure: list[BaseException] = []

        def other_thread() -> None:
            try:
                with lock:
                    pass
            except StorageError as e:
                failure.append(e)

        t = threading.Thread(target=other_thread)
        t.start()
        t.join()
        assert "another task of this Insured Player" in str(failure[0])
    assert not lock.held
