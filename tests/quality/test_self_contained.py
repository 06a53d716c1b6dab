"""The repository stands alone: no file in it points at a document that is not in it.

What the code relies on from outside (platform facts, formats, exit codes) is written down in `docs/`
(`docs/platform.md`, `docs/protocol.md`), and code, tests and docs point there or state the fact. This
test reads every text file of the checkout (`git ls-files`, tracked and new; a walk when there is no git)
and fails, line by line, on:

- a pointer at a design document kept outside the repository (the upper-case `*.md` notes of the
  project's planning), a `../shared` path or a `seeds/` path;
- an issue-tracker reference in prose ("issue 3", "issues 3/4", "#12") — the tracker is not the repo;
- a `docs/….md` path, a relative Markdown link or a `#section` anchor that leads nowhere, and a
  section quoted after a `docs/` path (`docs/platform.md, "Screens"`) that the page does not have.

This file itself is not scanned for the outside references: its patterns and examples name them.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THIS = Path(__file__).resolve().relative_to(ROOT).as_posix()

# Files that still point outside the repository, left to the engineers who are reshaping them (the CLI,
# the UI, re-distribution, the import-boundaries test). THIS LIST MUST BE EMPTY: fix a file (point it at
# docs/ or state the fact, drop the issue number), then delete its line here. An entry whose file is
# clean or gone fails `test_pending_files_still_need_fixing`, so the list can only shrink.
PENDING: frozenset[str] = frozenset()

# Never scanned: version control, environments, caches and build output.
SKIP_DIRS = frozenset(
    {".git", ".venv", "venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    | {".hypothesis"}
)

# The upper-case names are the project's planning notes outside the repository; `docs/platform.md` and
# `docs/protocol.md` are the repository's own pages, hence case-sensitive.
_OUTSIDE_DOCUMENT = re.compile(r"\b(?:PLATFORM|DESIGN|STYLE)\.md\b")
_OUTSIDE_PATH = re.compile(r"\.\./shared\b|\bseeds/")
# "issue 3", "issues 3/4", "Issue #12", "ticket 7" — but not the verb: "the licensor can issue 2 licenses".
_OBJECTS = r"(?:new\s+)?(?:licen[cs]es?|tracks?|keys?|copies|lists?|packages?|polic(?:y|ies)|tokens?)\b"
_TRACKER = re.compile(
    rf"""
      \b(?:issue|ticket)s?\s*\#?\s*\d+(?!\d)(?:\s*/\s*\d+(?!\d))*(?!\s+{_OBJECTS})
    | (?:^|(?<=[\s(\[]))\#[1-9]\d{{0,4}}(?=$|[\s.,;:)\]])   # "#12" standing in prose, not "#000000"
    | \bpull\s+request\s+\#?\d+
    """,
    re.IGNORECASE | re.VERBOSE,
)
FORBIDDEN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a document outside the repository", _OUTSIDE_DOCUMENT),
    ("a path outside the repository", _OUTSIDE_PATH),
    ("an issue-tracker reference", _TRACKER),
)

# A docs page named from anywhere (repository-relative), optionally with a quoted section after it.
_DOCS_PATH = re.compile(r"(?<![\w./-])(docs/[\w./-]*?\.md)\b(?:#([\w-]+))?(?:'s)?(?:,\s*\"([^\"]+)\")?")
# Relative Markdown links and in-page anchors inside Markdown files.
_MD_LINK = re.compile(r"\]\((?!https?://|mailto:)([^)\s#]*)(?:#([^)\s]+))?\)")


# --- what is scanned -----------------------------------------------------------------------------------


def _listed_by_git() -> list[str] | None:
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return [name for name in result.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def _walked() -> list[str]:
    names = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
        names += [Path(folder, f).relative_to(ROOT).as_posix() for f in files]
    return names


@cache
def text_files() -> dict[str, str]:
    """Repository-relative path -> text, for every regular UTF-8 text file of the checkout."""
    names = _listed_by_git()
    if names is None:
        names = _walked()
    files = {}
    for name in sorted(set(names)):
        parts = name.split("/")
        path = ROOT / name
        if any(p in SKIP_DIRS or p.endswith(".egg-info") for p in parts[:-1]) or parts[0] in SKIP_DIRS:
            continue
        if path.is_symlink() or not path.is_file():  # a deleted file, the .venv link
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            files[name] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return files


def offences(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, why, the line) for each line that points outside the repository."""
    for number, line in enumerate(text.splitlines(), 1):
        for why, pattern in FORBIDDEN:
            if pattern.search(line):
                yield number, why, line.strip()
                break


def _report(found: list[str], header: str) -> str:
    return f"{header}\n" + "\n".join(f"  {line}" for line in found)


# --- the patterns themselves ---------------------------------------------------------------------------

CAUGHT = [
    "see PLATFORM.md",
    "PLATFORM.md's deadlock rules",
    '(DESIGN.md, "The parts")',
    "(STYLE.md, python-tuf)",
    "the patent text in ../shared/seeds",
    "text in `seeds/`",
    "issue 3",
    "the fields issue 3 promises",
    "issue 3's list",
    "(filled in by issue 3/4)",
    "issues 3/4",
    "First run (issue 4, item 6)",
    "Issue #12",
    "ticket 7",
    "fixed in #12.",
    "(#12)",
    "see #7 for why",
    "#12",
    "pull request 31",
]
SPARED = [
    "ISO 8601",
    "FIG.7",
    "FIG.15 (9)",
    "[0035]",
    "HTTP 404",
    "exit code 4",
    "the licensor can issue 2 licenses",
    "the insurer issues 3 new licenses",
    "issued_at",
    "issue_license(ctx, conn)",
    "the themed icons use #000000 (and #ffffff) as placeholders",
    'b"<LicenseID>lic&#1;0001"',
    'QColor("#333")',
    "x = 1  # 2 bytes",
    'for _ in "${#missing[@]}"',
    "see docs/platform.md",
    "deterministic in the catalog's seeds, so",
    '"../../etc/passwd"',
    "page.html#12",
]


@pytest.mark.parametrize("text", CAUGHT)
def test_the_patterns_catch_outside_references(text: str) -> None:
    assert list(offences(text)), f"not caught: {text!r}"


@pytest.mark.parametrize("text", SPARED)
def test_the_patterns_spare_ordinary_text(text: str) -> None:
    assert not list(offences(text)), f"wrongly caught: {text!r}"


def test_the_scan_sees_every_kind_of_file() -> None:
    """A scan that silently read nothing would pass: check it reads code, scripts, docs and data."""
    files = text_files()
    expected = {
        "README.md",
        "pyproject.toml",
        "test",
        "play",
        ".ci/run",
        "scripts/lib.sh",
        "player/resources/insured-player.desktop",
        "docs/platform.md",
        "docs/protocol.md",
        "player/playback/engine.py",
        THIS,
    }
    assert expected <= files.keys(), sorted(expected - files.keys())
    assert not any(name.startswith((".git/", ".venv/")) for name in files)


# --- the repository ------------------------------------------------------------------------------------


def test_no_file_points_outside_the_repository() -> None:
    found = [
        f"{name}:{number}: {line}   <- {why}"
        for name, text in text_files().items()
        if name not in PENDING and name != THIS
        for number, why, line in offences(text)
    ]
    if found:
        pytest.fail(
            _report(
                found,
                "these lines point outside the repository; point them at docs/ (platform.md, protocol.md) "
                "or state the fact, and drop issue numbers:",
            ),
            pytrace=False,
        )


def test_pending_files_still_need_fixing() -> None:
    """PENDING only shrinks: an entry whose file is now clean, or gone, must be deleted from the list."""
    files = text_files()
    stale = [name for name in sorted(PENDING) if name not in files or not list(offences(files[name]))]
    if stale:
        pytest.fail(
            _report(
                stale, "remove these from PENDING in tests/quality/test_self_contained.py (clean or gone):"
            ),
            pytrace=False,
        )


def _slug(heading: str) -> str:
    """The anchor a Markdown heading gets on GitHub: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(ch for ch in heading.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def _headings(markdown: str) -> dict[str, str]:
    """Slug -> heading text, for every ATX heading outside fenced code."""
    found: dict[str, str] = {}
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"#{1,6}\s+(.+?)\s*#*\s*$", line)):
            found[_slug(m.group(1))] = m.group(1)
    return found


def test_docs_references_lead_somewhere() -> None:
    files = text_files()
    broken = []

    def check(where: str, target: str, anchor: str | None, section: str | None) -> None:
        if target not in files:
            broken.append(f"{where}: {target} does not exist")
            return
        headings = _headings(files[target]) if target.endswith(".md") else {}
        if anchor and anchor not in headings:
            broken.append(f"{where}: {target} has no section #{anchor}")
        if section and section not in headings.values():
            broken.append(f"{where}: {target} has no section {section!r}")

    for name, text in files.items():
        if name == THIS:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{name}:{number}"
            for m in _DOCS_PATH.finditer(line):
                check(where, m.group(1), m.group(2), m.group(3))
            if not name.endswith(".md"):
                continue
            for m in _MD_LINK.finditer(line):
                link, anchor = m.group(1), m.group(2)
                if link and not link.endswith(".md"):
                    if not (ROOT / Path(name).parent / link).exists():
                        broken.append(f"{where}: {link} does not exist")
                    continue
                target = (Path(name).parent / link).as_posix() if link else name
                check(where, os.path.normpath(target), anchor, None)
    if broken:
        unique = list(dict.fromkeys(broken))  # a Markdown link to a docs/ page is seen by both patterns
        pytest.fail(_report(unique, "references into the repository that lead nowhere:"), pytrace=False)
