"""The user terminal 40 as one object: the face (CLI or GUI) builds it once and asks it for everything.

It wires the storage medium (`Store`, `KeyStore`), the network (`Client`, or the bundled backend started
as a child), the license usage decision and the re-distribution requests, and holds no widget. Methods
block (network, disk, crypto): the GUI calls them from worker threads. Every failure is a `PlayerError`.

Trust: the insurer's key is pinned in the keyring on first contact and compared on every later one; the
licensors' keys come signed into the identity the pinned insurer serves and are cached for offline use.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.backend_process import EmbeddedBackend
from player.client import Client, Progress, decode_b64
from player.errors import (
    BackendError,
    BackendRefusedError,
    ClockRollbackError,
    DecisionRefusedError,
    InsurerKeyChangedError,
    IntegrityError,
    LicenseUnknownError,
    PlayerError,
    UsageError,
)
from player.license_decision import Allowed, ListMark, TrustedList, check_license
from player.license_decision import decide as decide_license
from player.protocol import api, container
from player.protocol.canonical import (
    b64e,
    ed25519_public_bytes,
    fingerprint,
    load_ed25519_public,
    now_utc,
    x25519_public_bytes,
)
from player.protocol.license import License
from player.protocol.license_list import LicenseState, verify_license_list
from player.protocol.package import LicensePackage, open_license, verify_package
from player.protocol.policy import Policy, verify_policy
from player.storage import KeyStore, Store
from player.storage.records import FileState, LibraryRow, TrackInfo

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class LibraryEntry:
    """One license the terminal knows, with what the cached list says of it.

    `reason` is a code for machines: for an invalid license the FIG.7 reason as on the wire
    (`redistributed_after_loss`, `replaced_by_alternate`, `version_upgrade`, ...); for an unknown one why
    the list cannot say (`not_in_list`, `no_list`, or the refusal's code such as `list_rollback`); "" when
    valid. `detail` says the same in words.
    """

    row: LibraryRow
    state: str  # valid | invalid | unknown
    reason: str = ""
    invalidated_at: datetime | None = None
    detail: str = ""


@dataclass(frozen=True)
class OpenTrack:
    """A track cleared to play: the decrypting reader over its file, and what to show."""

    license: License
    package: LicensePackage
    reader: container.ContainerReader
    file: BinaryIO
    mime: str
    title: str
    artist: str
    duration_ms: int

    def close(self) -> None:
        self.file.close()


@dataclass(frozen=True)
class IntegrityReport:
    missing: list[str]
    corrupt: list[str]
    ok: int


def _namespace(data_dir: Path) -> str:
    """One keyring profile per data dir path: restoring the dir from a backup keeps its rollback mark."""
    return "dd-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


class Terminal:
    def __init__(
        self,
        data_dir: Path,
        server: str | None = None,
        *,
        keys: KeyStore | None = None,
        clock: Clock = now_utc,
        timeout: float | None = None,
    ) -> None:
        """`clock` is the license decision's "now" (tests move it); `timeout` bounds every network wait
        in seconds (None: the client's defaults)."""
        self.data_dir = data_dir
        self.store = Store(data_dir)
        self.keys = keys or KeyStore(_namespace(data_dir), lock=self.store.lock)
        self.now = clock
        self._server = server
        self._timeout = timeout
        self._embedded: EmbeddedBackend | None = None
        self._client: Client | None = None
        self._insurer_key: Ed25519PublicKey | None = None
        self.online = False

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._embedded is not None:
            self._embedded.stop()
        self.store.close()

    # --- connection and identity -----------------------------------------------------------------

    @property
    def server_id(self) -> str:
        return self._server or "bundled"

    @property
    def _pin_id(self) -> str:
        """Whose key the pin is for: the configured server, or this data dir's bundled backend instance."""
        if self._server:
            return self._server
        return "bundled:" + EmbeddedBackend(self.data_dir / "bundled-backend").instance_id()

    def client(self) -> Client:
        """A connected client; starts the bundled backend on first use when no server is configured."""
        if self._client is None:
            if self._server:
                url = self._server
            else:
                if self._embedded is None:
                    self._embedded = EmbeddedBackend(self.data_dir / "bundled-backend")
                url = self._embedded.start()
            client = Client.with_timeout(url, self.keys.session_token(), self._timeout)
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

    def try_client(self) -> Client | None:
        """The client, or None (offline) when the backend cannot be reached."""
        try:
            return self.client()
        except InsurerKeyChangedError:
            raise  # not "offline": an insurer we must not trust answered, and the user has to know
        except BackendError:
            self.online = False
            return None

    def _pin(self, identity: api.InsurerIdentity) -> None:
        pinned = self.keys.pinned_insurer_key(self._pin_id)
        if pinned is None:
            self.keys.pin_insurer_key(self._pin_id, identity.public_key)
        elif pinned != identity.public_key:
            raise InsurerKeyChangedError(
                f"the insurer's signing key changed (now {identity.fingerprint[:16]}...); "
                "refusing to trust it. If the insurer announced a new key, remove the old pin to accept it."
            )
        licensors = {k.id: k.public_key for k in identity.licensors}
        self.store.set_setting("licensors", json.dumps(licensors, sort_keys=True))

    def insurer_key(self) -> Ed25519PublicKey:
        """The pinned key (read from the keyring once per terminal: a pin never changes under us, since
        `_pin` refuses a different key)."""
        if self._insurer_key is None:
            pinned = self.keys.pinned_insurer_key(self._pin_id)
            if pinned is None:
                self.client()
                pinned = self.keys.pinned_insurer_key(self._pin_id)
            if pinned is None:  # pragma: no cover - client() pins or raises
                raise BackendRefusedError("the insurer's key is not known yet: connect once")
            self._insurer_key = load_ed25519_public(pinned, "insurer key")
        return self._insurer_key

    def insurer_fingerprint(self) -> str:
        return fingerprint(ed25519_public_bytes(self.insurer_key()))

    def _licensor_keys(self) -> dict[str, Ed25519PublicKey]:
        text = self.store.setting("licensors") or "{}"
        return {k: load_ed25519_public(v, f"key of licensor {k}") for k, v in json.loads(text).items()}

    # --- account ---------------------------------------------------------------------------------

    def sign_up(self, username: str, password: str) -> str:
        self.keys.check()
        self.client().sign_up(username, password)
        return self.sign_in(username, password)

    def sign_in(self, username: str, password: str) -> str:
        self.keys.check()
        session = self.client().sign_in(username, password)
        self.keys.set_session_token(session.token)
        self.store.set_setting("user_id", session.user_id)
        self.store.set_setting("username", session.username)
        return session.user_id

    @property
    def user_id(self) -> str:
        return self.require_sign_in()

    def require_sign_in(self) -> str:
        """The signed-in user's ID; `UsageError` saying how to sign in, before anything asks the network."""
        user = self.store.setting("user_id")
        if not user:
            raise UsageError("not signed in: run `signup USER` or `login USER` first")
        return user

    # --- policy ----------------------------------------------------------------------------------

    def terms(self) -> api.Terms:
        self.require_sign_in()
        return self.client().terms()

    def policy_id(self) -> str:
        policy = self.store.setting("policy_id")
        if not policy:
            raise UsageError("no insurance yet: run `insure` first")
        return policy

    def insure(self) -> Policy:
        """FIG.13 (1)-(2): a key pair made here ([0028]); the private half goes to the keyring only."""
        self.keys.check()
        if self.store.setting("policy_id"):
            return self.policy()
        key = X25519PrivateKey.generate()
        doc = self.client().take_out_policy(b64e(x25519_public_bytes(key)))
        policy = self.accept_policy(doc.policy)
        self.keys.set_policy_key(policy.contract_id, key)
        self.store.set_setting("policy_id", policy.contract_id)
        return policy

    def accept_policy(self, policy_b64: str) -> Policy:
        raw = decode_b64(policy_b64, "policy")
        policy = verify_policy(raw, self.insurer_key())
        if policy.user_id != self.user_id:
            raise IntegrityError("the insurer sent a policy for another user")
        self.store.put_policy(policy.contract_id, raw, policy.revision)
        return policy

    def policy(self) -> Policy:
        return verify_policy(self.store.policy_bytes(self.policy_id()), self.insurer_key())

    def history(self) -> api.History | None:
        client = self.try_client()
        return None if client is None else client.history(self.policy_id())

    # --- the license list (FIG.7) ----------------------------------------------------------------

    def _mark(self) -> ListMark:
        return self.keys.list_mark(self.insurer_fingerprint(), self.user_id)

    def trusted_list(self) -> TrustedList | None:
        chain = self.store.license_list_chain()
        if chain is None:
            return None
        full, deltas = chain
        return TrustedList.load(
            [full, *deltas],
            insurer_key=self.insurer_key(),
            user_id=self.user_id,
            mark=self._mark(),
            now=self.now(),
        )

    def sync(self) -> TrustedList:
        """Fetch what changed in the list (or all of it), accept it by the rules, store it, raise the mark."""
        user_id = self.require_sign_in()
        client = self.client()
        current = None
        try:
            current = self.trusted_list()
        except PlayerError:
            current = None  # a damaged or rolled-back cache: the insurer's full list replaces it
        if current is None:
            trusted = TrustedList.load(
                [client.license_list()],
                insurer_key=self.insurer_key(),
                user_id=user_id,
                mark=self._mark(),
                now=self.now(),
            )
            self.store.put_license_list(trusted.chain[0])
        else:
            try:
                trusted = current.update(client.license_list(since=current.version), self.now())
            except PlayerError:
                trusted = current.update(client.license_list(), self.now())
            self._store_chain(trusted)
        self.keys.raise_list_mark(self.insurer_fingerprint(), self.user_id, trusted.new_mark)
        self.online = True  # the insurer answered: whatever went wrong before is over
        return trusted

    def _store_chain(self, trusted: TrustedList) -> None:
        full, *deltas = trusted.chain
        self.store.put_license_list(full)
        for delta in deltas:
            self.store.append_list_delta(delta, verify_license_list(delta, self.insurer_key()).version)

    # --- catalog and purchases -------------------------------------------------------------------

    def catalog(self, genre: str | None = None, query: str | None = None) -> list[api.CatalogEntry]:
        return self.client().catalog(genre, query)

    def buy(self, content_id: str, progress: Progress | None = None) -> api.Purchase:
        """FIG.13 (3)-(8): buy insured, keep the package and the new policy, fetch the track, sync."""
        policy_id = self.policy_id()
        result = self.client().purchase(policy_id, content_id)
        self.accept_policy(result.policy)
        self.receive(result.license, progress)
        self.sync()
        return result

    def receive(self, delivered: api.Delivered, progress: Progress | None = None) -> None:
        """Keep a delivered license package (verified) and make sure its track file is here."""
        raw = decode_b64(delivered.package, "license package")
        package = verify_package(raw, self.insurer_key())
        if (package.license_id, package.content_id) != (delivered.license_id, delivered.content_id):
            raise IntegrityError("the insurer delivered a package for another license than it said")
        entry = self.client().catalog_entry(delivered.content_id)
        info = TrackInfo(
            entry.content_id,
            delivered.download.version,
            entry.title,
            entry.artist,
            entry.album,
            entry.genre,
            entry.provider,
            entry.duration_ms,
            entry.price,
        )
        self.store.put_track_info(info)
        self.store.put_package(
            package.license_id, raw, package.content_id, package.policy_id, package.item_id
        )
        # Opening it here proves the delivered license is ours to play, and its key checks the file.
        content_key = self._open_license(package).content_key
        self.download(info, delivered.download.url, progress, content_key=content_key)

    def download(
        self,
        info: TrackInfo,
        url: str,
        progress: Progress | None = None,
        *,
        content_key: bytes | None = None,
    ) -> Path:
        """Make sure the track's file is here: a file already held is kept when it checks out with
        `content_key` (a license can be lost while its file remains), else fetched again (resuming)."""
        row = self.store.track(info.content_id)
        if (
            row is not None
            and row.path is not None
            and row.info.version == info.version
            and row.path.is_file()
        ):
            if content_key is None or self._intact(info.content_id, content_key):
                return row.path
            self.store.remove_track_file(info.content_id)  # corrupt: the insurer's copy replaces it
        with self.store.open_track_download(info.content_id, info.version) as sink:
            self.client().download(url, sink, progress)
        return self.store.finish_track_download(info)

    def _intact(self, content_id: str, content_key: bytes) -> bool:
        """Every segment of the stored file authenticates under this key (one segment in memory at a time)."""
        try:
            with self.store.open_track(content_id) as f:
                container.ContainerReader(f, content_key, expect_content_id=content_id).verify_all()
        except IntegrityError:
            return False
        return True

    # --- library and playback (FIG.10) -----------------------------------------------------------

    def library(self) -> list[LibraryEntry]:
        """Every license the terminal knows, with the cached list's verdict (no network)."""
        try:
            trusted = self.trusted_list()
        except PlayerError as e:
            code = e.code if isinstance(e, DecisionRefusedError) else "list_unusable"
            return [LibraryEntry(r, "unknown", code, None, str(e)) for r in self.store.library()]
        if trusted is None:
            detail = "no license list cached yet: connect to the insurer once"
            return [LibraryEntry(r, "unknown", "no_list", None, detail) for r in self.store.library()]
        out = []
        for row in self.store.library():
            entry = trusted.entry(row.license_id)
            if entry is None:
                detail = "not in the cached license list: it is asked of the insurer when online"
                out.append(LibraryEntry(row, "unknown", "not_in_list", None, detail))
            elif entry.state is LicenseState.VALID:
                out.append(LibraryEntry(row, "valid"))
            else:  # FIG.7: reason and date of invalidation
                reason = entry.reason.value if entry.reason else "invalidated"
                on = entry.invalidated_at.date().isoformat() if entry.invalidated_at else "an unknown date"
                out.append(LibraryEntry(row, "invalid", reason, entry.invalidated_at, f"{reason} on {on}"))
        return out

    def resolve(self, content_or_license_id: str) -> LibraryRow:
        """A license ID, or a content ID (its newest license the list calls valid, else its newest)."""
        rows = [e for e in self.library() if content_or_license_id in (e.row.license_id, e.row.content_id)]
        if not rows:
            raise UsageError(f"no track or license {content_or_license_id!r} in your library")
        valid = [e for e in rows if e.state == "valid"]
        return (valid or rows)[-1].row

    def open_for_playback(self, content_or_license_id: str) -> OpenTrack:
        """FIG.10 (1)-(6): decide, open the license with the policy key, and open the track to decrypt."""
        row = self.resolve(content_or_license_id)
        package = verify_package(self.store.package_bytes(row.license_id), self.insurer_key())
        self.decide(package)
        lic = self._open_license(package)
        check_license(lic, package, user_id=self.user_id, now=self.now())
        f = self.store.open_track(row.content_id)
        try:
            reader = container.ContainerReader(f, lic.content_key, expect_content_id=lic.content_id)
        except PlayerError:
            f.close()
            raise
        return OpenTrack(lic, package, reader, f, reader.header.mime, row.title, row.artist, row.duration_ms)

    def recheck(self, track: OpenTrack) -> None:
        """FIG.10 (5) again for a track opened a while ago, without I/O: its license's own period may
        have ended since (raises `OutsideUsagePeriodError`). The list-based half is the caller's to
        keep current: a track opened ahead must be dropped when the cached list changes."""
        check_license(track.license, track.package, user_id=self.user_id, now=self.now())

    def decide(self, package: LicensePackage) -> Allowed:
        """FIG.10 (2)-(5) for a verified package; raises the refusal (`DecisionRefusedError`) with its reason.

        The cached list decides (2), and when it is current and names the license, the network is not
        touched: a play never waits for it. Otherwise the insurer is reached if it can be: a cache that
        cannot be trusted (restored from an old backup, damaged) or that ran out is replaced by its
        current list first, and an ID the list does not name is asked of it (3)-(4). Offline, the
        cache's refusal stands. The list reaches the terminal after each of its own requests and on
        `sync` (the push of flow 5); checking it on every online play would buy nothing against a user
        who means to cheat, who would just stay offline within the list's grace.
        """
        now = self.now()
        cache_error: PlayerError | None = None
        trusted: TrustedList | None = None
        try:
            trusted = self.trusted_list()
        except (DecisionRefusedError, IntegrityError) as e:
            cache_error = e
        if (
            trusted is not None
            and not trusted.is_expired(now)
            and trusted.entry(package.license_id) is not None
        ):
            return self._decide(package, trusted, None)
        client = self.try_client() if self._client is None else self._client
        if cache_error is not None:
            if client is None or isinstance(cache_error, ClockRollbackError):
                raise cache_error
            trusted = self.sync()
        elif client is not None and trusted is not None and trusted.is_expired(now):
            trusted = self._refresh_list() or trusted
        allowed = self._decide(package, trusted, client)
        if allowed.refresh_advised and client is not None:  # the insurer was asked: the list lags
            self._refresh_list()
        return allowed

    def _decide(self, package: LicensePackage, trusted: TrustedList | None, client: Client | None) -> Allowed:
        return decide_license(
            package,
            trusted,
            user_id=self.user_id,
            now=self.now(),
            online=client is not None,
            insurer_key=self.insurer_key(),
            ask_insurer=client.validity if client else None,
            mark=self._mark(),
        )

    def _refresh_list(self) -> TrustedList | None:
        """Sync when the insurer can be reached; None when it just went away (the caller carries on)."""
        try:
            return self.sync()
        except BackendError:
            self.online = False
            return None

    def _open_license(self, package: LicensePackage) -> License:
        key = self.keys.policy_key(package.policy_id)
        if key is None:
            raise LicenseUnknownError(
                "the key of your insurance policy is not in this computer's keyring: recover your library"
            )
        return open_license(package, key, self._licensor_keys())

    # --- integrity scan --------------------------------------------------------------------------

    def verify(self) -> IntegrityReport:
        """Missing and corrupt tracks; every segment of each file is checked, one at a time in memory."""
        missing, corrupt, ok = [], [], 0
        keys: dict[tuple[str, int], bytes] = {}  # (content ID, version) -> content key
        for row in self.store.library():
            if not row.package_present:
                continue
            try:
                package = verify_package(self.store.package_bytes(row.license_id), self.insurer_key())
                lic = self._open_license(package)
            except PlayerError:
                continue
            # A track's licenses may be for different versions ([0048]): check a file with its own.
            keys.setdefault((lic.content_id, lic.content_version), lic.content_key)
        for status in self.store.scan_files():
            key = keys.get((status.content_id, status.version or 0))
            if status.state is FileState.MISSING:
                missing.append(status.content_id)
            elif status.state is FileState.DAMAGED:
                corrupt.append(status.content_id)
            elif key is not None:  # without a key to check it with, the file is not judged
                try:
                    with self.store.open_track(status.content_id) as f:
                        container.ContainerReader(f, key).verify_all()
                    ok += 1
                except IntegrityError:
                    corrupt.append(status.content_id)
        return IntegrityReport(sorted(missing), sorted(corrupt), ok)
