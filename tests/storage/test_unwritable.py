"""A library on a disk that filled up, or on a read-only medium, opens read-only: it lists and reads as
before, refuses every write with the reason in words, and writes again as soon as the cause is gone,
without a restart. Real tmpfs mounts; the kernel answers ENOSPC and EROFS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from player.errors import StorageError
from player.protocol import container
from player.storage import Store
from tests.storage.test_store import _buy
from tests.support.disks import fill, remount


def _a_library(disk: Path) -> Path:
    data_dir = disk / "library"
    with Store(data_dir, lock_timeout=5.0) as store:
        _buy(store, 3)
        store.set_setting("user_id", "U-1")
    return data_dir


def _reads(store: Store) -> None:
    assert [r.license_id for r in store.library()] == ["L-0", "L-1", "L-2"]
    with store.open_track("C-1") as f:
        assert f.read(len(container.MAGIC)) == container.MAGIC
    assert store.setting("user_id") == "U-1"
    assert len(store.packages()) == 3


def _writable(store: Store) -> bool:
    return store.read_only is None


def test_a_full_disk_opens_the_library_read_only_and_writing_resumes_once_space_is_freed(
    tiny_disk: Path,
) -> None:
    data_dir = _a_library(tiny_disk)
    fill(tiny_disk)
    with Store(data_dir, lock_timeout=5.0) as store:
        assert store.read_only is not None and "disk is full" in store.read_only
        _reads(store)
        with pytest.raises(StorageError, match=r"disk is full.*tracks already in it still play"):
            store.set_setting("user_id", "U-2")
        with pytest.raises(StorageError, match="disk is full"):
            store.forget_license("L-0")
        assert store.setting("user_id") == "U-1" and len(store.library()) == 3

        (tiny_disk / "filler").unlink()
        store.forget_license("L-0")  # the same store, no restart
        assert _writable(store)
        assert [r.license_id for r in store.library()] == ["L-1", "L-2"]
    with Store(data_dir, lock_timeout=5.0) as again:
        assert [r.license_id for r in again.library()] == ["L-1", "L-2"]


def test_a_read_only_medium_opens_the_library_read_only(tiny_disk: Path) -> None:
    data_dir = _a_library(tiny_disk)
    remount(tiny_disk, "ro")
    try:
        with Store(data_dir, lock_timeout=5.0) as store:
            assert store.read_only is not None and "read-only file system" in store.read_only
            _reads(store)
            with pytest.raises(StorageError, match="read-only file system"):
                store.set_setting("user_id", "U-2")
    finally:
        remount(tiny_disk, "rw")


def test_a_read_only_medium_without_an_index_lists_what_the_files_hold(tiny_disk: Path) -> None:
    """An index lost (or never copied) on a read-only medium is rebuilt in memory from the files."""
    data_dir = _a_library(tiny_disk)
    (data_dir / "library.sqlite3").unlink()
    (data_dir / ".lock").unlink()
    remount(tiny_disk, "ro")
    try:
        with Store(data_dir, lock_timeout=5.0) as store:
            assert store.rebuilt is not None and store.rebuilt.licenses == 3
            _reads(store)
            with pytest.raises(StorageError, match="read-only file system"):
                store.forget_license("L-2")
    finally:
        remount(tiny_disk, "rw")
    left = ["packages", "policies", "lists", "tracks", "settings.json"]
    assert sorted(os.listdir(data_dir)) == sorted(left)  # nothing was written, not even a lock file
