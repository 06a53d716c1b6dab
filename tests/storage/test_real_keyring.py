"""Against the real OS keyring (gnome-keyring over a private D-Bus, started by ./test): a policy key
goes in and comes back, wiping the library does not reset the anti-rollback mark, and the private key
is in no file the player or the user owns."""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from player.license_decision import ListMark
from player.storage import KeyStore, Store
from tests.support.factories import T0, Keys, make_list, make_policy

pytestmark = pytest.mark.keyring

KEYS = Keys.fixed()
MAX_SCANNED = 64 * 1024 * 1024


@pytest.fixture
def keys(real_keyring: KeyringBackend) -> Iterator[KeyStore]:
    """A profile of its own in the real keyring, emptied afterwards (the keyring outlives the test)."""
    store = KeyStore(f"test-{secrets.token_hex(6)}")
    yield store
    for name in ("policy-key/P-real", "list-mark/fp/U-1"):
        with contextlib.suppress(PasswordDeleteError):
            real_keyring.delete_password(store.service, name)


def _raw(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def test_it_is_the_os_keyring(real_keyring: KeyringBackend) -> None:
    assert type(real_keyring).__module__ in ("keyring.backends.SecretService", "keyring.backends.libsecret")


def test_a_private_key_round_trips_through_the_os_keyring(keys: KeyStore) -> None:
    key = X25519PrivateKey.generate()
    keys.set_policy_key("P-real", key)
    again = KeyStore(keys.service.removeprefix("insured-player/"))  # as after a restart
    got = again.policy_key("P-real")
    assert got is not None and _raw(got) == _raw(key)
    assert "SecretService" in keys.check() or "libsecret" in keys.check()


def test_deleting_the_data_directory_does_not_reset_the_list_mark(keys: KeyStore, data_dir: Path) -> None:
    with Store(data_dir) as store:
        store.put_license_list(make_list(KEYS.insurer, 9).data)
        keys.raise_list_mark("fp", "U-1", ListMark(9, T0))
    shutil.rmtree(data_dir)  # "erased by mistake", or a user hoping to roll the list back
    with Store(data_dir) as store:
        assert store.license_list_chain() is None
    assert keys.list_mark("fp", "U-1") == ListMark(9, T0)


def _needles(raw: bytes) -> list[bytes]:
    b64 = base64.b64encode(raw)
    return [raw, b64, b64.rstrip(b"="), base64.urlsafe_b64encode(raw).rstrip(b"="), raw.hex().encode()]


def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def test_no_file_holds_the_private_key(keys: KeyStore, data_dir: Path) -> None:
    home = Path.home()
    key = X25519PrivateKey.generate()
    with Store(data_dir) as store:  # a library in use alongside
        store.put_policy("P-real", make_policy(KEYS, "P-real").data, 1)
        keys.set_policy_key("P-real", key)
        store.set_setting("user_id", "U-1")
    assert keys.policy_key("P-real") is not None
    needles = _needles(_raw(key))
    scanned = 0
    for path in _files(data_dir, home):
        if path.stat().st_size > MAX_SCANNED:
            continue
        try:
            content = path.read_bytes()
        except OSError:
            continue
        scanned += 1
        assert not any(n in content for n in needles), f"the private key is readable in {path}"
    assert scanned >= 3  # the library's own files at least (and gnome-keyring's encrypted store)
