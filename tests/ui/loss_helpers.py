"""Helpers shared by the loss-report and alternates-dialog stories (the fixtures are in conftest.py)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox, QTreeWidget
from pytestqt.qtbot import QtBot

from player import playback
from player.terminal import LibraryEntry, Terminal
from player.ui.claims.alternates_dialog import AlternatesDialog
from player.ui.claims.loss_dialog import LossDialog
from player.ui.session import UiSession
from tests.ui.visible_text import assert_words_plain

WAIT = 60_000  # a claim re-downloads tracks: generous, the wait ends as soon as the answer is shown


def open_loss_dialog(qtbot: QtBot, session: UiSession) -> LossDialog:
    """The dialog as the window opens it; returns once the integrity scan is shown and the catalog's
    genres have come in."""
    dialog = LossDialog(session)
    qtbot.addWidget(dialog)
    dialog.resize(760, 520)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.scan_done, timeout=WAIT)
    wait_idle(qtbot, session)
    return dialog


def rows(tree: QTreeWidget) -> list[list[str]]:
    """Every row of a tree widget as its column texts."""
    out = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item is not None
        out.append([item.text(c) for c in range(tree.columnCount())])
    return out


def wait_for_result(qtbot: QtBot, dialog: LossDialog) -> list[list[str]]:
    """Wait for the result page; its rows (track, result, details) once the library is refreshed."""
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=WAIT)
    wait_idle(qtbot, dialog.session)
    return rows(dialog.result_list)


def wait_idle(qtbot: QtBot, session: UiSession) -> None:
    """Until the worker has run everything queued and its answers reached the widgets."""
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=WAIT)


def entries_of(session: UiSession, content_id: str) -> list[LibraryEntry]:
    return [e for e in session.library if e.row.content_id == content_id]


def decoded_frames(terminal: Terminal, content_id: str) -> int:
    """FIG.10 through the core, decode-only: the license decision, the key, the decryption, FFmpeg."""
    track = terminal.open_track(content_id)
    try:
        device = playback.open_device(track.reader, source_file=track.file)
        return playback.decode_check(device, track.mime).frames
    finally:
        track.close()


def confirm_choice(qtbot: QtBot, dialog: AlternatesDialog) -> str:
    """Take the alternate in the confirmation the dialog asks first; returns what it said."""
    qtbot.waitUntil(lambda: dialog.choice_confirmation is not None, timeout=WAIT)
    box = dialog.choice_confirmation
    assert box is not None
    said = f"{box.text()}\n{box.informativeText()}"
    assert_words_plain()  # the confirmation names both tracks by title
    [take] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    assert take.text() == dialog.ok.text() == "Take this track"  # one name for one action
    assert re.search(r"than the lost track, at no charge|the same price as the lost track", said), said
    assert "(" not in box.informativeText()  # one plain phrase, no brackets within brackets
    take.click()
    return said
