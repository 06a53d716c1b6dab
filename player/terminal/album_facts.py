"""A held track's album facts (track and disc number, year, album artist, compilation), read from its own
tags and kept with its metadata, so the library can order an album and browse by album artist.

Read when a file arrives (the key is at hand then) and, for a library kept from before tags were read,
once in the background (`Library.fill_album_facts`). Only the segments holding the tags are decrypted, in
memory; a file that is missing or damaged is left as it is (the integrity scan is what reports it).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from player.errors import PlayerError
from player.protocol import container
from player.storage import Store
from player.storage.records import TrackInfo

log = logging.getLogger(__name__)


def read_album_facts(store: Store, info: TrackInfo, content_key: bytes) -> TrackInfo:
    """`info` with the facts its file's tags give, stored; `info` unchanged when the file is unreadable.
    A fact the tags lack keeps what the catalog said (its track number)."""
    from player.playback.album_tags import album_tags  # mutagen: only once a file is read

    try:
        with store.open_track(info.content_id) as f:
            reader = container.ContainerReader(f, content_key, expect_content_id=info.content_id)
            facts = album_tags(reader)
    except PlayerError as e:
        log.info("album facts of %s not read: %s", info.content_id, e)
        return info
    tagged = replace(
        info,
        track_number=facts.track_number or info.track_number,
        disc_number=facts.disc_number or info.disc_number,
        year=facts.year or info.year,
        album_artist=facts.album_artist or info.album_artist,
        compilation=facts.compilation or info.compilation,
        tagged=True,
    )
    store.put_track_info(tagged)
    return tagged
