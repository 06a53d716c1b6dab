"""Story: everything that can go wrong, as a script sees it — each exit code in docs/protocol.md, with exactly
one clear line on stderr and never a traceback (checked on every run by `tests.stories.driver`).

2 usage; 3 refused by the license decision; 4 backend unreachable, silent or answering nonsense;
5 integrity failure; 6 claim refused by the guarantee conditions; 1 no usable keyring (or another
refusal by the backend or the machine).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import StartBackend
from tests.stories.driver import PASSWORD, Cli, run_cli_process
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
TRACK = "harbor-0012"  # Ambient, 150 yen


# --- 2: usage --------------------------------------------------------------------------------------


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert "invalid choice: 'fly'" in cli.fails(2, "fly")
    assert "COMMAND" in cli.fails(2)
    assert "--seconds" in cli.fails(2, "play", "x", "--seconds", "soon")
    assert "CONTENT_ID" in cli.fails(2, "report-loss")  # neither IDs nor --all
    assert "CONTENT_ID" in cli.fails(2, "report-loss", TRACK, "--all")  # both
    assert "password" in cli.fails(2, "login", "nobody")  # no password on stdin
    assert "not signed in" in cli.fails(2, "insure")
    assert "not signed in" in cli.fails(2, "sync")

    r = run_cli_process(cli, "fly")
    assert r.code == 2 and r.out == ""
    r = run_cli_process(cli, "report-loss")
    assert r.code == 2 and "CONTENT_ID" in r.err


def test_asking_for_help_is_not_an_error(cli: Cli) -> None:
    r = cli.run("--help", as_json=False)
    assert r.code == 0 and "report-loss" in r.out and r.err == ""


# --- 1: the backend said no; no usable keyring -----------------------------------------------------


def test_a_preview_of_a_track_not_in_the_catalog_is_refused_in_one_line(cli: Cli) -> None:
    assert "aurora-9999 is not in the catalog" in cli.fails(1, "preview", "aurora-9999", "--decode-only")


def test_a_wrong_password_is_refused_in_one_line(cli: Cli) -> None:
    cli.sign_up("tess")
    assert "password" in cli.fails(1, "login", "tess", password="not the password").lower()
    assert "taken" in cli.fails(1, "signup", "tess", password=PASSWORD).lower()


def test_without_a_usable_keyring_the_cli_names_gnome_keyring_and_writes_no_key_file(cli: Cli) -> None:
    no_keyring = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for command in (["signup", "una"], ["login", "una"]):
        r = run_cli_process(cli, *command, env=no_keyring, password=PASSWORD)
        assert r.code == 1 and "gnome-keyring" in r.err and "never stores keys in a file" in r.err
    r = run_cli_process(cli, "signup", "una", password=PASSWORD)  # the real keyring: fine
    assert r.code == 0, r.err
    for command in (["insure"], ["sync"]):
        r = run_cli_process(cli, *command, env=no_keyring)
        assert r.code == 1 and "gnome-keyring" in r.err, (command, r.err)
    assert not list((cli.data_dir / "policies").iterdir())  # no policy was taken out without its key
    assert not [p for p in cli.data_dir.rglob("*") if "key" in p.name.lower()]


def test_a_keyring_backend_that_cannot_be_loaded_is_one_line_not_a_traceback(cli: Cli) -> None:
    broken = {"PYTHON_KEYRING_BACKEND": "no.such.Backend"}
    r = run_cli_process(cli, "signup", "vera", env=broken, password=PASSWORD)
    assert r.code == 1
    assert r.err.strip() == (
        "insured-player-cli: the keyring backend named in PYTHON_KEYRING_BACKEND (no.such.Backend) "
        "cannot be loaded (ModuleNotFoundError: No module named 'no')"
    )


def test_a_user_name_that_is_not_allowed_is_explained_in_words(cli: Cli) -> None:
    err = cli.fails(1, "signup", "a b", password=PASSWORD)
    assert "[A-Za-z" not in err and "pattern" not in err, err
    assert "2 to 32" in err and "letters" in err, err


def test_signing_in_as_someone_else_leaves_the_owners_library_alone(cli: Cli, make_cli: MakeCli) -> None:
    cli.sign_up_insured("olga")
    cli.buy(TRACK)
    before = cli.ok("library")
    make_cli(cli.server, "oskars-library").sign_up("oskar")
    for command in ("login", "signup"):
        err = cli.fails(1, command, "oskar" if command == "login" else "otto", password=PASSWORD)
        assert err.startswith("insured-player-cli: this library belongs to olga;"), err
    assert cli.ok("library") == before
    assert cli.ok("sync")["entries"] == 1  # still olga's list, olga's session
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0


# --- 3: refused by the license decision ------------------------------------------------------------


def test_an_invalidated_license_is_refused_with_exit_3_in_a_real_process(cli: Cli) -> None:
    cli.sign_up_insured("vera")
    (bought,) = cli.buy(TRACK)
    cli.ok("report-loss", TRACK)
    r = run_cli_process(cli, "play", bought["license_id"], "--decode-only")
    assert r.code == 3 and "re-distributed after a loss" in r.err and r.out == ""


# --- 4: the backend is unreachable, silent, or answers nonsense ------------------------------------


def _closed_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_closed_port_is_backend_unreachable(make_cli: MakeCli) -> None:
    cli = make_cli(f"http://127.0.0.1:{_closed_port()}", "library")
    assert "cannot be reached" in cli.fails(4, "catalog")
    assert "cannot be reached" in cli.fails(4, "signup", "wim", password=PASSWORD)
    r = run_cli_process(cli, "catalog")
    assert r.code == 4 and "cannot be reached" in r.err


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A socket that accepts connections (the kernel does, from the backlog) and never says a word."""
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(16)
        yield f"http://127.0.0.1:{s.getsockname()[1]}"


