"""The library's search, without widgets: words match anywhere; a field named first looks only there;
a quoted value keeps its spaces; a name that is not a field is just text."""

from __future__ import annotations

from player.ui.library.query import Term, matches, parse

TRACK = {
    "title": "lantern street",
    "artist": "the marlow quartet",
    "album": "night shift sessions",
    "genre": "jazz",
    "provider": "aurora records",
    "year": "2016",
}
UNDATED = {**TRACK, "year": ""}


def test_words_match_anywhere_and_every_one_must() -> None:
    assert matches(parse("Marlow JAZZ"), TRACK)
    assert not matches(parse("marlow rock"), TRACK)


def test_a_field_named_first_looks_only_there() -> None:
    assert parse('artist:marlow album:"Night Shift"') == [
        Term("artist", "marlow"),
        Term("album", "night shift"),
    ]
    assert matches(parse('artist:marlow album:"night shift"'), TRACK)
    assert not matches(parse("album:marlow"), TRACK)  # the artist's name, not the album's
    assert matches(parse("genre:jazz street"), TRACK)


def test_an_unknown_field_is_plain_text_and_empty_terms_are_ignored() -> None:
    assert parse("4:33") == [Term(None, "4:33")]
    assert parse('artist:"" ') == []
    assert matches(parse(""), TRACK)


def test_a_year_is_a_number_a_range_or_a_comparison() -> None:
    assert matches(parse("year:2016"), TRACK) and matches(parse("year:201"), TRACK)  # as typed
    assert matches(parse("year:2010-2019"), TRACK) and matches(parse("year:2019-2010"), TRACK)
    assert not matches(parse("year:2017-2020"), TRACK)
    assert matches(parse("year:>2015"), TRACK) and matches(parse("year:<=2016"), TRACK)
    assert not matches(parse("year:>2016"), TRACK) and not matches(parse("year:<2016"), TRACK)
    assert matches(parse("year:>=2016 jazz"), TRACK)
    assert not matches(parse("year:<2100"), UNDATED)  # a track with no year is in no range
    assert not matches(parse("year:2016"), UNDATED)
