"""Limits on what comes in: bodies bounded per route before they are read, admin controls behind a
token as well as loopback, sign-in throttled, user names unique whatever their case.

The backend used to read a whole body before judging the request, so a 2 GB upload to an admin route from
another machine was spooled to disk before its 403, and a 300 MB JSON sign-up grew the process by 900 MB
before its 422. These tests talk raw HTTP over a socket, so they can declare a body they never send and
see the answer come back without the server waiting for it.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.support.customer import PASSWORD, sign_up

# the wire contract, spelled out here as a client would (mock_backend.limits holds the same names)
ADMIN_TOKEN_FILE = "admin-token"
ADMIN_TOKEN_HEADER = "X-Admin-Token"
ANSWER_WITHIN = 10.0  # seconds: far less than sending the declared body would take


def host_port(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    return host.strip("[]"), int(port)


def raw_exchange(
    address: tuple[str, int], head: str, body_start: bytes = b"", *, more: bytes = b"", chunks: int = 0
) -> tuple[int, bytes, dict[str, str]]:
    """Send a request head and the start of its body, then read the answer (status, body, headers).

    `chunks` further copies of `more` are sent while the server still reads; a server that answers early
    may close the connection under them, which is what a bounded reader should do.
    """
    with socket.create_connection(address, timeout=ANSWER_WITHIN) as s:
        s.sendall(head.encode("latin-1") + b"\r\n" + body_start)
        try:
            for _ in range(chunks):
                s.sendall(more)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while b"\r\n\r\n" not in data or len(data) < _expected_length(data):
                part = s.recv(65536)
                if not part:
                    break
                data += part
        except ConnectionResetError:
            pass
    head_bytes, _, body = data.partition(b"\r\n\r\n")
    lines = head_bytes.decode("latin-1").split("\r\n")
    assert lines and lines[0].startswith("HTTP/1.1 "), f"no HTTP answer: {data[:200]!r}"
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), body, headers


def _expected_length(data: bytes) -> int:
    head, sep, _ = data.partition(b"\r\n\r\n")
    if not sep:
        return 1 << 62
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(head) + 4 + int(value.strip())
    return len(data)


def error_code(body: bytes) -> str:
    import json

    code: str = json.loads(body)["error"]["code"]
    return code


def non_loopback_address() -> str | None:
    """An address of this machine that is not loopback (the route to a documentation-only address)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address: str = s.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


# --- bodies bounded before they are read -------------------------------------------------------------------


def test_a_2gb_admin_upload_from_another_machine_is_refused_before_its_body_is_read(
    start_backend: StartBackend,
) -> None:
    with start_backend("--host", "0.0.0.0") as b:
        _, port = host_port(b.url)
        outside = non_loopback_address()
        head = (
            "POST /admin/tracks HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 2147483648\r\n"
        )
        if outside is not None:
            status, body, _ = raw_exchange((outside, port), head, b"--xyz\r\n")
        else:  # no other interface: come in as a proxy on loopback would forward an outside client
            head += "X-Forwarded-For: 203.0.113.9\r\n"
            status, body, _ = raw_exchange(("127.0.0.1", port), head, b"--xyz\r\n")
        assert status == 403 and error_code(body) == "admin_loopback_only"
        assert not list(Path(b.data_dir).rglob("*.tmp"))


def test_a_300mb_sign_up_body_is_refused_from_its_content_length(shared_backend: Backend) -> None:
    head = "POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {300 * 1024 * 1024}\r\n"
    status, body, _ = raw_exchange(host_port(shared_backend.url), head, b'{"username": "')
    assert status == 413 and error_code(body) == "too_large"


def test_a_chunked_sign_up_body_is_cut_off_at_the_limit(shared_backend: Backend) -> None:
    """No Content-Length to judge by: the streamed bytes are counted as they come."""
    head = "POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += "Transfer-Encoding: chunked\r\n"
    piece = b"a" * 8192
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    start = b'10\r\n{"username": "aa\r\n'
    status, body, _ = raw_exchange(host_port(shared_backend.url), head, start, more=chunk, chunks=256)
    assert status == 413 and error_code(body) == "too_large"


def test_an_oversized_signed_licensor_request_is_refused_from_its_content_length(
    shared_backend: Backend,
) -> None:
    head = "POST /providers/aurora/licensor HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += f"Content-Length: {10 * 1024 * 1024}\r\n"
    status, body, _ = raw_exchange(host_port(shared_backend.url), head, b"{")
    assert status == 413 and error_code(body) == "too_large"


def test_a_large_body_to_a_user_route_without_a_session_is_401_before_it_is_read(
    shared_backend: Backend,
) -> None:
    head = "POST /api/v1/claims HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    head += "Authorization: Bearer not-a-session\r\nContent-Length: 100000\r\n"
    status, body, _ = raw_exchange(host_port(shared_backend.url), head, b"{")
    assert status == 401 and error_code(body) == "session_expired"


