"""Opening a track for its play (FIG.10 (1)-(6)): the one path every face takes, ahead of time or not.

Decide on the cached list (asking the insurer when it must), open the license with the policy key,
check it (its own usage period, this user, this content), open the container over the file, decrypt
its first segments (so the playback engine's format probe reads copies), and read the cover and the
ReplayGain from the decrypted tags. Everything stays in memory; the caller owns the result and closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from player.errors import PlayerError
from player.license_decision import check_license
from player.protocol import container
from player.protocol.package import LicensePackage, verify_package
from player.storage import Store
from player.storage.records import LibraryRow
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.terminal.library import Library
from player.terminal.licenses import Licenses
from player.terminal.results import OpenedTrack


class Opener:
    def __init__(
        self,
        store: Store,
        connection: Connection,
        account: Account,
        licenses: Licenses,
        library: Library,
        clock: Callable[[], datetime],
    ) -> None:
        self._store = store
        self._connection = connection
        self._account = account
        self._licenses = licenses
        self._library = library
        self._now = clock

    def open(self, content_or_license_id: str) -> OpenedTrack:
        from player.playback.tags import read_tags  # mutagen: only once something is played

        row = self._row(content_or_license_id)
        raw = self._store.package_bytes(row.license_id)
        package: LicensePackage | None = None
        if row.policy_id:
            package = verify_package(raw, self._connection.insurer_key())
            allowed = self._licenses.decide(package)
            lic = self._account.unwrap(package)
        else:  # bought without insurance (FIG.15): its licensor's signature, unless the list replaced it
            allowed = self._licenses.decide_uninsured(row.license_id, row.content_id)
            lic, _ = self._account.open_direct(raw)
        check_license(lic, package, user_id=self._account.user_id, now=self._now())
        f = self._store.open_track(row.content_id)
        try:
            reader = container.ContainerReader(f, lic.content_key, expect_content_id=lic.content_id)
            tags = read_tags(reader)
            reader.warm()
        except PlayerError:
            f.close()
            raise
        return OpenedTrack(
            row.license_id,
            row.content_id,
            lic,
            package,
            allowed,
            reader,
            f,
            reader.header.mime,
            row.title,
            row.artist,
            row.album,
            row.duration_ms,
            tags.cover,
            tags.replaygain,
        )

    def _row(self, content_or_license_id: str) -> LibraryRow:
        """The library row to play. A license ID names its row: the cached list's verdict on every row
        (which `Library.resolve` works out to pick among a content ID's licenses, and which reads the
        list's mark from the keyring) is not needed for it, and the decision below reads the list anyway."""
        row = self._store.library_row(content_or_license_id)
        return row if row is not None else self._library.resolve(content_or_license_id)

    def recheck(self, track: OpenedTrack) -> None:
        """FIG.10 (5) again for a track opened a while ago, without I/O: its license's own period may
        have ended since (raises `OutsideUsagePeriodError`). The list-based half is the caller's to
        keep current: a track opened ahead must be dropped when the cached list changes."""
        check_license(track.license, track.package, user_id=self._account.user_id, now=self._now())
