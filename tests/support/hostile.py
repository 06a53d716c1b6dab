"""A hostile server in front of the real backend: it passes every request through, except on the paths
a test names, where it misbehaves the way an attacker's (or a broken) server would.

The player talks to the proxy as if it were the insurer, so everything else (sign-up, pinning, buying)
runs for real; only the answers under attack are swapped. `sent` counts the bytes a misbehaviour
pushed out before the player hung up, so a test can prove the player stopped reading.
"""

from __future__ import annotations

import base64
import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

ZEROS = bytes(256 * 1024)
_FALLBACK_BUFFERS = 8 * 1024 * 1024

Misbehaviour = Callable[["Handler", "requests.Response | None"], None]


@dataclass
class Hostile:
    """What the running proxy did: its URL, and bytes sent by misbehaviours so far."""

    url: str
    armed: bool = True  # off: pass everything through (while a test sets the stage)
    sent: int = 0
    hits: list[str] = field(default_factory=list)
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # every request: method, path, the rest
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, n: int) -> None:
        with self.lock:
            self.sent += n

    def settled(self, quiet: float = 0.5, timeout: float = 10.0) -> int:
        """`sent`, once it has stopped growing for `quiet` seconds: an endless answer only stops when
        the reader hangs up, so a settled count proves the player stopped reading."""
        deadline = time.monotonic() + timeout
        last = self.sent
        while time.monotonic() < deadline:
            time.sleep(quiet)
            if self.sent == last:
                return last
            last = self.sent
        raise AssertionError(f"still sending after {timeout:g} s: {self.sent} bytes")


