"""The play order's rules, without widgets: repeat off stops at the end, repeat all wraps; a shuffle
plays every track once per round and "previous" walks back through it; shuffling albums keeps an
album's tracks together and in order; rows the cached list refuses are never chosen."""

from __future__ import annotations

import random

from player.terminal import LibraryEntry, LibraryState
from player.ui.playing.order import REPEAT_CYCLE, PlayOrder, Repeat, Shuffle, following
from tests.support.factories import library_entry

QUEUE = [library_entry(n, album) for n, album in (("1", "A"), ("2", "A"), ("3", "B"), ("4", "B"), ("5", "C"))]


def _walk(order: PlayOrder, queue: list[LibraryEntry], start: str | None, step: int, n: int) -> list[str]:
    out, current = [], start
    for _ in range(n):
        entry = order.neighbour(queue, current, step, wrap=order.repeat is Repeat.ALL)
        if entry is None:
            out.append("end")
            break
        current = entry.row.license_id
        out.append(current)
    return out


def test_in_order_repeat_off_ends_and_repeat_all_starts_again() -> None:
    order = PlayOrder()
    assert _walk(order, QUEUE, None, +1, 6) == ["1", "2", "3", "4", "5", "end"]
    assert _walk(order, QUEUE, "2", -1, 3) == ["1", "end"]
    order.repeat = Repeat.ALL
    assert _walk(order, QUEUE, "4", +1, 4) == ["5", "1", "2", "3"]
    assert _walk(order, QUEUE, "1", -1, 2) == ["5", "4"]


def test_refused_rows_are_skipped_and_a_refused_current_row_still_has_neighbours() -> None:
    queue = [*QUEUE[:2], library_entry("x", state=LibraryState.INVALID), *QUEUE[2:]]
    order = PlayOrder()
    assert _walk(order, queue, "2", +1, 1) == ["3"]
    assert _walk(order, queue, "x", +1, 1) == ["3"]  # greyed while it played: move on from its place
    assert _walk(order, queue, "x", -1, 1) == ["2"]


def test_a_shuffle_plays_each_track_once_a_round_and_previous_walks_back() -> None:
    order = PlayOrder(random.Random(7))
    order.set_shuffle(Shuffle.TRACKS)
    first = order.neighbour(QUEUE, None, +1, wrap=False)
    assert first is not None
    heard = [first.row.license_id, *_walk(order, QUEUE, first.row.license_id, +1, 5)]
    assert heard[-1] == "end" and sorted(heard[:-1]) == ["1", "2", "3", "4", "5"]
    assert heard[:-1] != ["1", "2", "3", "4", "5"]  # shuffled (this seed's draw is not the identity)
    back = _walk(order, QUEUE, heard[3], -1, 3)
    assert back == [heard[2], heard[1], heard[0]]


def test_shuffling_albums_keeps_each_album_together_and_in_order() -> None:
    for seed in range(5):
        order = PlayOrder(random.Random(seed))
        order.set_shuffle(Shuffle.ALBUMS)
        first = order.neighbour(QUEUE, None, +1, wrap=False)
        assert first is not None
        played = [first.row.license_id, *_walk(order, QUEUE, first.row.license_id, +1, 5)][:-1]
        albums = [next(e.row.album for e in QUEUE if e.row.license_id == p) for p in played]
        runs = [a for i, a in enumerate(albums) if i == 0 or albums[i - 1] != a]
        assert sorted(runs) == ["A", "B", "C"]  # each album in one run
        assert [p for p in played if p in ("1", "2")] == ["1", "2"]
        assert [p for p in played if p in ("3", "4")] == ["3", "4"]


def test_the_repeat_button_steps_off_all_one_and_back() -> None:
    assert [following(r, REPEAT_CYCLE) for r in REPEAT_CYCLE] == [Repeat.ALL, Repeat.TRACK, Repeat.OFF]
