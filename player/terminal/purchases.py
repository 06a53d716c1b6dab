"""Buying insured tracks and receiving what the insurer delivers (FIG.13 (3)-(8)).

A delivered license package is verified against the pinned insurer key and opened with the policy key
before anything is kept as playable; the track file is fetched (resuming by HTTP Range) and checked
against the license's content key, so a file that does not belong to the license is never kept.
"""

from __future__ import annotations

from pathlib import Path

from player.client import Progress, decode_b64
from player.errors import BackendResponseError, IntegrityError
from player.protocol import api, container
from player.protocol.package import verify_package
from player.storage import Store
from player.storage.records import TrackInfo
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.terminal.licenses import Licenses


class Purchases:
    def __init__(self, store: Store, connection: Connection, account: Account, licenses: Licenses) -> None:
        self._store = store
        self._connection = connection
        self._account = account
        self._licenses = licenses

    def catalog(self, genre: str | None = None, query: str | None = None) -> list[api.CatalogEntry]:
        """Both providers' tracks, as the insurer lists them (online only)."""
        return self._connection.client().catalog(genre, query)

    def genres(self) -> list[str]:
        return sorted({c.genre for c in self.catalog() if c.genre})

    def buy(self, content_id: str, progress: Progress | None = None) -> api.Purchase:
        """FIG.13 (3)-(8): buy insured, keep the package and the new policy, fetch the track, sync."""
        policy_id = self._account.policy_id()
        result = self._connection.client().purchase(policy_id, content_id)
        self._account.accept_policy(result.policy)
        self.receive(result.license, progress)
        self._licenses.sync()
        return result

    def receive(self, delivered: api.Delivered, progress: Progress | None = None) -> None:
        """Keep a delivered license package (verified) and make sure its track file is here."""
        raw = decode_b64(delivered.package, "license package")
        package = verify_package(raw, self._connection.insurer_key())
        if (package.license_id, package.content_id) != (delivered.license_id, delivered.content_id):
            raise IntegrityError("the insurer delivered a package for another license than it said")
        entry = self._connection.client().catalog_entry(delivered.content_id)
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
        self._store.put_track_info(info)
        self._store.put_package(
            package.license_id, raw, package.content_id, package.policy_id, package.item_id
        )
        # Opening it here proves the delivered license is ours to play, and its key checks the file.
        content_key = self._account.unwrap(package).content_key
        self._download(info, delivered.download.url, progress, content_key=content_key)

    def _download(
        self,
        info: TrackInfo,
        url: str,
        progress: Progress | None = None,
        *,
        content_key: bytes | None = None,
    ) -> Path:
        """Make sure the track's file is here: a file already held is kept when it checks out with
        `content_key` (a license can be lost while its file remains), else fetched again (resuming)."""
        row = self._store.track(info.content_id)
        if (
            row is not None
            and row.path is not None
            and row.info.version == info.version
            and row.path.is_file()
        ):
            if content_key is None or self._intact(info.content_id, content_key):
                return row.path
            self._store.remove_track_file(info.content_id)  # corrupt: the insurer's copy replaces it
        with self._store.open_track_download(info.content_id, info.version) as sink:
            try:
                self._connection.client().download(url, sink, progress)
            except IntegrityError as e:  # refused at the door: what arrived is not (all) this track
                raise BackendResponseError(str(e)) from e
        return self._store.finish_track_download(info)

    def _intact(self, content_id: str, content_key: bytes) -> bool:
        """Every segment of the stored file authenticates under this key (one segment in memory at a time)."""
        try:
            with self._store.open_track(content_id) as f:
                container.ContainerReader(f, content_key, expect_content_id=content_id).verify_all()
        except IntegrityError:
            return False
        return True
