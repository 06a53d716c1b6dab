"""How the player bar shares a narrow width: the seek bar keeps the lion's share, and what is reached
another way folds away first, one part at a time, as the bar's own width asks.

A small window or Up Next beside the library leaves the bar 600-900 px; a seek bar squeezed to a stub
while the volume slider keeps its 110 px is a bar nobody can aim at. The parts fold in the order given,
each still within reach another way, and come back as the bar widens again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QBoxLayout, QWidget

# The seek bar's room: below SEEK_ROOM the next part folds away; MIN_SEEK is its floor once all are folded.
SEEK_ROOM = 240
MIN_SEEK = 200
INFO_ROOM, NARROW_INFO = 160, 120  # the title and artist: at ease, and once something is folded


class BarRoom:
    """The folds of one bar. `fixed`: its parts of a set width; `folds`: groups of them, first to fold
    first; `info`: the title's box, which narrows once anything is folded; `gaps`: the row's fixed
    spacings. The seek bar and the title's box share what is left (the row's stretch)."""

    def __init__(
        self,
        row: QBoxLayout,
        fixed: Sequence[QWidget],
        folds: Sequence[Sequence[QWidget]],
        info: QWidget,
        gaps: int,
    ) -> None:
        self.row, self.fixed, self.folds, self.info, self.gaps = row, list(fixed), folds, info, gaps
        info.setMinimumWidth(INFO_ROOM)

    def fold(self, width: int) -> bool:
        """Fold as few parts as leave the seek bar `SEEK_ROOM` of a bar `width` wide; True if that
        changed what shows."""
        folded = 0
        while folded < len(self.folds) and width - self.width_of(folded, 0) < SEEK_ROOM:
            folded += 1
        hidden = self._hidden(folded)
        if hidden == {w for w in self.fixed if w.isHidden()}:
            return False
        for part in self.fixed:
            part.setHidden(part in hidden)
        self.info.setMinimumWidth(NARROW_INFO if hidden else INFO_ROOM)
        return True

    def minimum_width(self) -> int:
        """With everything folded that folds, the seek bar at its floor: a window may be made that narrow,
        and the folds follow."""
        return self.width_of(len(self.folds), MIN_SEEK)

    def width_of(self, folded: int, seek: int) -> int:
        """How wide the bar is with the first `folded` folds away and the seek bar `seek` wide."""
        hidden = self._hidden(folded)
        shown = [w for w in self.fixed if w not in hidden]
        margins = self.row.contentsMargins()
        spacing = max(0, self.row.spacing()) * (len(shown) + 1)  # between the parts, the title, the seek
        parts = sum(max(w.sizeHint().width(), w.minimumWidth()) for w in shown)
        info = NARROW_INFO if hidden else INFO_ROOM
        return margins.left() + margins.right() + self.gaps + spacing + parts + info + seek

    def _hidden(self, folded: int) -> set[QWidget]:
        return {w for group in self.folds[:folded] for w in group}
