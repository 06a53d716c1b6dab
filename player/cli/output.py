"""What the command line prints: one JSON document or text for people on stdout, one line on stderr
for an error, download progress on stderr when it is a terminal."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from player.language import QT_TRANSLATE_NOOP, translate

PROG = "insured-player-cli"


def progress_printer(enabled: bool, doing: str | None = None) -> Callable[[int, int], None] | None:
    """`doing` is a translated line with a `{share}` placeholder (percent or KiB); downloading if None."""
    if not enabled:
        return None
    line = translate("Cli", "downloading {share}") if doing is None else doing

    def show(done: int, total: int) -> None:
        share = f"{100 * done // total:3d}%" if total else f"{done // 1024} KiB"
        sys.stderr.write("\r" + line.format(share=share))
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


class Output:
    def __init__(self, as_json: bool) -> None:
        self.json = as_json

    def emit(self, data: Any, text: Callable[[], str]) -> None:
        print(json.dumps(data, ensure_ascii=False, indent=None) if self.json else text())

    def note(self, message: str) -> None:
        """A line for people before the answer (never in JSON, which scripts parse whole)."""
        if not self.json:
            print(message)

    @staticmethod
    def error(message: str) -> None:
        """The one line on stderr that goes with a failing exit status."""
        print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


# The heading of each column a table for people may have, by the row's key (the JSON field's name).
HEADINGS = {
    "content_id": QT_TRANSLATE_NOOP("CliTable", "CONTENT_ID"),
    "license_id": QT_TRANSLATE_NOOP("CliTable", "LICENSE_ID"),
    "new_license_id": QT_TRANSLATE_NOOP("CliTable", "NEW_LICENSE_ID"),
    "item_id": QT_TRANSLATE_NOOP("CliTable", "ITEM_ID"),
    "alternate_id": QT_TRANSLATE_NOOP("CliTable", "ALTERNATE_ID"),
    "title": QT_TRANSLATE_NOOP("CliTable", "TITLE"),
    "artist": QT_TRANSLATE_NOOP("CliTable", "ARTIST"),
    "album": QT_TRANSLATE_NOOP("CliTable", "ALBUM"),
    "genre": QT_TRANSLATE_NOOP("CliTable", "GENRE"),
    "provider": QT_TRANSLATE_NOOP("CliTable", "PROVIDER"),
    "price": QT_TRANSLATE_NOOP("CliTable", "PRICE"),
    "premium": QT_TRANSLATE_NOOP("CliTable", "PREMIUM"),
    "price_difference": QT_TRANSLATE_NOOP("CliTable", "PRICE_DIFFERENCE"),
    "state": QT_TRANSLATE_NOOP("CliTable", "STATE"),
    "reason": QT_TRANSLATE_NOOP("CliTable", "REASON"),
    "outcome": QT_TRANSLATE_NOOP("CliTable", "OUTCOME"),
    "alternates": QT_TRANSLATE_NOOP("CliTable", "ALTERNATES"),
    "receipt": QT_TRANSLATE_NOOP("CliTable", "RECEIPT"),
    "date": QT_TRANSLATE_NOOP("CliTable", "DATE"),
    "for": QT_TRANSLATE_NOOP("CliTable", "FOR"),
    "tracks": QT_TRANSLATE_NOOP("CliTable", "TRACKS"),
    "total": QT_TRANSLATE_NOOP("CliTable", "TOTAL"),
    "signed by": QT_TRANSLATE_NOOP("CliTable", "SIGNED BY"),
    "name": QT_TRANSLATE_NOOP("CliTable", "NAME"),
    "playable": QT_TRANSLATE_NOOP("CliTable", "PLAYABLE"),
    "position": QT_TRANSLATE_NOOP("CliTable", "POSITION"),
    "plays": QT_TRANSLATE_NOOP("CliTable", "PLAYS"),
    "path": QT_TRANSLATE_NOOP("CliTable", "PATH"),
    "id": QT_TRANSLATE_NOOP("CliTable", "ID"),
    "insurer": QT_TRANSLATE_NOOP("CliTable", "INSURER"),
    "premium_rate": QT_TRANSLATE_NOOP("CliTable", "PREMIUM_RATE"),
    "guarantee_days": QT_TRANSLATE_NOOP("CliTable", "GUARANTEE_DAYS"),
    "waiting_days": QT_TRANSLATE_NOOP("CliTable", "WAITING_DAYS"),
    "relicensing_limit_per_track": QT_TRANSLATE_NOOP("CliTable", "REISSUES_PER_TRACK"),
    "joined": QT_TRANSLATE_NOOP("CliTable", "YOUR_ACCOUNT"),
    "what": QT_TRANSLATE_NOOP("CliTable", "WHAT"),
    "amount": QT_TRANSLATE_NOOP("CliTable", "AMOUNT"),
}


def table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows under their columns' headings (in the language spoken), each column as wide as its widest
    cell as a terminal shows it: a CJK character takes two columns."""
    if not rows:
        return translate("Cli", "(nothing)")
    headings = {c: translate("CliTable", HEADINGS[c]) if c in HEADINGS else c.upper() for c in columns}
    cells = [{c: str(r.get(c, "")) for c in columns} for r in rows]
    widths = {c: max(_width(headings[c]), *(_width(r[c]) for r in cells)) for c in columns}
    lines = ["  ".join(_pad(headings[c], widths[c]) for c in columns)]
    lines += ["  ".join(_pad(r[c], widths[c]) for c in columns) for r in cells]
    return "\n".join(line.rstrip() for line in lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# The values a table shows in its STATE and OUTCOME columns, in words (JSON keeps the values themselves).
STATE_WORDS = {
    "valid": QT_TRANSLATE_NOOP("CliState", "valid"),
    "invalid": QT_TRANSLATE_NOOP("CliState", "invalid"),
    "unknown": QT_TRANSLATE_NOOP("CliState", "unknown"),
    "unavailable": QT_TRANSLATE_NOOP("CliState", "unavailable"),
    "reissued": QT_TRANSLATE_NOOP("CliState", "reissued"),
    "resent": QT_TRANSLATE_NOOP("CliState", "audio resent"),
    "alternates_offered": QT_TRANSLATE_NOOP("CliState", "alternates_offered"),
    "refused": QT_TRANSLATE_NOOP("CliState", "refused"),
    "chosen": QT_TRANSLATE_NOOP("CliState", "chosen"),
    "insured": QT_TRANSLATE_NOOP("CliState", "insured"),
}


def state_word(value: str) -> str:
    """A state or outcome as a table shows it (a value it does not know, as it is)."""
    return translate("CliState", STATE_WORDS[value]) if value in STATE_WORDS else value
