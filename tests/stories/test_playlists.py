"""Story: a listener keeps playlists from the command line. They last from one command to the next, go
out as XSPF and come back in; when a track of one is lost and its supplier has discontinued it, the
alternate chosen in its place takes its place in the playlist too. A damaged playlist file, a hostile
XSPF file and a playlist that does not exist each get one clear line and their own exit code."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

from tests.stories.driver import Cli
from tests.support.backend import Backend

KEPT, DISCONTINUED, OTHER = "aurora-0001", "aurora-0009", "harbor-0003"
NS = {"x": "http://xspf.org/ns/0/"}


def shown(cli: Cli, name: str) -> list[tuple[str, bool]]:
    return [(e["content_id"], e["playable"]) for e in cli.ok("playlist", "show", name)["entries"]]


def test_a_playlist_lasts_travels_as_xspf_and_follows_a_lost_track_to_its_alternate(
    cli: Cli, module_backend: Backend, tmp_path: Path
) -> None:
    cli.sign_up_insured("ines")
    cli.buy(KEPT, DISCONTINUED, OTHER)
    catalog = {c["content_id"]: c for c in cli.ok("catalog")}

    made = cli.ok("playlist", "new", "Road Trip", DISCONTINUED, KEPT)
    assert made == {"name": "Road Trip", "tracks": 2}
    assert cli.ok("playlist", "add", "road trip", OTHER, KEPT) == {"name": "Road Trip", "tracks": 4}
    cli.ok("playlist", "new", "Empty")
    assert "already a playlist named" in cli.fails(2, "playlist", "new", "ROAD TRIP")
    assert "no track 'nope-0001' in your library" in cli.fails(2, "playlist", "add", "Empty", "nope-0001")
    listed = cli.ok("playlist", "list")
    assert [(p["name"], p["tracks"], p["playable"]) for p in listed] == [("Empty", 0, 0), ("Road Trip", 4, 4)]
    assert shown(cli, "Road Trip") == [(DISCONTINUED, True), (KEPT, True), (OTHER, True), (KEPT, True)]

    exported = tmp_path / "road.xspf"
    assert cli.ok("playlist", "export", "Road Trip", str(exported))["tracks"] == 4
    tracks = ET.parse(exported).getroot().findall("x:trackList/x:track", NS)
    assert tracks[0].findtext("x:identifier", namespaces=NS) == f"urn:insured-player:content:{DISCONTINUED}"
    assert tracks[0].findtext("x:title", namespaces=NS) == catalog[DISCONTINUED]["title"]
    assert tracks[0].findtext("x:duration", namespaces=NS) == str(catalog[DISCONTINUED]["duration_ms"])
    assert "location" not in exported.read_text() and ".ipc" not in exported.read_text()

    # The discontinued track's file is lost; the insurer cannot re-issue it and offers alternates.
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    (row,) = cli.library()[DISCONTINUED]
    Path(row["path"]).unlink()
    (item,) = cli.ok("report-loss", DISCONTINUED)["items"]
    assert item["outcome"] == "alternates_offered"
    assert shown(cli, "Road Trip")[0][0] == DISCONTINUED  # until a choice is made, in its place
    chosen = cli.ok("alternates", item["item_id"])[0]
    cli.ok("choose", item["item_id"], chosen["alternate_id"])

    # The alternate takes the lost track's place, in the file too, and goes out so in an export.
    assert shown(cli, "Road Trip") == [
        (chosen["content_id"], True),
        (KEPT, True),
        (OTHER, True),
        (KEPT, True),
    ]
    first = cli.ok("playlist", "show", "Road Trip")["entries"][0]
    assert (first["title"], first["artist"]) == (chosen["title"], chosen["artist"])
    (kept_file,) = [p for p in (cli.data_dir / "playlists").iterdir() if "Road Trip" in p.read_text()]
    assert chosen["content_id"] in kept_file.read_text() and DISCONTINUED not in kept_file.read_text()
    again = tmp_path / "again.xspf"
    cli.ok("playlist", "export", "Road Trip", str(again))
    assert f"urn:insured-player:content:{chosen['content_id']}" in again.read_text()

    # The first export comes back in: by content ID where it is held, by its words otherwise.
    foreign = tmp_path / "foreign.xspf"
    foreign.write_text(
        '<?xml version="1.0"?><playlist version="1" xmlns="http://xspf.org/ns/0/"><title>Mixed</title>'
        "<trackList>"
        f"<track><title>{escape(catalog[OTHER]['title'].upper())}</title>"
        f"<creator>{escape(catalog[OTHER]['artist'])}</creator>"
        "</track><track><title>Not Owned</title><creator>Nobody</creator></track>"
        "<track><location>file:///music/a.flac</location></track></trackList></playlist>"
    )
    back = cli.ok("playlist", "import", str(exported))
    assert back == {"name": "Road Trip 2", "tracks": 4, "matched": 4, "unmatched": 0, "skipped": 0}
    assert shown(cli, "Road Trip 2")[0] == (chosen["content_id"], True)  # followed on the way in
    mixed = cli.ok("playlist", "import", str(foreign))
    assert mixed == {"name": "Mixed", "tracks": 2, "matched": 1, "unmatched": 1, "skipped": 1}
    assert shown(cli, "Mixed") == [(OTHER, True), ("", False)]
    said = cli.ok("playlist", "import", str(foreign), "--name", "Words", as_json=False)
    assert said.strip() == (
        "imported 'Words': 1 of 2 found in your library, 1 not (kept, found once you own them); "
        "1 track with no title left out"
    )

    # Refusals: one line each, with their codes (docs/protocol.md).
    hostile = tmp_path / "laughs.xspf"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<playlist version="1" xmlns="http://xspf.org/ns/0/"><trackList><track><title>&b;</title>'
        "</track></trackList></playlist>"
    )
    assert "the file laughs.xspf cannot be imported: it declares a document type or entities" in cli.fails(
        5, "playlist", "import", str(hostile)
    )
    assert "cannot read" in cli.fails(2, "playlist", "import", str(tmp_path / "missing.xspf"))
    assert "no playlist named 'Nope'" in cli.fails(2, "playlist", "show", "Nope")
    names = [p["name"] for p in cli.ok("playlist", "list")]
    assert names == ["Empty", "Mixed", "Road Trip", "Road Trip 2", "Words"]  # nothing made by refusals

    # A damaged playlist file: said, left as it is, and the others still work.
    damaged = kept_file.read_bytes()[:40]
    kept_file.write_bytes(damaged)
    err = cli.fails(5, "playlist", "list")
    assert f"1 playlist file cannot be read and is left as it is: {kept_file}" in err
    assert "not JSON text" in err
    assert kept_file.read_bytes() == damaged
    assert shown(cli, "Mixed") == [(OTHER, True), ("", False)]
    cli.ok("playlist", "delete", "Mixed")
    assert "no playlist named 'Mixed'" in cli.fails(2, "playlist", "show", "Mixed")
