"""The terminal's secrets and anti-rollback marks, in the OS keyring — never in a file.

What lives here: each policy's X25519 private key (made on the terminal, [0028]; it opens the license
packages), the session token, the license list's anti-rollback mark (highest version and newest
`issued_at` seen, per insurer key and user: kept out of the data directory so deleting files cannot reset
it), and the insurer key pinned on first contact per server. Entries are strings under the service
`insured-player/<namespace>`; keys are base64, marks `ListMark.encode()` JSON (the mark's type and its
rules belong to `player.license_decision`; this module only keeps it).

There is no fallback. With no usable keyring — `keyring`'s fail or null backend, a backend that writes a
file (`keyrings.alt`, `keyrings.cryptfile`), a locked or unreachable Secret Service — every call raises
`KeyringUnavailableError` telling the user what to install. Nothing here logs a value.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime

import keyring
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError

from player.errors import InsurerKeyChangedError, KeyringUnavailableError, MalformedError
from player.language import QT_TRANSLATE_NOOP, translate
from player.license_decision import ListMark
from player.protocol.canonical import format_time, parse_time

SERVICE_PREFIX = "insured-player"
INSTALL_HINT = QT_TRANSLATE_NOOP(
    "Errors", "install and unlock gnome-keyring (or KWallet) — Insured Player never stores keys in a file"
)
# Backends that would keep our secrets in a file, or not at all.
_REFUSED_MODULES = ("keyrings.alt", "keyrings.cryptfile")


def usable_backend(backend: KeyringBackend) -> KeyringBackend:
    """`backend` itself, or the best acceptable one a chainer holds; `KeyringUnavailableError` if none."""
    if isinstance(backend, chainer.ChainerBackend):
        # A chainer falls through to the next backend when one fails: a file backend behind the
        # Secret Service would quietly receive our keys the day the service is locked. Use one, ourselves.
        members: list[KeyringBackend] = backend.backends
        for member in members:
            if _acceptable(member):
                return member
    elif _acceptable(backend):
        return backend
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    raise KeyringUnavailableError(
        translate("Errors", "no usable OS keyring (found {name}); {install_hint}").format(
            name=name, install_hint=translate("Errors", INSTALL_HINT)
        )
    )


def _acceptable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    refused = module.startswith(_REFUSED_MODULES) or isinstance(backend, fail.Keyring | null.Keyring)
    return not refused


class KeyStore:
    """The keyring entries of one player profile. `backend` defaults to `keyring.get_keyring()` at each
    call (tests swap it with `keyring.set_keyring`). `lock` serialises read-modify-write of the list mark
    across processes: pass the `Store`'s data directory lock so the GUI and the CLI never lower it."""

    def __init__(
        self,
        namespace: str = "default",
        *,
        backend: KeyringBackend | None = None,
        lock: AbstractContextManager[object] | None = None,
    ) -> None:
        if not namespace or "/" in namespace:
            raise ValueError(translate("Errors", "a keyring namespace is a non-empty name without '/'"))
        self.service = f"{SERVICE_PREFIX}/{namespace}"
        self._backend = backend
        self._lock: AbstractContextManager[object] = lock or threading.RLock()

    def sibling(self, namespace: str, lock: AbstractContextManager[object]) -> KeyStore:
        """Another profile on the same keyring (a library kept for another insurer, with its own pins,
        marks, policy keys and session)."""
        return KeyStore(namespace, backend=self._backend, lock=lock)

    def check(self) -> str:
        """Raise `KeyringUnavailableError` unless a usable keyring answers; return its name (for 'About')."""
        backend = self._usable()
        self._get("probe")
        return f"{type(backend).__module__}.{type(backend).__qualname__}"

    # --- policy keys ([0028]) --------------------------------------------------------------------

    def set_policy_key(self, policy_id: str, key: X25519PrivateKey) -> None:
        raw = key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )
        self._set(f"policy-key/{policy_id}", base64.b64encode(raw).decode("ascii"))

    def policy_key(self, policy_id: str) -> X25519PrivateKey | None:
        """The policy's private key, or None when this terminal does not hold it (recover: re-key)."""
        value = self._get(f"policy-key/{policy_id}")
        if value is None:
            return None
        try:
            raw = base64.b64decode(value.encode("ascii"), validate=True)
            return X25519PrivateKey.from_private_bytes(raw)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            # `from None`: the underlying message may quote the value, and the value is a secret.
            raise MalformedError(
                translate("Errors", "the keyring entry for policy {policy_id} is not a private key").format(
                    policy_id=repr(policy_id)
                )
            ) from None

    def delete_policy_key(self, policy_id: str) -> None:
        """Forget the key (after a re-key, [0035]); licenses sealed to it no longer open here."""
        self._delete(f"policy-key/{policy_id}")

    # --- the device key: what seals licenses bought without insurance -----------------------------

    def device_key(self, user_id: str) -> X25519PrivateKey:
        """This computer's key for `user_id`'s uninsured licenses, made on first use."""
        name = f"device-key/{user_id}"
        value = self._get(name)
        if value is None:
            key = X25519PrivateKey.generate()
            raw = key.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            )
            self._set(name, base64.b64encode(raw).decode("ascii"))
            return key
        try:
            return X25519PrivateKey.from_private_bytes(base64.b64decode(value.encode("ascii"), validate=True))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise MalformedError(
                translate("Errors", "the keyring entry for this computer's device key is not a key")
            ) from None

    # --- session ---------------------------------------------------------------------------------

    def session_token(self) -> str | None:
        return self._get("session-token")

    def set_session_token(self, token: str) -> None:
        self._set("session-token", token)

    def clear_session_token(self) -> None:
        self._delete("session-token")

    # --- the license list's anti-rollback mark (FIG.7) -------------------------------------------

    def list_mark(self, insurer_fp: str, user_id: str) -> ListMark:
        """The mark for this insurer key and user; `ListMark()` before any list. Damaged text raises
        `MalformedError` (`ListMark.decode`): a mark must never silently read as zero."""
        value = self._get(_mark_name(insurer_fp, user_id))
        return ListMark() if value is None else ListMark.decode(value)

    def raise_list_mark(self, insurer_fp: str, user_id: str, mark: ListMark) -> ListMark:
        """Merge `mark` (e.g. `TrustedList.new_mark`) into the stored one, each field only rising, and
        return the mark now stored. Under `lock`, so two processes cannot lower each other's mark."""
        with self._lock:
            held = self.list_mark(insurer_fp, user_id)
            merged = ListMark(
                max(held.highest_version, mark.highest_version),
                _later(held.newest_issued_at, _whole_seconds(mark.newest_issued_at)),
            )
            if merged != held:
                self._set(_mark_name(insurer_fp, user_id), merged.encode())
            return merged

    # --- the pinned insurer key ------------------------------------------------------------------

    def pinned_insurer_key(self, server_id: str) -> str | None:
        """The insurer's Ed25519 public key (base64) pinned for this server, None before first contact."""
        return self._get(f"insurer-pin/{server_id}")

    def pin_insurer_key(self, server_id: str, public_key_b64: str, *, replace: bool = False) -> None:
        """Pin on first contact. A different key for a pinned server is `InsurerKeyChangedError` unless
        the user has explicitly accepted it (`replace=True`): never silently accepted."""
        with self._lock:
            held = self.pinned_insurer_key(server_id)
            if held == public_key_b64:
                return
            if held is not None and not replace:
                raise InsurerKeyChangedError(
                    translate(
                        "Errors", "the insurer at {server_id} now signs with another key than the one pinned"
                    ).format(server_id=server_id)
                )
            self._set(f"insurer-pin/{server_id}", public_key_b64)

    # --- the keyring itself ----------------------------------------------------------------------

    def _usable(self) -> KeyringBackend:
        with _keyring_errors():
            return usable_backend(self._backend or _configured_keyring())

    def _get(self, name: str) -> str | None:
        backend = self._usable()
        with _keyring_errors():
            value: str | None = backend.get_password(self.service, name)
        return value

    def _set(self, name: str, value: str) -> None:
        backend = self._usable()
        with _keyring_errors():
            backend.set_password(self.service, name, value)

    def _delete(self, name: str) -> None:
        backend = self._usable()
        with _keyring_errors(), contextlib.suppress(PasswordDeleteError):  # absent already: goal reached
            backend.delete_password(self.service, name)


