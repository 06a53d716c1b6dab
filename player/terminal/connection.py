"""Reaching the insurer: the configured server or the bundled backend, and whether to trust who answers.

Trust: the insurer's key is pinned in the keyring on first contact and compared on every later one (a
changed key is an error the user sees, never taken for "offline"); the licensors' keys come with the
identity the insurer serves (plain JSON: what protects a license is the pinned insurer's signature over
its package, the licensor's key only checks the license inside) and are cached for offline use.
"""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from player.errors import BackendError, BackendRefusedError, InsurerKeyChangedError, UsageError
from player.language import translate
from player.protocol.canonical import ed25519_public_bytes, fingerprint, load_ed25519_public
from player.storage import KeyStore, Store
from player.terminal.bundled import EmbeddedBackend

if TYPE_CHECKING:
    from player.client import Client
    from player.protocol import api

BUNDLED = "bundled"
SAVED_SERVER = "server"  # a store setting: the insurer chosen in the preferences ("" for the bundled one)
SAVED_PATH = "insurer_path"  # a store setting: where on that backend the chosen insurer answers ("": root)


class Connection:
    """The one client of the session. `online` says whether the insurer answered last time we asked."""

    def __init__(
        self,
        data_dir: Path,
        server: str | None,
        store: Store,
        keys: KeyStore,
        timeout: float | None,
        codecs: tuple[str, ...] | None = None,
        *,
        backend_of: Connection | None = None,
    ) -> None:
        """`backend_of`: reach this insurer on the backend another connection reaches (and starts, when
        it is the bundled one); the insurer is then the one at this data dir's saved `SAVED_PATH`."""
        self._codecs = codecs
        self._backend_of = backend_of
        self._riders: list[Connection] = []  # the other insurers' connections on this backend
        if backend_of is not None:
            backend_of._riders.append(self)
        self._path = store.setting(SAVED_PATH) or ""
        self._data_dir = data_dir
        self.given_server = server  # at launch (--server, INSURED_PLAYER_SERVER): it wins over the saved one
        self._server = server or store.setting(SAVED_SERVER) or None
        self._store = store
        self._keys = keys
        self._timeout = timeout
        self._embedded: EmbeddedBackend | None = None
        self._client: Client | None = None
        self._insurer_key: Ed25519PublicKey | None = None
        self.online = False

    @property
    def server_id(self) -> str:
        """The configured server's URL, or "bundled"."""
        if self._backend_of is not None:
            return self._backend_of.server_id
        return self._server or BUNDLED

    @property
    def insurer_path(self) -> str:
        """Where the insurer answers on its backend: "" for the backend's first insurer (its root)."""
        return self._path

    def choose_insurer(self, path: str) -> None:
        """Talk to the insurer at `path` on this backend ("/insurers/<id>", or "" for its first) from now
        on: the first run's choice, before the library has an account (the caller sees to that; its
        policies and list are one insurer's). Its key is pinned at the first contact, as any insurer's."""
        if path == self._path:
            return
        if self._client is not None:
            self._client.close()
            self._client = None
        self._insurer_key = None
        self._path = path
        self._store.set_setting(SAVED_PATH, path or None)
        for said_by_the_other in ("insurer_name", "insurer_id"):
            self._store.set_setting(said_by_the_other, None)

    def backend_url(self) -> str:
        """The backend's own address (not the insurer's path on it), starting the bundled one if needed."""
        if self._backend_of is not None:
            return self._backend_of.backend_url()
        if self._server:
            return self._server
        if self._embedded is None:
            self._embedded = EmbeddedBackend(self._bundled_dir)
        return self._embedded.start()

    @property
    def saved_server(self) -> str | None:
        """The insurer chosen in the preferences (None: the bundled backend), used from the next start
        unless one is given at launch."""
        return self._store.setting(SAVED_SERVER) or None

    def save_server(self, url: str | None) -> None:
        """Remember the insurer to use from the next start: an http(s) address, or None for the bundled
        backend. `UsageError` for anything that is not an address."""
        if url is not None:
            url = url.strip().rstrip("/")
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
                raise UsageError(
                    translate(
                        "Errors", "{url} is not an insurer's address (http://host:port or https://host)"
                    ).format(url=repr(url))
                )
        self._store.set_setting(SAVED_SERVER, url or "")

    @property
    def url(self) -> str:
        """The insurer's base URL (connecting, or starting the bundled backend, when not yet done)."""
        return self.client().base_url

    @property
    def connected(self) -> bool:
        """A client was made this session (the insurer answered once): a later call may still fail."""
        return self._client is not None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._embedded is not None:
            self._embedded.stop()

    def client(self) -> Client:
        """A connected client; starts the bundled backend on first use when no server is configured."""
        if self._client is None:
            url = self.backend_url() + self._path
            from player.client import Client  # HTTP and the typed contract load with the first contact

            client = Client.with_timeout(url, self._keys.session_token(), self._timeout)
            if self._codecs:
                client.codecs = self._codecs
            # Kept only once the insurer answered and its key checked out: a failed first contact (or a
            # changed key) must not leave a client that later calls would take for a connection.
            try:
                self._pin(client.identity())
            except BaseException:
                client.close()
                raise
            self._client = client
            self.online = True
        return self._client

    def warm_up(self) -> None:
        """Without a configured server, start the bundled backend now and do not wait for it: it boots
        in parallel with the window, and the first contact (`reachable`, on the worker) finds it up."""
        if self._backend_of is not None:
            self._backend_of.warm_up()
        elif not self._server and self._client is None:
            if self._embedded is None:
                self._embedded = EmbeddedBackend(self._bundled_dir)
            self._embedded.spawn()

    def try_client(self) -> Client | None:
        """The client, or None (offline) when the backend cannot be reached."""
        try:
            return self.client()
        except InsurerKeyChangedError:
            raise  # not "offline": an insurer we must not trust answered, and the user has to know
        except BackendError:
            self.online = False
            return None

    def reachable(self) -> bool:
        """Whether the insurer answers (connecting, or starting the bundled backend, on first use)."""
        return self.try_client() is not None

    def bundled_died(self) -> bool:
        """The bundled backend this session started has exited (crashed, killed); never True with a
        configured server. Asking reaps an exited child, so none lingers as a zombie."""
        embedded = self._embedded
        return embedded is not None and embedded.url is not None and not embedded.running

    def restart_bundled(self) -> None:
        """Drop the dead bundled backend and the client that spoke to it: the next call starts a new one
        (its data, and so its key and the pin, are the same). The other insurers' connections on it
        drop theirs too: the new one listens on another port."""
        for rider in self._riders:
            rider.restart_bundled()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._embedded is not None:
            self._embedded.stop()
        self.online = False

    def went_away(self) -> None:
        """A call found the insurer gone: say offline until it answers again."""
        self.online = False

    def answered(self) -> None:
        self.online = True

    @property
    def _bundled_dir(self) -> Path:
        return self._data_dir / "bundled-backend"

    @property
    def _pin_id(self) -> str:
        """Whose key the pin is for: the insurer's path on the configured server, or on this data dir's
        bundled backend instance (the root's pin is the one from before a backend hosted several)."""
        if self._backend_of is not None:
            return self._backend_of._backend_pin_id + self._path
        return self._backend_pin_id + self._path

    @property
    def _backend_pin_id(self) -> str:
        if self._server:
            return self._server
        return "bundled:" + EmbeddedBackend(self._bundled_dir).instance_id()

    def _pin(self, identity: api.InsurerIdentity) -> None:
        pinned = self._keys.pinned_insurer_key(self._pin_id)
        if pinned is None:
            self._keys.pin_insurer_key(self._pin_id, identity.public_key)
        elif pinned != identity.public_key:
            raise InsurerKeyChangedError(
                translate(
                    "Errors",
                    "the insurer's signing key changed (now {fingerprint}...); refusing to trust it. If the "
                    "insurer announced a new key, remove the old pin to accept it.",
                ).format(fingerprint=identity.fingerprint[:16])
            )
        licensors = {k.id: k.public_key for k in identity.licensors}
        self._store.set_setting("licensors", json.dumps(licensors, sort_keys=True))
        names = {k.id: k.name for k in identity.licensors}
        self._store.set_setting("licensor_names", json.dumps(names, sort_keys=True, ensure_ascii=False))
        self._store.set_setting("insurer_name", identity.name)
        self._store.set_setting("insurer_id", identity.id or None)

    def insurer_key(self) -> Ed25519PublicKey:
        """The pinned key (read from the keyring once per terminal: a pin never changes under us, since
        `_pin` refuses a different key)."""
        if self._insurer_key is None:
            pinned = self._keys.pinned_insurer_key(self._pin_id)
            if pinned is None:
                self.client()
                pinned = self._keys.pinned_insurer_key(self._pin_id)
            if pinned is None:  # pragma: no cover - client() pins or raises
                raise BackendRefusedError(
                    translate("Errors", "the insurer's key is not known yet: connect once")
                )
            self._insurer_key = load_ed25519_public(pinned, "insurer key")
        return self._insurer_key

    def insurer_fingerprint(self) -> str:
        return fingerprint(ed25519_public_bytes(self.insurer_key()))

    def licensor_keys(self) -> dict[str, Ed25519PublicKey]:
        text = self._store.setting("licensors") or "{}"
        return {k: load_ed25519_public(v, f"key of licensor {k}") for k, v in json.loads(text).items()}

    def licensor_names(self) -> dict[str, str]:
        """Provider ID -> name, as the insurer last introduced them (kept for offline use)."""
        names = json.loads(self._store.setting("licensor_names") or "{}")
        return {k: v for k, v in names.items() if isinstance(k, str) and isinstance(v, str)}

    def insurer_name(self) -> str:
        return self._store.setting("insurer_name") or translate("Terminal", "your insurer")

    def insurer_id(self) -> str:
        """The insurer's ID on its backend as it last said ("" before the first contact, or from a
        backend that hosts one insurer and does not say)."""
        return self._store.setting("insurer_id") or ""

    def provider_names(self) -> dict[str, str]:
        """Provider ID -> name, as the insurer tells it (online only; raises `BackendError` offline)."""
        return {p.id: p.name for p in self.client().providers()}
