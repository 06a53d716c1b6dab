"""Fixtures for the storage tests: a fresh data directory, a store on it, keyrings fake and real,
and a tiny file system that really runs out of space."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from player.storage import Store
from player.storage.memory_keyring import MemoryKeyring


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store(data_dir, lock_timeout=5.0) as s:
        yield s


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """`keyring` answers from memory for this test, then gets its previous backend back."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def real_keyring() -> KeyringBackend:
    """The OS keyring `./test` unlocks (gnome-keyring over a private D-Bus); skipped anywhere else."""
    if os.environ.get("INSURED_PLAYER_REAL_KEYRING") != "1":
        pytest.skip("needs the real OS keyring: run ./test (INSURED_PLAYER_REAL_KEYRING=1)")
    backend = keyring.get_keyring()
    assert not isinstance(backend, MemoryKeyring), "a test left the memory keyring installed"
    return backend


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A real file system of `size` (e.g. "256k") at `where`: writes past it fail with ENOSPC."""
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {result.stderr.strip()}")
    try:
        yield where
    finally:
        if subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: small enough to fill in a test, big enough for an empty store."""
    with tmpfs(tmp_path / "tiny", "256k") as where:
        yield where


def fill(disk: Path) -> None:
    """Use up every free byte on `disk` (unbuffered, so nothing is left to flush later)."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for block in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * block)
    finally:
        os.close(fd)
