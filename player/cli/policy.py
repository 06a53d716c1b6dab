"""The CLI's insurance policy: `insure` and `policy`, its fields as JSON for scripts (their names are a
contract) and as `name: value` lines for people, named in the language spoken."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from player.cli import receipts
from player.cli.output import Output
from player.errors import MissingFileError, UsageError
from player.language import QT_TRANSLATE_NOOP, translate
from player.words import amounts_as_ours, stamp

if TYPE_CHECKING:
    from player.terminal import Progress, Terminal

Password = Callable[[str], str]


def _policy_fields(t: Terminal) -> dict[str, Any]:
    p = t.account.policy()
    fields: dict[str, Any] = {
        "contract_id": p.contract_id,
        "insured": p.insured,
        "state": p.state.value,
        "premium_yen_per_track": p.premium_yen_per_track,
        "check_every_play": p.check_every_play,
        "coverage": p.coverage.value,
        "guarantee_start": stamp(p.guarantee_start),
        "guarantee_end": stamp(p.guarantee_end),
        "relicensing_starts": stamp(p.relicensing_starts),
        "relicensing_limit_per_track": p.relicensing_limit_per_track,
        "relicensing_limit_total": p.relicensing_limit_total,
        "price_difference_limit": p.price_difference_limit,
        "guaranteed_license_ids": list(p.guaranteed_license_ids),
        "public_key_fingerprint": p.public_key_fingerprint,
        "insurer_fingerprint": t.connection.insurer_fingerprint(),
    }
    history = t.account.history()
    if history is not None:  # FIG.6A, online only
        fields |= {
            "relicensing_count": history.relicensing_count,
            "relicensing_left_total": p.relicensing_limit_total - history.relicensing_count,
            "gross_amount": history.gross_amount,
            "first_contract_at": history.first_contract_at,
            "per_track": [
                {
                    "content_id": i.content_id,
                    "original_content_id": i.original_content_id,
                    "relicense_count": i.relicense_count,
                    "relicensing_left": p.relicensing_limit_per_track - i.relicense_count,
                }
                for i in history.items
            ],
        }
    return fields


# What each field of the policy is called in its text for people (the English is the JSON field's name).
POLICY_LABELS = {
    "contract_id": QT_TRANSLATE_NOOP("CliPolicy", "contract_id"),
    "insured": QT_TRANSLATE_NOOP("CliPolicy", "insured"),
    "state": QT_TRANSLATE_NOOP("CliPolicy", "state"),
    "premium_yen_per_track": QT_TRANSLATE_NOOP("CliPolicy", "premium_yen_per_track"),
    "check_every_play": QT_TRANSLATE_NOOP("CliPolicy", "check_every_play"),
    "coverage": QT_TRANSLATE_NOOP("CliPolicy", "coverage"),
    "guarantee_start": QT_TRANSLATE_NOOP("CliPolicy", "guarantee_start"),
    "guarantee_end": QT_TRANSLATE_NOOP("CliPolicy", "guarantee_end"),
    "relicensing_starts": QT_TRANSLATE_NOOP("CliPolicy", "relicensing_starts"),
    "relicensing_limit_per_track": QT_TRANSLATE_NOOP("CliPolicy", "relicensing_limit_per_track"),
    "relicensing_limit_total": QT_TRANSLATE_NOOP("CliPolicy", "relicensing_limit_total"),
    "price_difference_limit": QT_TRANSLATE_NOOP("CliPolicy", "price_difference_limit"),
    "public_key_fingerprint": QT_TRANSLATE_NOOP("CliPolicy", "public_key_fingerprint"),
    "insurer_fingerprint": QT_TRANSLATE_NOOP("CliPolicy", "insurer_fingerprint"),
    "relicensing_count": QT_TRANSLATE_NOOP("CliPolicy", "relicensing_count"),
    "relicensing_left_total": QT_TRANSLATE_NOOP("CliPolicy", "relicensing_left_total"),
    "gross_amount": QT_TRANSLATE_NOOP("CliPolicy", "gross_amount"),
    "first_contract_at": QT_TRANSLATE_NOOP("CliPolicy", "first_contract_at"),
    "terms": QT_TRANSLATE_NOOP("CliPolicy", "terms"),
}


def _text(fields: dict[str, Any]) -> str:
    """One `name: value` line per field, named and with yes or no in the language spoken."""

    def value(v: Any) -> Any:
        if isinstance(v, bool):
            return translate("Cli", "yes") if v else translate("Cli", "no")
        return v

    return "\n".join(
        translate("Cli", "{label}: {value}").format(
            label=translate("CliPolicy", POLICY_LABELS[k]) if k in POLICY_LABELS else k, value=value(v)
        )
        for k, v in fields.items()
        if not isinstance(v, list)
    )


def insure(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    terms = t.account.terms()
    t.account.insure(check_every_play=a.check_every_play, coverage=a.coverage)
    fields = _policy_fields(t)
    # Scripts get the insurer's own sentence; people read its amounts as every other amount here.
    out.emit(
        fields | {"terms": terms.summary}, lambda: amounts_as_ours(terms.summary) + "\n\n" + _text(fields)
    )
    return 0


def show_policy(t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    try:
        fields = _policy_fields(t)
    except (MissingFileError, UsageError):
        # No policy here (lost, or never fetched to this computer): the newest receipt's conditions,
        # signed by the insurer, still say what is insured.
        kept = t.receipts.with_conditions()
        if kept is None:
            raise
        fields = receipts.conditions_fields(kept)
        out.emit(fields, lambda: receipts.conditions_text(kept))
        return 0
    out.emit(fields, lambda: _text(fields))
    return 0
