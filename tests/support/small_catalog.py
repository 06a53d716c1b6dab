"""A demo catalog of a few short tracks, taken from the shipped one: a backend renders it in seconds, for
stories about a catalog still being prepared (`mock-backend serve --demo-catalog FILE`)."""

from __future__ import annotations

import re
from pathlib import Path

from mock_backend.demo.catalog import DEFAULT_CATALOG_PATH

TRACKS = ("aurora-0001", "aurora-0002", "harbor-0003")


def write_small_catalog(path: Path, content_ids: tuple[str, ...] = TRACKS) -> Path:
    text = DEFAULT_CATALOG_PATH.read_text(encoding="utf-8")
    head, *blocks = re.split(r"(?m)^(?=\[\[tracks\]\])", text)
    kept = [b for b in blocks if _content_id(b) in content_ids]
    body = "".join(re.sub(r"(?m)^duration_s = \d+", "duration_s = 20", b) for b in kept)
    path.write_text(head + body, encoding="utf-8")
    return path


def _content_id(block: str) -> str:
    found = re.search(r'content_id = "([^"]+)"', block)
    return found[1] if found else ""
