"""The command line's grammar: every subcommand and option, argparse with mistakes as `UsageError`.

Its help speaks the system's language like the rest of the command: the texts here, the usage line's
prefix, the headings and -h's own line are translated (`Cli` context); only argparse's own error
sentences, which go out inside our one error line, stay English.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, NoReturn

from player.cli import insurers, playlists
from player.cli.output import PROG
from player.errors import UsageError
from player.language import QT_TRANSLATE_NOOP, translate

DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli", "insured-player-cli: every user action without a window, `--json` on all of them."
)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, translate("Cli", "usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is a `UsageError`: one line on stderr and exit 2, like every error; and
    its headings and -h in the system's language."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False  # ours below, its line translated
        parents: list[argparse.ArgumentParser] = kwargs.pop("parents", [])
        super().__init__(*args, **kwargs)
        # Named before the parents' options join, so theirs land under the same (translated) heading.
        self._positionals.title = translate("Cli", "positional arguments")
        self._optionals.title = translate("Cli", "options")
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=translate("Cli", "show this help and exit"),
            )
        for parent in parents:  # what argparse does with `parents=`, after the headings are named
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            translate("Cli", "{message} (see `{prog} --help`)").format(message=message, prog=self.prog)
        )


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help=translate("Cli", "the library's folder")
    )
    common.add_argument(
        "--server",
        default=argparse.SUPPRESS,
        metavar="URL",
        help=translate("Cli", "the insurer (default: bundled)"),
    )
    insurers.add_options(common)
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help=translate("Cli", "machine-readable output"),
    )
    p = _Parser(prog=PROG, description=translate("Cli", DESCRIPTION), parents=[common])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[common])

    signup = cmd("signup", translate("Cli", "create an account and sign in"))
    signup.add_argument("user")
    signup.add_argument(
        "--email",
        metavar="ADDRESS",
        help=translate("Cli", "as your insurers know you (they keep only a pseudonym of it)"),
    )
    cmd("login", translate("Cli", "sign in")).add_argument("user")
    cmd(
        "logout",
        translate("Cli", "sign out: nothing plays or syncs until you sign in again (the library is kept)"),
    )
    take_out = cmd("insure", translate("Cli", "take out insurance (shows the terms)"))
    take_out.add_argument(
        "--check-every-play",
        action="store_true",
        help=translate("Cli", "the cheaper policy: every play asks the insurer first while online"),
    )
    take_out.add_argument(
        "--coverage",
        choices=("full", "license", "contents"),
        default="full",
        help=translate(
            "Cli", "what the policy covers: license and audio (full), the license alone, or the audio alone"
        ),
    )
    cmd("catalog", translate("Cli", "the store: both providers' tracks")).add_argument("--genre")
    buy = cmd("buy", translate("Cli", "buy a track with insurance and download it"))
    buy.add_argument("content_id")
    where = buy.add_mutually_exclusive_group()
    where.add_argument(
        "--uninsured",
        action="store_true",
        help=translate("Cli", "buy at the provider without insurance (insure it later)"),
    )
    where.add_argument(
        "--at-provider",
        action="store_true",
        help=translate("Cli", "insured, at the provider's own checkout (if it has one)"),
    )
    where.add_argument(
        "--at-insurer", action="store_true", help=translate("Cli", "insured, through the insurer")
    )
    insure = cmd("insure-existing", translate("Cli", "insure tracks bought without insurance"))
    insure.add_argument("license_ids", nargs="*", metavar="LICENSE_ID")
    insure.add_argument(
        "--all-uninsured", action="store_true", help=translate("Cli", "every track bought without insurance")
    )
    cmd(
        "insure-audio",
        translate("Cli", "cover the audio of tracks whose license another insurer covers (with --insurer)"),
    ).add_argument("content_ids", nargs="+", metavar="CONTENT_ID")
    cmd(
        "library",
        translate("Cli", "every license this terminal holds, with its state, and your own music files"),
    )
    cmd(
        "add-music",
        translate("Cli", "add your own audio files or folders (read where they are, not insured)"),
    ).add_argument("paths", nargs="+", type=Path, metavar="PATH")
    cmd(
        "remove-music",
        translate("Cli", "stop showing a folder or file added with add-music (the files stay)"),
    ).add_argument("path", type=Path)
    cmd("sync", translate("Cli", "fetch the signed license list (and any missing track file)"))
    play = cmd("play", translate("Cli", "play a track (or only decode it)"))
    play.add_argument(
        "id",
        metavar="CONTENT_OR_LICENSE_ID",
        help=translate("Cli", "or your own file's path (see add-music)"),
    )
    play.add_argument("--decode-only", action="store_true")
    play.add_argument("--seconds", type=float, default=None, help=translate("Cli", "stop after this long"))
    preview = cmd(
        "preview", translate("Cli", "play a track's short store clip (or only decode it), from memory")
    )
    preview.add_argument("content_id")
    preview.add_argument("--decode-only", action="store_true")
    preview.add_argument("--seconds", type=float, default=None, help=translate("Cli", "stop after this long"))
    cmd("verify", translate("Cli", "integrity scan: missing and corrupt tracks")).add_argument(
        "--repair",
        action="store_true",
        help=translate("Cli", "fetch missing and corrupt files again (free: the license is kept)"),
    )
    loss = cmd("report-loss", translate("Cli", "report lost tracks (or the whole library) to the insurer"))
    loss.add_argument("content_ids", nargs="*", metavar="CONTENT_ID")
    loss.add_argument("--all", action="store_true", help=translate("Cli", "every insured track"))
    loss.add_argument("--genre", help=translate("Cli", "preferred genre for alternates"))
    alt = cmd("alternates", translate("Cli", "alternates offered for a track that cannot be re-issued"))
    alt.add_argument("item_id")
    alt.add_argument("--genre")
    choose = cmd("choose", translate("Cli", "take one of the alternates"))
    choose.add_argument("item_id")
    choose.add_argument("alternate_id")
    cmd("recover", translate("Cli", "after a crash: re-key the policy and re-distribute every insured track"))
    cmd("policy", translate("Cli", "the insurance policy, limits used and history"))
    cmd("upgrades", translate("Cli", "the newer versions of your tracks your insurers offer (free)"))
    cmd("upgrade", translate("Cli", "take a newer version of a track")).add_argument("content_id")
    cmd("receipts", translate("Cli", "every receipt: what was charged, signed by who charged it"))
    receipt = cmd("receipt", translate("Cli", "one receipt in full, as PDF or as the signed file"))
    receipt.add_argument("receipt_id")
    receipt.add_argument("--pdf", type=Path, metavar="FILE", help=translate("Cli", "write it as a PDF"))
    receipt.add_argument(
        "--save",
        type=Path,
        metavar="FILE",
        help=translate("Cli", "write the signed receipt (to import elsewhere)"),
    )
    cmd(
        "import-receipt", translate("Cli", "keep a signed receipt from a file, after checking it")
    ).add_argument("file", type=Path)
    cmd("insurers", translate("Cli", "the backend's insurers, their terms, and yours"))
    cmd("shared", translate("Cli", "what your insurers told each other about you: each loss compensated"))
    playlists.add_parser(sub, common)  # playlist list|show|new|add|delete|export|import
    return p
