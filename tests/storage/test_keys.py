"""The terminal's secrets live in the OS keyring or nowhere: policy keys round-trip, the anti-rollback
mark only rises, a changed insurer key is never silently accepted, and without a usable keyring the
user is told what to install instead of getting a key file."""

from __future__ import annotations

import logging
from datetime import timedelta

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from keyring.backends import chainer, fail, null
from keyring.errors import InitError, KeyringLocked

from player.errors import InsurerKeyChangedError, KeyringUnavailableError, MalformedError
from player.license_decision import ListMark
from player.storage import KeyStore
from player.storage.keys import usable_backend
from player.storage.memory_keyring import MemoryKeyring
from tests.support.factories import T0


def _raw(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def test_a_policy_key_round_trips(memory_keyring: MemoryKeyring) -> None:
    keys = KeyStore("profile")
    key = X25519PrivateKey.generate()
    assert keys.policy_key("P-1") is None
    keys.set_policy_key("P-1", key)
    got = keys.policy_key("P-1")
    assert got is not None and _raw(got) == _raw(key)
    assert [service for service, _ in memory_keyring.entries] == ["insured-player/profile"]
    keys.delete_policy_key("P-1")
    keys.delete_policy_key("P-1")  # deleting what is not there is fine
    assert keys.policy_key("P-1") is None


def test_profiles_do_not_see_each_others_keys(memory_keyring: MemoryKeyring) -> None:
    KeyStore("alice").set_policy_key("P-1", X25519PrivateKey.generate())
    assert KeyStore("bob").policy_key("P-1") is None


def test_the_session_token_lives_in_the_keyring(memory_keyring: MemoryKeyring) -> None:
    keys = KeyStore()
    keys.set_session_token("tok-123")
    assert keys.session_token() == "tok-123"
    keys.clear_session_token()
    assert keys.session_token() is None


def test_the_list_mark_never_goes_down(memory_keyring: MemoryKeyring) -> None:
    """FIG.7 anti-rollback: neither an older list version nor an older issue time lowers the mark."""
    keys = KeyStore()
    later = T0 + timedelta(hours=1)
    assert keys.list_mark("fp", "U-1") == ListMark(0, None)
    assert keys.raise_list_mark("fp", "U-1", ListMark(5, T0)) == ListMark(5, T0)
    assert keys.raise_list_mark("fp", "U-1", ListMark(3, later)) == ListMark(5, later)
    assert keys.raise_list_mark("fp", "U-1", ListMark(7, T0)) == ListMark(7, later)
    assert keys.raise_list_mark("fp", "U-1", ListMark()) == ListMark(7, later)
    assert keys.list_mark("fp", "U-1") == ListMark(7, later)
    assert keys.list_mark("fp", "U-2") == ListMark(), "per user"
    assert keys.list_mark("other-insurer", "U-1") == ListMark(), "per insurer key"


def test_an_unreadable_list_mark_is_not_taken_for_none(memory_keyring: MemoryKeyring) -> None:
    keys = KeyStore()
    memory_keyring.set_password(keys.service, "list-mark/fp/U-1", '{"highest_version": -1}')
    with pytest.raises(MalformedError):
        keys.list_mark("fp", "U-1")
    memory_keyring.set_password(keys.service, "policy-key/P-1", "not base64!")
    with pytest.raises(MalformedError):
        keys.policy_key("P-1")


def test_a_changed_insurer_key_is_never_silently_accepted(memory_keyring: MemoryKeyring) -> None:
    keys = KeyStore()
    assert keys.pinned_insurer_key("https://insurer.example") is None
    keys.pin_insurer_key("https://insurer.example", "AAAA")
    keys.pin_insurer_key("https://insurer.example", "AAAA")  # the same key again: nothing to do
    with pytest.raises(InsurerKeyChangedError):
        keys.pin_insurer_key("https://insurer.example", "BBBB")
    assert keys.pinned_insurer_key("https://insurer.example") == "AAAA"
    keys.pin_insurer_key("https://insurer.example", "BBBB", replace=True)  # the user accepted it
    assert keys.pinned_insurer_key("https://insurer.example") == "BBBB"


def test_no_keyring_at_all_says_what_to_install() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        keys = KeyStore()
        with pytest.raises(KeyringUnavailableError) as caught:
            keys.set_policy_key("P-1", X25519PrivateKey.generate())
        assert "install and unlock gnome-keyring (or KWallet)" in str(caught.value)
        assert "never stores keys in a file" in str(caught.value)
        for call in (keys.check, keys.session_token, lambda: keys.list_mark("fp", "U")):
            with pytest.raises(KeyringUnavailableError):
                call()
    finally:
        keyring.set_keyring(previous)


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring: a backend that writes secrets to a file."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend", [null.Keyring(), PlaintextKeyring()], ids=["null", "keyrings.alt"])
def test_backends_that_lose_or_file_keys_are_refused(backend: keyring.backend.KeyringBackend) -> None:
    keys = KeyStore(backend=backend)
    with pytest.raises(KeyringUnavailableError, match="never stores keys in a file"):
        keys.set_policy_key("P-1", X25519PrivateKey.generate())
    assert getattr(backend, "entries", {}) == {}


def test_a_chain_uses_its_os_keyring_and_never_falls_through_to_a_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    os_keyring, file_keyring = MemoryKeyring(), PlaintextKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [file_keyring, os_keyring])
    assert usable_backend(chainer.ChainerBackend()) is os_keyring
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [file_keyring])
    with pytest.raises(KeyringUnavailableError):
        usable_backend(chainer.ChainerBackend())


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (KeyringLocked("Failed to unlock the collection!"), "locked"),
        (InitError("Prompt dismissed"), "install"),
    ],
)
def test_a_locked_or_broken_keyring_is_unavailable(error: Exception, says: str) -> None:
    class Refusing(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise error

    with pytest.raises(KeyringUnavailableError, match=says):
        KeyStore(backend=Refusing()).session_token()


def test_keys_are_never_logged(memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    keys = KeyStore()
    key = X25519PrivateKey.generate()
    keys.set_policy_key("P-1", key)
    keys.policy_key("P-1")
    stored = memory_keyring.entries[(keys.service, "policy-key/P-1")]
    assert stored not in caplog.text and _raw(key).hex() not in caplog.text
