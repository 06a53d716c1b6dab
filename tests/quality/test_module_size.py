"""No Python module of the repository is longer than 400 lines.

A module past that size does more than one thing and is hard to read in one sitting: split it into
modules named after what each part does. The code, the tests, the bench and the scripts are measured
alike; only a module that is one data table may stand in `DATA_TABLES`, with the reason why.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEASURED = ("player", "mock_backend", "tests", "bench", "scripts")
LIMIT = 400
SKIP_DIRS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis"})

# Modules that are one data table (rows of facts, not logic) and may run longer, each with why.
# Keep it empty if at all possible: a long table can usually be split by topic too.
DATA_TABLES: dict[str, str] = {}


def _modules() -> list[Path]:
    found: list[Path] = []
    for top in MEASURED:
        for dirpath, dirnames, filenames in os.walk(ROOT / top):
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            found += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(".py")]
    return found


def _lines(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for _ in f)


def test_the_measured_folders_hold_modules() -> None:
    assert len(_modules()) > 50, "the walk found (almost) no module: is ROOT right?"


def test_no_module_is_over_the_limit() -> None:
    too_long = {
        rel: n
        for path in _modules()
        if (rel := path.relative_to(ROOT).as_posix()) not in DATA_TABLES and (n := _lines(path)) > LIMIT
    }
    assert not too_long, f"modules over {LIMIT} lines (split them by what they do):\n" + "\n".join(
        f"  {rel}: {n} lines" for rel, n in sorted(too_long.items())
    )


def test_data_tables_are_real_and_long() -> None:
    """An allow-list entry for a file that is gone or short again is stale: drop it."""
    stale = [rel for rel in DATA_TABLES if not (ROOT / rel).is_file() or _lines(ROOT / rel) <= LIMIT]
    assert not stale, f"DATA_TABLES entries no longer needed: {stale}"
