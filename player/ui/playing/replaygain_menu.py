"""Playback ▸ ReplayGain: level tracks by their own tags — Off, Track Gain, Album Gain — remembered.

The choice goes through `NowPlaying.set_replaygain`, the one setter any other control (a preferences
page) uses too; this menu follows `replaygain_changed`, so it shows and saves whatever set it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from player.language import QT_TRANSLATE_NOOP, translate
from player.playback import ReplayGainMode
from player.ui.kit.settings import UiSettings
from player.ui.playing.now_playing import NowPlaying

__all__ = ["ReplayGainMenu"]

# Marked, and translated when the menu is made: at import no language is set.
CHOICES = (
    (
        ReplayGainMode.OFF,
        QT_TRANSLATE_NOOP("ReplayGainMenu", "&Off"),
        QT_TRANSLATE_NOOP("ReplayGainMenu", "Play every track at its own level"),
    ),
    (
        ReplayGainMode.TRACK,
        QT_TRANSLATE_NOOP("ReplayGainMenu", "&Track Gain"),
        QT_TRANSLATE_NOOP("ReplayGainMenu", "Play every track at the same loudness"),
    ),
    (
        ReplayGainMode.ALBUM,
        QT_TRANSLATE_NOOP("ReplayGainMenu", "&Album Gain"),
        QT_TRANSLATE_NOOP("ReplayGainMenu", "Play every album at the same loudness, its tracks as mastered"),
    ),
)


class ReplayGainMenu(QMenu):
    """Three exclusive choices; the saved one is applied when the menu is made."""

    def __init__(self, now: NowPlaying, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Replay&Gain"))
        self.setObjectName("replaygain_menu")
        self.menuAction().setObjectName("replaygain")
        self._now = now
        self._settings = settings
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions_by_mode: dict[ReplayGainMode, QAction] = {}
        for mode, label, hint in CHOICES:
            action = QAction(translate("ReplayGainMenu", label), self)
            tip = translate("ReplayGainMenu", hint)
            action.setObjectName(f"replaygain_{mode.value}")
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, m=mode: now.set_replaygain(m))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_mode[mode] = action
        now.replaygain_changed.connect(self._changed)
        now.set_replaygain(ReplayGainMode(settings.replaygain))

    def _changed(self, value: str) -> None:
        mode = ReplayGainMode(value)
        self.actions_by_mode[mode].setChecked(True)
        self._settings.replaygain = mode.value
