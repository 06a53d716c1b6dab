"""The CLI's receipts (claim 30): `receipts`, `receipt ID [--pdf FILE] [--save FILE]`, `import-receipt FILE`.

Every receipt shown has had its signature checked against the insurer or the provider that signed it.
`--pdf` lays it out with Qt's text engine on the offscreen platform (no display needed); `--save` writes
the signed receipt itself, which another computer of the same user can import and verify.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from player import words
from player.cli.output import Output, table
from player.cli.qt_app import application
from player.language import translate

if TYPE_CHECKING:
    from player.terminal import KeptReceipt, Progress, Terminal

Password = Callable[[str], str]


def fields(kept: KeptReceipt) -> dict[str, Any]:
    r = kept.receipt
    return {
        "receipt_id": r.receipt_id,
        "issued_at": words.stamp(r.issued_at),
        "kind": r.kind.value,
        "signer": kept.signer,
        "signer_name": kept.signer_name,
        "buyer": r.buyer,
        "items": [
            {"content_id": i.content_id, "title": i.title, "price": i.price, "premium": i.premium}
            for i in r.items
        ],
        "total_yen": r.total_yen,
        "conditions": _conditions(kept),
    }


def _conditions(kept: KeptReceipt) -> dict[str, Any] | None:
    c = kept.conditions
    if c is None:
        return None
    return {
        "contract_id": c.contract_id,
        "guarantee_start": words.stamp(c.guarantee_start),
        "guarantee_end": words.stamp(c.guarantee_end),
        "relicensing_starts": words.stamp(c.relicensing_starts),
        "relicensing_limit_per_track": c.relicensing_limit_per_track,
        "relicensing_limit_total": c.relicensing_limit_total,
        "price_difference_limit": c.price_difference_limit,
    }


def conditions_fields(kept: KeptReceipt) -> dict[str, Any]:
    """`policy --json` when no policy is kept here: the conditions a receipt carries, and which one."""
    fields: dict[str, Any] = dict(_conditions(kept) or {})
    fields["from_receipt"] = kept.receipt.receipt_id
    return fields


def conditions_text(kept: KeptReceipt) -> str:
    c = kept.conditions
    assert c is not None  # `with_conditions` returns only receipts that carry them
    return "\n".join(
        [
            translate(
                "Cli",
                "no policy is kept on this computer; receipt {receipt} carries its conditions, "
                "signed by the insurer:",
            ).format(receipt=kept.receipt.receipt_id),
            translate("Cli", "  contract   {contract}").format(contract=c.contract_id),
            translate("Cli", "  insured    {start} to {end}").format(
                start=words.day(c.guarantee_start), end=words.day(c.guarantee_end)
            ),
            translate("Cli", "  claims     from {day}").format(day=words.day(c.relicensing_starts)),
            translate("Cli", "  limits     {per_track} per track, {total} in all").format(
                per_track=c.relicensing_limit_per_track, total=c.relicensing_limit_total
            ),
            translate("Cli", "  alternates may cost up to {limit} more").format(
                limit=words.yen(c.price_difference_limit)
            ),
        ]
    )


def list_receipts(
    t: Terminal, _a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password
) -> int:
    t.receipts.fetch()
    kept = t.receipts.listed()
    rows = [fields(k) for k in kept]

    def text() -> str:
        if not kept:
            return translate("Cli", "no receipts yet: every purchase, policy and replacement leaves one")
        shown = [
            {
                "receipt": k.receipt.receipt_id,
                "date": words.day(k.receipt.issued_at),
                "for": words.receipt_kind(k.receipt.kind.value),
                "tracks": len(k.receipt.items),
                "total": words.yen(k.receipt.total_yen),
                "signed by": k.signer_name,
            }
            for k in kept
        ]
        return table(shown, ("receipt", "date", "for", "tracks", "total", "signed by"))

    out.emit(rows, text)
    return 0


def show_receipt(t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password) -> int:
    kept = t.receipts.one(a.receipt_id)
    if a.save is not None:
        t.receipts.save_signed(kept, a.save)
    if a.pdf is not None:
        t.receipts.save_rendered(a.pdf, _pdf(kept))
    out.emit(fields(kept), lambda: _text(kept, a.pdf, a.save))
    return 0


def import_receipt(
    t: Terminal, a: argparse.Namespace, out: Output, _p: Progress | None, _pw: Password
) -> int:
    kept = t.receipts.import_file(a.file)
    out.emit(
        fields(kept),
        lambda: translate("Cli", "kept receipt {receipt_id}, signed by {signer_name}").format(
            receipt_id=kept.receipt.receipt_id, signer_name=kept.signer_name
        ),
    )
    return 0


def _text(kept: KeptReceipt, pdf: Path | None, saved: Path | None) -> str:
    r = kept.receipt
    lines = [
        translate("Cli", "Receipt {receipt}: {kind}").format(
            receipt=r.receipt_id, kind=words.receipt_kind(r.kind.value)
        ),
        translate("Cli", "  date       {moment}").format(moment=words.moment(r.issued_at)),
        translate("Cli", "  issued by  {signer} (signature checked)").format(signer=kept.signer_name),
        translate("Cli", "  issued to  {buyer}").format(buyer=r.buyer),
    ]
    for i in r.items:
        if i.premium:
            line = translate("Cli", "  {title}: {price} + insurance {premium}")
        else:
            line = translate("Cli", "  {title}: {price}")
        lines.append(line.format(title=i.title, price=words.yen(i.price), premium=words.yen(i.premium)))
    lines.append(translate("Cli", "  total      {total}").format(total=words.yen(r.total_yen)))
    c = kept.conditions
    if c is not None:
        lines.append(
            translate(
                "Cli", "  insured    {start} to {end}, {per_track} replacements per track, {total} in all"
            ).format(
                start=words.day(c.guarantee_start),
                end=words.day(c.guarantee_end),
                per_track=c.relicensing_limit_per_track,
                total=c.relicensing_limit_total,
            )
        )
    if pdf is not None:
        lines.append(translate("Cli", "wrote {file}").format(file=pdf))
    if saved is not None:
        lines.append(translate("Cli", "saved the signed receipt to {file}").format(file=saved))
    return "\n".join(lines)


def _pdf(kept: KeptReceipt) -> bytes:
    """The PDF needs Qt's GUI module but no display: the offscreen platform lays it out."""
    from player.ui.kit.receipt_pdf import pdf_bytes

    application(gui=True)  # made so at the command's start: `--pdf` asks for it
    return pdf_bytes(kept)
