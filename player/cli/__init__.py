"""`insured-player-cli`: every user action without a window, `--json` on all of them.

Exit codes (docs/protocol.md): 0 done; 1 refused by the backend or the machine (wrong password, no
keyring); 2 usage; 3 refused by the license decision; 4 backend unreachable or answering nonsense;
5 integrity failure (tampered, corrupt or missing data); 6 claim refused by the guarantee conditions.
Errors are one line on stderr, never a traceback. Lines for people are in the system's language
(docs/translation.md); JSON output is the same in every language.

Environment: INSURED_PLAYER_DATA_DIR and INSURED_PLAYER_SERVER stand in for --data-dir and --server;
INSURED_PLAYER_TIMEOUT (seconds) is the deadline of each exchange with a server, its retry included,
and how long a download may receive nothing (default 30 s). Test hook, read here only and never by
the GUI: INSURED_PLAYER_FAKE_NOW (`2026-01-31T12:00:00Z`) is the time the license decision sees, for
the freeze and clock-rollback stories.

The package: `parser` (the grammar), `commands` (one handler per subcommand, over the terminal),
`output` (what is printed); this module wires them and turns every error into its line and exit code.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from player.cli.output import PROG, Output, progress_printer
from player.cli.parser import build_parser
from player.cli.qt_app import application
from player.errors import BackendRefusedError, PlayerError, UsageError
from player.language import install, translate
from player.qt_logging import quiet_multimedia


def run(args: argparse.Namespace) -> int:
    from player.cli import commands
    from player.terminal import Terminal, fixed_clock, network_timeout, now_utc, playable_codecs

    data_dir = getattr(args, "data_dir", None) or _default_data_dir()
    server = getattr(args, "server", None) or os.environ.get("INSURED_PLAYER_SERVER") or None
    out = Output(getattr(args, "json", False))
    progress = progress_printer(not out.json and sys.stderr.isatty())
    fake_now = os.environ.get("INSURED_PLAYER_FAKE_NOW")
    clock = fixed_clock(fake_now, "INSURED_PLAYER_FAKE_NOW") if fake_now else now_utc
    terminal = Terminal(data_dir, server, clock=clock, timeout=network_timeout(), codecs=playable_codecs())
    try:
        insurer = getattr(args, "insurer", None)
        acting = terminal.at_insurer(insurer) if insurer else terminal
        return commands.dispatch(acting, args, out, progress, _password)
    finally:
        terminal.close()


def _password(prompt: str) -> str:
    """From stdin when it is not a terminal (scripts, tests), else asked for without echo."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise UsageError(translate("Cli", "no password on standard input"))
        return line
    return getpass.getpass(prompt)


def _default_data_dir() -> Path:
    import platformdirs

    env = os.environ.get("INSURED_PLAYER_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("insured-player"))


def _speak(argv: Sequence[str]) -> None:
    """Print in the system's language (LANG=ja_JP.UTF-8 gives Japanese), dates and amounts as its locale
    writes them: the command's Qt application, made before the arguments are read so that their help is
    translated too, holds the translators. Laying out a PDF (`receipt --pdf`, or any prefix argparse
    takes for it) needs a GUI application, so that is looked for in the words first."""
    head = list(argv)
    if "--" in head:
        head = head[: head.index("--")]
    pdf = any(len(o) >= 3 and "--pdf".startswith(o) for o in (a.split("=", 1)[0] for a in head))
    install(application(gui=pdf))


def main(argv: Sequence[str] | None = None) -> int:
    quiet_multimedia()
    try:
        words = list(sys.argv[1:] if argv is None else argv)
        _speak(words)
        args = build_parser().parse_args(words)
        return run(args)
    except PlayerError as e:
        Output.error(_said(e))
        return e.exit_code
    except KeyboardInterrupt:
        interrupted = translate("Cli", "interrupted")
        print(f"{PROG}: {interrupted}", file=sys.stderr)
        return 130
    except OSError as e:  # a disk or pipe failure outside the store's own checks
        print(f"{PROG}: {e.strerror or e}", file=sys.stderr)
        return 1


def _said(error: PlayerError) -> str:
    """The error's one line: a refusal the player has words for is said in them, in the user's
    language, as the window says it; anything else in the core's own sentence."""
    from player.words import REQUESTS_REFUSED, refusal, request_refused

    facts = getattr(error, "facts", None)  # a refusal made of facts (the insurers' shared history)
    if facts:
        return refusal(getattr(error, "reason", ""), str(error), facts=facts)
    if isinstance(error, BackendRefusedError) and error.code in REQUESTS_REFUSED:
        return request_refused(error.code, str(error))
    return str(error)
