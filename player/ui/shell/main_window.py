"""The main window: sections on the left (Library, Store, Insurance, Receipts) and the playlists below
them, the player bar at the bottom, the connection and the license list's offline grace in the status
bar, and inline messages on top.

It wires widgets to the `UiSession` and the `NowPlaying` controller and decides nothing itself: every
question goes to the core through the session, every answer is shown as it comes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from player.playback import PlaybackState, Player, PlayerBase
from player.terminal import LibraryEntry
from player.ui.claims.audio_cover import AudioCover
from player.ui.claims.upgrades import UpgradeOffers
from player.ui.insurance.view import InsuranceView
from player.ui.kit import icons
from player.ui.kit.fit import fit_to_screen
from player.ui.kit.settings import UiSettings
from player.ui.library.own_music import OwnMusicKeeper
from player.ui.library.view import LibraryPage
from player.ui.playing.mpris import MprisService
from player.ui.playing.notify import TrackNotifier
from player.ui.playing.now_playing import NowPlaying, NowPlayingTrack
from player.ui.playing.player_bar import PlayerBar
from player.ui.playing.queue_panel import QueuePanel
from player.ui.playlists.part import PlaylistsPart
from player.ui.receipts.view import ReceiptsView
from player.ui.session import ConnectionState, UiSession
from player.ui.shell.notices import NoticeStrip
from player.ui.shell.sidebar import COMPACT_BELOW, Sidebar
from player.ui.shell.status import StatusPanel
from player.ui.shell.tray import APP_NAME, Tray
from player.ui.shell.window_actions import LIBRARY, STORE, WindowActions
from player.ui.store.view import StoreView


class MainWindow(WindowActions):
    quit_requested = Signal()  # the application should end (the window may have been hidden to the tray)

    def __init__(
        self,
        session: UiSession,
        player: PlayerBase | None = None,
        *,
        settings: UiSettings | None = None,
        mpris: bool = True,
        first_run: bool = True,
    ) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or UiSettings(session.terminal.data_dir)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icons.app_icon())
        self.setObjectName("main_window")
        self._first_run_allowed = first_run
        self._restored_track = False
        self._closed = False
        self._quitting = False
        self.dialog: QDialog | None = None  # the open loss or first-run dialog
        self.alternates_dialog = None
        self.sign_out_box: QMessageBox | None = None
        self.preferences = None
        self._reminded = False  # of alternates still to choose, once a session

        self.player = player or Player(self)
        self.now = NowPlaying(session, self.player, self)

        self.library = LibraryPage(self)
        self.own_music = OwnMusicKeeper(session, self)
        self.store = StoreView(session, self)
        self.insurance = InsuranceView(session, self)
        self.receipts = ReceiptsView(session, self)
        self.pages = QStackedWidget(self)
        for page in (self.library, self.store, self.insurance, self.receipts):
            self.pages.addWidget(page)
        self.sidebar = Sidebar(
            [self.tr("Library"), self.tr("Store"), self.tr("Insurance"), self.tr("Receipts")],
            icons.app_icon(),
            self,
        )
        self.sidebar.nav.currentRowChanged.connect(self._show_page)
        self.notices = NoticeStrip(self)  # below the pages: a message never moves a row
        self.banner, self.messages = self.notices.offline, self.notices.message
        self.bar = PlayerBar(self.now, self)
        self.status = StatusPanel(self.statusBar())
        self.notifier = TrackNotifier(self.now, lambda: self.settings.notifications, self)
        self.queue_panel = QueuePanel(session, self.now.queue, self)
        self.queue_dock = QDockWidget(self.tr("Up Next"), self)
        self.queue_dock.setObjectName("queueDock")  # its place and visibility are saved with the window
        self.queue_dock.setWidget(self.queue_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.queue_dock)
        self.queue_dock.hide()
        # Playlists (player/ui/playlists): the sidebar's part, a page, their menu; Next can follow one.
        self.playlists = PlaylistsPart(
            self, session, self.now, self.library, self.queue_panel, self.sidebar.nav, self.pages,
            self.messages, self.settings.path,
        )  # fmt: skip
        self.sidebar.add_part(self.playlists.list, self.playlists.list.set_compact)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.sidebar)
        body.addWidget(self.pages, 1)
        content = QVBoxLayout()
        content.setContentsMargins(8, 8, 8, 0)
        content.addLayout(body, 1)
        content.addWidget(self.notices)
        content.addWidget(self.bar)
        central = QWidget(self)
        central.setLayout(content)
        self.setCentralWidget(central)

        self._apply_icons(bar=False)  # the player bar drew its own as it was built
        self._build_actions()
        self._connect()
        self._connect_music()
        self._restore()
        tray_actions = [self.play_action, self.stop_action, self.previous_action, self.next_action]
        self.tray = Tray(self, icons.app_icon(), tray_actions, self)
        self.audio_cover = AudioCover(session, self.library, self.messages, self)  # the audio insured apart
        self.upgrade_offers = UpgradeOffers(session, self.library, self.messages, self)  # newer versions
        self.tray.quit_requested.connect(self.quit)
        self.apply_desktop_settings()
        self.mpris = MprisService(
            self.now,
            raise_window=self._raise,
            quit=self.quit,
            set_volume=lambda v: self.bar.set_volume(round(v * 100)),
            parent=self,
        )
        self._use_mpris = mpris

    # --- building --------------------------------------------------------------------------------

    def _connect(self) -> None:
        s = self.session
        s.library_changed.connect(self._library_changed)
        s.connection_changed.connect(self._connection_changed)
        s.list_status_changed.connect(lambda trusted: self.status.set_list(trusted, s.last_sync_at))
        self.status.rendered.connect(self.notices.set_grace)
        s.synced.connect(self._synced)
        s.providers_changed.connect(self._providers_changed)
        s.signed_in_changed.connect(self._signed_in_changed)
        s.failed.connect(self.show_error)
        s.busy_changed.connect(self.status.set_busy)
        self.status.set_busy(s.tasks.busy)  # work may have been queued before the window was built
        self.library.play_requested.connect(self._play_entry)
        self.library.current_changed.connect(self.now.prepare_soon)
        self.library.store_requested.connect(lambda: self.show_section(STORE))
        self.library.insure_requested.connect(self.insure_tracks)
        self.library.loss_requested.connect(self.report_loss)
        self.library.queue_requested.connect(self.queue_tracks)
        self.library.sign_in_requested.connect(self.show_first_run)
        self.library.browser.covers_wanted.connect(
            lambda wanted: self.session.read_covers(wanted, self.library.browser.set_covers)
        )
        self.library.room_changed.connect(self._fit_columns)  # e.g. the queue panel opened beside it
        self.now.queue.changed.connect(lambda: setattr(self.settings, "queue", self.now.queue.ids))
        self.insurance.insure_requested.connect(self.insure_tracks)
        self.store.insure_requested.connect(self.insure_tracks)
        self.insurance.loss_requested.connect(lambda insurer: self.report_loss(insurer=insurer))
        self.insurance.insurers.join_requested.connect(self.join_insurer)
        self.now.set_queue(self.playlists.source.entries)  # the library as shown, or the playlist played
        self.now.track_changed.connect(self._track_changed)
        self.now.order_changed.connect(self._order_changed)
        self.now.queue_ended.connect(self._queue_ended)
        self.bar.muted_changed.connect(lambda muted: setattr(self.settings, "muted", muted))
        self.now.refused.connect(lambda title, text: self.messages.show_message("warning", title, text))
        self.now.file_missing.connect(self.show_missing)
        s.backend_restarted.connect(self.bundled_backend_stopped)
        self.player.state_changed.connect(self._playback_state)
        self.banner.retry_requested.connect(s.retry)
        self.banner.work_offline_requested.connect(s.work_offline)
        self.status.retry_requested.connect(s.retry)
        self.bar.volume_changed.connect(self._volume_changed)
        self.store.insurance_needed.connect(self.show_first_run)
        self.insurance.insurance_needed.connect(self.show_first_run)

    def _restore(self) -> None:
        st = self.settings
        fit_to_screen(self, QSize(1180, 720))
        if st.geometry is not None:
            self.restoreGeometry(st.geometry)
        if st.window_state is not None:
            self.restoreState(st.window_state)
        self.library.restore_columns(st.header_state, st.columns_sized)
        self.library.widths.sized_by_user.connect(self._columns_sized)
        self.bar.set_volume(st.volume)
        self._restore_play_order()
        self.now.queue.restore(st.queue)
        if st.library_split is not None:
            self.library.split.restoreState(st.library_split)
        self.browser_action.setChecked(st.browser_wanted)
        self.notify_action.setChecked(st.notifications)
        self.session.last_sync_at = st.last_sync
        self.library.model.set_provider_names(st.provider_names)
        self.session.provider_names = st.provider_names
        self.sidebar.nav.setCurrentRow(LIBRARY)

    def _apply_icons(self, *, bar: bool = True) -> None:
        """Icons drawn in the palette's colours: at start, and again when the system theme changes."""
        palette = self.palette()
        self.library.set_icons(
            icons.insured_badge(palette),
            icons.themed_icon("search", palette),
            icons.themed_icon("store", palette),
        )
        self.sidebar.set_icons(
            [icons.themed_icon(n, palette) for n in ("library", "store", "insurance", "receipts")]
        )
        if bar:
            self.bar.apply_icons()
        self.playlists.apply_icons(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_icons()

    def start(self) -> None:
        """Connect (the bundled backend starts on the worker), show the cached library, join MPRIS."""
        if self._use_mpris:
            self.mpris.start()
        self.session.start()
        self.own_music.start()  # the folders added earlier, looked at again and watched

    # --- sections and actions --------------------------------------------------------------------

    def _raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    # --- what the session and the player say ------------------------------------------------------

    def _library_changed(self, entries: list[LibraryEntry]) -> None:
        self.library.set_entries(entries)
        if entries:
            self._fit_columns()
        current = self.now.current
        if current is not None:
            self.library.model.set_current(current.license_id, self._state_icon())
        if not self._restored_track:
            self._restored_track = True
            license_id, position = self.settings.last_track
            by_id = {e.row.license_id: e for e in entries}
            entry = by_id.get(license_id)
            while entry is not None and entry.replaced_by:  # replaced since: its successor plays
                entry = by_id.get(entry.replaced_by)
                position = 0
            if entry is not None and self.now.current is None:
                self.now.cue(entry, position)
                self.library.select(entry.row.license_id)

    def _connection_changed(self, state: str) -> None:
        self.status.set_connection(state)
        if state == ConnectionState.ONLINE and not self._reminded and self.session.signed_in:
            self._reminded = True  # once a session: a choice left for later is not forgotten
            self.choose_alternates(quiet=True)
        self.notices.set_connection(state)

    def _synced(self, _trusted: object) -> None:
        if self.session.last_sync_at is not None:
            self.settings.last_sync = self.session.last_sync_at

    def _providers_changed(self, names: dict[str, str]) -> None:
        self.library.model.set_provider_names(names)
        self.settings.provider_names = names
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The columns fill the table: fitted to the rows, or the user's layout kept in proportion."""
        self.library.fit_columns()

    def _columns_sized(self) -> None:
        """The user sized a column: their layout from now on, at the next launch too."""
        self.settings.columns_sized = True

    def _signed_in_changed(self, signed_in: bool) -> None:
        account = self.session.terminal.account
        self.account_action.setVisible(not signed_in)
        self.sign_out_action.setVisible(signed_in)
        locked = not signed_in and account.signed_out
        if locked:
            self.now.stop()
            self.now.preparer.clear()  # nothing opened for the signed-out owner stays in memory
        self.library.set_locked(account.owner if locked else None)
        if not signed_in and self._first_run_allowed and not self._closed:
            self._first_run_allowed = False  # once per start; File > Sign In... opens it again
            self.show_first_run()

    def _track_changed(self, track: NowPlayingTrack | None) -> None:
        self.sidebar.show_track(track)
        self.tray.show_track(track)
        if track is not None:
            self._follow_playing_row(track.license_id)
        self.library.model.set_current(track.license_id if track else "", self._state_icon())

    def _playback_state(self, _state: PlaybackState) -> None:
        if self.now.current is not None:
            self.library.model.set_current(self.now.current.license_id, self._state_icon())

    def _state_icon(self) -> QIcon:
        pixmap = (
            QStyle.StandardPixmap.SP_MediaPlay
            if self.player.state is PlaybackState.PLAYING
            else QStyle.StandardPixmap.SP_MediaPause
        )
        return self.style().standardIcon(pixmap)

    def _volume_changed(self, percent: int) -> None:
        self.settings.volume = percent

    # --- closing ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.sidebar.set_compact(self.width() < COMPACT_BELOW)
        self._show_browser()
        self._fit_columns()

    def apply_desktop_settings(self) -> None:
        """The tray icon and closing to it, as the settings say (Preferences changes them)."""
        self.tray.set_shown(self.settings.tray_icon)
        self.tray.close_to_tray = self.settings.close_to_tray

    def quit(self) -> None:
        """Quit for real (Ctrl+Q, the tray's Quit, MPRIS), even when closing would only hide the window."""
        self._quitting = True
        self.close()
        self.quit_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and not self._closed and self.tray.keeps_running:
            self._save()
            self.hide()
            event.ignore()
            if not self.settings.told_about_tray:
                self.settings.told_about_tray = True
                self.tray.icon.showMessage(
                    self.tr("Insured Player is still playing"),
                    self.tr("It keeps playing in the tray. Choose Quit there (or press Ctrl+Q) to stop."),
                    icons.app_icon(),
                )
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Remember the layout and the track, stop playback, leave the bus, let queued work finish and
        close the terminal (which stops the bundled backend). Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._save()
        self.mpris.stop()
        self.now.stop()
        self.notifier.close()
        self.tray.close()
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.own_music.close()
        self.session.close()
        self.now.preparer.clear()  # closes the tracks opened ahead

    def _save(self) -> None:
        st = self.settings
        st.geometry = self.saveGeometry()
        st.window_state = self.saveState()
        st.header_state = self.library.table.horizontalHeader().saveState()
        st.library_split = self.library.split.saveState()
        st.volume = self.bar.volume.value()
        self.playlists.save()  # the playlist open and the one played from
        current = self.now.current
        st.set_last_track(current.license_id if current else "", self.now.position if current else 0)
        st.sync()
