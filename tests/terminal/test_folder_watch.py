"""The folder watch sees what changes the library (an audio file written in place, added, renamed into
place, deleted; a folder created or removed) and nothing else (a cover saved, a hidden temporary file)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.terminal import FolderWatch


@pytest.fixture
def watch(tmp_path: Path) -> Iterator[FolderWatch]:
    made = FolderWatch()
    yield made
    made.close()


def test_what_changes_the_library_is_seen_and_nothing_else(watch: FolderWatch, tmp_path: Path) -> None:
    album = tmp_path / "Album"
    album.mkdir()
    song = album / "song.flac"
    song.write_bytes(b"0" * 100)
    watch.watch([tmp_path, album])
    assert watch.changes() == set()

    with song.open("r+b") as f:  # a tag editor saving in place: unseen by a plain directory watch
        f.write(b"tags")
    assert watch.changes() == {album}
    (album / "cover.jpg").write_bytes(b"jpeg")
    (album / ".song.flac.part").write_bytes(b"partial")
    assert watch.changes() == set()
    os.rename(album / ".song.flac.part", album / "new.mp3")  # renamed into place when complete
    assert watch.changes() == {album}
    song.unlink()
    assert watch.changes() == {album}
    (tmp_path / "Another album").mkdir()
    assert watch.changes() == {tmp_path}

    shutil.rmtree(album)  # the folder itself goes: it and its parent changed, and its watch is dropped
    assert watch.changes() == {tmp_path, album}
    assert watch.folders == {tmp_path}


def test_watching_another_set_drops_the_old_watches(watch: FolderWatch, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    watch.watch([one])
    watch.watch([two, tmp_path / "not there"])
    assert watch.folders == {two} and watch.refused == []
    (one / "a.flac").write_bytes(b"x")
    (two / "b.flac").write_bytes(b"x")
    assert watch.changes() == {two}
