"""The play queue's rules, without widgets: Play Next goes to the head in the order chosen, Add to Queue
to the tail; drag and drop moves entries; a queued track that was replaced is followed to its
successor, one that no longer plays is dropped; the head leaves as it plays."""

from __future__ import annotations

from dataclasses import replace

from player.terminal import LibraryState
from player.ui.playing.queue import PlayQueue
from tests.support.factories import library_entry

LIBRARY = [library_entry(n) for n in "abcde"]


def test_play_next_goes_first_in_its_order_and_add_goes_last() -> None:
    queue = PlayQueue()
    queue.add(["a", "b"])
    queue.play_next(["d", "c"])
    assert queue.ids == ["d", "c", "a", "b"]
    queue.add(["d"])  # queued again: moves to the end, not twice
    assert queue.ids == ["c", "a", "b", "d"]


def test_drag_and_drop_moves_entries_and_delete_removes_them() -> None:
    queue = PlayQueue()
    queue.add(["a", "b", "c", "d"])
    queue.move([2, 3], 0)  # c, d dragged to the top
    assert queue.ids == ["c", "d", "a", "b"]
    queue.move([0], 4)  # c dragged past the end
    assert queue.ids == ["d", "a", "b", "c"]
    queue.remove([1, 2])
    assert queue.ids == ["d", "c"]


def test_the_head_leaves_as_it_plays_and_replaced_or_gone_tracks_are_followed_or_dropped() -> None:
    queue = PlayQueue()
    queue.add(["a", "b", "c", "zz"])  # zz: no longer in the library
    library = [
        replace(LIBRARY[0], state=LibraryState.INVALID, replaced_by="a2"),  # re-issued after a loss
        library_entry("a2"),
        replace(LIBRARY[1], state=LibraryState.INVALID),  # refused, nothing replaced it
        LIBRARY[2],
    ]
    head = queue.take(library)
    assert head is not None and head.row.license_id == "a2"
    assert queue.ids == ["c"]
    assert queue.peek(library) is not None
    taken = queue.take(library)
    assert taken is not None and taken.row.license_id == "c"
    assert queue.take(library) is None and len(queue) == 0