def in_flight() -> int:
    """The most loopback TCP can hold between the proxy and a player that stopped reading: the
    kernel's largest send buffer plus its largest receive buffer (autotuned; 4 + 32 MiB is common).
    A fixed slack measured on one machine fails on another whose buffers grow larger."""
    try:
        sizes = [
            int(Path(f"/proc/sys/net/ipv4/tcp_{kind}").read_text(encoding="ascii").split()[-1])
            for kind in ("wmem", "rmem")
        ]
    except (OSError, ValueError, IndexError):
        return _FALLBACK_BUFFERS
    return sum(sizes)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream: str
    rules: dict[str, tuple[Misbehaviour, bool]]
    state: Hostile

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(length) if length else None
        with self.state.lock:  # headers and body as text, for a test that asks what was ever sent
            rest = str(self.headers) + (body or b"").decode("utf-8", "replace")
            self.state.seen.append((self.command, self.path, rest))
        path = self.path.split("?", 1)[0]
        for prefix, (misbehave, needs_upstream) in self.rules.items():
            if self.state.armed and path.startswith(prefix):
                self.state.hits.append(self.path)
                upstream = self._forward(body) if needs_upstream else None
                with contextlib.suppress(OSError):  # the player hung up: exactly what a bound is for
                    misbehave(self, upstream)
                self.close_connection = True
                return
        answer = self._forward(body)
        self.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() not in ("transfer-encoding", "connection", "content-length", "content-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    def _forward(self, body: bytes | None) -> requests.Response:
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        return requests.request(
            self.command, self.upstream + self.path, headers=headers, data=body, timeout=30
        )

    do_GET = do_POST = do_PUT = do_DELETE = _any

    def log_message(self, format: str, *args: object) -> None:
        pass

    # --- misbehaviours, as building blocks -------------------------------------------------------------

    def start(self, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()
        self.state.count(len(data))


def endless(handler: Handler, _: requests.Response | None) -> None:
    """200 and zeros without end, with no length: only the reader's own limit stops it."""
    handler.start(200, {"Content-Type": "application/octet-stream", "Connection": "close"})
    while True:
        handler.send(ZEROS)


def claims_huge(handler: Handler, _: requests.Response | None) -> None:
    """Says it is 2 GiB long, and starts sending."""
    handler.start(200, {"Content-Type": "application/json", "Content-Length": str(2 << 30)})
    while True:
        handler.send(ZEROS)


def drip(handler: Handler, upstream: requests.Response | None) -> None:
    """The real answer, one byte every 0.2 s (a read never times out: there is always a byte coming)."""
    assert upstream is not None
    handler.start(
        upstream.status_code,
        {
            "Content-Type": upstream.headers.get("Content-Type", ""),
            "Content-Length": str(len(upstream.content)),
        },
    )
    for i in range(len(upstream.content)):
        handler.send(upstream.content[i : i + 1])
        time.sleep(0.2)


def drip_headers(handler: Handler, _: requests.Response | None) -> None:
    """A status line, then one header byte every 0.2 s, forever."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
    while True:
        handler.send(b"X")
        time.sleep(0.2)


def silent_after_headers(handler: Handler, upstream: requests.Response | None) -> None:
    """The real headers, then nothing at all."""
    assert upstream is not None
    handler.start(upstream.status_code, {"Content-Length": str(len(upstream.content))})
    time.sleep(3600)


def genuine_then_zeros(handler: Handler, upstream: requests.Response | None) -> None:
    """The real content (the genuine container), then zeros without end and no length."""
    assert upstream is not None
    headers = {k: v for k, v in upstream.headers.items() if k.lower() in ("content-type", "x-content-mime")}
    handler.start(upstream.status_code, {**headers, "Connection": "close"})
    handler.send(upstream.content)
    while True:
        handler.send(ZEROS)


def drop_answer(handler: Handler, upstream: requests.Response | None) -> None:
    """The request reached the insurer and was committed; the answer never comes back (the backend died
    right after, or the connection dropped): the player sees the connection close."""
    assert upstream is not None
    handler.close_connection = True


def drop_posted_answer(handler: Handler, upstream: requests.Response | None) -> None:
    """`drop_answer` for what is asked by POST (committed, its answer lost); a question (GET) on the same
    path is answered as the backend answered it."""
    assert upstream is not None
    if handler.command == "POST":
        drop_answer(handler, upstream)
        return
    handler.start(
        upstream.status_code,
        {
            "Content-Type": upstream.headers.get("Content-Type", "application/json"),
            "Content-Length": str(len(upstream.content)),
        },
    )
    handler.send(upstream.content)


def cut_half_way(handler: Handler, upstream: requests.Response | None) -> None:
    """The real content's headers and first half, then the connection drops (a killed download)."""
    assert upstream is not None
    keep = {"content-type", "x-content-mime", "x-content-version", "content-range"}
    headers = {k: v for k, v in upstream.headers.items() if k.lower() in keep}
    handler.start(upstream.status_code, {**headers, "Content-Length": str(len(upstream.content))})
    handler.send(upstream.content[: len(upstream.content) // 2])


def html_page(handler: Handler, _: requests.Response | None) -> None:
    body = b"<html><body>Welcome to nginx!</body></html>"
    handler.start(200, {"Content-Type": "text/html", "Content-Length": str(len(body))})
    handler.send(body)


def deeply_nested(handler: Handler, _: requests.Response | None) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    handler.start(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    handler.send(body)


def redirect_elsewhere(handler: Handler, _: requests.Response | None) -> None:
    handler.start(307, {"Location": "http://127.0.0.1:9/api/v1/license-list", "Content-Length": "0"})


def mislabelled_audio(handler: Handler, upstream: requests.Response | None) -> None:
    """The real audio, under the other audio type's name (Ogg called FLAC, FLAC called Ogg)."""
    assert upstream is not None
    said = upstream.headers.get("Content-Type", "")
    other = "audio/flac" if said.startswith("audio/ogg") else "audio/ogg"
    handler.start(upstream.status_code, {"Content-Type": other, "Content-Length": str(len(upstream.content))})
    handler.send(upstream.content)


# Which misbehaviours need the real answer first.
def tampered_receipt(handler: Handler, upstream: requests.Response | None) -> None:
    """The insurer's receipts as sent, but the first one's signed bytes changed (a yen added)."""
    assert upstream is not None
    docs = upstream.json()
    if docs:
        raw = base64.b64decode(docs[0]["receipt"]).replace(b'"total_yen":', b'"total_yen":1', 1)
        docs[0]["receipt"] = base64.b64encode(raw).decode("ascii")
    body = json.dumps(docs).encode("utf-8")
    handler.start(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    handler.send(body)


_NEEDS_UPSTREAM = {
    tampered_receipt,
    drip,
    silent_after_headers,
    genuine_then_zeros,
    drop_answer,
    drop_posted_answer,
    cut_half_way,
    mislabelled_audio,
}


@contextmanager
def hostile_proxy(upstream: str, rules: dict[str, Misbehaviour]) -> Iterator[Hostile]:
    """Serve on a loopback port, in front of `upstream`, misbehaving on the given path prefixes."""
    state = Hostile("")
    handler = type(
        "BoundHandler",
        (Handler,),
        {
            "upstream": upstream.rstrip("/"),
            "rules": {p: (m, m in _NEEDS_UPSTREAM) for p, m in rules.items()},
            "state": state,
        },
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
