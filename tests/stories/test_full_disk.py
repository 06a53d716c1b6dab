"""Story: the disk under the library fills up, or becomes read-only, and the music keeps playing.

The data dir lives on a real tmpfs; the kernel answers ENOSPC and EROFS. What is already there plays and
lists, online and offline; what needs to write (a purchase, a new list) fails in one line that says what
is wrong with the disk, and nothing already stored is lost: once space is back everything works again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import StartBackend
from tests.stories.driver import Cli, run_cli_process
from tests.support.backend import Backend
from tests.support.disks import fill, remount, tmpfs

MakeCli = Callable[[Backend | str, str], Cli]
KEPT, OTHER, LATER = "aurora-0011", "harbor-0011", "aurora-0001"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """Room for a library of a few tracks, and not much more."""
    with tmpfs(tmp_path / "library", "48m") as where:
        yield where


def test_a_full_disk_still_plays_and_lists_and_says_disk_full_where_it_must_write(
    start_backend: StartBackend, make_cli: MakeCli, small_disk: Path
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("fern")
        kept, other = cli.buy(KEPT, OTHER)
        fill(small_disk)

        assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
        rows = cli.library()
        assert {r["state"] for r in rows[KEPT] + rows[OTHER]} == {"valid"}
        assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}
        err = cli.fails(1, "buy", LATER)
        assert "disk is full" in err and "free some space" in err, err
        sync = run_cli_process(cli, "sync")  # a real process: one line, no traceback, documented exit
        assert sync.code == 1 and "disk is full" in sync.err, sync

        (small_disk / "filler").unlink()  # space again: nothing was lost, and buying works
        assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}
        later = cli.ok("buy", LATER)
        held = {r["license_id"] for r in cli.ok("library")}
        assert held == {kept["license_id"], other["license_id"], later["license_id"]}

        fill(small_disk)
        backend.stop()  # full and offline: the cached list still decides
        assert cli.ok("play", OTHER, "--decode-only")["frames"] > 0


def test_a_read_only_data_dir_plays_and_lists_and_refuses_writes_in_words(
    start_backend: StartBackend, make_cli: MakeCli, small_disk: Path
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("gil")
        kept, _ = cli.buy(KEPT, OTHER)
        remount(small_disk, "ro")
        try:
            assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
            assert {r["state"] for r in cli.ok("library")} == {"valid"}
            err = cli.fails(1, "buy", LATER)
            assert "read-only" in err, err
            backend.stop()
            assert cli.ok("play", OTHER, "--decode-only")["frames"] > 0
        finally:
            remount(small_disk, "rw")
        assert cli.ok("play", kept["license_id"], "--decode-only")["frames"] > 0
