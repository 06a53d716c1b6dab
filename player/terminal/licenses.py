"""The license list and the decisions made on it (FIG.7, FIG.10): the orchestrator around `license_decision`.

Shaped like python-tuf's updater over its trusted set: this module fetches, stores and raises the
anti-rollback mark; every "may this list replace that one?" and "may this license play?" is answered by
the pure code in `player.license_decision`, fed the bytes, the keyring's mark and the terminal's clock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from player.errors import (
    AnswerTooLargeError,
    BackendError,
    BackendResponseError,
    BackendUnreachableError,
    ClockRollbackError,
    DecisionRefusedError,
    IntegrityError,
    MalformedError,
    PlayerError,
    TruncatedError,
)
from player.language import translate
from player.license_decision import Allowed, ListMark, TrustedList, decide_uninsured
from player.license_decision import decide as decide_license
from player.protocol.package import LicensePackage
from player.storage import KeyStore, Store
from player.storage.blobs import list_version
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.terminal.results import ListStatus

if TYPE_CHECKING:
    from player.client import Client

Clock = Callable[[], datetime]


def status_of(trusted: TrustedList) -> ListStatus:
    return ListStatus(trusted.version, trusted.issued_at, trusted.expires_at, trusted.entries)


@contextlib.contextmanager
def _nonsense_is_the_servers(url: str) -> Iterator[None]:
    """Bytes that do not even parse as a license list are the server answering nonsense (exit 4); a
    list that parses and fails its signature stays an integrity failure (exit 5): it was tampered with."""
    try:
        yield
    except (MalformedError, TruncatedError) as e:
        raise BackendResponseError(
            translate(
                "Errors", "the insurer at {url} answered with something that is not a license list ({e})"
            ).format(url=url, e=e)
        ) from e


class Licenses:
    def __init__(
        self, store: Store, keys: KeyStore, connection: Connection, account: Account, clock: Clock
    ) -> None:
        self._store = store
        self._keys = keys
        self._connection = connection
        self._account = account
        self._now = clock
        # The chain last verified here: loading the same bytes again checks only the mark and the clock
        # (a 10,000-license list is a tenth of a second to verify; it is read before every decision).
        self._known: TrustedList | None = None

    def _mark(self) -> ListMark:
        return self._keys.list_mark(self._connection.insurer_fingerprint(), self._account.user_id)

    def trusted(self) -> TrustedList | None:
        """The cached chain, verified against the pinned key and the mark; None when none is cached.
        Raises the refusal when the cache cannot be trusted (rolled back, damaged, clock set back)."""
        chain = self._store.license_list_chain()
        if chain is None:
            return None
        full, deltas = chain
        self._known = TrustedList.load(
            [full, *deltas],
            insurer_key=self._connection.insurer_key(),
            user_id=self._account.user_id,
            mark=self._mark(),
            now=self._now(),
            known=self._known,
        )
        return self._known

    def status(self) -> ListStatus | None:
        """The cached list as facts for a face; raises like `trusted`."""
        trusted = self.trusted()
        return None if trusted is None else status_of(trusted)

    def now(self) -> datetime:
        """The time the license decision sees (tests and the CLI's test hook move it)."""
        return self._now()

    def sync(self) -> ListStatus:
        """Fetch what changed in the list (or all of it), accept it by the rules, store it, raise the mark."""
        return status_of(self._sync())

    def _sync(self) -> TrustedList:
        user_id = self._account.require_sign_in()
        client = self._connection.client()
        current = None
        try:
            current = self.trusted()
        except PlayerError:
            current = None  # a damaged or rolled-back cache: the insurer's full list replaces it
        with client.within(), _nonsense_is_the_servers(client.base_url):
            # one deadline for the delta and, when it will not do, the full list
            if current is None:
                trusted = TrustedList.load(
                    [client.license_list()],
                    insurer_key=self._connection.insurer_key(),
                    user_id=user_id,
                    mark=self._mark(),
                    now=self._now(),
                )
                self._store.put_license_list(trusted.chain[0])
                self._known = trusted
            else:
                try:
                    trusted = current.update(client.license_list(since=current.version), self._now())
                except (BackendUnreachableError, AnswerTooLargeError):
                    raise  # the full list would not come either, or be larger still
                except PlayerError:
                    trusted = current.update(client.license_list(), self._now())
                self._store_chain(trusted, current)
        self._keys.raise_list_mark(self._connection.insurer_fingerprint(), user_id, trusted.new_mark)
        self._connection.answered()  # the insurer answered: whatever went wrong before is over
        return trusted

    def _store_chain(self, trusted: TrustedList, current: TrustedList) -> None:
        """Write what the store lacks of `trusted`'s chain: the new deltas on top of what it holds (the
        usual sync), or a new full list and its deltas."""
        held = current.chain
        chain = trusted.chain
        if chain[: len(held)] != held:
            self._store.put_license_list(chain[0])
            held = chain[:1]
        for delta in chain[len(held) :]:
            self._store.append_list_delta(delta, list_version(delta)[0])
        self._known = trusted

    def decide(self, package: LicensePackage) -> Allowed:
        """FIG.10 (2)-(5) for a verified package; raises the refusal (`DecisionRefusedError`) with its reason.

        The cached list decides (2), and when it is current and names the license, the network is not
        touched: a play never waits for it. Otherwise the insurer is reached if it can be: a cache that
        cannot be trusted (restored from an old backup, damaged) or that ran out is replaced by its
        current list first, and an ID the list does not name is asked of it (3)-(4). Offline, the
        cache's refusal stands. The list reaches the terminal after each of its own requests and on
        `sync` (the push of flow 5); checking it on every online play would buy nothing against a user
        who means to cheat, who would just stay offline within the list's grace. Unless the policy says
        otherwise (claim 26, `check_every_play`): then, while online, every play asks the insurer.
        """
        now = self._now()
        every_play = self._account.checks_every_play(package.policy_id)
        cache_error: PlayerError | None = None
        trusted: TrustedList | None = None
        try:
            trusted = self.trusted()
        except (DecisionRefusedError, IntegrityError) as e:
            cache_error = e
        if (
            trusted is not None
            and not trusted.is_expired(now)
            and trusted.entry(package.license_id) is not None
            and not every_play
        ):
            return self._decide(package, trusted, None)
        client = self._connection.try_client()
        if cache_error is not None:
            if client is None or isinstance(cache_error, ClockRollbackError):
                raise cache_error
            trusted = self._sync()
        elif client is not None and trusted is not None and trusted.is_expired(now):
            trusted = self._refresh() or trusted
        allowed = self._decide(package, trusted, client, every_play=every_play)
        listed = trusted is not None and trusted.entry(package.license_id) is not None
        if allowed.refresh_advised and client is not None and not (every_play and listed):
            self._refresh()  # the insurer was asked about a license the list lacks: the list lags
        return allowed

    def decide_uninsured(self, license_id: str, content_id: str) -> Allowed:
        """FIG.15: may a license bought without insurance play? Only the cached list's say (no network:
        the insurer knows of it only once it was insured, and then the list it pushes invalidates it)."""
        return decide_uninsured(
            license_id,
            content_id,
            self.trusted(),
            user_id=self._account.user_id,
            now=self._now(),
            mark=self._mark(),
        )

    def _decide(
        self,
        package: LicensePackage,
        trusted: TrustedList | None,
        client: Client | None,
        *,
        every_play: bool = False,
    ) -> Allowed:
        return decide_license(
            package,
            trusted,
            user_id=self._account.user_id,
            now=self._now(),
            online=client is not None,
            insurer_key=self._connection.insurer_key(),
            ask_insurer=client.validity if client else None,
            mark=self._mark(),
            every_play=every_play,
        )

    def _refresh(self) -> TrustedList | None:
        """Sync when the insurer can be reached; None when it just went away (the caller carries on)."""
        try:
            return self._sync()
        except BackendError:
            self._connection.went_away()
            return None
