"""The library's rows sorted and searched all at once give what one row at a time gives: the same order as
each row's own sort key, the same matches as `query.matches` on each row's fields, whether a search
starts over or narrows what the last one found."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.terminal import LibraryEntry, LibraryState
from player.ui.library import query
from player.ui.library.cells import Column, sort_key, sort_keys
from player.ui.library.model import LibraryModel
from player.ui.library.rows import Rows
from tests.support.factories import library_entry

WORDS = ("Night", "Shift", "blue", "RIVER", "Straße", "strasse", "Ωmega", "ωmega", "nocturne", "", "2:33")
NAMES = {"aurora": "Aurora Records", "harbor": "Harbor Sound"}

words = st.sampled_from(WORDS)
entries = st.builds(
    lambda lid, title, artist, album, genre, provider, year, disc, number, album_artist, compilation, state: (
        dataclasses.replace(
            library_entry(lid, album, state),
            row=library_entry(lid, album).row._replace(
                title=title,
                artist=artist,
                genre=genre,
                provider=provider,
                year=year,
                disc_number=disc,
                track_number=number,
                album_artist=album_artist,
                compilation=compilation,
            ),
        )
    ),
    st.uuids().map(str),
    words,
    words,
    words,
    words,
    st.sampled_from(["aurora", "harbor", "elsewhere"]),
    st.sampled_from([0, 1975, 1979, 1980, 2016]),
    st.integers(0, 2),
    st.integers(0, 12),
    st.sampled_from(["", "Night Shift", "ωmega"]),
    st.booleans(),
    st.sampled_from(list(LibraryState)),
)
queries = st.lists(
    st.sampled_from(
        [
            "night",
            "ni",
            "river",
            "strasse",
            "ss",
            "ωm",
            "Ω",
            "2:33",
            "year:1975-1979",
            "year:>1979",
            "year:19",
            "artist:shift",
            'album:"blue ri"',
            "genre:",
            "provider:aurora",
            "provider:records",
            "title:noc",
            "zzz",
        ]
    ),
    max_size=3,
).map(" ".join)


def provider(pid: str) -> str:
    return NAMES.get(pid) or pid


_MODEL: list[LibraryModel] = []


def one_by_one(entry: LibraryEntry) -> dict[str, str]:
    """A row's search fields as the model hands one to `query.matches`."""
    if not _MODEL:
        _MODEL.append(LibraryModel())
        _MODEL[0].set_provider_names(NAMES)
    return _MODEL[0]._search_fields(entry)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(entries, max_size=25), text=queries)
def test_a_search_of_every_row_finds_what_each_row_would(rows: list[LibraryEntry], text: str) -> None:
    terms = query.parse(text)
    expected = [n for n, e in enumerate(rows) if query.matches(terms, one_by_one(e))]
    assert Rows(rows, {}, provider).matching(terms) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(entries, max_size=25), typed=queries)
def test_typing_key_by_key_finds_what_the_whole_query_finds(rows: list[LibraryEntry], typed: str) -> None:
    """Each key narrows the last result when it may (`query.narrows`), else searches again."""
    table = Rows(rows, {}, provider)
    found: list[int] | None = None
    before: list[query.Term] = []
    for end in range(len(typed) + 1):
        terms = query.parse(typed[:end])
        among = found if found is not None and query.narrows(before, terms) else None
        found = table.matching(terms, among) if terms else None
        before = terms
        assert (found if found is not None else list(range(len(rows)))) == table.matching(terms)


def test_what_narrows_and_what_does_not() -> None:
    p = query.parse
    assert query.narrows(p("noc"), p("noct"))
    assert query.narrows(p("noc"), p("noc river"))
    assert query.narrows(p("artist:mar"), p("artist:marl jazz"))
    assert query.narrows([], p("anything"))
    assert not query.narrows(p("noct"), p("noc"))  # a key erased
    assert not query.narrows(p("artist:mar"), p("mar"))  # another field
    assert not query.narrows(p("year:2"), p("year:2-1990"))  # a range is no longer the text typed
    assert not query.narrows(p("noc river"), p("noc"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(entries, max_size=25), column=st.sampled_from(list(Column)), down=st.booleans())
def test_a_sort_puts_the_rows_in_their_keys_order_ties_kept(
    rows: list[LibraryEntry], column: Column, down: bool
) -> None:
    assert sort_keys(rows, column, provider) == [sort_key(e, column, provider) for e in rows]
    table = Rows(list(rows), {}, provider)
    table.text(None)  # made before the sort: it must follow the rows
    table.sort(column, down)
    expected = sorted(rows, key=lambda e: sort_key(e, column, provider), reverse=down)
    assert table.entries == expected
    assert table.matching(query.parse("night")) == [
        n for n, e in enumerate(expected) if query.matches(query.parse("night"), one_by_one(e))
    ]


def test_a_replaced_copy_finds_the_row_that_replaced_it() -> None:
    old = library_entry("L-old", state=LibraryState.INVALID, replaced_by="L-new")
    shown = [library_entry("L-a"), library_entry("L-new"), library_entry("L-b")]
    table = Rows(shown, {"L-new": [old]}, provider)
    assert [table.row_of(i) for i in ("L-a", "L-new", "L-b", "L-old", "L-none")] == [0, 1, 2, 1, -1]
    table.sort(Column.TITLE, True)
    assert [table.row_of(i) for i in ("L-new", "L-old", "L-b", "L-a")] == [0, 0, 1, 2]
