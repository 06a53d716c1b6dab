"""The library's rows in the order shown, and what sorting and searching read of them, in lists beside.

A library holds 100,000 rows; anything done per row through Qt (a `data()` call per comparison, a filter
call per row and key typed) costs seconds. So each column's sort keys and each field's search text are
made once, in one pass over the rows, when first wanted, and kept in the rows' order; a sort permutes
them with the rows, and a search is one substring test per row in a list comprehension, among the rows
found before while the query only grows (`query.narrows`). No widget here: `model.py` shows the rows,
`filtering.py` chooses which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from player.terminal import LibraryEntry, LibraryRow
from player.ui.library import query
from player.ui.library.browser import album_artists, unknown_album, unknown_artist
from player.ui.library.cells import Column, Provider, sort_keys


class Rows:
    """`entries` in the order shown; `history[license_id]`: the copies that license replaced."""

    def __init__(
        self, entries: list[LibraryEntry], history: dict[str, list[LibraryEntry]], provider: Provider
    ) -> None:
        self.entries = entries
        self.history = history
        self._provider = provider
        self._keys: dict[Column, list[Any]] = {}
        self._text: dict[str | None, list[str]] = {}  # a search field (None: anywhere) -> each row's
        self._years: list[int] | None = None
        self._ids: list[str] | None = None  # each row's license ID

    def __len__(self) -> int:
        return len(self.entries)

    def sort(self, column: Column, descending: bool) -> list[int]:
        """Put the rows in `column`'s order, rows that tie keeping theirs; returns the old row of each
        new one. The column's keys are made once and kept (until the names they read change)."""
        keys = self._keys.get(column)
        if keys is None:
            keys = self._keys[column] = sort_keys(self.entries, column, self._provider)
        moved = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        self.entries = [self.entries[i] for i in moved]
        self._keys = {c: [k[i] for i in moved] for c, k in self._keys.items()}
        self._text = {f: [t[i] for i in moved] for f, t in self._text.items()}
        if self._years is not None:
            self._years = [self._years[i] for i in moved]
        self._ids = None
        return moved

    def providers_renamed(self) -> None:
        """The provider's names changed: what was made of them is made again when next wanted."""
        self._keys.pop(Column.PROVIDER, None)
        self._text = {}

    def row_of(self, license_id: str) -> int:
        """The row of `license_id`, or of the copy that replaced it; -1 when neither is shown."""
        if self._ids is None:
            self._ids = [e.row.license_id for e in self.entries]
        successor = next(
            (new for new, olds in self.history.items() if any(o.row.license_id == license_id for o in olds)),
            license_id,
        )
        try:
            return self._ids.index(successor)  # a scan in C: a thousandth of a second for 100,000 rows
        except ValueError:
            return -1

    # --- searching ---------------------------------------------------------------------------------

    def text(self, field: str | None) -> list[str]:
        """Each row's casefolded text in a search field (None: every field, joined as `query.matches`
        joins them), made on first use. The artist field holds the album's artist too."""
        made = self._text.get(field)
        if made is None:
            made = self._text[field] = self._search_text(field)
        return made

    def prepare_text(self) -> bool:
        """Make the next search field's text not made yet; True while others are left."""
        left = [f for f in (None, *query.FIELDS) if f not in self._text]
        if left:
            self.text(left[0])
        return len(left) > 1

    def _search_text(self, field: str | None) -> list[str]:
        rows = [e.row for e in self.entries]
        match field:
            case "title":
                return [r.title.casefold() for r in rows]  # nearly all different: folded one by one
            case "artist":
                return _folded(
                    [f"{r.artist}\n{a}" for r, a in zip(rows, album_artists(self.entries), strict=True)]
                )
            case "album":
                return _folded([r.album for r in rows])
            case "genre":
                return _folded([r.genre for r in rows])
            case "provider":
                names = self._provider_names(rows)
                return _folded([names[r.provider] for r in rows])
            case "year":
                return _folded([str(r.year) if r.year else "" for r in rows])
        names = self._provider_names(rows)
        return [
            f"{r.title} {r.artist}\n{a} {r.album} {r.genre} {names[r.provider]} {r.year or ''}".casefold()
            for r, a in zip(rows, album_artists(self.entries), strict=True)
        ]

    def _provider_names(self, rows: list[LibraryRow]) -> dict[str, str]:
        return {p: self._provider(p) for p in {r.provider for r in rows}}

    def matching(self, terms: list[query.Term], among: Sequence[int] | None = None) -> list[int]:
        """The rows (of `among`, or of all) that match every term, in order: what `query.matches` says
        of each row's fields."""
        found: Sequence[int] = range(len(self.entries)) if among is None else among
        for term in terms:
            text = term.text
            bounds = query.year_bounds(text) if term.field == "year" else None
            if bounds is not None:
                low, high = bounds
                years = self._year_numbers()
                found = [r for r in found if years[r] > 0 and low <= years[r] <= high]
            else:
                hay = self.text(term.field)
                found = [r for r in found if text in hay[r]]
        return list(found)

    def _year_numbers(self) -> list[int]:
        if self._years is None:
            self._years = [e.row.year for e in self.entries]
        return self._years

    def in_scope(self, artist: str, album: str | None) -> list[int]:
        """The rows of one album artist (and of them, one album's), as the browser files them."""
        nobody, nothing = unknown_artist(), unknown_album()
        whose = album_artists(self.entries)
        return [
            row
            for row, (e, a) in enumerate(zip(self.entries, whose, strict=True))
            if (a or nobody) == artist and (album is None or (e.row.album or nothing) == album)
        ]


def _folded(values: list[str]) -> list[str]:
    """`values` casefolded, each distinct value once: an artist's name on a thousand rows is folded
    once and its rows share the result (less time, and less memory than 100,000 copies)."""
    folded = {v: v.casefold() for v in set(values)}
    return [folded[v] for v in values]
