"""Signed documents kept as received: a policy only ever moves to a higher revision, and the license list
comes back as the chain it was stored as — never one that goes back to an older list."""

from __future__ import annotations

import pytest

from player.errors import MalformedError, MismatchError, MissingFileError
from player.protocol.license_list import apply_delta, verify_license_list
from player.protocol.policy import verify_policy
from player.storage import Store
from tests.storage import factory


def test_policy_revisions_only_go_up(store: Store) -> None:
    assert store.put_policy("P-1", factory.policy_doc("P-1", 2), 2)
    assert not store.put_policy("P-1", factory.policy_doc("P-1", 1), 1), "a late, older revision"
    assert not store.put_policy("P-1", factory.policy_doc("P-1", 2), 2), "the same revision again"
    assert store.put_policy("P-1", factory.policy_doc("P-1", 3), 3)
    (row,) = store.policies()
    assert (row.policy_id, row.revision) == ("P-1", 3)
    assert verify_policy(store.policy_bytes("P-1"), factory.INSURER.public_key()).revision == 3


def test_a_policy_must_be_what_it_is_filed_as(store: Store) -> None:
    with pytest.raises(MismatchError):
        store.put_policy("P-1", factory.policy_doc("P-1", 2), 5)
    with pytest.raises(MismatchError):
        store.put_policy("P-2", factory.policy_doc("P-1", 1), 1)
    with pytest.raises(MalformedError):
        store.put_policy("P-1", factory.list_doc(1), 1)
    assert store.policies() == []
    with pytest.raises(KeyError):
        store.policy_bytes("P-1")


def test_the_license_list_chain_round_trips(store: Store) -> None:
    assert store.license_list_chain() is None
    full = factory.list_doc(3, license_ids=("L-1",))
    d4, d5 = factory.list_doc(4, 3, ("L-2",)), factory.list_doc(5, 4, ("L-3",))
    store.put_license_list(full)
    assert store.append_list_delta(d5, 5)  # filed by version, whatever the arrival order
    assert store.append_list_delta(d4, 4)
    assert store.license_list_chain() == (full, [d4, d5])
    key = factory.INSURER.public_key()
    folded = verify_license_list(full, key)
    for delta in (d4, d5):
        folded = apply_delta(folded, verify_license_list(delta, key))
    assert folded.version == 5 and [e.license_id for e in folded.entries] == ["L-1", "L-2", "L-3"]


def test_a_new_full_list_replaces_the_chain(store: Store) -> None:
    store.put_license_list(factory.list_doc(3))
    store.append_list_delta(factory.list_doc(4, 3), 4)
    full6 = factory.list_doc(6)
    store.put_license_list(full6)
    assert store.license_list_chain() == (full6, [])
    assert sorted(p.name for p in (store.data_dir / "lists").iterdir()) == ["full.json"]
    assert not store.append_list_delta(factory.list_doc(5, 4), 5), "no newer than the full list"


def test_deltas_left_behind_by_a_crash_are_not_served(store: Store) -> None:
    """Crash between writing the new full list and removing the old deltas: the stale delta-4 must not
    be offered on top of full list 6."""
    store.put_license_list(factory.list_doc(3))
    store.append_list_delta(factory.list_doc(4, 3), 4)
    (store.data_dir / "lists" / "full.json").write_bytes(factory.list_doc(6))
    assert store.license_list_chain() == (factory.list_doc(6), [])


def test_lists_must_be_what_they_are_filed_as(store: Store) -> None:
    with pytest.raises(MalformedError, match="delta"):
        store.put_license_list(factory.list_doc(4, 3))
    with pytest.raises(MissingFileError, match="full list"):
        store.append_list_delta(factory.list_doc(4, 3), 4)
    store.put_license_list(factory.list_doc(3))
    with pytest.raises(MismatchError):
        store.append_list_delta(factory.list_doc(4, 3), 5)
    with pytest.raises(MismatchError):
        store.append_list_delta(factory.list_doc(4), 4)
