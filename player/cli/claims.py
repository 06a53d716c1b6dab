"""The CLI's claims (FIG.12, FIG.14, crash recovery [0035]): `report-loss`, `alternates`, `choose`,
`recover`. Same contract as the other commands: JSON field names are for scripts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from player import words
from player.cli.output import Output, state_word, table
from player.errors import UsageError
from player.language import translate

if TYPE_CHECKING:
    from player.terminal import Progress, Terminal

Password = Callable[[str], str]


def report_loss(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    if a.all == bool(a.content_ids):
        raise UsageError(translate("Cli", "name the lost tracks (CONTENT_ID...) or give --all"))
    at = t if getattr(a, "insurer", None) else None  # else the insurer of the first track's license
    lost = None if a.all else a.content_ids
    claim, outcomes = t.home.parts.report_loss(lost, at=at, genre=a.genre, progress=p)
    items = [outcome_row(o) | {"alternates": len(o.alternates)} for o in outcomes]
    data = {"claim_id": claim.claim_id, "items": items}
    shown = [r | shown_outcome(o) for r, o in zip(items, outcomes, strict=True)]
    out.emit(
        data, lambda: table(shown, ("item_id", "content_id", "title", "outcome", "reason", "alternates"))
    )
    return 0


def outcome_row(o: Any) -> dict[str, Any]:
    """One claim item as the JSON answers of `report-loss` and `recover` give it."""
    return {k: getattr(o, k) for k in ("item_id", "content_id", "title", "outcome", "reason")}


def shown_outcome(o: Any) -> dict[str, str]:
    """A claim item's outcome and reason as a table for people shows them: in words."""
    if not o.reason:
        why = ""
    elif o.outcome == "alternates_offered":
        why = words.unavailable(o.reason)
    else:
        why = words.refusal(o.reason, facts=getattr(o, "facts", None))
    return {"outcome": state_word(str(o.outcome)), "reason": why}


def alternate_rows(alts: list[Any]) -> list[dict[str, Any]]:
    keys = (
        "alternate_id",
        "content_id",
        "title",
        "artist",
        "provider",
        "genre",
        "price",
        "price_difference",
        "match",
    )
    return [{k: getattr(x, k) for k in keys} for x in alts]


def alternates(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    rows = alternate_rows(t.claims.alternates(a.item_id, a.genre))
    out.emit(
        rows,
        lambda: table(
            rows, ("alternate_id", "title", "artist", "provider", "genre", "price", "price_difference")
        ),
    )
    return 0


def choose(t: Terminal, a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    choice = t.claims.choose(a.item_id, a.alternate_id, p)
    data = {
        "item_id": choice.item_id,
        "content_id": choice.license.content_id,
        "license_id": choice.license.license_id,
        "replaces": choice.replaces,
    }
    out.emit(
        data,
        lambda: translate("Cli", "{content_id} is yours now, replacing license {replaces}").format(
            content_id=choice.license.content_id, replaces=choice.replaces
        ),
    )
    return 0


def recover(t: Terminal, _a: argparse.Namespace, out: Output, p: Progress | None, _pw: Password) -> int:
    claim, outcomes = t.claims.recover(p)
    items = [outcome_row(o) for o in outcomes]
    data = {"claim_id": claim.claim_id, "items": items}
    shown = [r | shown_outcome(o) for r, o in zip(items, outcomes, strict=True)]
    out.emit(data, lambda: table(shown, ("item_id", "content_id", "title", "outcome", "reason")))
    return 0
