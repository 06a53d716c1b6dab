"""The integrity scan: which licensed tracks are missing, cut short, or somebody else's — and, for the
holder of the content key, segment-by-segment proof that the rest is intact."""

from __future__ import annotations

import pytest

from player.errors import TamperedError
from player.protocol.container import ContainerReader
from player.storage import FileState, Store
from tests.support.factories import Keys, make_container, make_package, track_info

KEYS = Keys.fixed()


def test_the_scan_reports_each_licensed_tracks_file(store: Store) -> None:
    keys = {}
    for cid in ("C-ok", "C-gone", "C-short", "C-swapped", "C-flipped"):
        sealed, keys[cid], _ = make_container(content_id=cid, size=150_000)
        store.put_package(
            f"L-{cid}",
            make_package(KEYS, f"L-{cid}", cid, policy_id="P-1", item_id="I-1").data,
            cid,
            "P-1",
            "I-1",
        )
        store.put_track_file(track_info(cid), sealed)
    store.put_package(
        "L-unknown",
        make_package(KEYS, "L-unknown", "C-unknown", policy_id="P-1", item_id="I-1").data,
        "C-unknown",
        "P-1",
        "I-1",
    )
    tracks = store.data_dir / "tracks"
    (tracks / "C-gone.v1.ipc").unlink()
    with (tracks / "C-short.v1.ipc").open("r+b") as f:
        f.truncate(100_000)
    (tracks / "C-swapped.v1.ipc").write_bytes((tracks / "C-ok.v1.ipc").read_bytes())
    flipped = bytearray((tracks / "C-flipped.v1.ipc").read_bytes())
    flipped[-5000] ^= 0x01
    (tracks / "C-flipped.v1.ipc").write_bytes(flipped)

    status = {s.content_id: s for s in store.scan_files()}
    assert {cid: s.state for cid, s in status.items()} == {
        "C-ok": FileState.OK,
        "C-gone": FileState.MISSING,
        "C-short": FileState.DAMAGED,
        "C-swapped": FileState.DAMAGED,
        "C-flipped": FileState.OK,  # only the key can tell: see below
        "C-unknown": FileState.MISSING,
    }
    assert status["C-short"].size == 100_000 and "header says" in status["C-short"].detail
    assert "'C-ok'" in status["C-swapped"].detail
    assert status["C-gone"].size is None and status["C-unknown"].version is None

    # The keyed half, as the terminal runs it: constant memory, one segment at a time.
    with store.open_track("C-ok") as f:
        ContainerReader(f, keys["C-ok"], expect_content_id="C-ok").verify_all()
    with store.open_track("C-flipped") as f, pytest.raises(TamperedError, match="segment 2"):
        ContainerReader(f, keys["C-flipped"]).verify_all()
