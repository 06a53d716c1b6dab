"""What the library's search box understands: words anywhere, or a field named first, as in Strawberry
and Quod Libet: `artist:marlow album:"night shift" jazz`. Every term must match (case-insensitive);
a quoted value may hold spaces; an unknown field name is taken as plain text, so `4:33` still finds a
title with a colon in it. `year:` also takes a range or a comparison: `year:2015-2019`, `year:>2018`,
`year:<=2000`. Pure functions, so the rules read and test without widgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("title", "artist", "album", "genre", "provider", "year")
_TERM = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
_RANGE = re.compile(r"^(\d{1,4})\s*-\s*(\d{1,4})$")
_COMPARE = re.compile(r"^(<=|>=|<|>|=)\s*(\d{1,4})$")


@dataclass(frozen=True)
class Term:
    field: str | None  # one of FIELDS, or None: any of them
    text: str  # casefolded


def parse(query: str) -> list[Term]:
    terms = []
    for match in _TERM.finditer(query):
        field, quoted, bare = match.group(1), match.group(2), match.group(3)
        text = quoted if quoted is not None else bare or ""
        name = field.casefold() if field else None
        if name is not None and name not in FIELDS:
            text, name = f"{field}:{text}", None  # not a field we know: the words as typed
        if text.strip():
            terms.append(Term(name, text.casefold().strip()))
    return terms


def year_bounds(text: str) -> tuple[int, int] | None:
    """The years a `year:` range or comparison takes, both ends included; None when it is neither (then
    the text is looked for in the year as typed)."""
    if m := _RANGE.match(text):
        low, high = sorted((int(m.group(1)), int(m.group(2))))
        return low, high
    if m := _COMPARE.match(text):
        op, bound = m.group(1), int(m.group(2))
        return {
            "<": (_NONE, bound - 1),
            "<=": (_NONE, bound),
            ">": (bound + 1, _ALL),
            ">=": (bound, _ALL),
            "=": (bound, bound),
        }[op]
    return None


_NONE, _ALL = -(10**9), 10**9


def _year_matches(text: str, value: str) -> bool:
    """A range or comparison against the year (a track with no year matches none); else a substring."""
    bounds = year_bounds(text)
    if bounds is None:
        return text in value
    return value.isdigit() and bounds[0] <= int(value) <= bounds[1]


def narrows(old: list[Term], new: list[Term]) -> bool:
    """Whether every track `new` matches is one `old` matched: each old term has a new one on the same
    field holding its text (a word typed further, or a term added). Then a search looks only among the
    tracks found before, not the whole library, at each key typed. Never for `year:`, whose ranges do
    not narrow as they are typed (`year:2` holds `year:2-1990`, but not its years)."""
    if any(o.field == "year" for o in old):
        return False
    return all(any(n.field == o.field and o.text in n.text for n in new) for o in old)


def matches(terms: list[Term], fields: dict[str, str]) -> bool:
    """Whether a track with these field values (casefolded) matches every term."""
    anywhere = " ".join(fields.values())
    return all(
        _year_matches(t.text, fields.get("year", ""))
        if t.field == "year"
        else t.text in (fields.get(t.field, "") if t.field else anywhere)
        for t in terms
    )
