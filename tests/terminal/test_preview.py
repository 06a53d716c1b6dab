"""The core fetches a store clip into memory: it decodes there, nothing lands in the library, and a
server that sends more than a clip can be is cut off at the limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from player import playback, transfer
from player.errors import AnswerTooLargeError, BackendRefusedError
from player.terminal import Terminal
from tests.support import hostile
from tests.support.backend import Backend

CLIP = "/providers/harbor/preview/harbor-0011"


@pytest.fixture
def terminal(tmp_path: Path, module_backend: Backend) -> Iterator[Terminal]:
    made = Terminal(tmp_path / "library", module_backend.url, keys_in_memory=True)
    yield made
    made.close()


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_a_preview_is_held_in_memory_and_decodes_there(terminal: Terminal) -> None:
    terminal.purchases.catalog()  # the first contact (the insurer's key pinned) is behind us
    before = _files(terminal.data_dir)
    clip = terminal.purchases.preview("harbor", "harbor-0011")
    assert clip.content_id == "harbor-0011"
    assert clip.mime == "audio/flac"  # the first encoding this terminal asks for that a clip comes in
    heard = playback.decode_check(clip.data, clip.mime)
    assert 14_000 <= heard.duration_ms <= 16_000 and heard.frames > 0
    assert _files(terminal.data_dir) == before  # never written


def test_a_preview_of_a_track_no_longer_sold_is_refused_in_words(
    terminal: Terminal, module_backend: Backend
) -> None:
    with pytest.raises(BackendRefusedError) as refused:
        terminal.purchases.preview("harbor", "harbor-9999")
    assert refused.value.code == "unknown_content"


def test_an_endless_preview_is_cut_off_at_its_limit(module_backend: Backend, tmp_path: Path) -> None:
    with hostile.hostile_proxy(module_backend.url, {CLIP: hostile.endless}) as proxy:
        made = Terminal(tmp_path / "library", proxy.url, keys_in_memory=True)
        try:
            with pytest.raises(AnswerTooLargeError):
                made.purchases.preview("harbor", "harbor-0011")
        finally:
            made.close()
        assert proxy.settled() <= transfer.PREVIEW + hostile.in_flight()
