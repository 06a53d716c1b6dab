"""XSPF written as the spec says and read back the same; what other players write is understood; a
hostile or wrong file is refused with a sentence saying why, before it can cost memory or time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from player.errors import MalformedError
from player.storage import xspf
from player.storage.playlists import PlaylistEntry

NS = {"x": "http://xspf.org/ns/0/"}
ENTRIES = (
    PlaylistEntry("aurora-0001", "Lantern Street", "The Marlow Trio", "Night Shift", 31_000),
    PlaylistEntry("odd id/with:colons ü", "Ünïcode & <markup>", "Ä", "", 0),
    PlaylistEntry("", "Only Words", "Someone", "Somewhere", 1),
)


def test_what_is_written_is_xspf_with_our_identifiers_and_no_location() -> None:
    raw = xspf.write("Road trip", ENTRIES)
    root = ET.fromstring(raw)
    assert root.tag == "{http://xspf.org/ns/0/}playlist" and root.get("version") == "1"
    assert root.findtext("x:title", namespaces=NS) == "Road trip"
    tracks = root.findall("x:trackList/x:track", NS)
    assert [t.findtext("x:identifier", namespaces=NS) for t in tracks] == [
        "urn:insured-player:content:aurora-0001",
        "urn:insured-player:content:odd%20id%2Fwith%3Acolons%20%C3%BC",
        None,  # no content ID, no identifier
    ]
    first = tracks[0]
    assert [
        first.findtext(f"x:{tag}", namespaces=NS) for tag in ("title", "creator", "album", "duration")
    ] == [
        "Lantern Street",
        "The Marlow Trio",
        "Night Shift",
        "31000",
    ]
    assert tracks[1].find("x:duration", NS) is None  # an unknown length is left out, not "0"
    assert b"location" not in raw and b"/tracks/" not in raw


def test_a_written_playlist_reads_back_the_same() -> None:
    back = xspf.read(xspf.write("Road trip", ENTRIES))
    assert back == xspf.XspfPlaylist("Road trip", ENTRIES, 0)


def test_what_another_player_writes_is_read_and_a_track_with_nothing_to_match_is_counted() -> None:
    raw = b"""<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>From Strawberry</title>
  <trackList>
    <track>
      <location>file:///home/ada/Music/lantern.flac</location>
      <identifier>urn:other:thing</identifier>
      <identifier>URN:Insured-Player:Content:aurora-0001</identifier>
      <title>Lantern Street</title><creator>The Marlow Trio</creator>
      <duration>not a number</duration>
      <extension application="http://example.com"><deep><deeper/></deep></extension>
    </track>
    <track><title>  Night
      Ferry </title><creator>Blue Harbor</creator><duration>99999999999999</duration></track>
    <track><location>file:///x.ogg</location></track>
  </trackList>
</playlist>"""
    parsed = xspf.read(raw)
    assert parsed.title == "From Strawberry" and parsed.skipped == 1
    assert parsed.entries == (
        PlaylistEntry("aurora-0001", "Lantern Street", "The Marlow Trio", "", 0),
        PlaylistEntry("", "Night Ferry", "Blue Harbor", "", 0),
    )


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track><title>&lol9;</title></track>
</trackList></playlist>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE playlist [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track><title>&secret;</title></track>
</trackList></playlist>"""


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (BILLION_LAUGHS, "declares a document type or entities"),
        (EXTERNAL, "declares a document type or entities"),
        (
            b"<playlist version='1' xmlns='http://xspf.org/ns/0/'><trackList>",
            r"not well-formed XML \(line 1\)",
        ),
        (b"", "not well-formed XML"),
        (b"\xff\xfe garbage", "not well-formed XML"),
        (b"<playlist version='1'><trackList/></playlist>", "not in the XSPF namespace"),
        (b"<playlist xmlns='http://example.com/ns'><trackList/></playlist>", "not in the XSPF namespace"),
        (b"<rss version='2.0'><channel/></rss>", r"not an XSPF playlist \(its root element is 'rss'\)"),
        (b"<playlist version='2' xmlns='http://xspf.org/ns/0/'><trackList/></playlist>", "version '2'"),
        (b"<playlist version='1' xmlns='http://xspf.org/ns/0/'><title>x</title></playlist>", "no track list"),
        (b"<a>" * 20 + b"</a>" * 20, "nested more than 12 deep"),
        (b"<p>" + b"<a/>" * (xspf.MAX_TRACKS * 8 + 1) + b"</p>", "more than 400,000 elements"),
        (b" " * (xspf.MAX_BYTES + 1), "larger than 32 MiB"),
    ],
)
def test_a_hostile_or_wrong_file_is_refused_with_its_reason(raw: bytes, said: str) -> None:
    with pytest.raises(MalformedError, match=said):
        xspf.read(raw)


def test_identifiers_are_ours_or_nothing() -> None:
    assert xspf.content_id_of(xspf.content_urn("harbor-0003")) == "harbor-0003"
    assert xspf.content_id_of("urn:insured-player:content:") == ""
    assert xspf.content_id_of("http://example.com/track/1") == ""
    with pytest.raises(UnicodeDecodeError):
        xspf.content_id_of("urn:insured-player:content:%FF")
