"""Buying without insurance at the provider, and insuring it later (FIG.15).

(1)-(2): the terminal buys the license straight from the licensor; it is kept sealed to this computer's
device key (`player.protocol.direct`), its track downloaded, and it plays on its own licensor's
signature: the insurer has never heard of it, so the license list does not name it, and only an entry
that invalidates it (once it was insured) stops it. (5)-(9): later the terminal presents such licenses
to the insurer, which has each licensor confirm it issued them and answers, per license, an insured
license package (its track is the same content version, so the file already here opens with it and is
not downloaded again) or a refusal with its reason. Both requests go through the journal, so a lost
answer is asked again under the same key and charged once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from player.errors import DecisionRefusedError, IntegrityError, UsageError, WrongLicenseeError
from player.language import translate
from player.protocol.canonical import b64e
from player.protocol.direct import seal_direct
from player.protocol.license import License, verify_license
from player.protocol.license_list import LicenseState
from player.storage import KeyStore, Store
from player.storage.journal import Journal
from player.storage.records import LibraryRow, TrackInfo
from player.terminal.account import Account
from player.terminal.connection import Connection
from player.terminal.licenses import Licenses
from player.terminal.purchases import Purchases
from player.transfer import Progress, decode_b64

if TYPE_CHECKING:
    from player.protocol import api

DIRECT_PURCHASE = "direct_purchase"  # journal kinds
INSURE_EXISTING = "insure_existing"


@dataclass(frozen=True)
class InsureOutcome:
    """What became of one license presented to be insured (`outcome` "insured" or "refused")."""

    license_id: str
    content_id: str | None
    outcome: str
    new_license_id: str | None = None
    reason: str = ""
    premium: int | None = None


class InsureLater:
    def __init__(
        self,
        store: Store,
        keys: KeyStore,
        connection: Connection,
        account: Account,
        licenses: Licenses,
        purchases: Purchases,
        journal: Journal,
    ) -> None:
        self._store = store
        self._keys = keys
        self._connection = connection
        self._account = account
        self._licenses = licenses
        self._purchases = purchases
        self._journal = journal

    # --- (1)-(2): buy at the licensor, uninsured -----------------------------------------------------

    def buy(self, content_id: str, progress: Progress | None = None) -> api.DirectLicense:
        """Buy the track from its provider without insurance: no premium, and no claim covers it."""
        self._account.require_sign_in()
        entry = self._connection.client().catalog_entry(content_id)
        return self.replay({"provider": entry.provider, "content_id": content_id}, progress)

    def replay(self, body: dict[str, str], progress: Progress | None = None) -> api.DirectLicense:
        with self._journal.request(DIRECT_PURCHASE, body) as key:
            sold = self._connection.client().direct_purchase(body["provider"], body["content_id"], key=key)
            self._keep(sold, progress)
        return sold

    def _keep(self, sold: api.DirectLicense, progress: Progress | None) -> None:
        xml = decode_b64(sold.license_xml, "license")
        lic = verify_license(xml, self._connection.licensor_keys())
        if (lic.license_id, lic.content_id) != (sold.license_id, sold.content_id):
            raise IntegrityError(
                translate("Errors", "the provider sold a license for another track than it said")
            )
        if lic.licensee != self._account.user_id:
            raise WrongLicenseeError(
                translate("Errors", "the provider issued license {license_id} to someone else").format(
                    license_id=repr(lic.license_id)
                )
            )
        if sold.download is None:
            raise IntegrityError(translate("Errors", "the provider did not say where the track is"))
        user_id = self._account.require_sign_in()
        doc = seal_direct(xml, lic, self._keys.device_key(user_id).public_key())
        entry = self._connection.client().catalog_entry(lic.content_id)
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
        self._store.put_package(lic.license_id, doc, lic.content_id, "", "")
        self._purchases.fetch_file(info, sold.download.url, progress, content_key=lic.content_key)

    # --- (5)-(9): insure what was bought uninsured -----------------------------------------------------

    def uninsured(self) -> list[LibraryRow]:
        """Licenses held that no insurance covers and that the list has not replaced."""
        trusted = self._licenses.trusted()

        def replaced(license_id: str) -> bool:
            entry = trusted.entry(license_id) if trusted is not None else None
            return entry is not None and entry.state is LicenseState.INVALID

        return [r for r in self._store.library() if not r.policy_id and not replaced(r.license_id)]

    def premiums(self, license_ids: list[str]) -> dict[str, int]:
        """What insuring each would cost now (the catalog's premium for its track), by license ID."""
        rows = {r.license_id: r for r in self._store.library()}
        client = self._connection.client()
        return {lid: client.catalog_entry(rows[lid].content_id).premium for lid in license_ids if lid in rows}

    def insure(self, license_ids: list[str] | None, progress: Progress | None = None) -> list[InsureOutcome]:
        """Insure the given licenses (None: every uninsured one) under the user's policy."""
        rows = {r.license_id: r for r in self.uninsured()}
        wanted = sorted(rows) if license_ids is None else license_ids
        for lid in wanted:
            if lid not in rows:
                raise UsageError(
                    translate(
                        "Errors", "{lid} is not a license bought without insurance in your library"
                    ).format(lid=repr(lid))
                )
        # A license that does not open here as its licensor's, issued to this user, is not presented.
        refused, presentable = [], []
        for lid in wanted:
            try:
                self.open(lid)
            except (IntegrityError, DecisionRefusedError) as e:
                refused.append(InsureOutcome(lid, rows[lid].content_id, "refused", reason=str(e)))
                continue
            presentable.append(lid)
        if not presentable:
            return refused
        body = {"policy_id": self._account.policy_id(), "license_ids": presentable}
        return refused + self.replay_insure(body, progress)

    def replay_insure(self, body: dict[str, Any], progress: Progress | None = None) -> list[InsureOutcome]:
        """The request `body` describes, under the journal's key for it. The journal keeps license IDs
        only: a license's XML holds its content key, so it is read from its sealed copy at each send."""
        presented = [b64e(self.open(lid)[1]) for lid in body["license_ids"]]
        with self._journal.request(INSURE_EXISTING, body) as key:
            result = self._connection.client().insure_existing(body["policy_id"], presented, key=key)
            self._account.accept_policy(result.policy)
            outcomes = []
            for delivered in result.licenses:
                self._purchases.receive(delivered, progress)  # the file here checks out: not fetched again
                outcomes.append(
                    InsureOutcome(
                        delivered.replaces or "",
                        delivered.content_id,
                        "insured",
                        delivered.license_id,
                        premium=delivered.premium,
                    )
                )
            outcomes += [
                InsureOutcome(r.license_id, r.content_id, "refused", reason=r.reason) for r in result.refused
            ]
        self._licenses.sync()
        return outcomes

    def open(self, license_id: str) -> tuple[License, bytes]:
        """The verified licensor's license of an uninsured track held here, and its XML."""
        return self._account.open_direct(self._store.package_bytes(license_id))
