"""`insured-player-cli`: every user action without a window, `--json` on all of them.

Exit codes (DESIGN.md): 0 done; 1 refused by the backend or the machine (wrong password, no keyring);
2 usage; 3 refused by the license decision; 4 backend unreachable or answering nonsense; 5 integrity
failure (tampered, corrupt or missing data); 6 claim refused by the guarantee conditions.
Errors are one line on stderr, never a traceback.

Environment: INSURED_PLAYER_DATA_DIR and INSURED_PLAYER_SERVER stand in for --data-dir and --server;
INSURED_PLAYER_TIMEOUT (seconds) bounds every wait for the network (default: 5 s to connect, 30 s
for each answer). Test hook, read here only and never by the GUI: INSURED_PLAYER_FAKE_NOW
(`2026-01-31T12:00:00Z`) is the time the license decision sees, for the freeze and clock-rollback
stories.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from player.errors import PlayerError, UsageError

if TYPE_CHECKING:
    from player.terminal import Clock

PROG = "insured-player-cli"


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is a `UsageError`: one line on stderr and exit 2, like every error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="the library's folder")
    common.add_argument(
        "--server", default=argparse.SUPPRESS, metavar="URL", help="the insurer (default: bundled)"
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    p = _Parser(prog=PROG, description=__doc__.splitlines()[0], parents=[common])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[common])

    cmd("signup", "create an account and sign in").add_argument("user")
    cmd("login", "sign in").add_argument("user")
    cmd("insure", "take out insurance (shows the terms)")
    cmd("catalog", "the store: both providers' tracks").add_argument("--genre")
    cmd("buy", "buy a track with insurance and download it").add_argument("content_id")
    cmd("library", "every license this terminal holds, with its state")
    cmd("sync", "fetch the signed license list")
    play = cmd("play", "play a track (or only decode it)")
    play.add_argument("id", metavar="CONTENT_OR_LICENSE_ID")
    play.add_argument("--decode-only", action="store_true")
    play.add_argument("--seconds", type=float, default=None, help="stop after this long")
    cmd("verify", "integrity scan: missing and corrupt tracks")
    loss = cmd("report-loss", "report lost tracks (or the whole library) to the insurer")
    loss.add_argument("content_ids", nargs="*", metavar="CONTENT_ID")
    loss.add_argument("--all", action="store_true", help="every insured track")
    loss.add_argument("--genre", help="preferred genre for alternates")
    alt = cmd("alternates", "alternates offered for a track that cannot be re-issued")
    alt.add_argument("item_id")
    alt.add_argument("--genre")
    choose = cmd("choose", "take one of the alternates")
    choose.add_argument("item_id")
    choose.add_argument("alternate_id")
    cmd("recover", "after a crash: re-key the policy and re-distribute every insured track")
    cmd("policy", "the insurance policy, limits used and history")
    cmd("upgrade", "take a newer version of a track").add_argument("content_id")
    return p


def _password(prompt: str) -> str:
    """From stdin when it is not a terminal (scripts, tests), else asked for without echo."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise UsageError("no password on standard input")
        return line
    return getpass.getpass(prompt)


def _progress(enabled: bool) -> Callable[[int, int], None] | None:
    if not enabled:
        return None

    def show(done: int, total: int) -> None:
        share = f"{100 * done // total:3d}%" if total else f"{done // 1024} KiB"
        sys.stderr.write(f"\rdownloading {share}")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


class Output:
    def __init__(self, as_json: bool) -> None:
        self.json = as_json

    def emit(self, data: Any, text: Callable[[], str]) -> None:
        print(json.dumps(data, ensure_ascii=False, indent=None) if self.json else text())

    @staticmethod
    def error(message: str) -> None:
        """The one line on stderr that goes with a failing exit status."""
        print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    if not rows:
        return "(nothing)"
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in columns)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from player import cli_commands
    from player.terminal import Terminal

    data_dir = getattr(args, "data_dir", None) or _default_data_dir()
    server = getattr(args, "server", None) or os.environ.get("INSURED_PLAYER_SERVER") or None
    out = Output(getattr(args, "json", False))
    progress = _progress(not out.json and sys.stderr.isatty())
    terminal = Terminal(data_dir, server, clock=_clock(), timeout=_timeout())
    try:
        return cli_commands.dispatch(terminal, args, out, progress, _password)
    finally:
        terminal.close()


def _timeout() -> float | None:
    text = os.environ.get("INSURED_PLAYER_TIMEOUT")
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 3600:
        raise UsageError(f"INSURED_PLAYER_TIMEOUT must be a number of seconds, not {text!r}")
    return seconds


def _clock() -> Clock:
    """The real clock, or the fixed time of the INSURED_PLAYER_FAKE_NOW test hook."""
    from player.protocol.canonical import now_utc, parse_time

    text = os.environ.get("INSURED_PLAYER_FAKE_NOW")
    if not text:
        return now_utc
    try:
        fixed = parse_time(text, "INSURED_PLAYER_FAKE_NOW")
    except PlayerError as e:
        raise UsageError(str(e)) from e
    return lambda: fixed


def _default_data_dir() -> Path:
    import platformdirs

    env = os.environ.get("INSURED_PLAYER_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("insured-player"))


QUIET_QT = "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg*=false"


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("QT_LOGGING_RULES", QUIET_QT)  # FFmpeg's stream dumps are not for users
    try:
        return run(_parser().parse_args(argv))
    except PlayerError as e:
        Output.error(str(e))
        return e.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except OSError as e:  # a disk or pipe failure outside the store's own checks
        print(f"{PROG}: {e.strerror or e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
