"""Buying insured tracks and receiving what the insurer delivers (FIG.13 (3)-(8)).

A delivered license package is verified against the pinned insurer key and opened with the policy key
before anything is kept as playable; the track file is fetched (resuming by HTTP Range) and checked
against the license's content key, so a file that does not belong to the license is never kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from player.errors import (
    BackendError,
    BackendRefusedError,
    BackendResponseError,
    DecisionRefusedError,
    IntegrityError,
    UsageError,
    WrongKeyError,
    WrongLicenseeError,
)
from player.language import translate
from player.protocol import container
from player.protocol.license_list import LicenseState
from player.protocol.package import LicensePackage, verify_package
from player.storage import Store
from player.storage.journal import Journal
from player.storage.records import TrackInfo
from player.terminal.account import Account
from player.terminal.album_facts import read_album_facts
from player.terminal.connection import Connection
from player.terminal.licenses import Licenses
from player.terminal.results import Preview
from player.transfer import Progress, decode_b64

if TYPE_CHECKING:
    from player.client import Client
    from player.protocol import api

PURCHASE = "purchase"  # journal kind
# Where to buy insured: through the insurer (FIG.3, front end) or at the provider's checkout (FIG.11).
BuyAt = Literal["insurer", "provider"]
NOT_OURS = "foreign_licenses"  # store setting: valid licenses of the user that this terminal cannot open


CLIP_MAGIC = {b"OggS": "audio/ogg", b"fLaC": "audio/flac"}  # what a preview may be, by its first bytes


class Purchases:
    def __init__(
        self, store: Store, connection: Connection, account: Account, licenses: Licenses, journal: Journal
    ) -> None:
        self._store = store
        self._journal = journal
        self._connection = connection
        self._account = account
        self._licenses = licenses

    def catalog(self, genre: str | None = None, query: str | None = None) -> list[api.CatalogEntry]:
        """Both providers' tracks, as the insurer lists them (online only)."""
        return self._connection.client().catalog(genre, query)

    def catalog_progress(self) -> api.CatalogProgress | None:
        """How far the insurer's catalog is from whole, or None when it is (online only). A bundled
        backend answers from its first second and prepares its catalog meanwhile, track by track."""
        return self._connection.client().health().catalog

    def preview(self, provider: str, content_id: str) -> Preview:
        """The provider's short clip of a track (online only), held in memory: never written here.

        The clip must be what its Content-Type says, by its first bytes, and one of the encodings this
        terminal asked for: a face hands the MIME to Qt's decoder, and a clip passed off as another kind
        (or a captive portal's HTML page) would fail there with a less telling error."""
        client = self._connection.client()
        said, data = client.preview(provider, content_id)
        sniffed = next((m for magic, m in CLIP_MAGIC.items() if data.startswith(magic)), None)
        if sniffed is None or sniffed != said:
            if sniffed is None:
                wrong = translate("Errors", "the preview of {content_id} is not audio this player reads")
            else:
                wrong = translate("Errors", "the preview of {content_id} is {sniffed} labelled {said}")
            raise BackendResponseError(
                wrong.format(content_id=repr(content_id), sniffed=sniffed, said=said or "—")
            )
        if said not in client.codecs:
            raise BackendResponseError(
                translate(
                    "Errors", "the preview of {content_id} came as {said}, which was not asked for"
                ).format(content_id=repr(content_id), said=said)
            )
        return Preview(content_id, said, data)

    def genres(self) -> list[str]:
        return sorted({c.genre for c in self.catalog() if c.genre})

    def buy(
        self, content_id: str, progress: Progress | None = None, *, at: BuyAt | None = None
    ) -> api.Purchase:
        """FIG.13 (3)-(8): buy insured, keep the package and the new policy, fetch the track, sync.

        Where: through the insurer (FIG.3) or at the provider's own checkout, which asks the insurer to
        insure the sale (FIG.11); `at` is "insurer", "provider", or None to follow the provider (through
        the insurer when it sells that way). Either way the same insured package arrives.

        Recorded in the journal first: buying again after a lost answer or an interrupted download is
        the same purchase (same key), which the insurer answers with the original license, uncharged."""
        body = {"policy_id": self._account.policy_id(), "content_id": content_id}
        provider = self.checkout_of(self._connection.client().catalog_entry(content_id), at)
        if provider is not None:
            body["provider"] = provider
        return self.replay(body, progress)

    @staticmethod
    def checkout_of(entry: api.CatalogEntry, at: BuyAt | None) -> str | None:
        """The provider whose checkout sells `entry` insured, or None to buy through the insurer."""
        sells = entry.configurations
        if at is None:
            return None if "front_end" in sells else entry.provider
        if at == "provider":
            if "back_end" not in sells:
                raise UsageError(
                    translate(
                        "Errors", "{provider_name} has no checkout of its own: buy through the insurer"
                    ).format(provider_name=entry.provider_name)
                )
            return entry.provider
        if "front_end" not in sells:
            raise UsageError(
                translate("Errors", "{provider_name} sells “{title}” at its own checkout only").format(
                    provider_name=entry.provider_name, title=entry.title
                )
            )
        return None

    def replay(self, body: dict[str, str], progress: Progress | None = None) -> api.Purchase:
        """The purchase `body` describes, under the journal's key for it (at the provider's checkout when
        it names one)."""
        with self._journal.request(PURCHASE, body) as key:
            client = self._connection.client()
            if "provider" in body:
                result = client.checkout(body["provider"], body["policy_id"], body["content_id"], key=key)
            else:
                result = client.purchase(body["policy_id"], body["content_id"], key=key)
            self._account.accept_policy(result.policy)
            self.receive(result.license, progress)
        self._licenses.sync()
        return result

    def receive(self, delivered: api.Delivered, progress: Progress | None = None) -> None:
        """Keep a delivered license package (verified) and make sure its track file is here."""
        raw = decode_b64(delivered.package, "license package")
        package = verify_package(raw, self._connection.insurer_key())
        if (package.license_id, package.content_id) != (delivered.license_id, delivered.content_id):
            raise IntegrityError(
                translate("Errors", "the insurer delivered a package for another license than it said")
            )
        # Opened before anything is kept: a package this terminal's policy key does not open (one issued
        # to the user's other machine after a recovery) is not ours to keep; its key checks the file.
        lic = self._account.unwrap(package)
        entry = self._connection.client().catalog_entry(delivered.content_id)
        info = TrackInfo(
            entry.content_id,
            lic.content_version,
            entry.title,
            entry.artist,
            entry.album,
            entry.genre,
            entry.provider,
            entry.duration_ms,
            entry.price,
            track_number=entry.track_number,
        )
        self._store.put_track_info(info)
        self._store.put_package(
            package.license_id, raw, package.content_id, package.policy_id, package.item_id
        )
        if delivered.download is None:  # the license alone (claim 32): the audio here stays, if it is
            self._keep_file(info, lic.content_key)
            return
        self.fetch_file(info, delivered.download.url, progress, content_key=lic.content_key)

    def _keep_file(self, info: TrackInfo, content_key: bytes) -> None:
        """After a license-only re-issue: the file here is kept when it opens with the new license. One
        missing or broken is left missing: the next sync fetches it from its provider (`repair`), or the
        insurer of its audio sends it again."""
        row = self._store.track(info.content_id)
        if row is None or row.path is None or row.info.version != info.version or not row.path.is_file():
            return
        if not self._intact(info.content_id, content_key):
            self._store.remove_track_file(info.content_id)

    def fetch_file(
        self,
        info: TrackInfo,
        url: str,
        progress: Progress | None = None,
        *,
        content_key: bytes | None = None,
        via: Client | None = None,
    ) -> Path:
        """Make sure the track's file is here: a file already held is kept when it checks out with
        `content_key` (a license can be lost while its file remains), else fetched again (resuming).
        With the key, the album facts are then read from the file's tags. `via`: the client of the
        insurer that sends it, when not this one's (claim 32: the insurer of the audio alone)."""
        row = self._store.track(info.content_id)
        if (
            row is not None
            and row.path is not None
            and row.info.version == info.version
            and row.path.is_file()
        ):
            if content_key is None or self._intact(info.content_id, content_key):
                if content_key is not None and not row.info.tagged:
                    read_album_facts(self._store, row.info, content_key)
                return row.path
            self._store.remove_track_file(info.content_id)  # corrupt: the insurer's copy replaces it
        with self._store.open_track_download(info.content_id, info.version) as sink:
            try:
                (via or self._connection.client()).download(url, sink, progress)
            except IntegrityError as e:  # refused at the door: what arrived is not (all) this track
                raise BackendResponseError(str(e)) from e
        path = self._store.finish_track_download(info)
        if content_key is not None:
            read_album_facts(self._store, info, content_key)
        return path

    def fetch_issued(self, progress: Progress | None = None) -> list[str]:
        """Keep every license the cached list calls valid that is not held here: one whose answer was
        lost, or one another of the user's terminals received. Returns the content IDs received; a
        license for a policy key this terminal no longer has is left (a recovery re-issues it)."""
        trusted = self._licenses.trusted()
        if trusted is None:
            return []
        held = {r.license_id for r in self._store.library() if r.package_present}
        foreign = set(json.loads(self._store.setting(NOT_OURS) or "[]"))
        received = []
        for entry in trusted.entries:
            if entry.state is not LicenseState.VALID or entry.license_id in held | foreign:
                continue
            delivered = self._connection.client().issued(entry.license_id)
            try:
                self.receive(delivered, progress)
            except (WrongKeyError, WrongLicenseeError):
                foreign.add(entry.license_id)  # not asked for again at every sync
                self._store.set_setting(NOT_OURS, json.dumps(sorted(foreign)))
                continue
            received.append(delivered.content_id)
        return received

    def repair(
        self,
        content_ids: Iterable[str] | None = None,
        progress: Progress | None = None,
        audio_insurer: Callable[[str], str | None] = lambda _: None,
    ) -> tuple[list[str], dict[str, str]]:
        """Fetch again, free, the files of tracks held under a license that may play: a lost or partial
        file needs no claim, since the license is intact and the content server sends the encrypted file
        to anyone. `content_ids` (a verify's missing and corrupt) are fetched unless their file checks
        out; None: every track whose file is missing (a cut-short download has no file yet). Returns
        the tracks repaired, and for each that could not be, why (a discontinued track: report it lost
        to choose an alternate, or, where `audio_insurer` names an insurer covering its audio alone, to
        have that insurer send it again)."""
        if content_ids is None:  # two directory listings, not a header read per track: runs every sync
            content_ids = [
                r.content_id for r in self._store.library() if r.path is None and r.package_present
            ]
        repaired, failed = [], {}
        for content_id in sorted(set(content_ids)):
            row = self._store.track(content_id)
            package = self._playable(content_id)
            if row is None or package is None:
                continue  # nothing held that may play: only a claim can help
            info = row.info
            url = f"/providers/{info.provider}/content/{content_id}?version={info.version}"
            try:
                self.fetch_file(info, url, progress, content_key=self._account.unwrap(package).content_key)
            except BackendRefusedError as e:  # discontinued, provider gone: the file will not come again
                insurer = audio_insurer(content_id)
                advice = (
                    translate("Errors", "{error}: report it lost to choose an alternate")
                    if insurer is None
                    else translate("Errors", "{error}: report it lost, and {insurer} sends its audio again")
                )
                failed[content_id] = advice.format(error=e, insurer=insurer)
                continue
            except BackendError as e:  # no answer: the rest would wait as long; next time
                failed[content_id] = str(e)
                break
            repaired.append(content_id)
        return repaired, failed

    def license_plays(self, content_id: str) -> bool:
        """Whether a license held here for the track may play it now (its package here, verified)."""
        return self._playable(content_id) is not None

    def file_intact(self, content_id: str) -> bool:
        """Whether the track's file is here and opens, all of it, with a license here that may play."""
        row, package = self._store.track(content_id), self._playable(content_id)
        if row is None or row.path is None or package is None or not row.path.is_file():
            return False
        return self._intact(content_id, self._account.unwrap(package).content_key)

    def take_resent(self, content_id: str, url: str, via: Client, progress: Progress | None = None) -> None:
        """Claim 32: the audio another insurer sent again, kept under the license that plays here."""
        row, package = self._store.track(content_id), self._playable(content_id)
        if row is None or package is None:
            raise UsageError(
                translate(
                    "Errors", "no license here plays {content_id}: report its license lost first"
                ).format(content_id=repr(content_id))
            )
        key = self._account.unwrap(package).content_key
        self.fetch_file(row.info, url, progress, content_key=key, via=via)
        if not self._intact(content_id, key):
            self._store.remove_track_file(content_id)
            raise IntegrityError(translate("Errors", "the audio sent again does not open with your license"))

    def presentable(self, content_id: str) -> tuple[str, bytes]:
        """The license of a track that plays here, as its licensor signed it (ID and XML): shown to another
        insurer to cover its audio (claim 32). An insured one is opened from its package; one bought
        without insurance from its sealed copy."""
        package = self._playable(content_id)
        if package is not None:
            return package.license_id, self._account.license_xml(package)
        for row in self._store.library():
            if row.content_id == content_id and not row.policy_id and row.package_present:
                lic, xml = self._account.open_direct(self._store.package_bytes(row.license_id))
                return lic.license_id, xml
        raise UsageError(
            translate("Errors", "no license here plays {content_id}").format(content_id=repr(content_id))
        )

    def _playable(self, content_id: str) -> LicensePackage | None:
        """The newest package held for the track that the license decision lets play, if any."""
        rows = [r for r in self._store.library() if r.content_id == content_id and r.package_present]
        for row in reversed(rows):
            try:
                package = verify_package(
                    self._store.package_bytes(row.license_id), self._connection.insurer_key()
                )
                self._licenses.decide(package)
            except DecisionRefusedError:
                continue
            return package
        return None

    def _intact(self, content_id: str, content_key: bytes) -> bool:
        """Every segment of the stored file authenticates under this key (one segment in memory at a time)."""
        try:
            with self._store.open_track(content_id) as f:
                container.ContainerReader(f, content_key, expect_content_id=content_id).verify_all()
        except IntegrityError:
            return False
        return True
