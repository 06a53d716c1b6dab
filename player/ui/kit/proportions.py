"""Sharing a table's width among columns in proportion, to the last pixel, with a floor for each: the
library's and the store's columns both fill their tables this way."""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")


def share(widths: dict[K, int], shares: dict[K, float], spare: int) -> None:
    """Add `spare` px to the columns of `shares`, in proportion, to the last px."""
    total = sum(shares.values())
    if spare <= 0 or total <= 0:
        return
    given = {c: int(spare * s / total) for c, s in shares.items()}
    for c in sorted(shares, key=shares.__getitem__, reverse=True)[: spare - sum(given.values())]:
        given[c] += 1
    for c, px in given.items():
        widths[c] += px


def in_proportion(shares: dict[K, float], room: int, floor: int) -> dict[K, int]:
    """`room` px shared among the columns of `shares` in their proportions, none narrower than
    `floor`: a column its share would put below it is at the floor, and the others share the rest."""
    widths = dict.fromkeys(shares, floor)
    rest = dict(shares)
    while rest:
        free = room - floor * (len(shares) - len(rest))
        total = sum(rest.values())
        low = [c for c, s in rest.items() if free * s < floor * total]
        if not low:
            widths.update(dict.fromkeys(rest, 0))
            share(widths, rest, free)
            break
        for column in low:
            del rest[column]
    return widths