def test_bodies_within_the_limits_still_work(shared_backend: Backend) -> None:
    alice = sign_up(shared_backend)
    assert alice.get("/api/v1/me").status_code == 200


# --- admin controls need the token -------------------------------------------------------------------------


def test_admin_controls_from_loopback_without_the_token_are_refused(shared_backend: Backend) -> None:
    url = shared_backend.url
    r = requests.post(url + "/admin/clock", json={"advance_seconds": 60}, timeout=30)
    assert r.status_code == 401 and r.json()["error"]["code"] == "admin_token_required"
    r = requests.get(url + "/admin/clock", headers={ADMIN_TOKEN_HEADER: "guess"}, timeout=30)
    assert r.status_code == 401 and r.json()["error"]["code"] == "admin_token_required"
    r = requests.get(url + "/admin/providers", timeout=30)
    assert r.status_code == 401


def test_an_admin_upload_without_the_token_is_refused_before_its_body_is_read(
    shared_backend: Backend,
) -> None:
    head = (
        "POST /admin/tracks HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 2147483648\r\n"
    )
    status, body, _ = raw_exchange(host_port(shared_backend.url), head, b"--xyz\r\n")
    assert status == 401 and error_code(body) == "admin_token_required"


def test_the_admin_token_file_is_private_and_new_at_every_start(start_backend: StartBackend) -> None:
    with start_backend() as b:
        path = b.data_dir / ADMIN_TOKEN_FILE
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        first = path.read_text(encoding="ascii").strip()
        assert len(first) >= 32
        assert b.get("/admin/clock").status_code == 200  # the test client sends it
    with start_backend() as b2:
        assert (b2.data_dir / ADMIN_TOKEN_FILE).read_text(encoding="ascii").strip() != first


def test_the_admin_cli_reads_the_token_from_the_data_dir(backend: Backend) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mock_backend", "admin", "--server", backend.url, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=dict(os.environ, MOCK_BACKEND_DATA_DIR="/nonexistent"),
        )

    done = cli("--data-dir", str(backend.data_dir), "clock")
    assert done.returncode == 0, done.stderr
    assert "now=" in done.stdout
    done = cli("clock")  # the wrong data dir: no token to send
    assert done.returncode == 1 and "admin-token" in done.stderr and "Traceback" not in done.stderr


def test_the_admin_cli_given_only_the_url_finds_the_token_the_backend_left_by_its_port(
    backend: Backend,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MOCK_BACKEND_DATA_DIR"}
    done = subprocess.run(
        [sys.executable, "-m", "mock_backend", "admin", "--server", backend.url, "clock"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr


# --- sign-in throttled ----------------------------------------------------------------------------------


def sign_in(backend: Backend, username: str, password: str, **kw: object) -> requests.Response:
    return backend.post("/api/v1/sessions", json={"username": username, "password": password}, **kw)


def test_repeated_wrong_passwords_for_one_account_are_throttled(backend: Backend) -> None:
    alice = sign_up(backend)
    answers = [sign_in(backend, alice.username, f"wrong pw {i}").status_code for i in range(5)]
    assert answers == [401] * 5
    r = sign_in(backend, alice.username, PASSWORD)  # even the right password waits now
    assert r.status_code == 429, r.text
    assert r.json()["error"]["code"] == "too_many_attempts"
    assert 1 <= int(r.headers["Retry-After"]) <= 300
    bob = sign_up(backend)  # another account is not held up
    assert sign_in(backend, bob.username, PASSWORD).status_code == 201


def test_wrong_passwords_across_many_accounts_from_one_address_are_throttled(backend: Backend) -> None:
    answers = [sign_in(backend, f"nobody{i:02d}", "wrong password").status_code for i in range(40)]
    assert 401 in answers and answers[-1] == 429
    r = sign_in(backend, "nobody99", "wrong password")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1


def test_the_throttle_lifts_once_the_window_has_passed(backend: Backend) -> None:
    alice = sign_up(backend)
    for i in range(5):
        sign_in(backend, alice.username, f"wrong pw {i}")
    assert sign_in(backend, alice.username, PASSWORD).status_code == 429
    backend.advance_clock(301)
    assert sign_in(backend, alice.username, PASSWORD).status_code == 201


# --- user names unique whatever their case -----------------------------------------------------------------


@pytest.mark.parametrize("variant", [str.upper, str.title, str.swapcase])
def test_a_user_name_differing_only_in_case_is_taken(shared_backend: Backend, variant: object) -> None:
    name = "casey" + uuid.uuid4().hex[:6]
    assert sign_up(shared_backend, name).username == name
    assert callable(variant)
    r = shared_backend.post("/api/v1/accounts", json={"username": variant(name), "password": PASSWORD})
    assert r.status_code == 409 and r.json()["error"]["code"] == "username_taken"