def test_a_silent_server_does_not_hang_the_cli(make_cli: MakeCli, silent_server: str) -> None:
    cli = make_cli(silent_server, "library")
    started = time.monotonic()
    r = run_cli_process(cli, "catalog", env={"INSURED_PLAYER_TIMEOUT": "1"}, timeout=30)
    assert r.code == 4 and f"{silent_server} did not answer within 1 s" in r.err, r.err
    assert time.monotonic() - started < 10  # one deadline of one second, retry included, plus start-up
    assert "INSURED_PLAYER_TIMEOUT" in cli.fails(2, "catalog", env={"INSURED_PLAYER_TIMEOUT": "soon"})


GARBAGE = {
    "html": (200, "text/html", b"<html><body>Welcome to nginx!</body></html>"),
    "broken-json": (200, "application/json", b'{"name": "insurer", "public_key": '),
    "wrong-json": (200, "application/json", json.dumps({"hello": "world"}).encode()),
    "server-error": (500, "text/html", b"<h1>Internal Server Error</h1>"),
    "teapot": (418, "text/plain", b"I'm a teapot"),
}


@contextmanager
def garbage_server(status: int, mime: str, body: bytes) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", mime)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_a_server_answering_nonsense_is_exit_4(make_cli: MakeCli, kind: str) -> None:
    with garbage_server(*GARBAGE[kind]) as url:
        cli = make_cli(url, "library")
        err = cli.fails(4, "catalog")
        assert url in err or "backend" in err, err
        cli.fails(4, "signup", "xena", password=PASSWORD)
        if kind == "html":
            r = run_cli_process(cli, "catalog")
            assert r.code == 4 and r.out == ""


# --- 5: integrity ----------------------------------------------------------------------------------


def _flip(path: Path, at: float) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_byte_in_a_stored_track_is_exit_5(cli: Cli) -> None:
    cli.sign_up_insured("yuki")
    cli.buy(TRACK, "aurora-0012")
    (row,) = cli.library()[TRACK]
    _flip(Path(row["path"]), 0.6)

    report = cli.run("verify")
    assert report.code == 5 and "1 corrupt" in report.err
    assert report.json() == {"missing": [], "corrupt": [TRACK], "ok": 1}
    err = cli.fails(5, "play", TRACK, "--decode-only")
    assert "tamper" in err.lower() or "corrupt" in err.lower() or "segment" in err.lower(), err
    r = run_cli_process(cli, "play", TRACK, "--decode-only")
    assert r.code == 5 and r.out == ""
    assert cli.ok("play", "aurora-0012", "--decode-only")["frames"] > 0  # the other track is fine

    # The cure: report it lost; the insurer re-issues it and the fresh download plays.
    (item,) = cli.ok("report-loss", TRACK)["items"]
    assert item["outcome"] == "reissued"
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0


def test_a_tampered_license_package_is_exit_5(cli: Cli) -> None:
    cli.sign_up_insured("zoe")
    (bought,) = cli.buy(TRACK)
    (package,) = (cli.data_dir / "packages").glob("*.json")
    text = package.read_text()
    start = text.index('"sealed_license"') + len('"sealed_license": "') + 20
    swapped = "B" if text[start] != "B" else "C"
    package.write_text(text[:start] + swapped + text[start + 1 :])

    err = cli.fails(5, "play", TRACK, "--decode-only")
    assert "signature" in err.lower(), err
    r = run_cli_process(cli, "play", bought["license_id"], "--decode-only")
    assert r.code == 5


# --- 6: a claim refused under the guarantee conditions ---------------------------------------------


def test_a_fourth_claim_for_the_same_track_is_refused(cli: Cli) -> None:
    cli.sign_up_insured("abe")
    cli.buy(TRACK)
    for _ in range(3):  # [0039]: the same track at most 3 times
        (item,) = cli.ok("report-loss", TRACK)["items"]
        assert item["outcome"] == "reissued"
    err = cli.fails(6, "report-loss", TRACK)
    assert "3" in err, err
    assert cli.ok("policy")["relicensing_count"] == 3
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0  # the third re-issue still plays


def test_a_claim_within_the_waiting_period_is_refused(start_backend: StartBackend, make_cli: MakeCli) -> None:
    with start_backend("--waiting-days", "3") as backend:
        cli = make_cli(backend, "library")
        policy = cli.sign_up_insured("bea")
        cli.buy(TRACK)
        err = cli.fails(6, "report-loss", TRACK)
        assert "re-licensing" in err.lower() or "waiting" in err.lower(), err
        assert policy["relicensing_starts"] > policy["guarantee_start"]
        r = run_cli_process(cli, "report-loss", "--all")
        assert r.code == 6
        assert cli.ok("policy")["relicensing_count"] == 0
