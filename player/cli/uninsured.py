"""The CLI's side of buying without insurance and insuring later (FIG.15): `buy --uninsured` and
`insure-existing`. Same contract as the other commands: JSON field names are for scripts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from player import words
from player.cli.output import Output, state_word, table
from player.errors import UsageError
from player.language import translate

if TYPE_CHECKING:
    from player.terminal import Progress, Terminal

Password = Callable[[str], str]


def buy_uninsured(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None) -> int:
    sold = t.insure_later.buy(a.content_id, p)
    data = {
        "content_id": sold.content_id,
        "license_id": sold.license_id,
        "price": sold.price,
        "premium": 0,
        "insured": False,
    }
    out.emit(
        data,
        lambda: translate("Cli", "bought {content_id} for {price}, not insured").format(
            content_id=sold.content_id, price=words.yen(sold.price)
        ),
    )
    return 0


def insure_audio(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    """Claim 32: cover the audio of tracks held under licenses at other insurers (a contents-only policy)."""
    outcomes = t.home.parts.insure_contents(t, list(a.content_ids), p)
    rows = [
        {"content_id": o.content_id, "license_id": o.license_id, "outcome": o.outcome, "premium": o.premium}
        | {"reason": o.reason}
        for o in outcomes
    ]
    shown = [
        r | {"outcome": state_word(o.outcome), "reason": words.refusal(o.reason) if o.reason else ""}
        for r, o in zip(rows, outcomes, strict=True)
    ]
    out.emit(rows, lambda: table(shown, ("content_id", "license_id", "outcome", "premium", "reason")))
    return 0


def insure_existing(
    t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password
) -> int:
    if bool(a.license_ids) == bool(a.all_uninsured):
        raise UsageError(translate("Cli", "name the licenses to insure, or give --all-uninsured"))
    outcomes = t.insure_later.insure(None if a.all_uninsured else list(a.license_ids), p)
    rows = [
        {
            "license_id": o.license_id,
            "content_id": o.content_id,
            "outcome": o.outcome,
            "new_license_id": o.new_license_id,
            "reason": o.reason,
        }
        for o in outcomes
    ]

    def text() -> str:
        if not rows:
            return translate("Cli", "nothing to insure: every track here is insured")
        shown = [
            r | {"outcome": state_word(o.outcome), "reason": words.refusal(o.reason) if o.reason else ""}
            for r, o in zip(rows, outcomes, strict=True)
        ]
        return table(shown, ("content_id", "license_id", "outcome", "new_license_id", "reason"))

    out.emit(rows, text)
    return 0
