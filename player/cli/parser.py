"""The command line's grammar: every subcommand and option, argparse with mistakes as `UsageError`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from player.cli import playlists
from player.cli.output import PROG
from player.errors import UsageError
from player.language import translate

DESCRIPTION = "insured-player-cli: every user action without a window, `--json` on all of them."


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is a `UsageError`: one line on stderr and exit 2, like every error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            translate("Cli", "{message} (see `{prog} --help`)").format(message=message, prog=self.prog)
        )


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help="the library's folder")
    common.add_argument(
        "--server", default=argparse.SUPPRESS, metavar="URL", help="the insurer (default: bundled)"
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    p = _Parser(prog=PROG, description=DESCRIPTION, parents=[common])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[common])

    cmd("signup", "create an account and sign in").add_argument("user")
    cmd("login", "sign in").add_argument("user")
    cmd("logout", "sign out: nothing plays or syncs until you sign in again (the library is kept)")
    cmd("insure", "take out insurance (shows the terms)").add_argument(
        "--check-every-play",
        action="store_true",
        help="the cheaper policy: every play asks the insurer first while online",
    )
    cmd("catalog", "the store: both providers' tracks").add_argument("--genre")
    buy = cmd("buy", "buy a track with insurance and download it")
    buy.add_argument("content_id")
    where = buy.add_mutually_exclusive_group()
    where.add_argument(
        "--uninsured", action="store_true", help="buy at the provider without insurance (insure it later)"
    )
    where.add_argument(
        "--at-provider", action="store_true", help="insured, at the provider's own checkout (if it has one)"
    )
    where.add_argument("--at-insurer", action="store_true", help="insured, through the insurer")
    insure = cmd("insure-existing", "insure tracks bought without insurance")
    insure.add_argument("license_ids", nargs="*", metavar="LICENSE_ID")
    insure.add_argument("--all-uninsured", action="store_true", help="every track bought without insurance")
    cmd("library", "every license this terminal holds, with its state, and your own music files")
    cmd("add-music", "add your own audio files or folders (read where they are, not insured)").add_argument(
        "paths", nargs="+", type=Path, metavar="PATH"
    )
    cmd("remove-music", "stop showing a folder or file added with add-music (the files stay)").add_argument(
        "path", type=Path
    )
    cmd("sync", "fetch the signed license list (and any missing track file)")
    play = cmd("play", "play a track (or only decode it)")
    play.add_argument("id", metavar="CONTENT_OR_LICENSE_ID", help="or your own file's path (see add-music)")
    play.add_argument("--decode-only", action="store_true")
    play.add_argument("--seconds", type=float, default=None, help="stop after this long")
    preview = cmd("preview", "play a track's short store clip (or only decode it), from memory")
    preview.add_argument("content_id")
    preview.add_argument("--decode-only", action="store_true")
    preview.add_argument("--seconds", type=float, default=None, help="stop after this long")
    cmd("verify", "integrity scan: missing and corrupt tracks").add_argument(
        "--repair",
        action="store_true",
        help="fetch missing and corrupt files again (free: the license is kept)",
    )
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
    cmd("receipts", "every receipt: what was charged, signed by who charged it")
    receipt = cmd("receipt", "one receipt in full, as PDF or as the signed file")
    receipt.add_argument("receipt_id")
    receipt.add_argument("--pdf", type=Path, metavar="FILE", help="write it as a PDF")
    receipt.add_argument(
        "--save", type=Path, metavar="FILE", help="write the signed receipt (to import elsewhere)"
    )
    cmd("import-receipt", "keep a signed receipt from a file, after checking it").add_argument(
        "file", type=Path
    )
    playlists.add_parser(sub, common)  # playlist list|show|new|add|delete|export|import
    return p
