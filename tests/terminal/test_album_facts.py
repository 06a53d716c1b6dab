"""The core reads where a track sits in its album from the track's own tags, decrypted in memory: on
arrival, and once for a library kept from before it did. A file that will not open leaves the facts
unknown and the library as it was."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from player.terminal import Terminal
from tests.support.backend import Backend

LANTERN, WALTZ = "aurora-0001", "aurora-0002"  # tracks 1 and 2 of Night Shift Sessions (2016)


@pytest.fixture
def terminal(tmp_path: Path, module_backend: Backend) -> Iterator[Terminal]:
    made = Terminal(tmp_path / "library", module_backend.url, keys_in_memory=True)
    made.account.sign_up(f"u{uuid.uuid4().hex[:10]}", "a long enough password 1")
    made.account.insure()
    try:
        yield made
    finally:
        made.close()


def _facts(terminal: Terminal, content_id: str) -> tuple[int, int, bool]:
    info = terminal.library.track_info(content_id)
    assert info is not None
    return info.track_number, info.year, info.tagged


def test_a_bought_track_knows_its_number_and_year_from_its_tags(terminal: Terminal) -> None:
    terminal.purchases.buy(WALTZ)
    assert _facts(terminal, WALTZ) == (2, 2016, True)
    row = next(e.row for e in terminal.library.entries() if e.row.content_id == WALTZ)
    assert (row.track_number, row.year, row.album_artist, row.compilation) == (2, 2016, "", False)


def test_a_library_from_before_tags_were_read_learns_them_once(terminal: Terminal) -> None:
    for content_id in (LANTERN, WALTZ):
        terminal.purchases.buy(content_id)
        info = terminal.library.track_info(content_id)
        assert info is not None  # as the previous version kept it: the catalog's words only
        terminal._store.put_track_info(replace(info, track_number=0, year=0, tagged=False))
    assert _facts(terminal, LANTERN) == (0, 0, False)

    assert terminal.library.fill_album_facts(limit=1) == (1, True)  # a batch at a time
    assert terminal.library.fill_album_facts(limit=1) == (1, False)
    assert _facts(terminal, LANTERN) == (1, 2016, True) and _facts(terminal, WALTZ) == (2, 2016, True)
    assert terminal.library.fill_album_facts() == (0, False)  # read once


def test_a_damaged_file_leaves_the_facts_unknown_and_the_library_whole(terminal: Terminal) -> None:
    terminal.purchases.buy(LANTERN)
    info = terminal.library.track_info(LANTERN)
    assert info is not None
    terminal._store.put_track_info(replace(info, track_number=0, year=0, tagged=False))
    path = terminal.library.file_path(LANTERN)
    assert path is not None
    data = bytearray(path.read_bytes())
    data[200:260] = bytes(60)  # inside the first segment, where the tags are
    path.write_bytes(bytes(data))

    assert terminal.library.fill_album_facts() == (0, False)
    assert _facts(terminal, LANTERN) == (0, 0, False)
    assert terminal.library.fill_album_facts() == (0, False)  # not tried again and again this session
    assert terminal.library.cover(LANTERN) is None
    assert [e.row.content_id for e in terminal.library.entries()] == [LANTERN]


def test_the_cover_of_a_held_track_is_read_in_memory(terminal: Terminal) -> None:
    terminal.purchases.buy(LANTERN)
    before = sorted(p for p in terminal.data_dir.rglob("*") if p.is_file())
    cover = terminal.library.cover(LANTERN)
    assert cover is not None and cover.data.startswith(b"\x89PNG")
    assert sorted(p for p in terminal.data_dir.rglob("*") if p.is_file()) == before
    assert terminal.library.cover("aurora-0003") is None  # not held
