"""The disk under the library is full when the window opens: the library shows, tracks play, and what
cannot be saved is said once in words, with no dialog in the way. Real tmpfs; the kernel says ENOSPC."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import StartBackend
from tests.support.disks import fill, tmpfs
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.window_helpers import (
    WAIT,
    double_click_row,
    entry_titled,
    open_window,
    row_of,
    visible_dialogs,
    wait_playing,
)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "library", "48m") as where:
        yield where


def test_on_a_full_disk_the_window_lists_and_plays_and_says_the_library_cannot_be_changed(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend, small_disk: Path
) -> None:
    with start_backend() as backend:
        first = make_session(backend.url, user=unique_name(), insured=True)
        for content_id in ("aurora-0001", "harbor-0011"):
            first.terminal.purchases.buy(content_id)
        first.terminal.close()
        fill(small_disk)

        session = make_session(backend.url)  # the next start of the player, on the full disk
        window = open_window(qtbot, session, rows=2)
        qtbot.waitUntil(window.messages.isVisible, timeout=WAIT)
        assert window.messages.title == "Your library cannot be changed now", window.messages.text
        assert "disk is full" in window.messages.text and "still play" in window.messages.text
        assert visible_dialogs() == []

        row = row_of(window, entry_titled(window, "Lantern Street").row.license_id)
        double_click_row(qtbot, window, row)
        wait_playing(qtbot, window, "Lantern Street")
        qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)
        assert window.status.connection.text() == "Online", window.status.connection.text()
