"""The mock backend's demo catalog: its definition, and the music, tags and cover art made from it.

- ``catalog``: ``resources/demo_catalog.toml`` → validated ``DemoProvider`` / ``DemoTrack`` records.
- ``synth``: a seeded, vectorized music synthesizer (``render``) so the catalog ships no audio files.
- ``cover``: deterministic genre-styled cover art as PNG (stdlib zlib + struct, no imaging library).
- ``media``: FLAC / Ogg Vorbis / MP3 encoding and tagging with cover art.
- ``tags``: ``read_tags``, what an imported audio file says about itself.
- ``preview``: ``python -m mock_backend.demo.preview OUTDIR [N]`` writes tagged FLACs to listen to.

Everything here is deterministic in the catalog's seeds, so encoded files (and their hashes) are stable.
"""

from mock_backend.demo.catalog import DemoCatalog, DemoProvider, DemoTrack, load_catalog
from mock_backend.demo.cover import cover_png
from mock_backend.demo.media import MIME, build_track_media, encode, tag
from mock_backend.demo.synth import SynthParams, render
from mock_backend.demo.tags import TrackTags, read_tags

__all__ = [
    "MIME",
    "DemoCatalog",
    "DemoProvider",
    "DemoTrack",
    "SynthParams",
    "TrackTags",
    "build_track_media",
    "cover_png",
    "encode",
    "load_catalog",
    "read_tags",
    "render",
    "tag",
]
