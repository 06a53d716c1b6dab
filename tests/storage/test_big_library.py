"""The benchmark's generated library is one the player reads back exactly: the index it writes directly is
the one the store rebuilds from its files, and the terminal lists it with the signed list's verdicts."""

from __future__ import annotations

from pathlib import Path

from bench import big_library
from player.protocol.container import ContainerReader
from player.storage import FileState, Store
from player.terminal import LibraryState, Terminal


def test_the_generated_index_is_the_one_the_files_rebuild(tmp_path: Path) -> None:
    lib = big_library.build(tmp_path / "library", 300, reissued=6)
    with Store(lib.data_dir) as store:
        written = (store.library(), store.tracks(), store.policies())
        packages = [(p.license_id, p.content_id, p.policy_id, p.item_id, p.path) for p in store.packages()]
    (lib.data_dir / "library.sqlite3").unlink()
    with Store(lib.data_dir) as store:
        assert store.rebuilt is not None and store.rebuilt.skipped == []
        assert (store.rebuilt.tracks, store.rebuilt.licenses) == (300, 306)
        assert (store.library(), store.tracks(), store.policies()) == written
        assert [
            (p.license_id, p.content_id, p.policy_id, p.item_id, p.path) for p in store.packages()
        ] == packages


def test_every_track_file_is_a_whole_container_of_its_own_track(tmp_path: Path) -> None:
    lib = big_library.build(tmp_path / "library", 50, reissued=0)
    with Store(lib.data_dir) as store:
        for track in store.tracks():
            with store.open_track(track.info.content_id) as f:
                reader = ContainerReader(f, lib.content_key, expect_content_id=track.info.content_id)
                reader.verify_all()  # every segment's tag, under the header as associated data
                assert reader.read(0, 256) == bytes(256)
        assert [s.state for s in store.scan_files()] == [FileState.OK] * 50


def test_the_terminal_lists_it_with_the_lists_verdicts(tmp_path: Path) -> None:
    lib = big_library.build(tmp_path / "library", 200, reissued=4)
    terminal = Terminal(lib.data_dir, lib.server, keys=lib.keys)
    try:
        entries = terminal.library.entries()
    finally:
        terminal.close()
    assert len(entries) == lib.licenses == 204
    replaced = [e for e in entries if e.replaced_by]
    assert len(replaced) == 4 and all(e.state is LibraryState.INVALID for e in replaced)
    assert all(e.state is LibraryState.VALID for e in entries if not e.replaced_by)
    assert {e.row.title for e in entries} and all(e.row.file is not None for e in entries)
