"""The library: every license the terminal holds, what the cached list says of each, and the integrity
scan of the track files (the storage medium 45 as the user sees it). No network here."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from player import words
from player.bulk import paused_collection
from player.errors import DecisionRefusedError, IntegrityError, ListExpiredError, PlayerError, UsageError
from player.language import QT_TRANSLATE_NOOP, translate
from player.protocol import container
from player.protocol.license_list import InvalidationReason, LicenseState
from player.protocol.package import verify_package
from player.storage import Store
from player.storage.records import FileState, LibraryRow, TrackInfo
from player.terminal.account import Account
from player.terminal.album_facts import read_album_facts
from player.terminal.connection import Connection
from player.terminal.licenses import Licenses
from player.terminal.results import IntegrityReport, LibraryEntry, LibraryState
from player.terminal.results import LibraryEntry as _Entry

if TYPE_CHECKING:
    from player.playback.tags import Cover

_NO_LIST = QT_TRANSLATE_NOOP("Errors", "no license list cached yet: connect to the insurer once")
_NOT_IN_LIST = QT_TRANSLATE_NOOP(
    "Errors", "not in the cached license list: it is asked of the insurer when online"
)


def _linked(entries: list[LibraryEntry]) -> list[LibraryEntry]:
    """Each invalid license with the copy here that replaced it: the usable license under the same
    insured item (a re-issue, an alternate or an upgrade keeps the item), or, for a purchase insured
    later, the insured license of the same track. Only the few invalid licenses are looked up: the
    usable ones are gathered for the items and tracks those name, not for the whole library."""
    invalid = [e for e in entries if e.state is LibraryState.INVALID]
    if not invalid:
        return entries
    items = {e.row.item_id for e in invalid if e.row.policy_id}
    later = InvalidationReason.INSURED_AFTER_PURCHASE.value
    tracks = {e.row.content_id for e in invalid if not e.row.policy_id and e.reason == later}
    usable = [
        e
        for e in entries
        if (e.row.item_id in items or e.row.content_id in tracks)
        and e.state is not LibraryState.INVALID
        and e.row.policy_id
    ]
    by_item = {(e.row.policy_id, e.row.item_id): e for e in usable}
    by_content = {e.row.content_id: e for e in usable}
    linked = []
    for e in entries:
        head = None
        if e.state is LibraryState.INVALID:
            if e.row.policy_id:
                head = by_item.get((e.row.policy_id, e.row.item_id))
            elif e.reason == later:
                head = by_content.get(e.row.content_id)
        linked.append(replace(e, replaced_by=head.row.license_id) if head is not None else e)
    return linked


class Library:
    def __init__(self, store: Store, connection: Connection, account: Account, licenses: Licenses) -> None:
        self._store = store
        self._connection = connection
        self._account = account
        self._licenses = licenses
        self._facts_tried: set[str] = set()  # content IDs whose tags were read (or tried) this session

    def entries(self) -> list[LibraryEntry]:
        """Every license the terminal knows, with the cached list's verdict (no network)."""
        with paused_collection():  # 100,000 rows and entries, no cycle among them
            return self._entries()

    def _entries(self) -> list[LibraryEntry]:
        rows = self._store.library()
        LibraryEntry = partial(_Entry, insurer=self._connection.insurer_name())
        try:
            trusted = self._licenses.trusted()
        except PlayerError as e:
            code = e.code if isinstance(e, DecisionRefusedError) else "list_unusable"
            return [LibraryEntry(r, LibraryState.UNKNOWN, code, None, str(e)) for r in rows]
        if trusted is None:
            return [
                LibraryEntry(r, LibraryState.VALID)
                if not r.policy_id
                else LibraryEntry(r, LibraryState.UNKNOWN, "no_list", None, translate("Errors", _NO_LIST))
                for r in rows
            ]
        # What play would decide offline: a list that ran out vouches for no license any more (an
        # invalidation it records stays final); online, play refreshes it first.
        ran_out: ListExpiredError | None = None
        try:
            trusted.require_current(self._licenses.now(), online=self._connection.online)
        except ListExpiredError as e:
            ran_out = e
        lookup, valid, out = trusted.by_id.get, LicenseState.VALID, []
        for row in rows:
            entry = lookup(row.license_id)
            if entry is not None and entry.state is valid and (ran_out is None or not row.policy_id):
                out.append(LibraryEntry(row, LibraryState.VALID))  # the list's word (or the licensor's)
            elif not row.policy_id and entry is None:
                out.append(LibraryEntry(row, LibraryState.VALID))  # uninsured: its licensor's word (FIG.15)
            elif entry is None:
                out.append(
                    LibraryEntry(
                        row, LibraryState.UNKNOWN, "not_in_list", None, translate("Errors", _NOT_IN_LIST)
                    )
                )
            elif entry.state is valid and ran_out is not None:
                out.append(LibraryEntry(row, LibraryState.UNKNOWN, ran_out.code, None, str(ran_out)))
            else:  # FIG.7: reason and date of invalidation
                reason = entry.reason.value if entry.reason else "invalidated"
                detail = words.reason(entry.reason, entry.invalidated_at)
                out.append(LibraryEntry(row, LibraryState.INVALID, reason, entry.invalidated_at, detail))
        return _linked(out)

    def resolve(self, content_or_license_id: str) -> LibraryRow:
        """A license ID, or a content ID (its newest license the list calls valid, else its newest)."""
        rows = [e for e in self.entries() if content_or_license_id in (e.row.license_id, e.row.content_id)]
        if not rows:
            raise UsageError(
                translate("Errors", "no track or license {content_or_license_id} in your library").format(
                    content_or_license_id=repr(content_or_license_id)
                )
            )
        valid = [e for e in rows if e.state is LibraryState.VALID]
        return (valid or rows)[-1].row

    def track_info(self, content_id: str) -> TrackInfo | None:
        """What the catalog said of a track when it was bought; None for a track never held."""
        row = self._store.track(content_id)
        return None if row is None else row.info

    def file_path(self, content_id: str) -> Path | None:
        """Where the track's encrypted file is; None when it is missing."""
        return self._store.track_path(content_id)

    def fill_album_facts(self, limit: int | None = None) -> tuple[int, bool]:
        """Read the tags of held tracks whose album facts were never read (a library kept from before they
        were), at most `limit` of them; returns how many were read and whether more are left. Run in the
        background, a batch at a time, so a play is never queued behind a whole library's tags. A track
        tried once this session (its file damaged, say) is not tried again until the next."""
        todo = [
            t
            for t in self._store.tracks()
            if not t.info.tagged and t.path is not None and t.info.content_id not in self._facts_tried
        ]
        batch = todo if limit is None else todo[:limit]
        keys = self._content_keys({t.info.content_id for t in batch}) if batch else {}
        read = 0
        for track in batch:
            self._facts_tried.add(track.info.content_id)
            key = keys.get((track.info.content_id, track.info.version))
            if key is not None and read_album_facts(self._store, track.info, key).tagged:
                read += 1
        return read, len(todo) > len(batch)

    def covers(self, content_ids: set[str]) -> dict[str, Cover | None]:
        """The covers embedded in held tracks' tags (None where a track has none, or its file or license
        is not here): read from the decrypted tags in memory, for the browser's album pictures."""
        from player.playback.tags import cover_art  # mutagen: only once a cover is wanted

        keys = self._content_keys(set(content_ids))
        found: dict[str, Cover | None] = {}
        for content_id in content_ids:
            row = self._store.track(content_id)
            key = None if row is None else keys.get((content_id, row.info.version))
            found[content_id] = None
            if key is None or row is None or row.path is None:
                continue
            try:
                with self._store.open_track(content_id) as f:
                    found[content_id] = cover_art(
                        container.ContainerReader(f, key, expect_content_id=content_id)
                    )
            except PlayerError:
                pass  # a damaged file has no cover to show; the integrity scan is what reports it
        return found

    def cover(self, content_id: str) -> Cover | None:
        return self.covers({content_id})[content_id]

    def _content_keys(self, content_ids: set[str] | None = None) -> dict[tuple[str, int], bytes]:
        """(content ID, version) -> content key, from the license packages held (of `content_ids` only,
        when given); a package that does not open here is passed over."""
        keys: dict[tuple[str, int], bytes] = {}
        for row in self._store.library():
            if not row.package_present or (content_ids is not None and row.content_id not in content_ids):
                continue
            try:
                raw = self._store.package_bytes(row.license_id)
                if row.policy_id:
                    lic = self._account.unwrap(verify_package(raw, self._connection.insurer_key()))
                else:
                    lic, _ = self._account.open_direct(raw)
            except PlayerError:
                continue
            # A track's licenses may be for different versions ([0048]): check a file with its own.
            keys.setdefault((lic.content_id, lic.content_version), lic.content_key)
        return keys

    def verify(self) -> IntegrityReport:
        """Missing and corrupt tracks; every segment of each file is checked, one at a time in memory."""
        missing, corrupt, ok = [], [], 0
        keys = self._content_keys()
        for status in self._store.scan_files():
            key = keys.get((status.content_id, status.version or 0))
            if status.state is FileState.MISSING:
                missing.append(status.content_id)
            elif status.state is FileState.DAMAGED:
                corrupt.append(status.content_id)
            elif key is not None:  # without a key to check it with, the file is not judged
                try:
                    with self._store.open_track(status.content_id) as f:
                        container.ContainerReader(f, key).verify_all()
                    ok += 1
                except IntegrityError:
                    corrupt.append(status.content_id)
        return IntegrityReport(sorted(missing), sorted(corrupt), ok)
