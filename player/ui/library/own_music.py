"""Keeping the library's own files in step with the user's folders while the window is open.

At start the places added earlier are looked at again (a file changed while the player was closed shows
changed); from then on their folders are watched (`FolderWatch`, inotify: one watch per folder) and a
burst of changes (a whole album copied in, a tag editor saving twenty files) is gathered for
`DEBOUNCE_MS` after the last event, at most `MAX_DELAY_MS` after the first, and scanned once. Scans run on
a worker of their own (`TaskRunner`), so a folder of ten thousand files neither freezes the window nor
holds up a play, a sync or a purchase on the session's worker; their progress comes back as signals.

The catalog is compared with the files' tags on the session's worker after each sync (`offers`): the
files never leave this computer, only the catalog comes in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from player.errors import PlayerError
from player.terminal import FolderWatch, LibraryEntry, MusicScan
from player.ui.kit.tasks import Progress, TaskRunner
from player.ui.session import UiSession

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


log = logging.getLogger(__name__)

DEBOUNCE_MS = 700  # quiet this long after the last change before a scan
MAX_DELAY_MS = 5000  # but never wait longer than this after the first (a copy that goes on and on)
PROGRESS_EVERY = 25  # files read between two progress reports (each crosses threads)


class OwnMusicKeeper(QObject):
    scanned = Signal(object, bool)  # MusicScan, and True when the user asked for it (say what it did)
    progressed = Signal(int, int)  # files read, of how many (a scan that reads tags)
    offers_changed = Signal(dict)  # own file ID -> CatalogEntry the store sells the same recording as
    failed = Signal(object)  # PlayerError: adding or removing music failed
    went_away = Signal(list)  # list[Path]: places that could be reached before and cannot now
    not_watched = Signal(int)  # how many folders the system would not watch (its limit reached), once

    def __init__(self, session: UiSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = TaskRunner(self)
        self.offers: dict[str, CatalogEntry] = {}
        self.scanning = False
        self.watch: FolderWatch | None = None
        self._notifier: QSocketNotifier | None = None
        self._pending: set[Path] = set()
        self._everything = False  # the watch lost events: look at every place
        self._unavailable: set[Path] = set()
        self._said_refused = False
        self._seen_once = False  # the first look at start says nothing of what was already away
        self._closed = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(DEBOUNCE_MS)
        self._quiet.timeout.connect(self._flush)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(MAX_DELAY_MS)
        self._longest.timeout.connect(self._flush)
        self._offered_for: frozenset[str] = frozenset()  # the own files the offers were found for
        session.synced.connect(lambda _status: self.find_offers())
        session.library_changed.connect(self._library_changed)

    # --- what the window asks --------------------------------------------------------------------

    def start(self) -> None:
        """Look at every place again, then watch them."""
        try:
            self.watch = FolderWatch()
        except PlayerError as e:  # no inotify: changes show at the next start
            # log.log, not log.warning: the translation check takes `warning(...)` for a message box
            log.log(logging.WARNING, "own music is not watched: %s", e)
        else:
            self._notifier = QSocketNotifier(self.watch.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._watch_fired)
        self._scan(None, asked=False)

    def add(self, paths: list[Path]) -> None:
        """Add folders and files (the File menu, a drop on the window); `scanned(…, True)` says how."""
        own = self.session.terminal.own_music
        self._run(lambda progress: own.add(paths, progress), asked=True)

    def remove(self, path: Path) -> None:
        own = self.session.terminal.own_music

        self._run(lambda _: MusicScan(0, 0, own.remove(path)), asked=True, progress=False)

    def find_offers(self) -> None:
        """Which own files the store sells the same recording of, insured (after each sync: the catalog
        may have changed). Nothing is asked while offline or when there are no own files."""
        terminal = self.session.terminal
        self._offered_for = _own_ids(self.session.library)
        if self._closed or not self.session.online or not self._offered_for:
            return

        def work(_: Progress) -> dict[str, CatalogEntry]:
            return terminal.own_music.offers(terminal.purchases.catalog())

        self.session.call(work, self._offers_found, lambda _e: None)  # no offers is no message

    def close(self) -> None:
        self._closed = True
        self._quiet.stop()
        self._longest.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.tasks.wait()
        if self.watch is not None:
            self.watch.close()

    # --- scanning ----------------------------------------------------------------------------------

    def _scan(self, within: set[Path] | None, *, asked: bool) -> None:
        own = self.session.terminal.own_music
        folders = None if within is None else sorted(within)
        self._run(lambda progress: own.rescan(folders, progress), asked=asked)

    def _run(
        self, scan: Callable[[Progress | None], MusicScan], *, asked: bool, progress: bool = True
    ) -> None:
        if self._closed:
            return
        own = self.session.terminal.own_music
        self.scanning = True

        def work(report: Progress) -> tuple[MusicScan, list[Path]]:
            def throttled(done: int, total: int) -> None:
                if done == total or done % PROGRESS_EVERY == 0:
                    report(done, total)

            return scan(throttled if progress else None), own.watched()

        def done(result: tuple[MusicScan, list[Path]]) -> None:
            self.scanning = False
            found, watched = result
            if self._closed:
                return
            if self.watch is not None:
                self.watch.watch(watched)
                if self.watch.refused and not self._said_refused:
                    self._said_refused = True
                    self.not_watched.emit(len(self.watch.refused))
            unavailable = set(found.unavailable)
            if found.changed or asked or unavailable != self._unavailable:
                self.session.refresh_library()
            newly = sorted(unavailable - self._unavailable)
            self._unavailable = unavailable
            self.scanned.emit(found, asked)
            if newly and not asked and self._seen_once:
                self.went_away.emit(newly)
            self._seen_once = True

        def failed(error: PlayerError) -> None:
            self.scanning = False
            if asked:
                self.failed.emit(error)
            else:
                log.log(logging.WARNING, "own music not scanned: %s", error)  # for developers

        self.tasks.run(work, done, failed, self.progressed.emit)

    # --- the watch ---------------------------------------------------------------------------------

    def _watch_fired(self) -> None:
        if self.watch is None:
            return
        changed = self.watch.changes()
        if changed is None:
            self._everything = True
        elif not changed:
            return
        else:
            self._pending |= changed
        self._quiet.start()  # again: DEBOUNCE_MS after the last change
        if not self._longest.isActive():
            self._longest.start()

    def _flush(self) -> None:
        self._quiet.stop()
        self._longest.stop()
        if not self._pending and not self._everything:
            return
        within = None if self._everything else set(self._pending)
        self._pending.clear()
        self._everything = False
        self._scan(within, asked=False)

    def _library_changed(self, entries: list[LibraryEntry]) -> None:
        """Own files came or went: look for their offers again (the catalog is asked, not told)."""
        if _own_ids(entries) != self._offered_for:
            self.find_offers()

    def _offers_found(self, offers: dict[str, CatalogEntry]) -> None:
        if offers != self.offers:
            self.offers = offers
            self.offers_changed.emit(offers)


def _own_ids(entries: list[LibraryEntry]) -> frozenset[str]:
    return frozenset(e.row.license_id for e in entries if e.own is not None)
