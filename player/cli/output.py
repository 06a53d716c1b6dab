"""What the command line prints: one JSON document or text for people on stdout, one line on stderr
for an error, download progress on stderr when it is a terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from player.language import translate

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


def table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    if not rows:
        return "(nothing)"
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in columns)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) for r in rows]
    return "\n".join(lines)
