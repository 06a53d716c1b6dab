"""The plumbing under `player.client.Client`: one deadline per exchange, a size limit per answer, the
server named in every failure, and a refusal turned into the `PlayerError` it stands for.

Kept apart from the API calls so that `client.py` reads as the list of what the player asks of the
insurer and the content servers, and this as how any one question is asked.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Self, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, TypeAdapter, ValidationError

from player import transfer
from player.errors import (
    BackendRefusedError,
    BackendResponseError,
    BackendUnreachableError,
    ClaimRefusedError,
    NotSignedInError,
    PlayerError,
    SupplierUnavailableError,
)
from player.language import translate
from player.protocol import api
from player.transfer import Deadline, Watch

if TYPE_CHECKING:
    import requests

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class Exchanges:
    """The plumbing of a connection to one backend (the API calls are `player.client.Client`). Not
    thread-safe: give each worker thread its own (`copy()`).

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
        from player import http_session  # `requests` with the first connection, not at start-up

        self._http = http_session.session()
        self._watch: Watch | None = None

    @classmethod
    def with_timeout(cls, base_url: str, token: str | None, timeout: float | None) -> Self:
        """`timeout` (seconds) is both the deadline of an exchange and a download's stall limit (and
        bounds connecting); None: the defaults."""
        if timeout is None:
            return cls(base_url, token)
        return cls(base_url, token, deadline=timeout, stall=timeout, connect=min(timeout, transfer.CONNECT))

    def copy(self) -> Self:
        return type(self)(
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
        import requests  # loaded with the session (http_session); a name lookup from here on

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
                raise BackendUnreachableError(
                    translate("Errors", "{server} did not answer within {seconds} s").format(
                        server=self._who(url), seconds=seconds
                    )
                )
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
                    translate("Errors", "talking to {server} failed: {name}").format(
                        server=self._who(url), name=type(e).__name__
                    )
                ) from e
            if watch is not None and watch.fired:  # whatever was parsed was cut off by the deadline
                response.close()
                raise self._unreachable(url, requests.Timeout(), watch)
            if response.is_redirect:
                response.close()
                raise BackendResponseError(
                    translate(
                        "Errors",
                        "{server} answered with a redirect to {target}; the player does not follow redirects",
                    ).format(
                        server=self._who(url), target=repr(response.headers.get("Location", "elsewhere"))
                    )
                )
            if response.status_code >= 400 and response.status_code not in accept:
                with response:
                    raise _refusal(response, self._read(response, transfer.ERROR_BODY, url, watch))
            return response
        raise AssertionError(translate("Errors", "unreachable"))  # pragma: no cover

    def _exchange(self, method: str, path: str, limit: int, **kwargs: Any) -> bytes:
        """One request and its whole answer, within the deadline and the size limit."""
        return self._typed_exchange(method, path, limit, **kwargs)[1]

    def _typed_exchange(self, method: str, path: str, limit: int, **kwargs: Any) -> tuple[str, bytes]:
        """`_exchange`, with the media type the answer names (`Content-Type` without its parameters,
        lower case; "" when absent): for answers that may come in more than one kind."""
        with self.within():
            assert self._watch is not None
            response = self._send(method, path, watch=self._watch, **kwargs)
            with response:
                body = self._read(response, limit, response.url, self._watch)
                kind = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
                return kind, body

    def _read(self, response: requests.Response, limit: int, url: str, watch: Watch | None) -> bytes:
        import requests

        from player import http_session

        what = translate("Errors", "the answer of {who}").format(who=self._who(url))
        try:
            body = http_session.read_body(response, limit, what)
        except requests.RequestException as e:
            raise self._unreachable(url, e, watch) from e
        if watch is not None and watch.fired:  # the end of the stream was the deadline's doing
            raise self._unreachable(url, requests.Timeout(), watch)
        return body

    def _unreachable(self, url: str, e: Exception, watch: Watch | None) -> BackendUnreachableError:
        import requests

        # A timeout with the deadline all but spent is the deadline's, even when requests' own timer
        # (set to what was left of it) rang a moment before the watch did.
        spent = watch is not None and isinstance(e, requests.Timeout) and watch.deadline.remaining() < 0.5
        if watch is not None and (watch.fired or spent):
            seconds = f"{watch.deadline.seconds:g}"
            return BackendUnreachableError(
                translate("Errors", "{server} did not answer within {seconds} s").format(
                    server=self._who(url), seconds=seconds
                )
            )
        if isinstance(e, requests.Timeout):
            return BackendUnreachableError(
                translate("Errors", "{server} did not answer in time").format(server=self._who(url))
            )
        if isinstance(e, requests.ConnectionError) and not isinstance(
            e, requests.exceptions.ChunkedEncodingError
        ):
            return BackendUnreachableError(
                translate("Errors", "{server} cannot be reached").format(server=self._who(url))
            )
        return BackendUnreachableError(
            translate("Errors", "{server} broke off its answer").format(server=self._who(url))
        )

    def _who(self, url: str) -> str:
        if url.startswith(self.base_url):
            return translate("Errors", "the insurer at {url}").format(url=self.base_url)
        parts = urlsplit(url)
        return translate("Errors", "the server at {url}").format(url=f"{parts.scheme}://{parts.netloc}")

    def _json(self, model: type[M], method: str, path: str, **kwargs: Any) -> M:
        body = self._exchange(method, path, transfer.JSON_ANSWER, **kwargs)
        try:
            return model.model_validate_json(body)
        except ValidationError as e:
            raise BackendResponseError(
                translate("Errors", "the backend answered {path} with something unexpected").format(path=path)
            ) from e

    def _json_list(self, adapter: TypeAdapter[T], path: str, **kwargs: Any) -> T:
        body = self._exchange("GET", path, transfer.JSON_ANSWER, **kwargs)
        try:
            return adapter.validate_json(body)
        except ValidationError as e:
            raise BackendResponseError(
                translate("Errors", "the backend answered {path} with something unexpected").format(path=path)
            ) from e

    def _bytes(self, path: str, limit: int, **kwargs: Any) -> bytes:
        return self._exchange("GET", path, limit, **kwargs)

    def _typed_bytes(self, path: str, limit: int, **kwargs: Any) -> tuple[str, bytes]:
        return self._typed_exchange("GET", path, limit, **kwargs)


def _refusal(response: requests.Response, body: bytes) -> PlayerError:
    try:
        detail = api.ErrorBody.model_validate_json(body).error
    except ValidationError:
        if response.status_code >= 500:
            return BackendUnreachableError(
                translate("Errors", "the backend failed (HTTP {status_code})").format(
                    status_code=response.status_code
                )
            )
        return BackendResponseError(
            translate("Errors", "the backend answered HTTP {status_code} without an explanation").format(
                status_code=response.status_code
            )
        )
    if detail.claim_refused:
        return ClaimRefusedError(detail.message, detail.code, detail.facts)
    if response.status_code == 401 and detail.code in ("not_signed_in", "session_expired"):
        message = translate("Errors", "not signed in, or the session ended: sign in again (`login USER`)")
        return NotSignedInError(message, detail.code, 401)
    if response.status_code == 503 and detail.code == "provider_unavailable":
        return SupplierUnavailableError(detail.message)
    if response.status_code >= 500:
        return BackendUnreachableError(detail.message)
    return BackendRefusedError(detail.message, detail.code, response.status_code)
