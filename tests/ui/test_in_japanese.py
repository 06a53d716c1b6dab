"""Story: a listener in Japan starts the player on a system set to Japanese (LANG=ja_JP.UTF-8) and the
whole window speaks Japanese — menus, sidebar, every page, table headers, the player bar, the status
bar — with prices in yen and dates written the Japanese way; only the music's own names (and the
player's name) stay as they are. On an English system, 日本語 chosen in Preferences is spoken from the
next start.

The window runs in a process of its own, as `insured-player` would: Qt reads the locale when it starts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mock_backend.demo.catalog import load_catalog
from player.ui.shell.preferences import PreferencesDialog
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession
from tests.ui.visible_text import assert_words_plain
from tests.ui.window_helpers import bought, open_window

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")  # kana and kanji
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
# Words that are the same in a Japanese desktop app: names, formats and standards.
KEPT = (
    "PDF",
    "Insured Player",
    "ReplayGain",
    "MPRIS",
    "FLAC",
    "Ogg Vorbis",
    "Ogg",
    "Opus",
    "MP3",
    "WAV",
    "XSPF",
    "UTC",
)


def _data_names() -> list[str]:
    """The catalog's own names (titles, artists, albums, genres, providers): data, never translated."""
    catalog = load_catalog()
    names = {p.name for p in catalog.providers}
    for t in catalog.tracks:
        names |= {t.title, t.artist, t.album, t.genre, t.album_artist}
    return sorted((n for n in names if n), key=len, reverse=True)


# Written the same in any language: key chords ("Ctrl+Shift+A", "Space") and the search's field
# prefixes with their example values (the query language is the same for everyone, as in Quod Libet).
KEYS = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\S+|\b(?:Space|Enter|Delete|Esc|F\d{1,2})\b")
FIELDS = re.compile(r"\b(?:artist|album|genre|title|provider|year):(?:\"[^\"]*\"|[\w<>=-]*)")


def _english_left(text: str, names: list[str]) -> list[str]:
    for name in (*names, *KEPT):
        text = text.replace(name, " ")
    return ENGLISH_WORD.findall(FIELDS.sub(" ", KEYS.sub(" ", text)))


def _window_in(language_env: dict[str, str], data_dir: Path, url: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(language_env)
    run = subprocess.run(
        [sys.executable, "-m", "tests.support.window_probe", str(data_dir), url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    shown: dict[str, object] = json.loads(run.stdout)
    return shown


def test_on_a_japanese_system_the_whole_window_speaks_japanese(
    make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001", "aurora-0002")
    user = session.terminal.account.owner
    insurer = session.terminal.connection.insurer_name()  # a name, as the insurer spells it
    session.terminal.close()  # the window's process takes the data dir over

    shown = _window_in({"LANG": "ja_JP.UTF-8"}, tmp_path / "library", module_backend.url)

    assert shown["locale"] == "ja_JP"
    texts = shown["texts"]
    assert isinstance(texts, list)
    names = [user, insurer, *_data_names()]
    english = sorted(
        {f"{t['part']} in {t['where']}: {t['text']!r}" for t in texts if _english_left(t["text"], names)}
    )
    assert english == []
    menus = [t["text"] for t in texts if t["part"].endswith("menu title")]
    assert "ファイル(&F)" in menus  # the mnemonic kept as Japanese applications write it
    assert not [m for m in menus if _english_left(m.replace("&", ""), [])], menus
    every = "\n".join(t["text"] for t in texts)
    assert "¥" in every  # prices stay in yen
    assert "Lantern Street" in every  # the music keeps its own names


def test_on_an_english_system_the_same_window_speaks_english(
    make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001")
    session.terminal.close()

    shown = _window_in({"LANG": "en_GB.UTF-8"}, tmp_path / "library", module_backend.url)

    assert shown["locale"] == "en_GB"
    texts = shown["texts"]
    assert isinstance(texts, list)
    assert not [t["text"] for t in texts if JAPANESE.search(t["text"])]
    assert "File" in [t["text"].replace("&", "") for t in texts if t["part"].endswith("menu title")]


def test_japanese_chosen_in_preferences_is_spoken_from_the_next_start(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend, tmp_path: Path
) -> None:
    session = bought(make_session, module_backend.url, "aurora-0001")
    window = open_window(qtbot, session)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.preferences
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.language.currentText() == "System language"
    assert [dialog.language.itemText(i) for i in range(1, dialog.language.count())] == ["English", "日本語"]

    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.language.activated.emit(dialog.language.currentIndex())
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == "The player speaks 日本語 from its next start."
    assert_words_plain()
    window.shutdown()  # quit: the settings are written and the data dir let go

    shown = _window_in({"LANG": "C.UTF-8"}, tmp_path / "library", module_backend.url)

    assert shown["locale"] == "ja_JP"  # the language chosen brings its own ways with dates and numbers
    texts = shown["texts"]
    assert isinstance(texts, list)
    menus = [t["text"] for t in texts if t["part"].endswith("menu title")]
    assert "ファイル(&F)" in menus  # the mnemonic kept as Japanese applications write it
    assert not [m for m in menus if _english_left(m.replace("&", ""), [])], menus
