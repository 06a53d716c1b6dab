"""What the library's search box understands: words anywhere, or a field named first, as in Strawberry
and Quod Libet: `artist:marlow album:"night shift" jazz`. Every term must match (case-insensitive);
a quoted value may hold spaces; an unknown field name is taken as plain text, so `4:33` still finds a
title with a colon in it. Pure functions, so the rules read and test without widgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("title", "artist", "album", "genre", "provider")
_TERM = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


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


def matches(terms: list[Term], fields: dict[str, str]) -> bool:
    """Whether a track with these field values (casefolded) matches every term."""
    anywhere = " ".join(fields.values())
    return all(t.text in (fields.get(t.field, "") if t.field else anywhere) for t in terms)
