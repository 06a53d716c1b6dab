"""The CLI's insurers: `insurers` lists the backend's insurers with their terms and which ones this library
holds a policy with; the global `--insurer ID` acts at one of them (a fresh library takes the first it is
used with; a library that has an insurer already joins the other one beside it)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from player import words
from player.cli.output import Output, table
from player.language import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from player.terminal import Progress, Terminal

Password = Callable[[str], str]
COLUMNS = (
    "id",
    "name",
    "premium_rate",
    "guarantee_days",
    "waiting_days",
    "relicensing_limit_per_track",
    "joined",
)


def list_insurers(
    t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password
) -> int:
    mine = {t.connection.insurer_id(): t.account.owner} if t.account.owner else {}
    for joined in t.insurers.joined():
        mine[joined.id] = t.insurers.desk(joined.id).account.owner
    rows: list[dict[str, Any]] = []
    for listing in t.insurers.directory():
        terms = listing.terms
        rows.append(
            {
                "id": listing.id,
                "name": listing.name,
                "fingerprint": listing.fingerprint,
                "premium_rate": terms.premium_rate,
                "guarantee_days": terms.guarantee_days,
                "waiting_days": terms.waiting_days,
                "relicensing_limit_per_track": terms.relicensing_limit_per_track,
                "relicensing_limit_total": terms.relicensing_limit_total,
                "joined": listing.id in mine,
                "username": mine.get(listing.id) or None,
            }
        )

    def text() -> str:
        shown = [
            r
            | {
                "premium_rate": words.percent(r["premium_rate"]),
                "joined": r["username"] or (translate("Cli", "yes") if r["joined"] else ""),
            }
            for r in rows
        ]
        return table(shown, COLUMNS)

    out.emit(rows, text)
    return 0


def add_options(common: argparse.ArgumentParser) -> None:
    common.add_argument(
        "--insurer",
        default=argparse.SUPPRESS,
        metavar="ID",
        help=translate("Cli", "act at this insurer of the backend (see `insurers`; default: your first)"),
    )


SHARED_KINDS = {
    "reissued": QT_TRANSLATE_NOOP("Cli", "re-issued"),
    "alternate": QT_TRANSLATE_NOOP("Cli", "an alternate"),
    "license_only": QT_TRANSLATE_NOOP("Cli", "the license re-issued"),
    "contents_only": QT_TRANSLATE_NOOP("Cli", "the file sent again"),
}


def shared(t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _w: Password) -> int:
    """What the insurers told each other about you ([0040]): each loss compensated, by whom, when."""
    records = t.shared_history()
    rows = [
        {
            "date": r.at[:10],
            "insurer": r.insurer_name,
            "title": r.title,
            "what": r.kind,
            "amount": r.amount,
            "record_id": r.record_id,
            "insurer_id": r.insurer,
        }
        for r in records
    ]

    def text() -> str:
        shown = [
            row | {"what": translate("Cli", SHARED_KINDS.get(r.kind, r.kind)), "amount": words.yen(r.amount)}
            for row, r in zip(rows, records, strict=True)
        ]
        return table(shown, ("date", "insurer", "title", "what", "amount"))

    out.emit(rows, text)
    return 0
