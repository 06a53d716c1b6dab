"""The GUI's one link to the terminal core: every view asks this object and listens to its signals.

It owns the `Terminal` and the serial `TaskRunner`; each method queues a terminal call and reports back
through a signal, so no view touches the network, the disk or the keyring itself.

Connection states (`connection_changed`): "connecting" while the first contact (or the bundled backend's
start) is under way, "online", "offline" when the insurer cannot be reached (a retry runs every minute),
and "working_offline" when the user chose not to try (no automatic retries; `retry()` goes back online).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from player.errors import BackendError, PlayerError, SupplierUnavailableError, UsageError
from player.terminal import LibraryEntry, ListStatus, Terminal
from player.ui.kit.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from player.playback import Cover

FACTS_BATCH = 100  # tracks whose tags one worker task reads (a few hundred ms)


class ConnectionState(StrEnum):
    CONNECTING = "connecting"  # the first contact (or the bundled backend's start) is under way
    ONLINE = "online"
    OFFLINE = "offline"  # the insurer cannot be reached; a retry runs every minute
    WORKING_OFFLINE = "working_offline"  # the user chose not to try; `retry()` goes back online


SYNC_INTERVAL_MS = 10 * 60 * 1000  # online: fetch the list's changes this often (the push of flow 5)
RETRY_INTERVAL_MS = 60 * 1000  # offline: try the insurer again this often
WATCH_INTERVAL_MS = 2000  # how often the bundled backend is checked: a death is noticed within 5 s
MAX_RESTARTS = 3  # bundled backend restarts in one session before giving up (and saying why)
CLOSE_WAIT_MS = 30_000


class UiSession(QObject):
    library_changed = Signal(list)  # list[LibraryEntry]
    online_changed = Signal(bool)
    connection_changed = Signal(str)  # a ConnectionState
    synced = Signal(object)  # the ListStatus now held (version, issued_at, expires_at)
    list_status_changed = Signal(object)  # the cached ListStatus, or None when there is none usable
    providers_changed = Signal(dict)  # provider ID -> name, learnt online
    signed_in_changed = Signal(bool)
    failed = Signal(object)  # PlayerError nobody else handled: the window shows it (no modal storm)
    busy_changed = Signal(bool)
    backend_restarted = Signal(bool)  # the bundled backend died: True restarted, False given up
    preview_started = Signal()  # a store clip starts: what was playing pauses
    preview_ended = Signal()  # no clip plays any more: what was paused for it goes on

    def __init__(self, terminal: Terminal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.tasks = TaskRunner(self)
        self.tasks.busy_changed.connect(self.busy_changed)
        self.library: list[LibraryEntry] = []
        self.online = False
        self.connection = ConnectionState.CONNECTING
        self.last_sync: ListStatus | None = None
        self.last_sync_at: datetime | None = None  # when this terminal last synced (local clock)
        self.trusted: ListStatus | None = None
        self.provider_names: dict[str, str] = {}
        self._closed = False
        self._preloaded = False  # the library's first reading was asked for before the window existed
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_INTERVAL_MS)
        self._sync_timer.timeout.connect(self._periodic_sync)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retry)
        self.restarts = 0
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self._watch_bundled)

    # --- plumbing --------------------------------------------------------------------------------

    def call(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[PlayerError], None] | None = None,
        on_progress: Progress | None = None,
        *,
        priority: int = 0,
    ) -> None:
        """Run `fn(progress)` on the worker. Errors go to `on_error`, else to `failed`; a backend error also
        flips the session offline. `priority` > 0 jumps the queue (not the task already running).
        After `close()` nothing runs."""
        if self._closed:
            return

        def done(result: Any) -> None:
            if (
                not self.terminal.connection.online and self.online
            ):  # the core found the insurer gone on the way
                self._set_online(False)
            if on_done is not None:
                on_done(result)

        def error(e: PlayerError) -> None:
            if isinstance(e, BackendError) and not isinstance(e, SupplierUnavailableError):
                self._set_online(False)  # (a supplier down is not the insurer gone: it said so itself)
            (on_error or self.failed.emit)(e)

        self.tasks.run(fn, done, error, on_progress, priority=priority)

    def _set_online(self, online: bool) -> None:
        if online:
            self._set_connection(ConnectionState.ONLINE)
        elif self.connection is not ConnectionState.WORKING_OFFLINE:
            self._set_connection(ConnectionState.OFFLINE)
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def _set_connection(self, state: ConnectionState) -> None:
        if self._closed:
            return
        if state is ConnectionState.ONLINE and self.signed_in:
            self._sync_timer.start()
        else:
            self._sync_timer.stop()
        if state is ConnectionState.OFFLINE:
            self._retry_timer.start()
        else:
            self._retry_timer.stop()
        if state != self.connection:
            self.connection = state
            self.connection_changed.emit(state)

    @property
    def signed_in(self) -> bool:
        try:
            self.terminal.account.require_sign_in()
        except UsageError:
            return False
        return True

    # --- what the views ask for --------------------------------------------------------------------

    def preload(self) -> None:
        """Start reading the cached library now, before the window is built: the worker reads the store
        and asks the keyring while the GUI thread imports and lays out the window, and the rows arrive
        (as `library_changed`) by the time it is first painted. `start` then does not read it again.
        The bundled backend, when there is one, starts booting too."""
        self.terminal.connection.warm_up()
        self._preloaded = True
        self.refresh_library()

    def start(self) -> None:
        """Show the cached library at once, then connect (or start the bundled backend) and sync if
        signed in."""
        self._set_connection(ConnectionState.CONNECTING)
        self._watch_timer.start()
        if not self._preloaded:
            self.refresh_library()
        self._preloaded = False
        self.call(lambda _: self.terminal.connection.reachable(), self._connected)
        self._fill_album_facts(0)

    def _fill_album_facts(self, read_so_far: int) -> None:
        """A library kept from before tags were read gets its track numbers and years, once: a batch
        at a time, each queued behind what waits (a play is never held up by a whole library's tags)."""

        def done(result: tuple[int, bool]) -> None:
            read, more = result
            if more:
                self._fill_album_facts(read_so_far + read)
            elif read_so_far + read:
                self.refresh_library()

        self.call(
            lambda _: self.terminal.library.fill_album_facts(limit=FACTS_BATCH),
            done,
            lambda _e: None,  # not signed in, or no key yet: the next start tries again
        )

    def _connected(self, online: bool) -> None:
        self._set_online(online)
        self.signed_in_changed.emit(self.signed_in)
        if online and self.signed_in:
            self.sync()

    def refresh_library(self) -> None:
        def work(_: Progress) -> tuple[list[LibraryEntry], ListStatus | None]:
            # The user's own files join the tracks bought, as entries of their own kind (`own`).
            entries = self.terminal.entries() + self.terminal.own_music.entries()
            try:
                trusted = self.terminal.licenses.status()
            except PlayerError:
                trusted = None  # the entries already say why (state "unknown" with its reason)
            return entries, trusted

        def done(result: tuple[list[LibraryEntry], ListStatus | None]) -> None:
            self.library, self.trusted = result
            self.library_changed.emit(self.library)
            self.list_status_changed.emit(self.trusted)

        self.call(work, done)

    def sign_out(self) -> None:
        """Sign the owner out (the session ends at the insurer when it answers); `signed_in_changed`."""

        def done(_told: bool) -> None:
            self.signed_in_changed.emit(False)
            self.refresh_library()

        self.call(lambda _: self.terminal.account.sign_out(), done)

    def read_covers(self, wanted: dict[Any, str], done: Callable[[dict[Any, bytes | None]], None]) -> None:
        """The covers of held tracks and own files (keys as given, values image bytes or None), read on
        the worker."""
        library, own = self.terminal.library, self.terminal.own_music

        def work(_: Progress) -> dict[Any, bytes | None]:
            bought = library.covers({cid for cid in wanted.values() if not own.owns(cid)})  # keys once
            covers = ((key, own.cover(cid) if own.owns(cid) else bought[cid]) for key, cid in wanted.items())
            return {key: (c.data if c else None) for key, c in covers}

        self.call(work, done, lambda _e: None)  # a cover that cannot be read is no message

    def read_cover(self, content_id: str, done: Callable[[Cover | None], None]) -> None:
        """One held track's or own file's cover, read on the worker (None: it has none, or it cannot be
        read now, which is no message)."""
        library, own = self.terminal.library, self.terminal.own_music

        def work(_: Progress) -> Cover | None:
            return own.cover(content_id) if own.owns(content_id) else library.cover(content_id)

        self.call(work, done, lambda _e: None)

    def sync(self, on_error: Callable[[PlayerError], None] | None = None) -> None:
        """Fetch the license list's changes (and the providers' names), then refresh the library."""

        def work(_: Progress) -> tuple[ListStatus, dict[str, str]]:
            # Also finishes what a lost answer left half done, and fetches what is missing, free.
            trusted, _done = self.terminal.catch_up()
            try:
                names = {p.id: p.name for p in self.terminal.connection.client().providers()}
            except BackendError:
                names = {}
            return trusted, names

        def done(result: tuple[ListStatus, dict[str, str]]) -> None:
            trusted, names = result
            self._set_online(True)
            self.last_sync = trusted
            self.last_sync_at = datetime.now(UTC)
            if names and names != self.provider_names:
                self.provider_names = names
                self.providers_changed.emit(names)
            self.synced.emit(trusted)
            self.refresh_library()

        self.call(work, done, on_error)

    def retry(self) -> None:
        """Try the insurer again (the offline banner's Retry, and every minute while offline)."""
        if self.connection is ConnectionState.WORKING_OFFLINE:
            self._set_connection(ConnectionState.OFFLINE)

        def quiet(e: PlayerError) -> None:
            if not isinstance(e, BackendError):
                self.failed.emit(e)  # offline is already shown by the banner; anything else is news

        def connected(online: bool) -> None:
            if online and self.signed_in:
                self.sync(on_error=quiet)  # reaching the client is not reaching the server: sync proves it
            else:
                self._connected(online)

        self.call(lambda _: self.terminal.connection.reachable(), connected, quiet)

    def _watch_bundled(self) -> None:
        """A bundled backend that died is reaped at once, said, and started again (a few times)."""
        connection = self.terminal.connection
        if self._closed or not connection.bundled_died():
            return
        connection.restart_bundled()  # reaps the child and forgets its client
        self._set_online(False)
        if self.restarts >= MAX_RESTARTS or self.connection is ConnectionState.WORKING_OFFLINE:
            self.work_offline()  # no more automatic tries: Retry starts it again
            self.backend_restarted.emit(False)
            return
        self.restarts += 1
        self.backend_restarted.emit(True)
        self.retry()

    def work_offline(self) -> None:
        """Stop trying the insurer until `retry()`: cached licenses keep playing."""
        self._set_online(False)
        self._set_connection(ConnectionState.WORKING_OFFLINE)

    def _periodic_sync(self) -> None:
        if self.online and self.signed_in and not self.tasks.busy:
            self.sync(on_error=lambda e: None if isinstance(e, BackendError) else self.failed.emit(e))

    def close(self, wait_ms: int = CLOSE_WAIT_MS) -> None:
        """Let queued work finish (bounded), then close the terminal: its client, the bundled backend
        and the store. Idempotent; nothing runs afterwards."""
        if self._closed:
            return
        self._closed = True
        self._sync_timer.stop()
        self._retry_timer.stop()
        self._watch_timer.stop()
        self.tasks.wait(wait_ms)
        self.terminal.close()
