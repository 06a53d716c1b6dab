"""The GUI's one link to the terminal core: every view asks this object and listens to its signals.

It owns the `Terminal` and the serial `TaskRunner`; each method queues a terminal call and reports back
through a signal, so no view touches the network, the disk or the keyring itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from player.errors import BackendError, PlayerError, UsageError
from player.terminal import LibraryEntry, Terminal
from player.ui.tasks import Progress, TaskRunner


class UiSession(QObject):
    library_changed = Signal(list)  # list[LibraryEntry]
    online_changed = Signal(bool)
    synced = Signal(object)  # the TrustedList now held (version, issued_at, expires_at)
    signed_in_changed = Signal(bool)
    failed = Signal(object)  # PlayerError nobody else handled: the window shows it (no modal storm)
    busy_changed = Signal(bool)

    def __init__(self, terminal: Terminal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.tasks = TaskRunner(self)
        self.tasks.busy_changed.connect(self.busy_changed)
        self.library: list[LibraryEntry] = []
        self.online = False
        self.last_sync = None

    # --- plumbing --------------------------------------------------------------------------------

    def call(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[PlayerError], None] | None = None,
        on_progress: Progress | None = None,
    ) -> None:
        """Run `fn(progress)` on the worker. Errors go to `on_error`, else to `failed`; a backend error also
        flips the session offline."""

        def error(e: PlayerError) -> None:
            if isinstance(e, BackendError):
                self._set_online(False)
            (on_error or self.failed.emit)(e)

        self.tasks.run(fn, on_done, error, on_progress)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    @property
    def signed_in(self) -> bool:
        try:
            self.terminal.require_sign_in()
        except UsageError:
            return False
        return True

    # --- what the views ask for --------------------------------------------------------------------

    def start(self) -> None:
        """Connect (or start the bundled backend), then sync if signed in; always show the library."""

        def work(_: Progress) -> bool:
            return self.terminal.try_client() is not None

        def done(online: bool) -> None:
            self._set_online(online)
            self.signed_in_changed.emit(self.signed_in)
            if online and self.signed_in:
                self.sync()
            else:
                self.refresh_library()

        self.call(work, done)

    def refresh_library(self) -> None:
        def done(entries: list[LibraryEntry]) -> None:
            self.library = entries
            self.library_changed.emit(entries)

        self.call(lambda _: self.terminal.library(), done)

    def sync(self) -> None:
        def done(trusted: Any) -> None:
            self._set_online(True)
            self.last_sync = trusted
            self.synced.emit(trusted)
            self.refresh_library()

        self.call(lambda _: self.terminal.sync(), done)
