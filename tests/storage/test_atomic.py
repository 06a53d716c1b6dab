"""A write either lands whole or not at all: the old file survives a full disk, a refused write, a crash
of the data source; a resumable download picks up where it stopped."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.errors import MalformedError, StorageError
from player.storage.atomic import finish_partial, open_partial, write_atomic
from tests.support.disks import fill, remount

OLD = b"the license package I already had\n" * 10


def _only(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "doc.json"
    write_atomic(target, OLD)
    write_atomic(target, iter([b"new ", b"content"]))
    assert target.read_bytes() == b"new content"
    assert _only(tmp_path) == ["doc.json"]


def test_real_full_disk_keeps_the_old_file_and_says_what_to_do(tiny_disk: Path) -> None:
    """A 256 KiB tmpfs really runs out of space (ENOSPC from the kernel, not a mock)."""
    target = tiny_disk / "doc.json"
    write_atomic(target, OLD)
    with pytest.raises(StorageError) as caught:
        write_atomic(target, b"x" * 1024 * 1024)
    message = str(caught.value)
    assert str(target) in message and "disk is full" in message and "free some space" in message
    assert target.read_bytes() == OLD
    assert _only(tiny_disk) == ["doc.json"], "the temporary file must be removed"


def test_disk_filling_up_mid_stream_keeps_the_old_file(tiny_disk: Path) -> None:
    target = tiny_disk / "track.ipc"
    write_atomic(target, OLD)
    fill(tiny_disk)
    with pytest.raises(StorageError, match="disk is full"):
        write_atomic(target, (b"y" * 65536 for _ in range(8)))
    assert target.read_bytes() == OLD
    assert _only(tiny_disk) == ["filler", "track.ipc"]


def test_read_only_file_system_is_a_clear_storage_error(tiny_disk: Path) -> None:
    target = tiny_disk / "doc.json"
    write_atomic(target, OLD)
    remount(tiny_disk, "ro")
    try:
        with pytest.raises(StorageError, match="read-only file system"):
            write_atomic(target, b"new")
    finally:
        remount(tiny_disk, "rw")
    assert target.read_bytes() == OLD


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_fsync_failing_with_no_space_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Where a tmpfs cannot be mounted the same story holds with the failure injected at fsync, the
    last moment a full disk (or quota) can still show up."""
    target = tmp_path / "doc.json"
    write_atomic(target, OLD)

    def no_space(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StorageError, match="disk is full"):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["doc.json"]


def test_permission_denied_names_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(StorageError, match=r"doc\.json: Permission denied; check that"):
        write_atomic(tmp_path / "doc.json", b"new")


def test_a_failing_source_propagates_unchanged_and_leaves_nothing(tmp_path: Path) -> None:
    """A dropped connection (requests' errors are OSErrors) is the network's failure, not the disk's."""
    target = tmp_path / "track.ipc"
    write_atomic(target, OLD)

    def dropped() -> Iterator[bytes]:
        yield b"first chunk"
        raise ConnectionResetError(errno.ECONNRESET, "connection reset by peer")

    with pytest.raises(ConnectionResetError):
        write_atomic(target, dropped())
    assert target.read_bytes() == OLD
    assert _only(tmp_path) == ["track.ipc"]


def test_an_interrupted_download_resumes_where_it_stopped(tmp_path: Path) -> None:
    partial, final = tmp_path / "t.ipc.part", tmp_path / "t.ipc"
    body = os.urandom(300_000)
    f, already = open_partial(partial)
    assert already == 0
    with f:
        f.write(body[:100_000])
    f, already = open_partial(partial)
    assert already == f.size == 100_000  # the HTTP Range start
    with f:
        f.write(body[already:])
    finish_partial(partial, final)
    assert final.read_bytes() == body
    assert not partial.exists()


def test_two_downloads_of_one_file_do_not_interleave(tmp_path: Path) -> None:
    first, _ = open_partial(tmp_path / "t.part")
    with first, pytest.raises(StorageError, match="already being downloaded"):
        open_partial(tmp_path / "t.part")
    second, _ = open_partial(tmp_path / "t.part")  # free again once the first is closed
    second.close()


def test_a_partial_refuses_bytes_that_do_not_start_as_required(tmp_path: Path) -> None:
    f, _ = open_partial(tmp_path / "t.part", magic=b"IPCT")
    with f:
        f.write(b"IP")  # a prefix of the magic is fine so far
        with pytest.raises(MalformedError):
            f.write(b"XX audio")
        f.write(b"CT rest")
    assert (tmp_path / "t.part").read_bytes() == b"IPCT rest"
