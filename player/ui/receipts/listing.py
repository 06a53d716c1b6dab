"""What the Receipts page lists, gathered on the worker, and the words that name a receipt in a table
cell or a message (context "ReceiptsPage", the page's own)."""

from __future__ import annotations

from dataclasses import dataclass

from player import words
from player.errors import BackendError, PlayerError
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import KeptReceipt, Terminal

# Column titles, translated where shown: translate("ReceiptsPage", title).
COLUMNS = [
    QT_TRANSLATE_NOOP("ReceiptsPage", "Date"),
    QT_TRANSLATE_NOOP("ReceiptsPage", "For"),
    QT_TRANSLATE_NOOP("ReceiptsPage", "Tracks"),
    QT_TRANSLATE_NOOP("ReceiptsPage", "Total"),
    QT_TRANSLATE_NOOP("ReceiptsPage", "Issued by"),
]
SHOWN_TITLES = 3  # titles named in the Tracks column before "and N more"


@dataclass(frozen=True)
class ReceiptsSnapshot:
    kept: list[KeptReceipt]
    refused: dict[str, PlayerError]
    offline: bool


def gather(terminal: Terminal, fetch: bool) -> ReceiptsSnapshot:
    """On the worker: new receipts from the insurer (when `fetch` and it answers), then every one kept."""
    offline = False
    if fetch:
        try:
            terminal.receipts.fetch()
        except BackendError:
            offline = True
    kept, refused = terminal.receipts.survey()
    return ReceiptsSnapshot(kept, refused, offline or not terminal.connection.online)


def titles_in_short(titles: list[str]) -> str:
    """ "A, B, C and 2 more": the tracks a receipt is for, short enough for a table cell."""
    if not titles:
        return "—"
    shown = listed(titles[:SHOWN_TITLES])
    rest = len(titles) - SHOWN_TITLES
    return (
        translate("ReceiptsPage", "{titles} and {n} more").format(titles=shown, n=rest) if rest > 0 else shown
    )


def listed(titles: list[str]) -> str:
    return translate("ReceiptsPage", ", ", "between the names of a list").join(titles)


def named(kept: KeptReceipt) -> str:
    """A receipt as its owner knows it: what it is for and when it was issued (its number is for the
    receipt itself, where it is printed)."""
    r = kept.receipt
    kind = words.receipt_kind(r.kind.value, translate("ReceiptsPage", "your account")).lower()
    what = titles_in_short([i.title for i in r.items]) if r.items else kind
    return translate("ReceiptsPage", "The receipt for {what} of {moment}").format(
        what=what, moment=words.moment(r.issued_at)
    )
