"""Who uses this terminal: the account, its session token, and its insurance policy (FIG.6B, FIG.13).

The policy's key pair is made here ([0028]): the private half goes to the OS keyring and nowhere else,
and it is what opens every license package delivered to the policy (FIG.10 (5)).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from player.errors import (
    BackendError,
    IntegrityError,
    LicenseUnknownError,
    MissingFileError,
    OtherUsersLibraryError,
    PlayerError,
    SignedOutError,
    UsageError,
    WrongKeyError,
    WrongLicenseeError,
)
from player.language import translate
from player.protocol.canonical import b64e, ed25519_public_bytes, x25519_public_bytes
from player.protocol.direct import open_direct, parse_direct
from player.protocol.license import License
from player.protocol.package import LicensePackage, open_license, open_package
from player.protocol.policy import Coverage, Policy, verify_policy
from player.storage import KeyStore, Store
from player.terminal.connection import Connection
from player.transfer import decode_b64

if TYPE_CHECKING:
    from player.protocol import api, history_api

SIGNED_OUT = "signed_out"  # a store setting: "1" from sign-out to the next sign-in
EVERY_PLAY_CHOSEN = "every_play_chosen"  # a store setting: "1" when the user asked for the check


class Account:
    def __init__(self, store: Store, keys: KeyStore, connection: Connection) -> None:
        self._store = store
        self._keys = keys
        self._connection = connection
        # Read once per process, not once per play: a keyring read is a Secret Service round trip (~14 ms
        # with gnome-keyring, measured), and a play used to make two of them here. Memory only; a key
        # that stops opening packages (re-keyed by another process) is read again (`unwrap`).
        self._policy_keys: dict[str, X25519PrivateKey] = {}
        self._verified_policy: tuple[bytes, bytes, Policy] | None = None  # bytes, insurer key, verdict

    # --- identity ---------------------------------------------------------------------------------

    def sign_up(self, username: str, password: str, identity: str | None = None) -> str:
        """`identity`: the e-mail address the user's insurers know them by; each keeps only its
        pseudonym, which lets insurers recognise one person's losses (docs/insurers.md)."""
        self._keys.check()
        self._refuse_if_owned(username)
        self._connection.client().sign_up(username, password, identity)
        return self.sign_in(username, password)

    def sign_in(self, username: str, password: str) -> str:
        self._keys.check()
        session = self._connection.client().sign_in(username, password)
        owner = self._store.setting("user_id")
        if owner and owner != session.user_id:
            self._refuse_if_owned(session.username)
        self._keys.set_session_token(session.token)
        self._store.set_setting("user_id", session.user_id)
        self._store.set_setting("username", session.username)
        self._store.set_setting(SIGNED_OUT, "")
        return session.user_id

    def sign_out(self) -> bool:
        """Sign the library's owner out on this computer: the session ends at the insurer (when it can be
        reached) and its token leaves the keyring; nothing plays, syncs or buys until they sign in
        again. The library stays theirs: their files, licenses, cached list and policy key are kept
        (another user still cannot sign in here). True when the insurer heard of it; offline the token
        is forgotten here all the same and simply runs out there."""
        self.require_sign_in()
        told = False
        if self._keys.session_token():
            client = self._connection.try_client()
            if client is not None:
                try:
                    client.sign_out()
                    told = True
                except BackendError:
                    pass  # refused (already ended) or gone: forgetting it here is what matters
        self._keys.clear_session_token()
        self._store.set_setting(SIGNED_OUT, "1")
        self._policy_keys.clear()
        return told

    def _refuse_if_owned(self, username: str) -> None:
        """A library is one user's: its cached list, policy key and licenses are theirs. Signing in as
        someone else here would replace the owner's list (and lock them out of it) without a word."""
        owner = self._store.setting("username") or "another user"
        if not self._store.setting("user_id") or owner.casefold() == username.casefold():
            return
        raise OtherUsersLibraryError(
            translate(
                "Errors",
                "this library belongs to {owner}; sign in as {owner2}, or give {username} a library of "
                "their own (--data-dir, or another INSURED_PLAYER_DATA_DIR)",
            ).format(owner=owner, owner2=owner, username=username)
        )

    @property
    def user_id(self) -> str:
        return self.require_sign_in()

    @property
    def signed_in(self) -> bool:
        return bool(self._store.setting("user_id")) and not self.signed_out

    @property
    def signed_out(self) -> bool:
        """The owner signed out here (the library is theirs, locked until they sign in again)."""
        return bool(self._store.setting(SIGNED_OUT))

    @property
    def owner(self) -> str:
        """The user name of the library's owner ("" for a library nobody signed in to yet)."""
        return self._store.setting("username") or ""

    def require_sign_in(self) -> str:
        """The signed-in user's ID; `UsageError` saying how to sign in, before anything asks the network."""
        user = self._store.setting("user_id")
        if not user:
            raise UsageError(translate("Errors", "not signed in: run `signup USER` or `login USER` first"))
        if self.signed_out:
            raise SignedOutError(
                translate("Errors", "signed out on this computer: sign in as {owner} to go on").format(
                    owner=self.owner
                )
            )
        return user

    # --- the policy -------------------------------------------------------------------------------

    def terms(self) -> api.Terms:
        self.require_sign_in()
        return self._connection.client().terms()

    @property
    def insured(self) -> bool:
        return bool(self._store.setting("policy_id"))

    def policy_id(self) -> str:
        """The policy this terminal works under; refused while signed out, as everything it opens is."""
        self.require_sign_in()
        policy = self._store.setting("policy_id")
        if not policy:
            raise UsageError(translate("Errors", "no insurance yet: run `insure` first"))
        return policy

    def insure(self, *, check_every_play: bool = False, coverage: str = Coverage.FULL) -> Policy:
        """FIG.13 (1)-(2): a key pair made here ([0028]); the private half goes to the keyring only.
        `check_every_play` (claim 26): the cheaper policy whose terminal asks the insurer on every play;
        `coverage` (claim 32, a `Coverage` value): the license alone, the audio alone, or both."""
        self._keys.check()
        if self.insured:
            return self.policy()
        key = X25519PrivateKey.generate()
        public = b64e(x25519_public_bytes(key))
        doc = self._connection.client().take_out_policy(
            public, check_every_play=check_every_play, coverage=Coverage(coverage).value
        )
        policy = self.accept_policy(doc.policy)
        self._keys.set_policy_key(policy.contract_id, key)
        self._policy_keys[policy.contract_id] = key
        self._store.set_setting("policy_id", policy.contract_id)
        return policy

    def accept_policy(self, policy_b64: str) -> Policy:
        """Keep a policy the insurer sent (verified, and ours)."""
        raw = decode_b64(policy_b64, "policy")
        policy = verify_policy(raw, self._connection.insurer_key())
        if policy.user_id != self.user_id:
            raise IntegrityError(translate("Errors", "the insurer sent a policy for another user"))
        self._store.put_policy(policy.contract_id, raw, policy.revision)
        return policy

    def rekey(self, policy_id: str) -> Policy:
        """[0035]: a new key pair for a policy whose key died with the old disk, registered at the insurer."""
        key = X25519PrivateKey.generate()
        rekeyed = self._connection.client().rekey(policy_id, b64e(x25519_public_bytes(key)))
        policy = self.accept_policy(rekeyed.policy)
        self._keys.set_policy_key(policy.contract_id, key)
        self._policy_keys[policy.contract_id] = key
        return policy

    def use_policy(self, policy_id: str) -> None:
        self._store.set_setting("policy_id", policy_id)

    def policy(self) -> Policy:
        """The policy kept here, verified; `MissingFileError` when its file is gone."""
        policy_id = self.policy_id()
        try:
            raw = self._store.policy_bytes(policy_id)
        except KeyError as e:
            raise MissingFileError(
                translate("Errors", "the policy {policy_id} is not kept on this computer").format(
                    policy_id=repr(policy_id)
                )
            ) from e
        insurer_key = self._connection.insurer_key()
        pinned = ed25519_public_bytes(insurer_key)
        known = self._verified_policy
        if known is not None and known[0] == raw and known[1] == pinned:
            return known[2]  # the same bytes, verified against the same pinned key before
        policy = verify_policy(raw, insurer_key)
        self._verified_policy = (raw, pinned, policy)
        return policy

    def history(self) -> history_api.History | None:
        """FIG.6A as the insurer keeps it; None offline."""
        client = self._connection.try_client()
        return None if client is None else client.history(self.policy_id())

    def unwrap(self, package: LicensePackage) -> License:
        """FIG.10 (5): open a verified package with the policy's private key from the keyring."""
        cached = self._policy_keys.get(package.policy_id)
        if cached is not None:
            try:
                return open_license(package, cached, self._connection.licensor_keys())
            except WrongKeyError:
                del self._policy_keys[package.policy_id]  # re-keyed elsewhere since: ask the keyring
        key = self._keys.policy_key(package.policy_id)
        if key is None:
            raise LicenseUnknownError(
                translate(
                    "Errors",
                    "the key of your insurance policy is not in this computer's keyring: recover your "
                    "library",
                )
            )
        lic = open_license(package, key, self._connection.licensor_keys())
        self._policy_keys[package.policy_id] = key
        return lic

    def license_xml(self, package: LicensePackage) -> bytes:
        """The license inside a package as its licensor signed it: what another insurer is shown to
        cover its audio (claim 32). Verified first, as every opening is."""
        self.unwrap(package)
        return open_package(package, self._policy_keys[package.policy_id])

    def checks_every_play(self, policy_id: str) -> bool:
        """Whether plays under the policy a package is under ask the insurer each time (claim 26): the
        policy asks for it, or the user chose it where the policy leaves it to them."""
        if self._store.setting("policy_id") != policy_id:
            return False
        try:
            required = self.policy().check_every_play
        except PlayerError:
            return True  # a policy that cannot be read here cannot waive the check: ask, when online
        return required or self.every_play_chosen

    @property
    def every_play_chosen(self) -> bool:
        """The user asked for the check on every play although their policy does not require it."""
        return self._store.setting(EVERY_PLAY_CHOSEN) == "1"

    def choose_every_play(self, wanted: bool) -> None:
        """Check with the insurer on every play (while online), or not, where the policy leaves it open;
        a policy that requires the check keeps it whatever is chosen here."""
        self._store.set_setting(EVERY_PLAY_CHOSEN, "1" if wanted else "")

    def open_direct(self, raw: bytes) -> tuple[License, bytes]:
        """FIG.15: a license bought without insurance, as kept here (sealed to this computer's device
        key): verified against its licensor, and issued to this user; with its XML."""
        user_id = self.require_sign_in()
        lic, xml = open_direct(
            parse_direct(raw), self._keys.device_key(user_id), self._connection.licensor_keys()
        )
        if lic.licensee != user_id:
            raise WrongLicenseeError(
                translate("Errors", "license {license_id} was issued to someone else").format(
                    license_id=repr(lic.license_id)
                )
            )
        return lic, xml
