"""The one module that talks to the network: the insurer's API and the providers' content servers.

Every exchange has one deadline, retries included, and every answer a size limit for its kind
(`player.transfer`, docs/protocol.md "Limits"): a silent, dripping or endless server cannot hold or
swamp the player. Every answer is parsed into a strict model (`player.protocol.api`), and every failure
becomes a `PlayerError`: unreachable, too slow or nonsense -> `BackendError` (exit 4), a refusal under
the guarantee conditions -> `ClaimRefusedError` (exit 6), any other "no" -> `BackendRefusedError`.
POSTs that charge or count carry an Idempotency-Key and are retried once on a dropped connection with
the same key, so a retry never charges twice. Redirects are not followed: the insurer never sends one.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from player import transfer
from player.errors import (
    BackendRefusedError,
    BackendResponseError,
    BackendUnreachableError,
    ClaimRefusedError,
    NotSignedInError,
    PlayerError,
)
from player.protocol import api
from player.protocol.canonical import b64d
from player.transfer import Deadline, Watch

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
Progress = Callable[[int, int], None]  # (bytes so far, total bytes or 0 when unknown)

ACCEPTED_CODECS = ("audio/flac", "audio/ogg", "audio/mpeg")  # [0050]: what QtMultimedia's FFmpeg decodes


class Client:
    """A connection to one backend. Not thread-safe: give each worker thread its own (`copy()`).

    `deadline` bounds one exchange (or several under one `within()`), `stall` how long a download may
    receive nothing, `connect` how long making a connection may take.
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        deadline: float = transfer.DEADLINE,
        stall: float = transfer.STALL,
        connect: float = transfer.CONNECT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.deadline = deadline
        self.stall = stall
        self.connect = connect
        self._http = transfer.session()
        self._watch: Watch | None = None

    @classmethod
    def with_timeout(cls, base_url: str, token: str | None, timeout: float | None) -> Client:
        """`timeout` (seconds) is both the deadline of an exchange and a download's stall limit (and
        bounds connecting); None: the defaults."""
        if timeout is None:
            return cls(base_url, token)
        return cls(base_url, token, deadline=timeout, stall=timeout, connect=min(timeout, transfer.CONNECT))

    def copy(self) -> Client:
        return Client(
            self.base_url, self.token, deadline=self.deadline, stall=self.stall, connect=self.connect
        )

    def close(self) -> None:
        self._http.close()

    @contextlib.contextmanager
    def within(self) -> Iterator[None]:
        """Run several exchanges under one deadline (a sync that falls back from the delta to the full
        list); nested calls share the outermost one."""
        if self._watch is not None:
            yield
            return
        with Watch(Deadline(self.deadline)) as watch:
            self._watch = watch
            try:
                yield
            finally:
                self._watch = None

    # --- plumbing ---------------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        idem: str | None = None,
        accept: tuple[int, ...] = (),
        watch: Watch | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send and get the answer's status and headers; its body is left to stream. Under `watch`
        (an exchange) connecting and every read are bounded by its deadline; without (a download) each
        read is bounded by the stall limit."""
        headers = dict(kwargs.pop("headers", {}))
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if idem:
            headers["Idempotency-Key"] = idem
        url = path if path.startswith("http") else self.base_url + path
        attempts = 2 if idem or method == "GET" else 1
        for attempt in range(attempts):
            rest = watch.deadline.remaining() if watch else self.stall
            if rest <= 0:
                seconds = f"{watch.deadline.seconds:g}" if watch else "0"
                raise BackendUnreachableError(f"{self._who(url)} did not answer within {seconds} s")
            try:
                response = self._http.request(
                    method,
                    url,
                    headers=headers,
                    timeout=(min(self.connect, rest), min(self.stall, rest)),
                    stream=True,
                    allow_redirects=False,
                    **kwargs,
                )
            except (requests.ConnectionError, requests.Timeout) as e:
                late = watch is not None and (watch.fired or watch.deadline.remaining() < 0.5)
                if attempt + 1 < attempts and not late:
                    continue
                raise self._unreachable(url, e, watch) from e
            except requests.RequestException as e:
                raise BackendUnreachableError(
                    f"talking to {self._who(url)} failed: {type(e).__name__}"
                ) from e
            if watch is not None and watch.fired:  # whatever was parsed was cut off by the deadline
                response.close()
                raise self._unreachable(url, requests.Timeout(), watch)
            if response.is_redirect:
                response.close()
                raise BackendResponseError(
                    f"{self._who(url)} answered with a redirect to "
                    f"{response.headers.get('Location', 'elsewhere')!r}; the player does not follow redirects"
                )
            if response.status_code >= 400 and response.status_code not in accept:
                with response:
                    raise _refusal(response, self._read(response, transfer.ERROR_BODY, url, watch))
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _exchange(self, method: str, path: str, limit: int, **kwargs: Any) -> bytes:
        """One request and its whole answer, within the deadline and the size limit."""
        with self.within():
            assert self._watch is not None
            response = self._send(method, path, watch=self._watch, **kwargs)
            with response:
                return self._read(response, limit, response.url, self._watch)

    def _read(self, response: requests.Response, limit: int, url: str, watch: Watch | None) -> bytes:
        what = f"the answer of {self._who(url)}"
        try:
            body = transfer.read_body(response, limit, what)
        except requests.RequestException as e:
            raise self._unreachable(url, e, watch) from e
        if watch is not None and watch.fired:  # the end of the stream was the deadline's doing
            raise self._unreachable(url, requests.Timeout(), watch)
        return body

    def _unreachable(self, url: str, e: Exception, watch: Watch | None) -> BackendUnreachableError:
        if watch is not None and watch.fired:
            seconds = f"{watch.deadline.seconds:g}"
            return BackendUnreachableError(f"{self._who(url)} did not answer within {seconds} s")
        if isinstance(e, requests.Timeout):
            return BackendUnreachableError(f"{self._who(url)} did not answer in time")
        if isinstance(e, requests.ConnectionError) and not isinstance(
            e, requests.exceptions.ChunkedEncodingError
        ):
            return BackendUnreachableError(f"{self._who(url)} cannot be reached")
        return BackendUnreachableError(f"{self._who(url)} broke off its answer")

    def _who(self, url: str) -> str:
        if url.startswith(self.base_url):
            return f"the insurer at {self.base_url}"
        parts = urlsplit(url)
        return f"the server at {parts.scheme}://{parts.netloc}"

    def _json(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        body = self._exchange(method, path, transfer.JSON_ANSWER, **kwargs)
        try:
            return model.model_validate_json(body)
        except ValidationError as e:
            raise BackendResponseError(f"the backend answered {path} with something unexpected") from e

    def _json_list(self, adapter: TypeAdapter[T], path: str, **kwargs: Any) -> T:
        body = self._exchange("GET", path, transfer.JSON_ANSWER, **kwargs)
        try:
            return adapter.validate_json(body)
        except ValidationError as e:
            raise BackendResponseError(f"the backend answered {path} with something unexpected") from e

    def _bytes(self, path: str, limit: int, **kwargs: Any) -> bytes:
        return self._exchange("GET", path, limit, **kwargs)

    # --- accounts and identity --------------------------------------------------------------------

    def identity(self) -> api.InsurerIdentity:
        return self._json(api.InsurerIdentity, "GET", "/api/v1/insurer")

    def sign_up(self, username: str, password: str) -> api.Account:
        return self._json(
            api.Account, "POST", "/api/v1/accounts", json={"username": username, "password": password}
        )

    def sign_in(self, username: str, password: str) -> api.Session:
        session = self._json(
            api.Session, "POST", "/api/v1/sessions", json={"username": username, "password": password}
        )
        self.token = session.token
        return session

    def me(self) -> api.Account:
        return self._json(api.Account, "GET", "/api/v1/me")

    # --- policies and purchases -------------------------------------------------------------------

    def terms(self) -> api.Terms:
        return self._json(api.Terms, "GET", "/api/v1/policies/terms")

    def take_out_policy(self, public_key_b64: str) -> api.PolicyDoc:
        return self._json(
            api.PolicyDoc,
            "POST",
            "/api/v1/policies",
            idem=_key(),
            json={"public_key": public_key_b64, "accept_terms": True},
        )

    def policies(self) -> list[api.PolicyDoc]:
        return self._json_list(TypeAdapter(list[api.PolicyDoc]), "/api/v1/policies")

    def history(self, policy_id: str) -> api.History:
        return self._json(api.History, "GET", f"/api/v1/policies/{policy_id}/history")

    def rekey(self, policy_id: str, public_key_b64: str) -> api.PolicyDoc:
        return self._json(
            api.PolicyDoc,
            "POST",
            f"/api/v1/policies/{policy_id}/rekey",
            idem=_key(),
            json={"public_key": public_key_b64},
        )

    def purchase(self, policy_id: str, content_id: str) -> api.Purchase:
        return self._json(
            api.Purchase,
            "POST",
            "/api/v1/purchases",
            idem=_key(),
            json={"policy_id": policy_id, "content_id": content_id},
        )

    def direct_purchase(self, provider: str, content_id: str) -> api.DirectLicense:
        return self._json(
            api.DirectLicense,
            "POST",
            f"/providers/{provider}/direct-purchases",
            json={"content_id": content_id},
        )

    def insure_existing(self, policy_id: str, licenses_b64: list[str]) -> api.InsuredExisting:
        return self._json(
            api.InsuredExisting,
            "POST",
            f"/api/v1/policies/{policy_id}/insure-existing",
            idem=_key(),
            json={"licenses": licenses_b64},
        )

    # --- catalog ----------------------------------------------------------------------------------

    def catalog(self, genre: str | None = None, query: str | None = None) -> list[api.CatalogEntry]:
        params = {k: v for k, v in (("genre", genre), ("q", query)) if v}
        return self._json_list(TypeAdapter(list[api.CatalogEntry]), "/api/v1/catalog", params=params)

    def catalog_entry(self, content_id: str) -> api.CatalogEntry:
        return self._json(api.CatalogEntry, "GET", f"/api/v1/catalog/{content_id}")

    def providers(self) -> list[api.ProviderState]:
        return self._json_list(TypeAdapter(list[api.ProviderState]), "/api/v1/providers")

    def cover(self, content_id: str) -> bytes:
        return self._bytes(f"/api/v1/catalog/{content_id}/cover", transfer.COVER)

    # --- license control --------------------------------------------------------------------------

    def license_list(self, since: int | None = None) -> bytes:
        """The signed list (full, or a delta after version `since`): exact bytes, for the verifier."""
        params = {"since": since} if since is not None else None
        return self._bytes("/api/v1/license-list", transfer.LICENSE_LIST, params=params)

    def validity(self, license_id: str) -> bytes:
        return self._bytes(f"/api/v1/license-list/{license_id}", transfer.VALIDITY)

    # --- re-distribution --------------------------------------------------------------------------

    def claim(
        self, policy_id: str, license_ids: list[str] | None, *, kind: str = "loss", genre: str | None = None
    ) -> api.Claim:
        body: dict[str, Any] = {"policy_id": policy_id, "kind": kind, "genre": genre}
        body.update({"all": True} if license_ids is None else {"license_ids": license_ids})
        return self._json(api.Claim, "POST", "/api/v1/claims", idem=_key(), json=body)

    def claim_status(self, claim_id: str) -> api.Claim:
        return self._json(api.Claim, "GET", f"/api/v1/claims/{claim_id}")

    def alternates(self, claim_id: str, item_id: str, genre: str | None = None) -> list[api.Alternate]:
        return self._json_list(
            TypeAdapter(list[api.Alternate]),
            f"/api/v1/claims/{claim_id}/items/{item_id}/alternates",
            params={"genre": genre} if genre else None,
        )

    def choose(self, claim_id: str, item_id: str, alternate_id: str) -> api.Choice:
        return self._json(
            api.Choice,
            "POST",
            f"/api/v1/claims/{claim_id}/items/{item_id}/choice",
            idem=_key(),
            json={"alternate_id": alternate_id},
        )

    def upgrades(self) -> list[api.UpgradeOffer]:
        return self._json_list(TypeAdapter(list[api.UpgradeOffer]), "/api/v1/upgrades")

    def upgrade(self, license_id: str) -> api.Upgrade:
        return self._json(
            api.Upgrade, "POST", "/api/v1/upgrades", idem=_key(), json={"license_id": license_id}
        )

    # --- content servers --------------------------------------------------------------------------

    def download(
        self,
        url: str,
        sink: Sink,
        progress: Progress | None = None,
        codecs: tuple[str, ...] = ACCEPTED_CODECS,
    ) -> str:
        """Fetch an encrypted container into `sink`, resuming after the `sink.size` bytes it holds
        (HTTP Range). Returns the MIME type the server chose ([0050]). The store verifies and files the
        finished file, and refuses more bytes than its header declares; a dropped connection leaves what
        arrived to resume from next time. No deadline: a download ends when nothing arrives for `stall`.
        """
        have = sink.size
        sep = "&" if "?" in url else "?"
        headers = {"Range": f"bytes={have}-"} if have else {}
        response = self._send("GET", f"{url}{sep}codecs={','.join(codecs)}", headers=headers, accept=(416,))
        with response:
            mime = response.headers.get("X-Content-Mime", "")
            if response.status_code == 416:  # nothing past what we have: already complete
                return mime
            if response.status_code == 200 and have:
                raise BackendResponseError("the content server ignored the resume request; try again")
            total = have + int(response.headers.get("Content-Length", "0") or 0)
            try:
                for chunk in response.iter_content(transfer.CHUNK):
                    sink.write(chunk)
                    have += len(chunk)
                    if progress:
                        progress(have, total)
            except requests.RequestException as e:
                raise BackendUnreachableError(
                    f"the download from {self._who(url)} stopped; it resumes where it stopped"
                ) from e
        return mime


class Sink(Protocol):
    """Where a download goes (the store's append handle): what it holds so far, and more of it."""

    @property
    def size(self) -> int: ...

    def write(self, chunk: bytes) -> None: ...


def _key() -> str:
    return uuid.uuid4().hex


def _refusal(response: requests.Response, body: bytes) -> PlayerError:
    try:
        detail = api.ErrorBody.model_validate_json(body).error
    except ValidationError:
        if response.status_code >= 500:
            return BackendUnreachableError(f"the backend failed (HTTP {response.status_code})")
        return BackendResponseError(
            f"the backend answered HTTP {response.status_code} without an explanation"
        )
    if detail.claim_refused:
        return ClaimRefusedError(detail.message, detail.code)
    if response.status_code == 401 and detail.code in ("not_signed_in", "session_expired"):
        message = "not signed in, or the session ended: sign in again (`login USER`)"
        return NotSignedInError(message, detail.code, 401)
    if response.status_code >= 500 or response.status_code == 503:
        return BackendUnreachableError(detail.message)
    return BackendRefusedError(detail.message, detail.code, response.status_code)


def decode_b64(text: str, what: str) -> bytes:
    """Base64 fields of API answers; a bad one means the backend answered nonsense."""
    try:
        return b64d(text, what)
    except PlayerError as e:
        raise BackendResponseError(f"the backend sent a malformed {what}") from e
