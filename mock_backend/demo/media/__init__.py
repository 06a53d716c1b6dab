"""Encoding, tagging and tag reading for the demo catalog and for imported audio files.

The content servers hold each track in several encodings so a terminal gets one it can decode ([0050]);
the player shows title, artist, genre and cover art from the tags. Encoding goes through soundfile's
bundled libsndfile (FLAC, Ogg Vorbis, MP3) and tagging through mutagen, all in memory: the backend stores
the bytes itself, and nothing plaintext needs to touch a temporary file.

``read_tags`` is the other direction, for the backend's ``add-track`` command, which imports a user's own
FLAC / Ogg Vorbis / MP3 / WAV file: it reports what the file says about itself and refuses anything that
is not one of those formats with a clear ValueError rather than storing junk as a "track".

The modules:

- ``encoding``: ``encode`` and the formats it produces (``FORMATS``, ``MIME``).
- ``tagging``: ``tag``, title / artist / album / genre / track number / cover / ReplayGain into encoded
  bytes; ``measure_replaygain``, a track's gain and peak.
- ``reading``: ``read_tags`` and ``TrackTags``, for imports (``READABLE_FORMATS``).
- ``mutagen_boundary``: mutagen's classes, typed ``Any`` in one place.
- ``track_media``: ``build_track_media``, a catalog track rendered, encoded and tagged.
"""

from mock_backend.demo.media.encoding import FORMATS, MIME, encode
from mock_backend.demo.media.reading import READABLE_FORMATS, TrackTags, read_tags
from mock_backend.demo.media.tagging import measure_replaygain, tag
from mock_backend.demo.media.track_media import build_track_media

__all__ = [
    "FORMATS",
    "MIME",
    "READABLE_FORMATS",
    "TrackTags",
    "build_track_media",
    "encode",
    "measure_replaygain",
    "read_tags",
    "tag",
]
