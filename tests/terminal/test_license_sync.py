"""Syncing the license list keeps what is held and adds only what changed; what is held is trusted no
further than its bytes: a delta edited on disk is caught by the very terminal that wrote it.

The licenses are the insurer's own rows (written with its license control, as a purchase writes them),
so the lists are the ones the real backend signs and serves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_backend import db
from mock_backend.insurer import license_control
from player.errors import IntegrityError
from player.protocol.license_list import InvalidationReason, LicenseState
from player.storage import KeyStore
from player.storage.memory_keyring import MemoryKeyring
from player.terminal import Terminal
from tests.support.backend import Backend, clone_template, running

PASSWORD = "a long enough password"


@pytest.fixture
def backend(demo_template: Path, tmp_path: Path) -> Iterator[Backend]:
    with running(clone_template(demo_template, tmp_path / "backend")) as b:
        yield b


def _insurer_writes(
    backend: Backend, user_id: str, *, add: int = 0, invalidate: tuple[str, ...] = ()
) -> None:
    conn = db.connect(backend.data_dir / "backend.sqlite3")
    try:
        with db.transaction(conn):
            for i in range(add):
                license_control.add_license(
                    conn,
                    user_id=user_id,
                    license_id=f"held-{i:03d}",
                    provider_id="aurora",
                    content_id=f"aurora-{i % 9 + 1:04d}",
                    content_version=1,
                    policy_id=None,
                    item_id=None,
                    package=None,
                )
            for license_id in invalidate:
                license_control.invalidate(conn, user_id, license_id, InvalidationReason.LOSS)
    finally:
        conn.close()


def test_a_sync_adds_the_change_and_leaves_the_list_held_alone(backend: Backend, tmp_path: Path) -> None:
    keys = KeyStore("sync", backend=MemoryKeyring())
    terminal = Terminal(tmp_path / "player", backend.url, keys=keys)
    try:
        user_id = terminal.account.sign_up("mika", PASSWORD)
        _insurer_writes(backend, user_id, add=40)
        first = terminal.licenses.sync()
        lists = tmp_path / "player" / "lists"
        full = lists / "full.json"
        held = full.stat()
        assert len(first.entries) == 40 and sorted(p.name for p in lists.iterdir()) == ["full.json"]

        _insurer_writes(backend, user_id, invalidate=("held-007",))
        second = terminal.licenses.sync()
        _insurer_writes(backend, user_id, invalidate=("held-011", "held-012"))
        third = terminal.licenses.sync()

        assert (full.stat().st_ino, full.stat().st_mtime_ns) == (held.st_ino, held.st_mtime_ns)
        assert sorted(p.name for p in lists.iterdir()) == [
            f"delta-{second.version}.json",
            f"delta-{third.version}.json",
            "full.json",
        ]
        invalid = {e.license_id for e in third.entries if e.state is LicenseState.INVALID}
        assert invalid == {"held-007", "held-011", "held-012"}

        again = Terminal(tmp_path / "player", backend.url, keys=keys)  # the next start reads the chain
        try:
            assert again.licenses.status() == third
        finally:
            again.close()
    finally:
        terminal.close()


def test_a_delta_edited_on_disk_is_caught_by_the_terminal_that_wrote_it(
    backend: Backend, tmp_path: Path
) -> None:
    keys = KeyStore("tamper", backend=MemoryKeyring())
    terminal = Terminal(tmp_path / "player", backend.url, keys=keys)
    try:
        user_id = terminal.account.sign_up("noor", PASSWORD)
        _insurer_writes(backend, user_id, add=5)
        terminal.licenses.sync()
        _insurer_writes(backend, user_id, invalidate=("held-003",))
        status = terminal.licenses.sync()
        assert terminal.licenses.status() == status  # read back from disk, as before every decision

        delta = tmp_path / "player" / "lists" / f"delta-{status.version}.json"
        delta.write_bytes(delta.read_bytes().replace(b'"invalid"', b'"valid"'))  # the loss undone
        with pytest.raises(IntegrityError):
            terminal.licenses.status()
    finally:
        terminal.close()
