"""The play queue: tracks the listener asked to hear next, ahead of the library's own order.

Like Strawberry's queue: "Play Next" puts tracks at its head, "Add to Queue" at its tail; when a track
ends (or Next is pressed) the head of the queue plays and leaves it, and once it is empty the library's
order (with shuffle and repeat) takes over from the track that played last. Entries are license IDs;
one that no longer plays (replaced since, or gone from the library) is followed to the copy that
replaced it, or dropped. Kept across restarts in the window's settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Signal

from player.terminal import LibraryEntry


class PlayQueue(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def restore(self, ids: Iterable[str]) -> None:
        self._ids = [i for i in ids if i]
        self.changed.emit()

    def play_next(self, ids: Sequence[str]) -> None:
        """At the head, in the order given (a selection of three plays in its order, next)."""
        new = [i for i in ids if i]
        self._ids = new + [i for i in self._ids if i not in new]
        self.changed.emit()

    def add(self, ids: Sequence[str]) -> None:
        """At the tail; a track already queued moves there."""
        new = [i for i in ids if i]
        self._ids = [i for i in self._ids if i not in new] + new
        self.changed.emit()

    def remove(self, positions: Iterable[int]) -> None:
        gone = set(positions)
        self._ids = [i for n, i in enumerate(self._ids) if n not in gone]
        self.changed.emit()

    def move(self, positions: Sequence[int], to: int) -> None:
        """Drag and drop: the entries at `positions` go before the entry now at `to` (the end when
        `to` is past it), keeping their own order."""
        moving = [self._ids[p] for p in sorted(set(positions)) if 0 <= p < len(self._ids)]
        before = [i for n, i in enumerate(self._ids[:to]) if n not in positions]
        after = [i for n, i in enumerate(self._ids[to:], start=to) if n not in positions]
        self._ids = before + moving + after
        self.changed.emit()

    def clear(self) -> None:
        self._ids = []
        self.changed.emit()

    def entries(self, library: Sequence[LibraryEntry]) -> list[LibraryEntry]:
        """The queue as the library holds it now: replaced copies followed to their successor, entries
        that no longer play dropped."""
        by_id = {e.row.license_id: e for e in library}
        out: list[LibraryEntry] = []
        for license_id in self._ids:
            entry = by_id.get(license_id)
            while entry is not None and entry.replaced_by:
                entry = by_id.get(entry.replaced_by)
            if entry is not None and entry.playable and entry not in out:
                out.append(entry)
        return out

    def follow(self, library: Sequence[LibraryEntry]) -> None:
        """Keep the IDs in step with the library (after a re-issue or an alternate)."""
        ids = [e.row.license_id for e in self.entries(library)]
        if ids != self._ids:
            self._ids = ids
            self.changed.emit()

    def peek(self, library: Sequence[LibraryEntry]) -> LibraryEntry | None:
        entries = self.entries(library)
        return entries[0] if entries else None

    def take(self, library: Sequence[LibraryEntry]) -> LibraryEntry | None:
        """The head, which leaves the queue: it is what plays now."""
        self.follow(library)
        if not self._ids:
            return None
        head = self.entries(library)[0]
        self._ids.pop(0)
        self.changed.emit()
        return head