def _mark_name(insurer_fp: str, user_id: str) -> str:
    return f"list-mark/{insurer_fp}/{user_id}"


def _whole_seconds(t: datetime | None) -> datetime | None:
    """As the mark will read back from the keyring (UTC, whole seconds)."""
    return None if t is None else parse_time(format_time(t))


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _configured_keyring() -> KeyringBackend:
    """The keyring `keyring` chose; a `PYTHON_KEYRING_BACKEND` naming something that cannot be loaded
    makes it raise whatever the import raised, which is one line for the user, not a traceback."""
    try:
        return keyring.get_keyring()
    except Exception as e:  # any failure to load a configured backend means the same here
        named = os.environ.get("PYTHON_KEYRING_BACKEND", "")
        said = (
            translate(
                "Errors",
                "the keyring backend named in PYTHON_KEYRING_BACKEND ({named}) cannot be loaded "
                "({name}: {e})",
            )
            if named
            else translate(
                "Errors",
                "the keyring backend named in the keyring configuration cannot be loaded ({name}: {e})",
            )
        )
        raise KeyringUnavailableError(said.format(named=named, name=type(e).__name__, e=e)) from e


@contextlib.contextmanager
def _keyring_errors() -> Iterator[None]:
    try:
        yield
    except KeyringLocked as e:
        raise KeyringUnavailableError(
            translate("Errors", "the OS keyring is locked; unlock it and try again ({e})").format(e=e)
        ) from e
    except KeyringError as e:
        raise KeyringUnavailableError(
            translate("Errors", "the OS keyring cannot be used ({e}); {install_hint}").format(
                e=e, install_hint=translate("Errors", INSTALL_HINT)
            )
        ) from e
