"""What the player asks of the network: the insurer's API and the providers' content servers.

Every exchange has one deadline, retries included, and every answer a size limit for its kind
(`player.transfer`, docs/protocol.md "Limits"): a silent, dripping or endless server cannot hold or
swamp the player. Every answer is parsed into a strict model (`player.protocol.api`), and every failure
becomes a `PlayerError`: unreachable, too slow or nonsense -> `BackendError` (exit 4), a refusal under
the guarantee conditions -> `ClaimRefusedError` (exit 6), any other "no" -> `BackendRefusedError`.
POSTs that charge or count carry an Idempotency-Key and are retried once on a dropped connection with
the same key, so a retry never charges twice. Redirects are not followed: the insurer never sends one.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol, Self

from pydantic import TypeAdapter

from player import transfer
from player.errors import BackendResponseError, BackendUnreachableError
from player.exchanges import Exchanges
from player.language import translate
from player.protocol import api, history_api, insurers_api
from player.transfer import Progress

ACCEPTED_CODECS = ("audio/flac", "audio/ogg", "audio/mpeg")  # [0050]: what QtMultimedia's FFmpeg decodes


LOSSY = ("audio/ogg", "audio/mpeg", "audio/opus")  # compressed encodings: a preview prefers them


class Client(Exchanges):
    """A connection to one backend. Not thread-safe: give each worker thread its own (`copy()`).

    `codecs` ([0050]): the MIME types this terminal decodes, best first; stated with every download, claim,
    recovery, alternates search and choice, so what comes back is something it can play."""

    codecs: tuple[str, ...] = ACCEPTED_CODECS

    def copy(self) -> Self:
        twin = super().copy()
        twin.codecs = self.codecs
        return twin

    # --- accounts and identity --------------------------------------------------------------------

    def identity(self) -> api.InsurerIdentity:
        return self._json(api.InsurerIdentity, "GET", "/api/v1/insurer")

    def insurers(self) -> list[insurers_api.InsurerListing]:
        """The insurers the backend hosts, the one at its root first."""
        return self._json(insurers_api.InsurerDirectory, "GET", "/api/v1/insurers").insurers

    def sign_up(self, username: str, password: str, identity: str | None = None) -> api.Account:
        body = {"username": username, "password": password} | ({"identity": identity} if identity else {})
        return self._json(api.Account, "POST", "/api/v1/accounts", json=body)

    def sign_in(self, username: str, password: str) -> api.Session:
        session = self._json(
            api.Session, "POST", "/api/v1/sessions", json={"username": username, "password": password}
        )
        self.token = session.token
        return session

    def sign_out(self) -> None:
        """End this session at the insurer: the token stops working everywhere at once."""
        self._exchange("DELETE", "/api/v1/sessions/current", transfer.JSON_ANSWER)
        self.token = None

    def me(self) -> api.Account:
        return self._json(api.Account, "GET", "/api/v1/me")

    # --- policies and purchases -------------------------------------------------------------------

    def terms(self) -> api.Terms:
        return self._json(api.Terms, "GET", "/api/v1/policies/terms")

    def take_out_policy(
        self, public_key_b64: str, *, check_every_play: bool = False, coverage: str = "full"
    ) -> api.PolicyDoc:
        body: dict[str, Any] = {
            "public_key": public_key_b64,
            "accept_terms": True,
            "check_every_play": check_every_play,
        }
        if coverage != "full":  # left out otherwise: the request of old, which every backend takes
            body["coverage"] = coverage
        return self._json(api.PolicyDoc, "POST", "/api/v1/policies", idem=_key(), json=body)

    def policies(self) -> list[api.PolicyDoc]:
        return self._json_list(TypeAdapter(list[api.PolicyDoc]), "/api/v1/policies")

    def history(self, policy_id: str) -> history_api.History:
        return self._json(history_api.History, "GET", f"/api/v1/policies/{policy_id}/history")

    def rekey(self, policy_id: str, public_key_b64: str) -> api.PolicyDoc:
        return self._json(
            api.PolicyDoc,
            "POST",
            f"/api/v1/policies/{policy_id}/rekey",
            idem=_key(),
            json={"public_key": public_key_b64},
        )

    def purchase(self, policy_id: str, content_id: str, *, key: str | None = None) -> api.Purchase:
        return self._json(
            api.Purchase,
            "POST",
            "/api/v1/purchases",
            idem=key or _key(),
            json={"policy_id": policy_id, "content_id": content_id},
        )

    def checkout(
        self, provider: str, policy_id: str, content_id: str, *, key: str | None = None
    ) -> api.Purchase:
        """FIG.11: buy insured at the provider's own checkout, which asks the insurer to insure the sale."""
        return self._json(
            api.Purchase,
            "POST",
            f"/providers/{provider}/checkout",
            idem=key or _key(),
            json={"policy_id": policy_id, "content_id": content_id},
        )

    def direct_purchase(self, provider: str, content_id: str, *, key: str | None = None) -> api.DirectLicense:
        return self._json(
            api.DirectLicense,
            "POST",
            f"/providers/{provider}/direct-purchases",
            idem=key or _key(),
            json={"content_id": content_id},
        )

    def insure_existing(
        self, policy_id: str, licenses_b64: list[str], *, key: str | None = None
    ) -> api.InsuredExisting:
        return self._json(
            api.InsuredExisting,
            "POST",
            f"/api/v1/policies/{policy_id}/insure-existing",
            idem=key or _key(),
            json={"licenses": licenses_b64},
        )

    def receipts(self) -> list[api.ReceiptDoc]:
        """Claim 30: every receipt the insurer keeps for the signed-in user, oldest first."""
        return self._json_list(TypeAdapter(list[api.ReceiptDoc]), "/api/v1/receipts")

    def shared_about_me(self) -> list[insurers_api.SharedAboutYou]:
        """[0040]: what the insurers of the exchange hold about the signed-in user, oldest first."""
        adapter = TypeAdapter(list[insurers_api.SharedAboutYou])
        return self._json_list(adapter, "/api/v1/exchange/about-me")

    # --- catalog ----------------------------------------------------------------------------------

    def catalog(self, genre: str | None = None, query: str | None = None) -> list[api.CatalogEntry]:
        params = {k: v for k, v in (("genre", genre), ("q", query)) if v}
        return self._json_list(TypeAdapter(list[api.CatalogEntry]), "/api/v1/catalog", params=params)

    def health(self) -> api.Health:
        return self._json(api.Health, "GET", "/healthz")

    def catalog_entry(self, content_id: str) -> api.CatalogEntry:
        return self._json(api.CatalogEntry, "GET", f"/api/v1/catalog/{content_id}")

    def providers(self) -> list[api.ProviderState]:
        return self._json_list(TypeAdapter(list[api.ProviderState]), "/api/v1/providers")

    def cover(self, content_id: str) -> bytes:
        return self._bytes(f"/api/v1/catalog/{content_id}/cover", transfer.COVER)

    def preview(self, provider: str, content_id: str) -> tuple[str, bytes]:
        """The content server's short clip of a track and the MIME type it says it is (its
        Content-Type), in an encoding this terminal decodes: a compressed one first when it decodes
        one, since a clip is heard once (Ogg is a seventh of FLAC's size for the same 15 s)."""
        lossy = [c for c in self.codecs if c in LOSSY]
        ordered = [*lossy, *(c for c in self.codecs if c not in LOSSY)]
        return self._typed_bytes(
            f"/providers/{provider}/preview/{content_id}",
            transfer.PREVIEW,
            params={"codecs": ",".join(ordered)},
        )

    # --- license control --------------------------------------------------------------------------

    def license_list(self, since: int | None = None) -> bytes:
        """The signed list (full, or a delta after version `since`): exact bytes, for the verifier."""
        params = {"since": since} if since is not None else None
        return self._bytes("/api/v1/license-list", transfer.LICENSE_LIST, params=params)

    def issued(self, license_id: str) -> api.Delivered:
        """A license the insurer issued to this user, delivered again (package and download)."""
        return self._json(api.Delivered, "GET", f"/api/v1/licenses/{license_id}")

    def validity(self, license_id: str) -> bytes:
        return self._bytes(f"/api/v1/license-list/{license_id}", transfer.VALIDITY)

    # --- re-distribution --------------------------------------------------------------------------

    def claim(
        self,
        policy_id: str,
        license_ids: list[str] | None,
        *,
        kind: str = "loss",
        genre: str | None = None,
        key: str | None = None,
    ) -> api.Claim:
        body: dict[str, Any] = {
            "policy_id": policy_id,
            "kind": kind,
            "genre": genre,
            "codecs": list(self.codecs),
        }
        body.update({"all": True} if license_ids is None else {"license_ids": license_ids})
        return self._json(api.Claim, "POST", "/api/v1/claims", idem=key or _key(), json=body)

    def claim_status(self, claim_id: str) -> api.Claim:
        return self._json(api.Claim, "GET", f"/api/v1/claims/{claim_id}")

    def alternates(self, claim_id: str, item_id: str, genre: str | None = None) -> list[api.Alternate]:
        return self._json_list(
            TypeAdapter(list[api.Alternate]),
            f"/api/v1/claims/{claim_id}/items/{item_id}/alternates",
            params={"codecs": ",".join(self.codecs)} | ({"genre": genre} if genre else {}),
        )

    def choose(self, claim_id: str, item_id: str, alternate_id: str, *, key: str | None = None) -> api.Choice:
        return self._json(
            api.Choice,
            "POST",
            f"/api/v1/claims/{claim_id}/items/{item_id}/choice",
            idem=key or _key(),
            json={"alternate_id": alternate_id, "codecs": list(self.codecs)},
        )

    def upgrades(self) -> list[api.UpgradeOffer]:
        return self._json_list(TypeAdapter(list[api.UpgradeOffer]), "/api/v1/upgrades")

    def upgrade(self, license_id: str, *, key: str | None = None) -> api.Upgrade:
        return self._json(
            api.Upgrade, "POST", "/api/v1/upgrades", idem=key or _key(), json={"license_id": license_id}
        )

    # --- content servers --------------------------------------------------------------------------

    def download(
        self,
        url: str,
        sink: Sink,
        progress: Progress | None = None,
        codecs: tuple[str, ...] | None = None,
    ) -> str:
        """Fetch an encrypted container into `sink`, resuming after the `sink.size` bytes it holds
        (HTTP Range). Returns the MIME type the server chose ([0050]). The store verifies and files the
        finished file, and refuses more bytes than its header declares; a dropped connection leaves what
        arrived to resume from next time. No deadline: a download ends when nothing arrives for `stall`.
        """
        have = sink.size
        sep = "&" if "?" in url else "?"
        headers = {"Range": f"bytes={have}-"} if have else {}
        if "codecs=" not in url:  # the insurer's URL may carry them already, narrowed to what it has
            url = f"{url}{sep}codecs={','.join(codecs or self.codecs)}"
        response = self._send("GET", url, headers=headers, accept=(416,))
        with response:
            mime = response.headers.get("X-Content-Mime", "")
            if response.status_code == 416:  # nothing past what we have: already complete
                return mime
            if response.status_code == 200 and have:
                raise BackendResponseError(
                    translate("Errors", "the content server ignored the resume request; try again")
                )
            total = have + int(response.headers.get("Content-Length", "0") or 0)
            import requests  # loaded by the session already

            try:
                for chunk in response.iter_content(transfer.CHUNK):
                    sink.write(chunk)
                    have += len(chunk)
                    if progress:
                        progress(have, total)
            except requests.RequestException as e:
                raise BackendUnreachableError(
                    translate(
                        "Errors", "the download from {server} stopped; it resumes where it stopped"
                    ).format(server=self._who(url))
                ) from e
        return mime


class Sink(Protocol):
    """Where a download goes (the store's append handle): what it holds so far, and more of it."""

    @property
    def size(self) -> int: ...

    def write(self, chunk: bytes) -> None: ...


def _key() -> str:
    return uuid.uuid4().hex
