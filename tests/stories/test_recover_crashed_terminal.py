"""Story: the user's computer dies; on a new one — a fresh data dir *and* a fresh keyring — they sign in
and recover the library ([0035]): new policy keys, every insured track re-distributed and downloaded.
The old machine's licenses are invalidated, so keeping the old disk around gains nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
import secretstorage

from tests.stories.driver import PASSWORD, Cli
from tests.support.backend import Backend
from tests.support.machines import fresh_keyring

TRACKS = ("aurora-0006", "harbor-0010", "harbor-0013")


def _keyring_items() -> list[str]:
    """Every secret's label in the keyring this process now talks to."""
    with closing(secretstorage.dbus_init()) as conn:
        collection = secretstorage.get_default_collection(conn)
        return [item.get_label() for item in collection.get_all_items()]


def test_a_crashed_terminal_is_recovered_on_a_new_machine(
    make_cli: Callable[[Backend | str, str], Cli],
    module_backend: Backend,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = make_cli(module_backend, "old-machine")
    old.sign_up_insured("ruth")
    old_licenses = {b["content_id"]: b["license_id"] for b in old.buy(*TRACKS)}
    old_policy = old.ok("policy")

    first_bus = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    with fresh_keyring(tmp_path / "new-machine-keyring") as new_bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", new_bus)
        assert _keyring_items() == []  # nothing of the old machine: no policy key, no token, no mark

        new = make_cli(module_backend, "new-machine")
        assert not new.data_dir.exists()
        new.fails(2, "recover")  # not signed in on this machine yet
        new.ok("login", "ruth", password=PASSWORD)

        recovered = new.ok("recover")
        assert recovered["claim_id"]
        assert {i["content_id"]: i["outcome"] for i in recovered["items"]} == dict.fromkeys(
            TRACKS, "reissued"
        )

        library = new.library()
        assert set(library) == set(TRACKS)
        for cid in TRACKS:
            (row,) = library[cid]
            assert row["state"] == "valid" and row["license_id"] != old_licenses[cid]
            assert Path(row["path"]).is_file() and Path(row["path"]).is_relative_to(new.data_dir)
            assert new.ok("play", cid, "--decode-only")["frames"] > 0
        assert new.ok("verify") == {"missing": [], "corrupt": [], "ok": len(TRACKS)}

        policy = new.ok("policy")
        assert policy["contract_id"] == old_policy["contract_id"]
        assert policy["public_key_fingerprint"] != old_policy["public_key_fingerprint"]  # re-keyed
        assert any("policy-key" in label or "insured-player" in label for label in _keyring_items())

    # Back on the old machine (its disk survived after all): its licenses no longer play.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", first_bus)
    old.ok("sync")
    rows = old.library()
    for cid in TRACKS:
        (row,) = rows[cid]
        assert (row["license_id"], row["state"], row["reason"]) == (
            old_licenses[cid],
            "invalid",
            "redistributed_after_crash",
        )
    err = old.fails(3, "play", TRACKS[0], "--decode-only")
    assert "crash" in err, err
    old.ok("sync")  # the new machine's licenses are named in the list; the old machine keeps none of them
    assert all(len(rows) == 1 for rows in old.library().values())
