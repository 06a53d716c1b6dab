"""Signed documents kept as received: a policy only ever moves to a higher revision, and the license list
comes back as the chain it was stored as — never one that goes back to an older list."""

from __future__ import annotations

import json

import pytest

from player.errors import MalformedError, MismatchError, MissingFileError
from player.protocol.license_list import apply_delta, verify_license_list
from player.protocol.policy import verify_policy
from player.storage import Store
from tests.support.factories import Keys, make_list, make_policy, valid

KEYS = Keys.fixed()


def test_policy_revisions_only_go_up(store: Store) -> None:
    assert store.put_policy("P-1", make_policy(KEYS, "P-1", revision=2).data, 2)
    assert not store.put_policy("P-1", make_policy(KEYS, "P-1", revision=1).data, 1), "a late, older revision"
    assert not store.put_policy("P-1", make_policy(KEYS, "P-1", revision=2).data, 2), (
        "the same revision again"
    )
    assert store.put_policy("P-1", make_policy(KEYS, "P-1", revision=3).data, 3)
    (row,) = store.policies()
    assert (row.policy_id, row.revision) == ("P-1", 3)
    assert verify_policy(store.policy_bytes("P-1"), KEYS.insurer_pub).revision == 3


def test_a_policy_must_be_what_it_is_filed_as(store: Store) -> None:
    with pytest.raises(MismatchError):
        store.put_policy("P-1", make_policy(KEYS, "P-1", revision=2).data, 5)
    with pytest.raises(MismatchError):
        store.put_policy("P-2", make_policy(KEYS, "P-1", revision=1).data, 1)
    with pytest.raises(MalformedError):
        store.put_policy("P-1", make_list(KEYS.insurer, 1).data, 1)
    assert store.policies() == []
    with pytest.raises(KeyError):
        store.policy_bytes("P-1")


def test_the_license_list_chain_round_trips(store: Store) -> None:
    assert store.license_list_chain() is None
    full = make_list(KEYS.insurer, 3, valid("L-1")).data
    d4, d5 = (
        make_list(KEYS.insurer, 4, valid("L-2"), base=3).data,
        make_list(KEYS.insurer, 5, valid("L-3"), base=4).data,
    )
    store.put_license_list(full)
    assert store.append_list_delta(d5, 5)  # filed by version, whatever the arrival order
    assert store.append_list_delta(d4, 4)
    assert store.license_list_chain() == (full, [d4, d5])
    key = KEYS.insurer_pub
    folded = verify_license_list(full, key)
    for delta in (d4, d5):
        folded = apply_delta(folded, verify_license_list(delta, key))
    assert folded.version == 5 and [e.license_id for e in folded.entries] == ["L-1", "L-2", "L-3"]


def test_a_new_full_list_replaces_the_chain(store: Store) -> None:
    store.put_license_list(make_list(KEYS.insurer, 3).data)
    store.append_list_delta(make_list(KEYS.insurer, 4, base=3).data, 4)
    full6 = make_list(KEYS.insurer, 6).data
    store.put_license_list(full6)
    assert store.license_list_chain() == (full6, [])
    assert sorted(p.name for p in (store.data_dir / "lists").iterdir()) == ["full.json"]
    assert not store.append_list_delta(make_list(KEYS.insurer, 5, base=4).data, 5), (
        "no newer than the full list"
    )


def test_deltas_left_behind_by_a_crash_are_not_served(store: Store) -> None:
    """Crash between writing the new full list and removing the old deltas: the stale delta-4 must not
    be offered on top of full list 6."""
    store.put_license_list(make_list(KEYS.insurer, 3).data)
    store.append_list_delta(make_list(KEYS.insurer, 4, base=3).data, 4)
    (store.data_dir / "lists" / "full.json").write_bytes(make_list(KEYS.insurer, 6).data)
    assert store.license_list_chain() == (make_list(KEYS.insurer, 6).data, [])


@pytest.mark.parametrize("reencode", [False, True])
def test_stale_deltas_are_told_by_the_full_lists_version_however_it_is_written(
    store: Store, reencode: bool
) -> None:
    """The version is read from the list's last bytes when it ends as the insurer writes it, and from
    the whole document when it does not: either way the stale delta stays out and the newer one in."""
    full = make_list(KEYS.insurer, 6, valid("L-1")).data
    if reencode:
        full = json.dumps(json.loads(full), indent=2).encode() + b"\n"
    store.put_license_list(make_list(KEYS.insurer, 3).data)
    store.append_list_delta(make_list(KEYS.insurer, 4, base=3).data, 4)
    (store.data_dir / "lists" / "full.json").write_bytes(full)  # a crash left delta-4 behind
    newer = make_list(KEYS.insurer, 7, base=6).data
    assert store.append_list_delta(newer, 7)
    assert store.license_list_chain() == (full, [newer])


def test_lists_must_be_what_they_are_filed_as(store: Store) -> None:
    with pytest.raises(MalformedError, match="delta"):
        store.put_license_list(make_list(KEYS.insurer, 4, base=3).data)
    with pytest.raises(MissingFileError, match="full list"):
        store.append_list_delta(make_list(KEYS.insurer, 4, base=3).data, 4)
    store.put_license_list(make_list(KEYS.insurer, 3).data)
    with pytest.raises(MismatchError):
        store.append_list_delta(make_list(KEYS.insurer, 4, base=3).data, 5)
    with pytest.raises(MismatchError):
        store.append_list_delta(make_list(KEYS.insurer, 4).data, 4)
