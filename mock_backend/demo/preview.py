"""Write the first N demo tracks as tagged FLAC files, so a person can listen to the synthesizer.

    python -m mock_backend.demo.preview OUTDIR [N]

A development aid only: the backend builds its catalog itself. Exit codes follow the project's
convention (0 done, 2 usage).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from mock_backend.demo.catalog import load_catalog
from mock_backend.demo.media import build_track_media


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")


def main(argv: list[str] | None = None) -> int:
    """Parse ``OUTDIR [N]``, render and write ``NN - Artist - Title.flac`` files; return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 2 or (len(args) == 2 and not args[1].isdigit()):
        print("usage: python -m mock_backend.demo.preview OUTDIR [N]", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog()
    count = int(args[1]) if len(args) == 2 else len(catalog.tracks)
    for i, track in enumerate(catalog.tracks[:count], start=1):
        started = time.perf_counter()
        data = build_track_media(track, ("flac",))["flac"]
        path = out / f"{i:02d} - {_safe(track.artist)} - {_safe(track.title)}.flac"
        path.write_bytes(data)
        took = time.perf_counter() - started
        print(f"{path}  {track.genre}, {track.duration_s:g} s, {len(data) / 1e6:.1f} MB, {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
