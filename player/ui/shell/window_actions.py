"""The main window's actions, menus and keys, kept apart from how the window is built
(`main_window.py`) and from the File menu's work (`file_actions.py`).

Transport keys follow what desktop players use: Space play/pause, Ctrl+Left/Right previous/next,
Left/Right seek 5 s in the playing area, M mute, Ctrl+Up/Down volume, and the keyboard's media keys.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QMessageBox,
    QStackedWidget,
)

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.terminal import LibraryEntry
from player.ui.insurance.view import InsuranceView
from player.ui.kit.settings import UiSettings
from player.ui.library.view import LibraryPage
from player.ui.playing.now_playing import NowPlaying
from player.ui.playing.order import Repeat, Shuffle
from player.ui.playing.player_bar import PlayerBar
from player.ui.playing.replaygain_menu import ReplayGainMenu
from player.ui.playlists.part import PlaylistsPart
from player.ui.receipts.view import ReceiptsView
from player.ui.shell.file_actions import FileActions
from player.ui.shell.menus import fill_menus, make_action
from player.ui.shell.music_actions import MusicActions
from player.ui.shell.sidebar import COMPACT_BELOW, Sidebar
from player.ui.store.view import StoreView

if TYPE_CHECKING:  # the dialogs are imported when first opened, not with the window
    from player.ui.shell.preferences import PreferencesDialog

SEEK_STEP_MS = 5000
VOLUME_STEP = 5  # percent, for Ctrl+Up/Down and the volume keys
LIBRARY, STORE, INSURANCE, RECEIPTS = range(4)
# The Playback menu's Repeat and Shuffle say the mode they are in (each press moves to the next one).
REPEAT_ACTION = {
    Repeat.OFF: QT_TRANSLATE_NOOP("WindowActions", "&Repeat (off)"),
    Repeat.ALL: QT_TRANSLATE_NOOP("WindowActions", "&Repeat (all tracks)"),
    Repeat.TRACK: QT_TRANSLATE_NOOP("WindowActions", "&Repeat (this track)"),
}
SHUFFLE_ACTION = {
    Shuffle.OFF: QT_TRANSLATE_NOOP("WindowActions", "S&huffle (off)"),
    Shuffle.TRACKS: QT_TRANSLATE_NOOP("WindowActions", "S&huffle (tracks)"),
    Shuffle.ALBUMS: QT_TRANSLATE_NOOP("WindowActions", "S&huffle (albums)"),
}


class WindowActions(FileActions, MusicActions):
    """What the window's menus and keys do; the widgets they drive are built by `MainWindow`."""

    settings: UiSettings
    now: NowPlaying
    bar: PlayerBar
    library: LibraryPage
    store: StoreView
    insurance: InsuranceView
    receipts: ReceiptsView
    sidebar: Sidebar
    pages: QStackedWidget
    queue_dock: QDockWidget
    playlists: PlaylistsPart
    quit: Callable[[], None]  # quits even when closing would only hide the window to the tray
    apply_desktop_settings: Callable[[], None]
    preferences: PreferencesDialog | None

    def _build_actions(self) -> None:
        a = partial(make_action, self)
        playing_area = (self.library, self.bar, self.sidebar)
        self.sync_action = a(self.tr("&Sync Now"), "F5", self.sync_now, "sync")
        self.add_music_action = a(self.tr("Add &Music…"), "Ctrl+O", self.add_music, "add_music")
        self.add_folder_action = a(
            self.tr("Add Music &Folder…"), "Ctrl+Shift+O", self.add_music_folder, "add_folder"
        )
        self.verify_action = a(self.tr("&Check Library"), None, self.check_library, "check_library")
        self.loss_action = a(self.tr("&Report a Loss…"), None, self.report_loss, "report_loss")
        self.alternates_action = a(
            self.tr("Choose &Alternates…"), None, self.choose_alternates, "choose_alternates"
        )
        self.account_action = a(self.tr("Sign &In…"), None, self.show_first_run, "sign_in")
        self.sign_out_action = a(self.tr("Sign &Out…"), None, self.sign_out, "sign_out")
        self.preferences_action = a(self.tr("Pre&ferences…"), "Ctrl+,", self.show_preferences, "preferences")
        # Spelt out: QKeySequence.StandardKey.Quit is empty on some platforms (offscreen, Windows).
        self.quit_action = a(self.tr("&Quit"), "Ctrl+Q", self.quit, "quit")
        self.play_action = a(self.tr("&Play/Pause"), "Space", self._space, "play_pause")
        self.stop_action = a(self.tr("&Stop"), "Ctrl+.", self.now.stop, "stop")
        self.next_action = a(self.tr("&Next Track"), "Ctrl+Right", self.now.next, "next")
        self.previous_action = a(self.tr("P&revious Track"), "Ctrl+Left", self.now.previous, "previous")
        self.mute_action = a(self.tr("&Mute"), "M", self.bar.toggle_mute, "mute", within=playing_area)
        self.louder_action = a(self.tr("&Louder"), "Ctrl+Up", lambda: self._volume_by(+VOLUME_STEP), "louder")
        self.quieter_action = a(
            self.tr("&Quieter"), "Ctrl+Down", lambda: self._volume_by(-VOLUME_STEP), "quieter"
        )
        self.repeat_action = a(self.tr("&Repeat"), "Ctrl+R", self.bar.next_repeat, "repeat")
        self.shuffle_action = a(self.tr("S&huffle"), "Ctrl+H", self.bar.next_shuffle, "shuffle")
        self.play_next_action = a(
            self.tr("Play &Next"),
            "Ctrl+Shift+D",
            lambda: self.library.queue_selected(at_head=True),
            "play_next",
            within=(self.library,),
        )
        self.enqueue_action = a(
            self.tr("Add to &Queue"),
            "Ctrl+D",
            lambda: self.library.queue_selected(at_head=False),
            "enqueue",
            within=(self.library,),
        )
        self.notify_action = a(self.tr("Notify on Track &Change"), None, self._notify_changed, "notify")
        self.notify_action.setCheckable(True)
        self._media_keys()
        self.forward_action = a(
            self.tr("Seek &Forward 5 s"),
            "Right",
            lambda: self._seek(+SEEK_STEP_MS),
            "forward",
            within=playing_area,
        )
        self.back_action = a(
            self.tr("Seek &Back 5 s"), "Left", lambda: self._seek(-SEEK_STEP_MS), "back", within=playing_area
        )
        self.find_action = a(self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search, "find")
        sections = (self.tr("&Library"), self.tr("S&tore"), self.tr("&Insurance"), self.tr("&Receipts"))
        self.section_actions = [
            a(text, f"Ctrl+{i + 1}", lambda _=False, i=i: self.show_section(i), f"section_{i}")
            for i, text in enumerate(sections)
        ]
        about = a(self.tr("&About Insured Player"), None, self._about, "about")

        file: list[QAction | None] = [self.add_music_action, self.add_folder_action, None]
        file += [self.sync_action, self.verify_action, self.loss_action]
        file += [self.alternates_action, None, self.account_action, self.sign_out_action, None]
        file += [self.preferences_action, None, self.quit_action]
        playing: list[QAction | None] = [self.play_action, self.stop_action, self.previous_action]
        playing += [self.next_action, None, self.back_action, self.forward_action, None]
        playing += [self.play_next_action, self.enqueue_action, None]
        playing += [self.shuffle_action, self.repeat_action, None]
        self.replaygain_menu = ReplayGainMenu(self.now, self.settings, self)
        playing += [self.mute_action, self.louder_action, self.quieter_action, None]
        playing += [self.replaygain_menu.menuAction(), self.notify_action]
        self.queue_view_action = self.queue_dock.toggleViewAction()
        self.queue_view_action.setText(self.tr("&Up Next"))
        self.queue_view_action.setShortcut(QKeySequence("Ctrl+U"))
        self.browser_action = a(self.tr("&Artists and Albums"), "Ctrl+B", self._show_browser, "browser")
        self.browser_action.setCheckable(True)
        self.browser_action.setChecked(True)
        view: list[QAction | None] = [self.find_action, self.browser_action, self.queue_view_action, None]
        view += self.section_actions
        menus: list[tuple[str, list[QAction | None]]] = [
            (self.tr("&File"), file),
            (self.tr("&Playback"), playing),
        ]
        menus += [(self.tr("P&laylists"), self.playlists.menu_actions())]  # player/ui/playlists
        menus += [(self.tr("&View"), view), (self.tr("&Help"), [about])]
        fill_menus(self.menuBar(), menus)

    def show_section(self, index: int) -> None:
        self.sidebar.nav.setCurrentRow(index)

    def _show_page(self, index: int) -> None:
        if 0 <= index < self.pages.count():
            self.pages.setCurrentIndex(index)

    def focus_search(self) -> None:
        """Ctrl+F: the Store's search while the Store is shown, else the library's."""
        if self.pages.currentWidget() is self.store:
            self.store.focus_search()
            return
        self.show_section(LIBRARY)
        self.library.focus_search()

    def _space(self) -> None:
        """Space plays/pauses, except on a focused button, which it presses (keyboard users need that)."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QAbstractButton) and focused.window() is self:
            focused.animateClick()
        elif isinstance(focused, QComboBox) and focused.window() is self:
            focused.showPopup()
        else:
            self.now.toggle()

    def _seek(self, delta_ms: int) -> None:
        self.now.seek_by(delta_ms)

    def _play_entry(self, entry: LibraryEntry) -> None:
        self.playlists.source.use_library()  # played from the library: Next follows the library again
        self.messages.hide()
        self.now.play(entry)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Insured Player"),
            self.tr(
                "<h3>Insured Player</h3><p>A music player whose tracks are insured: if they are lost, the "
                "insurer re-issues them (EP 1 391 838 A1).</p><p>Server: {server}<br>Library: {library}</p>"
            ).format(
                server=html.escape(self.session.terminal.connection.server_id),
                library=html.escape(str(self.session.terminal.data_dir)),
            ),
        )

    def _media_keys(self) -> None:
        """The keyboard's own media and volume keys, wherever the focus is in the window."""
        for key, text, slot in (
            (Qt.Key.Key_MediaPlay, self.tr("Play (media key)"), self.now.toggle),
            (Qt.Key.Key_MediaTogglePlayPause, self.tr("Play/Pause (media key)"), self.now.toggle),
            (Qt.Key.Key_MediaPause, self.tr("Pause (media key)"), self.now.pause),
            (Qt.Key.Key_MediaStop, self.tr("Stop (media key)"), self.now.stop),
            (Qt.Key.Key_MediaNext, self.tr("Next track (media key)"), self.now.next),
            (Qt.Key.Key_MediaPrevious, self.tr("Previous track (media key)"), self.now.previous),
            (Qt.Key.Key_VolumeUp, self.tr("Louder (volume key)"), lambda: self._volume_by(+VOLUME_STEP)),
            (Qt.Key.Key_VolumeDown, self.tr("Quieter (volume key)"), lambda: self._volume_by(-VOLUME_STEP)),
            (Qt.Key.Key_VolumeMute, self.tr("Mute (volume key)"), self.bar.toggle_mute),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)

    def show_preferences(self) -> None:
        if self.preferences is not None and self.preferences.isVisible():
            self.preferences.raise_()
            self.preferences.activateWindow()
            return
        if self.preferences is not None:
            self.preferences.deleteLater()  # closed earlier: opened afresh, saying what holds now
        from player.ui.shell.preferences import PreferencesDialog

        self.preferences = PreferencesDialog(self.session, self.settings, self)
        self.preferences.desktop_changed.connect(self._desktop_changed)
        self.preferences.replaygain_chosen.connect(self.now.set_replaygain)
        self.now.replaygain_changed.connect(self.preferences.show_replaygain)
        self.preferences.add_folder_requested.connect(self.add_music_folder)
        self.preferences.remove_place_requested.connect(self.remove_music)
        self.preferences.show()

    def _desktop_changed(self) -> None:
        self.apply_desktop_settings()
        self.notify_action.setChecked(self.settings.notifications)

    def _notify_changed(self) -> None:
        self.settings.notifications = self.notify_action.isChecked()

    def _show_browser(self) -> None:
        wanted = self.browser_action.isChecked()
        self.settings.browser_wanted = wanted
        self.library.show_browser(wanted)

    def _volume_by(self, step: int) -> None:
        self.bar.set_volume(self.bar.volume.value() + step)

    def _order_changed(self) -> None:
        """Remembered: shuffle and repeat are how this listener listens."""
        self.settings.set_play_order(self.now.order.repeat, self.now.order.shuffle)
        order = self.now.order
        self.repeat_action.setText(translate("WindowActions", REPEAT_ACTION.get(order.repeat, "&Repeat")))
        self.shuffle_action.setText(translate("WindowActions", SHUFFLE_ACTION.get(order.shuffle, "S&huffle")))

    def _restore_play_order(self) -> None:
        repeat, shuffle = self.settings.play_order
        self.now.set_repeat(Repeat(repeat) if repeat in set(Repeat) else Repeat.OFF)
        self.now.set_shuffle(Shuffle(shuffle) if shuffle in set(Shuffle) else Shuffle.OFF)
        self.bar.set_muted(self.settings.muted)

    def queue_tracks(self, ids: list[str], at_head: bool) -> None:
        """Play Next / Add to Queue: said in the status bar, and the queue shown where there is room."""
        if at_head:
            self.now.queue.play_next(ids)
        else:
            self.now.queue.add(ids)
        if at_head:
            said = words.count(
                len(ids),
                self.tr("Added {n} track to play next (Ctrl+U shows the queue)."),
                self.tr("Added {n} tracks to play next (Ctrl+U shows the queue)."),
            )
        else:
            said = words.count(
                len(ids),
                self.tr("Added {n} track to the end of the queue (Ctrl+U shows the queue)."),
                self.tr("Added {n} tracks to the end of the queue (Ctrl+U shows the queue)."),
            )
        self.statusBar().showMessage(said, 6000)
        if self.width() >= COMPACT_BELOW and not self.queue_dock.isVisible():
            self.queue_dock.show()

    def _queue_ended(self) -> None:
        self.statusBar().showMessage(
            self.tr("End of the queue: turn Repeat on to start again from the top."), 8000
        )

    def _follow_playing_row(self, license_id: str) -> None:
        """The playing row is selected and scrolled into view as each track starts (unless the user is
        choosing several rows to act on)."""
        if len(self.library.table.selectionModel().selectedRows()) <= 1:
            self.library.select(license_id)

    def show_first_run(self) -> None:
        """Sign up or sign in, then insurance, then the store (the first-run dialog)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        from player.ui.shell.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.session, self)
        dialog.open_store.connect(lambda: self.show_section(STORE))
        dialog.work_offline.connect(self.session.work_offline)
        self.dialog = dialog
        dialog.open()

    def join_insurer(self) -> None:
        """Take out a policy with one more insurer (the Insurance page's "Join another insurer…")."""
        from player.ui.shell.insurer_choice import JoinInsurerDialog

        JoinInsurerDialog(self.session, self).open()
