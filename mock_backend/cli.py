"""`mock-backend`: serve the backend, and drive its admin controls from a shell.

Exit codes: 0 done, 1 refused by the backend, 2 usage, 4 backend unreachable or answering nonsense.
Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import signal
import socket
import sys
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import requests

from mock_backend import limits
from mock_backend.atomic import write_atomic
from mock_backend.config import Settings
from mock_backend.insurers import UnknownInsurerError, hosted

DEFAULT_PORT = 8765
TIMEOUT = 30.0


def _default_server() -> str:
    return os.environ.get("MOCK_BACKEND_URL", f"http://127.0.0.1:{DEFAULT_PORT}")


def _default_data_dir() -> Path:
    env = os.environ.get("MOCK_BACKEND_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("insured-player-backend"))


def _admin_headers(server: str, data_dir: Path | None) -> dict[str, str]:
    """The admin token the running backend wrote at start: admin controls need it.

    From `--data-dir` (or `$MOCK_BACKEND_DATA_DIR`) when given; else the copy a backend on this machine
    leaves under the port of `server` in the runtime dir; else the default data dir. Without any, the
    request goes out bare, so an unreachable backend is still reported as such (exit 4) and a reachable
    one refuses in its own words, naming where its token is (exit 1)."""
    candidates = []
    if data_dir is None and not os.environ.get("MOCK_BACKEND_DATA_DIR"):
        port = urlsplit(server).port
        if port is not None:
            candidates.append(_token_by_port(port))
    candidates.append((data_dir or _default_data_dir()) / limits.ADMIN_TOKEN_FILE)
    for path in candidates:
        try:
            token = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if token:
            return {limits.ADMIN_TOKEN_HEADER: token}
    return {}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mock-backend", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="run the insurer and both providers on one port")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")
    s.add_argument("--data-dir", type=Path, default=None)
    s.add_argument(
        "--demo", action="store_true", help="build the demo catalog on first start (in the background)"
    )
    s.add_argument(
        "--demo-catalog",
        type=Path,
        default=None,
        metavar="FILE",
        help="the demo catalog's definition (TOML; default: the one shipped)",
    )
    s.add_argument(
        "--catalog-paused",
        action="store_true",
        help="hold the demo catalog's rendering until 'admin catalog resume'",
    )
    s.add_argument(
        "--list-ttl",
        type=int,
        default=None,
        metavar="SECONDS",
        help="license list validity = terminal offline grace (default 30 days)",
    )
    s.add_argument(
        "--waiting-days",
        type=int,
        default=None,
        metavar="N",
        help="waiting period before claims (default 0 with --demo, else 7)",
    )
    s.add_argument(
        "--insurers",
        default=None,
        metavar="ID,ID",
        help="host only these insurers, the first at the root (with --demo: kaede,minato; default: all)",
    )
    s.add_argument(
        "--exchange-secret-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the pseudonym secret insurers share (default: made in the data dir; give two backends one)",
    )
    s.add_argument(
        "--peer",
        action="append",
        default=[],
        metavar="ID=URL",
        help="an insurer of the history exchange hosted by another backend, at its base URL"
        " (http://host:port/insurers/ID); repeat for each",
    )
    s.add_argument(
        "--exit-with-parent",
        nargs="?",
        type=int,
        const=0,
        default=None,
        metavar="PID",
        help="stop when the process that started this one (PID, when given) ends: the player's bundled"
        " backend",
    )

    a = sub.add_parser(
        "admin", help="demo and test controls (on loopback only, with the token in the backend's data dir)"
    )
    a.add_argument("--server", default=None)
    a.add_argument(
        "--data-dir", type=Path, default=None, help="the backend's data dir, where its admin token is"
    )
    asub = a.add_subparsers(dest="action", required=True)
    asub.add_parser("providers", help="list providers with their state and trouble record")
    o = asub.add_parser("outage", help="start or end a provider outage")
    o.add_argument("provider")
    o.add_argument("state", choices=["on", "off"])
    d = asub.add_parser("discontinue", help="stop distributing a track")
    d.add_argument("content_id")
    u = asub.add_parser("upgrade", help="publish a new version of a track")
    u.add_argument("content_id")
    k = asub.add_parser(
        "sells", help="where a provider sells insured tracks: through the insurer, its own checkout, or both"
    )
    k.add_argument("provider")
    k.add_argument("configurations", nargs="+", choices=["front_end", "back_end"])
    e = asub.add_parser("end-business", help="a provider ends its business")
    e.add_argument("provider")
    g = asub.add_parser("catalog", help="pause or resume the demo catalog's first rendering")
    g.add_argument("state", choices=["pause", "resume"])
    c = asub.add_parser("clock", help="show the backend clock, or move it forward by SECONDS")
    c.add_argument("advance", nargs="?", type=int, default=None, metavar="SECONDS")

    t = sub.add_parser("add-track", help="import your own audio file through a running backend")
    t.add_argument("file", type=Path)
    t.add_argument("--provider", required=True)
    t.add_argument("--price", type=int, required=True, help="yen")
    t.add_argument("--genre", required=True)
    t.add_argument("--title", default=None)
    t.add_argument("--server", default=None)
    t.add_argument(
        "--data-dir", type=Path, default=None, help="the backend's data dir, where its admin token is"
    )
    return p


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _call(method: str, server: str, path: str, **kwargs: Any) -> Any:
    url = server.rstrip("/") + path
    try:
        r = requests.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.RequestException as e:
        raise CliError(f"cannot reach the backend at {server}: {type(e).__name__}", 4) from e
    try:
        body = r.json()
    except ValueError as e:
        raise CliError(
            f"the backend at {server} answered HTTP {r.status_code} with something that is not JSON", 4
        ) from e
    if r.status_code >= 400:
        err = body.get("error", {}) if isinstance(body, dict) else {}
        raise CliError(f"refused: {err.get('message', f'HTTP {r.status_code}')}", 1)
    return body


def _print(obj: Any) -> None:
    if isinstance(obj, list):
        for row in obj:
            print("  ".join(f"{k}={v}" for k, v in row.items()))
    elif isinstance(obj, dict):
        print("  ".join(f"{k}={v}" for k, v in obj.items()))


def _admin(args: argparse.Namespace) -> int:
    server = args.server or _default_server()
    h = _admin_headers(server, args.data_dir)
    if args.action == "providers":
        _print(_call("GET", server, "/admin/providers", headers=h))
    elif args.action == "outage":
        on = {"on": args.state == "on"}
        _print(_call("POST", server, f"/admin/providers/{args.provider}/outage", json=on, headers=h))
    elif args.action == "discontinue":
        _print(_call("POST", server, f"/admin/content/{args.content_id}/discontinue", headers=h))
    elif args.action == "upgrade":
        _print(_call("POST", server, f"/admin/content/{args.content_id}/upgrade", headers=h))
    elif args.action == "sells":
        chosen = {"configurations": args.configurations}
        path = f"/admin/providers/{args.provider}/configurations"
        _print(_call("POST", server, path, json=chosen, headers=h))
    elif args.action == "end-business":
        _print(_call("POST", server, f"/admin/providers/{args.provider}/end-business", headers=h))
    elif args.action == "catalog":
        _print(_call("POST", server, "/admin/catalog", json={"paused": args.state == "pause"}, headers=h))
    elif args.action == "clock":
        if args.advance is None:
            _print(_call("GET", server, "/admin/clock", headers=h))
        else:
            shift = {"advance_seconds": args.advance}
            _print(_call("POST", server, "/admin/clock", json=shift, headers=h))
    return 0


def _add_track(args: argparse.Namespace) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as e:
        raise CliError(f"cannot read {args.file}: {e.strerror}", 2) from e
    server = args.server or _default_server()
    headers = _admin_headers(server, args.data_dir)
    form = {"provider": args.provider, "price": str(args.price), "genre": args.genre}
    if args.title:
        form["title"] = args.title
    _print(
        _call(
            "POST",
            server,
            "/admin/tracks",
            data=form,
            files={"file": (args.file.name, data)},
            headers=headers,
        )
    )
    return 0


def _exit_with_parent(pid: int) -> None:
    """A player that crashed or was killed leaves no backend behind: once our parent is gone (we are
    re-parented), SIGTERM ourselves, which uvicorn answers with its graceful shutdown. Polled, because
    PR_SET_PDEATHSIG would follow the parent *thread* that started us, not the player. The player names
    itself (`pid`), so one killed before this watch began is noticed too, not taken for the parent."""
    parent = pid or os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mock_backend.app import create_app

    if args.exit_with_parent is not None:  # first: a player may die while the app is built
        _exit_with_parent(args.exit_with_parent)
    data_dir = args.data_dir or _default_data_dir()
    settings = Settings(
        data_dir=data_dir.resolve(),
        demo=args.demo,
        demo_catalog=args.demo_catalog.resolve() if args.demo_catalog else None,
        catalog_paused=args.catalog_paused,
        insurers=tuple(i.strip() for i in (args.insurers or "").split(",") if i.strip()),
        exchange_secret_file=args.exchange_secret_file.resolve() if args.exchange_secret_file else None,
    )
    try:
        specs = hosted(settings)
    except UnknownInsurerError as e:
        raise CliError(f"--insurers: {e}", 2) from e
    settings = _replace(settings, peers=_peers(args.peer, {s.id for s in specs}))
    if args.demo_catalog is not None:
        from mock_backend.demo.catalog import load_catalog

        try:
            load_catalog(args.demo_catalog)
        except (OSError, ValueError) as e:
            raise CliError(f"--demo-catalog: {e}", 2) from e
    if args.list_ttl is not None:
        if args.list_ttl < 60:
            raise CliError("--list-ttl must be at least 60 seconds", 2)
        settings = _replace(settings, list_ttl_seconds=args.list_ttl)
    waiting = args.waiting_days if args.waiting_days is not None else (0 if args.demo else 7)
    if waiting < 0:
        raise CliError("--waiting-days cannot be negative", 2)
    settings = _replace(settings, waiting_days=waiting)

    # proto=IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without
    # it every response after the first on a kept-alive connection waits ~40 ms for a delayed ACK.
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as e:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {e.strerror}", 1) from e
    sock.listen(128)
    app = create_app(settings)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    by_port = _token_by_port(port)
    write_atomic(by_port, app.state.ctx.admin_token.encode("ascii"), mode=0o600)
    # The first line on stdout is the contract with whoever started us (the player, the tests).
    print(f"mock-backend listening on http://{shown}:{port}", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=2)
    # What start-up built (modules, routes, schemas, ~90,000 objects) lives as long as the process: out of
    # the collector's sight, a full collection no longer walks it (it took ~35 ms, every thread waiting).
    gc.freeze()
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        by_port.unlink(missing_ok=True)
    return 0


_PEER_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _peers(given: list[str], here: set[str]) -> tuple[tuple[str, str], ...]:
    """`--peer ID=URL`s, checked: an insurer's ID, an http(s) URL, none hosted here, none twice."""
    peers: dict[str, str] = {}
    for text in given:
        peer_id, _, url = text.partition("=")
        parts = urlsplit(url)
        if not _PEER_ID.fullmatch(peer_id) or parts.scheme not in ("http", "https") or not parts.netloc:
            raise CliError(
                f"--peer {text!r}: give ID=URL, e.g. minato=http://127.0.0.1:8766/insurers/minato", 2
            )
        if peer_id in here:
            raise CliError(f"--peer {peer_id}: that insurer is hosted here", 2)
        if peer_id in peers:
            raise CliError(f"--peer {peer_id}: given twice", 2)
        peers[peer_id] = url.rstrip("/")
    return tuple(peers.items())


def _token_by_port(port: int) -> Path:
    """Where a running backend also leaves its admin token for admin commands that name only its URL
    (`--server`, no `--data-dir`): the user's runtime dir, private to the same user as the data dir."""
    # Newer platformdirs warn on stderr when XDG_RUNTIME_DIR is unset (a plain ssh or sudo shell) and
    # then fall back to a private directory on their own; that fallback is fine, the warning is noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        runtime = Path(platformdirs.user_runtime_dir("insured-player-backend", ensure_exists=True))
    runtime.chmod(0o700)
    return runtime / f"{limits.ADMIN_TOKEN_FILE}-{port}"


def _replace(settings: Settings, **changes: Any) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "admin":
            return _admin(args)
        return _add_track(args)
    except CliError as e:
        print(f"mock-backend: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
