"""In what order the queue plays: repeat (off, one track, all) and shuffle (off, tracks, albums).

Kept apart from `NowPlaying` (which plays) and free of widgets, so the rules read and test on their own.
A shuffle is a fixed permutation drawn once (and drawn again when the queue's tracks change or shuffle
is switched), so "previous" walks back through what was heard and every track plays once per round, as
Strawberry and Quod Libet do; shuffling albums keeps each album's tracks together and in order.
Repeat-one repeats only when a track ends by itself: Next still moves on.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from enum import StrEnum

from player.terminal import LibraryEntry


class Repeat(StrEnum):
    OFF = "off"
    TRACK = "track"
    ALL = "all"


class Shuffle(StrEnum):
    OFF = "off"
    TRACKS = "tracks"
    ALBUMS = "albums"


REPEAT_CYCLE = (Repeat.OFF, Repeat.ALL, Repeat.TRACK)  # what the player bar's button steps through
SHUFFLE_CYCLE = (Shuffle.OFF, Shuffle.TRACKS, Shuffle.ALBUMS)


def following(current: str, cycle: Sequence[str]) -> str:
    """The value after `current` in `cycle`, wrapping (a button that steps through the choices)."""
    return cycle[(list(cycle).index(current) + 1) % len(cycle)] if current in cycle else cycle[0]


class PlayOrder:
    def __init__(self, rng: random.Random | None = None) -> None:
        self.repeat = Repeat.OFF
        self.shuffle = Shuffle.OFF
        self._rng = rng or random.Random()
        self._shuffled: list[str] = []
        self._drawn_for: frozenset[str] = frozenset()

    def set_shuffle(self, shuffle: Shuffle) -> None:
        self.shuffle = shuffle
        self._drawn_for = frozenset()  # drawn again on the next step

    def neighbour(
        self, queue: Sequence[LibraryEntry], current: str | None, step: int, *, wrap: bool
    ) -> LibraryEntry | None:
        """The playable entry `step` (+1 or -1) away from `current` (None: from the start or end);
        past an end it wraps when `wrap`, else None. Rows the cached list refuses, and own files that
        cannot be reached now, are skipped."""
        playable = [e for e in queue if e.playable]
        if not playable:
            return None
        by_id = {e.row.license_id: e for e in playable}
        order = self._order(playable)
        if current in by_id:
            i = order.index(current) + step
        else:
            i = self._position_of(queue, current, order, step)
        if not 0 <= i < len(order):
            if not wrap:
                return None
            i %= len(order)
        return by_id[order[i]]

    def _order(self, playable: list[LibraryEntry]) -> list[str]:
        ids = [e.row.license_id for e in playable]
        if self.shuffle is Shuffle.OFF:
            return ids
        if frozenset(ids) != self._drawn_for:
            self._shuffled = self._draw(playable)
            self._drawn_for = frozenset(ids)
        return self._shuffled

    def _draw(self, playable: list[LibraryEntry]) -> list[str]:
        if self.shuffle is Shuffle.TRACKS:
            ids = [e.row.license_id for e in playable]
            self._rng.shuffle(ids)
            return ids
        albums: dict[tuple[str, str], list[str]] = {}
        for e in playable:  # in the queue's own order within each album
            albums.setdefault((e.row.artist, e.row.album), []).append(e.row.license_id)
        groups = list(albums.values())
        self._rng.shuffle(groups)
        return [license_id for group in groups for license_id in group]

    def _position_of(
        self, queue: Sequence[LibraryEntry], current: str | None, order: list[str], step: int
    ) -> int:
        """Where to go from a current track that is not playable (greyed since it started) or none."""
        if current is None or self.shuffle is not Shuffle.OFF:
            return 0 if step > 0 else len(order) - 1
        ids = [e.row.license_id for e in queue]
        if current not in ids:
            return 0 if step > 0 else len(order) - 1
        at = ids.index(current)
        later = [i for i, license_id in enumerate(order) if ids.index(license_id) > at]
        earlier = [i for i, license_id in enumerate(order) if ids.index(license_id) < at]
        if step > 0:
            return later[0] if later else len(order)
        return earlier[-1] if earlier else -1
