"""The `requests` session under every exchange: sockets a `Watch` can end, answers read within a limit.

Imported when the first exchange starts (`player.exchanges`), not at start-up: `requests` and `urllib3`
take about a twentieth of a second to import, and the window has better things to do before it is
painted. The bounds themselves (limits, `Deadline`, `Watch`) are `player/transfer.py`'s.
"""

from __future__ import annotations

from typing import Any

import requests
import urllib3.connection
import urllib3.connectionpool
from requests.adapters import HTTPAdapter

from player.errors import BackendResponseError
from player.language import translate
from player.transfer import CHUNK, attach, too_large


class _WatchedConnection(urllib3.connection.HTTPConnection):
    """Hands its socket to the exchange's watch, when connecting and when reused."""

    def connect(self) -> None:
        super().connect()
        attach(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        attach(self.sock)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(urllib3.connection.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        attach(self.sock)

    def request(self, *args: Any, **kwargs: Any) -> None:
        attach(self.sock)
        super().request(*args, **kwargs)


class _WatchedPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _WatchedHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        # PoolManager keeps its pool classes per instance so that a manager can use its own.
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedPool, "https": _WatchedHTTPSPool}


def session() -> requests.Session:
    """A requests session whose sockets a `Watch` can end; answers are never compressed (a compressed
    answer could inflate past its limit faster than it is counted) and redirects are not followed."""
    http = requests.Session()
    adapter = _WatchedAdapter()
    http.mount("http://", adapter)
    http.mount("https://", adapter)
    http.headers["Accept-Encoding"] = "identity"
    return http


def read_body(response: requests.Response, limit: int, what: str) -> bytes:
    """The whole body of a streamed answer, refused as soon as it is known to exceed `limit` bytes."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise BackendResponseError(
            translate("Errors", "{what} came compressed ({encoding}) although it was asked not to be").format(
                what=what, encoding=encoding
            )
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(what, limit)
    body = bytearray()
    for chunk in response.iter_content(CHUNK):
        body += chunk
        if len(body) > limit:
            raise too_large(what, limit)
    return bytes(body)
