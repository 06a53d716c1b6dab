"""A computer that plays only Ogg Vorbis reports a lost track from the window and gets it back as Ogg."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.protocol import container
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.loss_helpers import decoded_frames, open_loss_dialog, wait_for_result

LOST = "harbor-0006"


def stored_format(path: Path) -> str:
    with path.open("rb") as f:
        return container.read_header(f).mime


def test_an_ogg_only_computer_gets_the_lost_track_back_as_ogg(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name("oda"), insured=True, codecs=("audio/ogg",))
    terminal = session.terminal
    terminal.purchases.buy(LOST)
    path = terminal.library.file_path(LOST)
    assert path is not None and stored_format(path) == "audio/ogg"  # bought in its format, too
    path.unlink()

    dialog = open_loss_dialog(qtbot, session)
    assert dialog.checked_content_ids() == [LOST]
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    (row,) = wait_for_result(qtbot, dialog)
    assert row[1] == "Re-issued", row
    again = terminal.library.file_path(LOST)
    assert again is not None and stored_format(again) == "audio/ogg"
    assert decoded_frames(terminal, LOST) > 0
