"""Fixtures for the storage tests: a fresh data directory, a store on it, keyrings fake and real,
and a tiny file system that really runs out of space."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from player.storage import Store
from player.storage.memory_keyring import MemoryKeyring
from tests.support.disks import tmpfs


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


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: small enough to fill in a test, big enough for an empty store."""
    with tmpfs(tmp_path / "tiny", "256k") as where:
        yield where
