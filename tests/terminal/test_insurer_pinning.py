"""The insurer's key is pinned on first contact; a different key is an error the user sees, not "offline".

The bundled backend is pinned per instance: wiping its data makes a new insurer (with a new key), which
must start a new pin rather than lock the player out of its own bundled backend.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from player.errors import InsurerKeyChangedError
from player.protocol.canonical import b64e, ed25519_public_bytes
from player.storage import KeyStore
from player.storage.memory_keyring import MemoryKeyring
from player.terminal import Terminal
from player.terminal.bundled import EmbeddedBackend
from tests.support.backend import clone_template, running


def test_an_insurer_with_another_key_is_refused_and_said_so(demo_template: Path, tmp_path: Path) -> None:
    keys = KeyStore("pinning", backend=MemoryKeyring())
    with running(clone_template(demo_template, tmp_path / "backend")) as backend:
        impostor = b64e(ed25519_public_bytes(Ed25519PrivateKey.generate()))
        keys.pin_insurer_key(backend.url, impostor)  # what an earlier contact with this URL pinned
        terminal = Terminal(tmp_path / "player", backend.url, keys=keys)
        try:
            with pytest.raises(InsurerKeyChangedError):
                terminal.connection.try_client()  # not None ("offline"): the user must hear about it
        finally:
            terminal.close()


def test_the_first_contact_pins_and_the_next_one_checks(demo_template: Path, tmp_path: Path) -> None:
    keys = KeyStore("pinning", backend=MemoryKeyring())
    with running(clone_template(demo_template, tmp_path / "backend")) as backend:
        for _ in range(2):
            terminal = Terminal(tmp_path / "player", backend.url, keys=keys)
            try:
                assert terminal.connection.reachable()
            finally:
                terminal.close()
        assert keys.pinned_insurer_key(backend.url) == backend.get("/api/v1/insurer").json()["public_key"]


def test_a_wiped_bundled_backend_is_a_new_instance(tmp_path: Path) -> None:
    bundled = EmbeddedBackend(tmp_path / "bundled-backend")
    first = bundled.instance_id()
    assert bundled.instance_id() == first  # stable while its data lives
    (tmp_path / "bundled-backend" / "instance-id").unlink()  # the user wiped the bundled backend's data
    assert bundled.instance_id() != first
