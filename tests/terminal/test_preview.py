"""The core fetches a store clip into memory: it decodes there, nothing lands in the library, it comes in
an encoding this terminal decodes, and a server that sends more than a clip can be, or passes one kind
of audio off as another, is refused."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from player import playback, transfer
from player.errors import AnswerTooLargeError, BackendRefusedError, BackendResponseError
from player.terminal import Preview, Terminal
from tests.support import hostile
from tests.support.backend import Backend

CLIP = "/providers/harbor/preview/harbor-0011"


@contextmanager
def _terminal(directory: Path, server: str, codecs: tuple[str, ...] | None = None) -> Iterator[Terminal]:
    made = Terminal(directory / "library", server, keys_in_memory=True, codecs=codecs)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def terminal(tmp_path: Path, module_backend: Backend) -> Iterator[Terminal]:
    with _terminal(tmp_path, module_backend.url) as made:
        yield made


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def _heard_ms(clip: Preview) -> int:
    return playback.decode_check(clip.data, clip.mime).duration_ms


def test_a_preview_is_held_in_memory_and_decodes_there(terminal: Terminal) -> None:
    terminal.purchases.catalog()  # the first contact (the insurer's key pinned) is behind us
    before = _files(terminal.data_dir)
    clip = terminal.purchases.preview("harbor", "harbor-0011")
    assert clip.content_id == "harbor-0011"
    assert clip.mime == "audio/ogg"  # compressed first: a clip is heard once, Ogg is a seventh the size
    assert 14_000 <= _heard_ms(clip) <= 16_000
    assert _files(terminal.data_dir) == before  # never written


def test_a_preview_comes_in_the_encodings_the_terminal_is_narrowed_to(
    tmp_path: Path, module_backend: Backend
) -> None:
    with _terminal(tmp_path, module_backend.url, ("audio/ogg",)) as ogg_only:
        clip = ogg_only.purchases.preview("harbor", "harbor-0011")
    assert clip.mime == "audio/ogg" and clip.data.startswith(b"OggS")
    assert 14_000 <= _heard_ms(clip) <= 16_000
    mp3_only = _terminal(tmp_path / "mp3", module_backend.url, ("audio/mpeg",))
    with mp3_only as made, pytest.raises(BackendRefusedError) as refused:
        made.purchases.preview("harbor", "harbor-0011")
    assert (refused.value.code, refused.value.status) == ("no_acceptable_encoding", 406)


def test_a_preview_of_a_track_the_provider_does_not_have_is_refused_in_words(terminal: Terminal) -> None:
    with pytest.raises(BackendRefusedError) as refused:
        terminal.purchases.preview("harbor", "harbor-9999")
    assert refused.value.code == "unknown_content"


def test_an_endless_preview_is_cut_off_at_its_limit(module_backend: Backend, tmp_path: Path) -> None:
    with hostile.hostile_proxy(module_backend.url, {CLIP: hostile.endless}) as proxy:
        with _terminal(tmp_path, proxy.url) as made, pytest.raises(AnswerTooLargeError):
            made.purchases.preview("harbor", "harbor-0011")
        assert proxy.settled() <= transfer.PREVIEW + hostile.in_flight()


def test_a_clip_passed_off_as_another_kind_of_audio_is_refused(
    module_backend: Backend, tmp_path: Path
) -> None:
    rules: dict[str, hostile.Misbehaviour] = {CLIP: hostile.mislabelled_audio}
    with (
        hostile.hostile_proxy(module_backend.url, rules) as proxy,
        _terminal(tmp_path, proxy.url) as made,
        pytest.raises(BackendResponseError) as refused,
    ):
        made.purchases.preview("harbor", "harbor-0011")
    assert "audio/ogg labelled audio/flac" in str(refused.value)
