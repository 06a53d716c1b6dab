"""The tray icon: play/pause, next and previous, show or hide the window, quit; its tooltip says what
plays. With "close to the tray" on, closing the window hides it and the music goes on.

Only where the desktop has a tray (Qt asks the StatusNotifier host on the session bus, or the X11 tray):
a window hidden to a tray that is not there could not be found again, so without one closing quits.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from player.ui.playing.now_playing import NowPlayingTrack

APP_NAME = "Insured Player"  # a name: the same in every language


class Tray(QObject):
    quit_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        icon: QIcon,
        actions: Sequence[QAction | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()  # a tray menu has no parent widget: it outlives any window state
        self.menu.setObjectName("trayMenu")
        self.show_action = self.menu.addAction(self.tr("Hide Insured Player"))
        self.show_action.triggered.connect(self.toggle_window)
        self.menu.addSeparator()
        for action in actions:
            if action is None:
                self.menu.addSeparator()
            else:
                self.menu.addAction(action)
        self.menu.addSeparator()
        quit_action = self.menu.addAction(self.tr("Quit"))
        quit_action.triggered.connect(self.quit_requested)
        self.menu.aboutToShow.connect(self._update_words)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.close_to_tray = False

    @staticmethod
    def desktop_has_one() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def set_shown(self, shown: bool) -> None:
        self.icon.setVisible(shown)

    @property
    def keeps_running(self) -> bool:
        """Whether closing the window should hide it instead: asked for, shown, and a tray to find it in."""
        return self.close_to_tray and self.icon.isVisible() and self.desktop_has_one()

    def show_track(self, track: NowPlayingTrack | None) -> None:
        if track is None:
            self.icon.setToolTip(APP_NAME)
        else:
            self.icon.setToolTip(f"{track.title}\n{track.artist}" if track.artist else track.title)

    def toggle_window(self) -> None:
        if self._window.isVisible() and not self._window.isMinimized():
            self._window.hide()
        else:
            self._window.showNormal()
            self._window.raise_()
            self._window.activateWindow()
        self._update_words()

    def _update_words(self) -> None:
        shown = self._window.isVisible() and not self._window.isMinimized()
        self.show_action.setText(self.tr("Hide Insured Player") if shown else self.tr("Show Insured Player"))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.toggle_window()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
