"""A damaged `library.sqlite3` is only a broken index: the player moves it aside, rebuilds it from the
library files, and the user's library is all there. Files the index cannot place stay untouched."""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from player.errors import StorageError
from player.storage import LibraryRow, Store
from tests.support.factories import Keys, make_container, make_package, make_policy, track_info

KEYS = Keys.fixed()


def _library_with_everything(data_dir: Path) -> tuple[list[LibraryRow], list[object], list[object]]:
    with Store(data_dir) as store:
        for i in range(12):
            cid, lid = f"C-{i}", f"L-{i}"
            store.put_package(
                lid,
                make_package(KEYS, lid, cid, policy_id=f"P-{i % 2}", item_id=f"I-{i}").data,
                cid,
                f"P-{i % 2}",
                f"I-{i}",
            )
            if i % 3:  # some tracks have a file, some only metadata (not downloaded yet)
                store.put_track_file(
                    track_info(cid, title=f"Song {i}"), make_container(content_id=cid, size=3000).data
                )
            else:
                store.put_track_info(track_info(cid, title=f"Song {i}"))
        store.put_policy("P-0", make_policy(KEYS, "P-0", revision=4).data, 4)
        store.put_policy("P-1", make_policy(KEYS, "P-1", revision=1).data, 1)
        return _snapshot(store)


def _snapshot(store: Store) -> tuple[list[LibraryRow], list[object], list[object]]:
    return store.library(), list(store.policies()), list(store.packages())


@pytest.mark.parametrize(
    ("damage", "moved_aside"),
    [
        pytest.param(lambda p: os.truncate(p, p.stat().st_size // 2), True, id="truncated-to-half"),
        pytest.param(lambda p: os.truncate(p, 50), True, id="truncated-inside-the-header"),
        # SQLite reads an empty file as a new, empty database: nothing to keep, just rebuild.
        pytest.param(lambda p: os.truncate(p, 0), False, id="emptied"),
        pytest.param(lambda p: p.write_bytes(os.urandom(8192)), True, id="overwritten-with-noise"),
    ],
)
def test_a_damaged_index_is_rebuilt_from_the_library_files(
    data_dir: Path, damage: object, moved_aside: bool
) -> None:
    before = _library_with_everything(data_dir)
    index = data_dir / "library.sqlite3"
    damage(index)  # type: ignore[operator]
    with Store(data_dir) as store:
        assert _snapshot(store) == before
        assert store.rebuilt is not None and store.rebuilt.licenses == 12 and store.rebuilt.skipped == []
        assert (store.recovered_from is not None) == moved_aside
        if store.recovered_from is not None:
            assert store.recovered_from.is_file()
            assert store.recovered_from.name.startswith("library.sqlite3.broken-")
    with sqlite3.connect(index) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Store(data_dir) as store:  # and the next start is an ordinary one
        assert store.rebuilt is None and store.recovered_from is None


def test_an_index_someone_else_wrote_is_moved_aside(data_dir: Path) -> None:
    before = _library_with_everything(data_dir)
    index = data_dir / "library.sqlite3"
    index.unlink()
    with sqlite3.connect(index) as conn:
        conn.execute("CREATE TABLE songs (name TEXT)")
    with Store(data_dir) as store:
        assert store.recovered_from is not None
        assert _snapshot(store) == before


def test_deleting_the_index_loses_nothing(data_dir: Path) -> None:
    before = _library_with_everything(data_dir)
    (data_dir / "library.sqlite3").unlink()
    with Store(data_dir) as store:
        assert _snapshot(store) == before


def test_the_rebuild_skips_what_it_cannot_place(data_dir: Path) -> None:
    _library_with_everything(data_dir)
    (data_dir / "packages" / "L-0.json").write_bytes(b"{broken")
    (data_dir / "packages" / "L-1.json").rename(data_dir / "packages" / "L-99.json")  # misfiled
    (data_dir / "library.sqlite3").unlink()
    with Store(data_dir) as store:
        assert store.rebuilt is not None
        assert sorted(store.rebuilt.skipped) == ["packages/L-0.json", "packages/L-99.json"]
        assert {r.license_id for r in store.library()} == {f"L-{i}" for i in range(2, 12)}
    assert (data_dir / "packages" / "L-99.json").exists(), "nothing is deleted"


def test_a_container_without_its_metadata_file_is_still_indexed(data_dir: Path) -> None:
    _library_with_everything(data_dir)
    (data_dir / "tracks" / "C-1.json").unlink()
    (data_dir / "library.sqlite3").unlink()
    with Store(data_dir) as store:
        row = next(r for r in store.library() if r.content_id == "C-1")
        assert (row.title, row.version, row.mime) == ("", 1, "audio/flac")
        assert row.path is not None


def test_an_index_from_a_newer_player_is_rebuilt_not_misread(data_dir: Path) -> None:
    before = _library_with_everything(data_dir)
    with sqlite3.connect(data_dir / "library.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 99")
    with Store(data_dir) as store:
        assert store.recovered_from is not None and _snapshot(store) == before


def test_an_index_that_cannot_be_opened_is_a_storage_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "library.sqlite3").mkdir()  # a directory where the database should be
    with pytest.raises(StorageError, match="library index"):
        Store(data_dir)


def test_an_index_from_before_tags_were_read_is_upgraded_in_place(data_dir: Path) -> None:
    """A library kept by the previous version (schema 1, metadata files without the album facts) opens
    as it was: nothing moved aside, every row kept, the facts unknown until the tags are read."""
    before = _library_with_everything(data_dir)
    with sqlite3.connect(data_dir / "library.sqlite3") as conn:
        for column in ("track_number", "disc_number", "year", "album_artist", "compilation", "tagged"):
            conn.execute(f"ALTER TABLE tracks DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 1")
    for meta in (data_dir / "tracks").glob("*.json"):
        old = {k: v for k, v in json.loads(meta.read_bytes()).items() if k in OLD_INFO_FIELDS}
        meta.write_text(json.dumps(old))
    with Store(data_dir) as store:
        assert store.recovered_from is None and _snapshot(store) == before
        assert all(not t.info.tagged and t.info.track_number == 0 for t in store.tracks())
        store.put_track_info(replace(track_info("C-0", title="Song 0"), track_number=3, year=1999))
        row = next(r for r in store.library() if r.content_id == "C-0")
        assert (row.track_number, row.year) == (3, 1999)
    (data_dir / "library.sqlite3").unlink()  # and rebuilt from the old files, they still read
    with Store(data_dir) as store:
        assert len(store.library()) == len(before[0])
        assert next(r for r in store.library() if r.content_id == "C-0").year == 1999


OLD_INFO_FIELDS = {
    "format",
    "content_id",
    "version",
    "title",
    "artist",
    "album",
    "genre",
    "provider",
    "duration_ms",
    "price",
}
