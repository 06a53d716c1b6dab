"""The language the player speaks: the user's choice when we ship it, else the system's first language
we ship, else English; installed, Japanese is spoken through Qt's own catalogs, and taken away again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from player import language, words
from player.language import Installed, install, pick, translate


def test_the_choice_wins_then_the_systems_languages_in_order_then_english() -> None:
    assert pick("ja", ["en-US", "en"]) == "ja"
    assert pick("system", ["de-DE", "ja-JP", "en"]) == "ja"  # the first one shipped
    assert pick("system", ["en_GB"]) == "en"
    assert pick("system", ["C"]) == "en"
    assert pick("fr", ["fr-FR"]) == "en"  # not shipped: English, not a half translation
    assert [value for value, _ in language.names()] == ["system", "en", "ja"]


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[Installed]:
    """Japanese for the test, then English and the locale as before for every other test."""
    before = QLocale()
    spoken = install(qapp, "ja")
    yield spoken
    for translator in spoken.translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(before)


def test_installed_japanese_speaks_in_the_core_and_in_qts_own_words(japanese: Installed) -> None:
    assert japanese.language == "ja" and japanese.missing == []
    assert translate("PreferencesDialog", "Preferences") == "設定"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"  # Qt's own catalog
    assert words.count(3, translate("Cli", "{n} track"), translate("Cli", "{n} tracks")) == "3 曲"
    assert words.sentence("そのまま") == "そのまま。"  # the language's own full stop


def test_english_needs_no_catalog(qapp: QApplication) -> None:
    before = QLocale()
    try:
        spoken = install(qapp, "en")
        assert (spoken.language, spoken.missing, spoken.translators) == ("en", [], [])
        assert translate("PreferencesDialog", "Preferences") == "Preferences"
    finally:
        QLocale.setDefault(before)
