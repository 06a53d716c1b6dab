"""XSPF, the XML Shareable Playlist Format (https://xspf.org/spec), read and written.

Written: `<playlist version="1">` in the XSPF namespace with the playlist's `<title>` and, per track,
`<identifier>` (the track's content ID as `urn:insured-player:content:<ID>`, docs/protocol.md),
`<title>`, `<creator>` (the artist), `<album>` and `<duration>` (milliseconds). Never a `<location>`:
a track's file here is an encrypted container that only this library's licenses open, so a path to it
would be no use to another player and would tell it where the library is.

Read with defusedxml only: a document with a DTD or entities is refused before anything expands (the
"billion laughs"), and so are one over `MAX_BYTES`, one nested deeper or with more elements than a
playlist of `MAX_TRACKS` needs, and one whose root is not XSPF's `playlist` in XSPF's namespace. Each
refusal is a `MalformedError` whose sentence says which it was.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

import defusedxml.ElementTree as DET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from player.errors import MalformedError
from player.language import translate
from player.storage.playlists import MAX_DURATION_MS, MAX_ENTRIES, PlaylistEntry, clean_text

NS = "http://xspf.org/ns/0/"
URN = "urn:insured-player:content:"
MAX_BYTES = 32 << 20  # an export of the largest playlist (50,000 tracks) is about 11 MiB
MAX_TRACKS = MAX_ENTRIES
MAX_DEPTH = 12  # playlist/trackList/track/extension/... : XSPF itself needs 4
_MAX_ELEMENTS = MAX_TRACKS * 8  # a track and its title, creator, album, duration, identifier and more


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


@dataclass(frozen=True)
class XspfPlaylist:
    """What an XSPF file holds: its title ("" when it has none), its entries, and how many tracks were
    left out because they had neither a title nor an identifier of ours to be found by."""

    title: str
    entries: tuple[PlaylistEntry, ...]
    skipped: int = 0


def content_urn(content_id: str) -> str:
    """A content ID as an XSPF identifier: percent-encoded as in RFC 3986, so any ID is a valid URN."""
    return URN + quote(content_id, safe="-._~")


def content_id_of(identifier: str) -> str:
    """The content ID an identifier names, or "" when it is not one of ours."""
    text = identifier.strip()
    if text[: len(URN)].lower() != URN:
        return ""
    return clean_text(unquote(text[len(URN) :], errors="strict"), 200) if len(text) > len(URN) else ""


def write(title: str, entries: Sequence[PlaylistEntry]) -> bytes:
    ET.register_namespace("", NS)
    root = ET.Element(_q("playlist"), version="1")
    ET.SubElement(root, _q("title")).text = title
    tracks = ET.SubElement(root, _q("trackList"))
    for e in entries:
        track = ET.SubElement(tracks, _q("track"))
        if e.content_id:
            ET.SubElement(track, _q("identifier")).text = content_urn(e.content_id)
        for tag, text in (("title", e.title), ("creator", e.artist), ("album", e.album)):
            if text:
                ET.SubElement(track, _q(tag)).text = text
        if e.duration_ms > 0:
            ET.SubElement(track, _q("duration")).text = str(e.duration_ms)
    ET.indent(root, space="  ")
    data: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"


def read(raw: bytes) -> XspfPlaylist:
    if len(raw) > MAX_BYTES:
        raise MalformedError(
            translate("Errors", "it is larger than {value1} MiB, more than any playlist needs").format(
                value1=MAX_BYTES >> 20
            )
        )
    root = _parse(raw)
    if root.tag != _q("playlist"):
        raise MalformedError(_not_xspf(root.tag))
    if root.get("version", "1") not in ("0", "1"):
        version = root.get("version")
        raise MalformedError(
            translate("Errors", "it is XSPF version {version}; this player reads versions 0 and 1").format(
                version=repr(version)
            )
        )
    track_list = root.find(_q("trackList"))
    if track_list is None:
        raise MalformedError(
            translate("Errors", "it has no track list (an XSPF playlist needs a trackList element)")
        )
    entries, skipped = [], 0
    for track in track_list.findall(_q("track")):
        entry = _entry(track)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    return XspfPlaylist(_text(root, "title"), tuple(entries), skipped)


def _parse(raw: bytes) -> ET.Element:
    """The document, built only once it is known to be harmless: no DTD, no entities, bounded depth
    and element count (counted as the parser goes, so a flood stops early)."""
    depth = elements = 0
    root: ET.Element | None = None
    try:
        for event, element in DET.iterparse(io.BytesIO(raw), events=("start", "end"), forbid_dtd=True):
            if event == "end":
                depth -= 1
                continue
            root = element if root is None else root
            depth, elements = depth + 1, elements + 1
            if depth > MAX_DEPTH:
                raise MalformedError(
                    translate("Errors", "its elements are nested more than {max_depth} deep").format(
                        max_depth=MAX_DEPTH
                    )
                )
            if elements > _MAX_ELEMENTS:
                raise MalformedError(
                    translate("Errors", "it holds more than {max_elements} elements").format(
                        max_elements=format(_MAX_ELEMENTS, ",")
                    )
                )
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as e:
        raise MalformedError(
            translate(
                "Errors",
                "it declares a document type or entities, which a playlist never needs (refused unread: "
                "entities can expand a small file into gigabytes)",
            )
        ) from e
    except ET.ParseError as e:
        line = e.position[0] if e.position else 0
        raise MalformedError(
            translate("Errors", "it is not well-formed XML (line {line})").format(line=line)
        ) from e
    if root is None:
        raise MalformedError(translate("Errors", "it is empty"))
    return root


def _not_xspf(tag: str) -> str:
    if tag.endswith("}playlist") or tag == "playlist":
        return translate(
            "Errors", "it is not in the XSPF namespace ({namespace}): a playlist element of another format"
        ).format(namespace=NS)
    return translate("Errors", "it is not an XSPF playlist (its root element is {element})").format(
        element=repr(tag.rpartition("}")[2])
    )


def _text(parent: ET.Element, tag: str) -> str:
    element = parent.find(_q(tag))
    return clean_text("".join(element.itertext())) if element is not None else ""


def _entry(track: ET.Element) -> PlaylistEntry | None:
    content_id = ""
    for identifier in track.findall(_q("identifier")):
        try:
            content_id = content_id_of("".join(identifier.itertext()))
        except UnicodeDecodeError:
            continue
        if content_id:
            break
    title = _text(track, "title")
    if not (content_id or title):
        return None
    duration = _text(track, "duration")
    ms = int(duration) if duration.isascii() and duration.isdigit() and len(duration) < 12 else 0
    return PlaylistEntry(
        content_id, title, _text(track, "creator"), _text(track, "album"), ms if ms <= MAX_DURATION_MS else 0
    )
