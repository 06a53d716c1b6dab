"""Short previews: hear an alternate before taking it, as a store lets you hear a track before buying.

The clip comes from the provider's content server (a few seconds of the track, unencrypted, as stores
serve them), is held in memory only and is played from a `QBuffer` through its own `Player`: the same
in-memory path as an insured track, so nothing is written to disk. Its own player, because the track
the user was listening to is only paused (`UiSession.preview_started`), not torn down: when the clip
ends, is stopped or its dialog closes (`preview_ended`), it goes on where it was, if it was playing
(`HoldForPreview`). The player is made on the first preview, so a dialog nobody previews from costs
nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QPushButton, QStyle, QWidget

from player.errors import PlayerError
from player.playback import PlaybackState, Player, PlayerBase
from player.terminal import Preview
from player.ui.kit.messages import describe
from player.ui.session import UiSession

MakePlayer = Callable[[QObject], PlayerBase]


class Previewer(QObject):
    """One preview at a time; `playing_changed(key)` says which ("" when none), `failed(words)` why not."""

    playing_changed = Signal(str)
    failed = Signal(str)

    def __init__(
        self, session: UiSession, parent: QObject | None = None, *, make_player: MakePlayer = Player
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._make_player = make_player
        self._player: PlayerBase | None = None
        self._buffer: QBuffer | None = None
        self._generation = 0
        self.playing = ""  # the key of the preview asked for or playing

    @property
    def player(self) -> PlayerBase | None:
        return self._player

    def toggle(self, key: str, provider: str, content_id: str) -> None:
        """Start `content_id`'s preview, or stop it when it is the one playing."""
        if key and key == self.playing:
            self.stop()
        else:
            self.play(key, provider, content_id)

    def play(self, key: str, provider: str, content_id: str) -> None:
        self._generation += 1
        generation = self._generation
        self._set_playing(key)
        self.session.preview_started.emit()  # the track the user was hearing pauses

        def fetched(preview: Preview) -> None:
            if generation == self._generation:
                self._start(preview)

        def failed(error: PlayerError) -> None:
            if generation == self._generation:
                self._set_playing("")
                title, text = describe(error)
                said = self.tr("No preview: {why}. {text}")
                self.failed.emit(said.format(why=title[:1].lower() + title[1:], text=text))

        terminal = self.session.terminal
        self.session.call(lambda _: terminal.purchases.preview(provider, content_id), fetched, failed)

    def stop(self) -> None:
        self._generation += 1
        if self._player is not None:
            self._player.stop()  # waits until the media player let go of the buffer
        self._drop_buffer()
        self._set_playing("")

    def _start(self, preview: Preview) -> None:
        player = self._player
        if player is None:
            player = self._player = self._make_player(self)
            player.media_ended.connect(self.stop)
            player.failed.connect(self._player_failed)
        buffer = QBuffer(self)
        buffer.setData(QByteArray(preview.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        previous, self._buffer = self._buffer, buffer
        player.play_source(buffer, preview.mime)  # lets go of the previous buffer first
        if previous is not None:
            previous.deleteLater()

    def _player_failed(self, message: str) -> None:
        self.stop()
        self.failed.emit(self.tr("The preview could not be played: {why}.").format(why=message))

    def _drop_buffer(self) -> None:
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def _set_playing(self, key: str) -> None:
        if key != self.playing:
            was, self.playing = self.playing, key
            self.playing_changed.emit(key)
            if was and not key:
                self.session.preview_ended.emit()

    @property
    def state(self) -> PlaybackState:
        return PlaybackState.STOPPED if self._player is None else self._player.state


class HoldForPreview(QObject):
    """The track playing waits while a clip plays and goes on when no clip plays any more, as a store's
    preview does. Only what the clip paused goes on: a track the user had paused stays paused, and a
    user who plays, pauses or stops meanwhile has taken over."""

    def __init__(self, session: UiSession, player: PlayerBase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.holding = False  # paused for a clip, to go on after it
        self._pausing = False  # our own pause, not yet reported by the player
        session.preview_started.connect(self._hold)
        session.preview_ended.connect(self._release)
        player.state_changed.connect(self._state_changed)

    def _hold(self) -> None:
        if self.player.state is PlaybackState.PLAYING:
            self._pausing = self.holding = True
            self.player.pause()

    def _state_changed(self, state: PlaybackState) -> None:
        if self._pausing and state is PlaybackState.PAUSED:
            self._pausing = False
        else:
            self.holding = self._pausing = False

    def _release(self) -> None:
        if self.holding and self.player.state is PlaybackState.PAUSED:
            self.player.resume()
        self.holding = self._pausing = False


class PreviewButton(QObject):
    """A Preview / Stop Preview button (and the P key) for whatever `selected()` names: (key, provider,
    content ID), or None when nothing is selected."""

    def __init__(
        self,
        button: QAbstractButton,
        previewer: Previewer,
        selected: Callable[[], tuple[str, str, str] | None],
        shortcut_on: QWidget,
    ) -> None:
        super().__init__(button)
        self.button, self.previewer, self._selected = button, previewer, selected
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
        button.setToolTip(self.tr("Hear a short clip of the highlighted track (P)"))
        button.clicked.connect(self.toggle)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_P), shortcut_on)
        shortcut.activated.connect(self.toggle)
        previewer.playing_changed.connect(lambda _: self.update())
        self.update()

    def toggle(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.previewer.stop()
        else:
            self.previewer.toggle(*chosen)

    def update(self) -> None:
        """The button says what pressing it does for the row highlighted now."""
        chosen = self._selected()
        stops = bool(self.previewer.playing) and (chosen is None or chosen[0] == self.previewer.playing)
        self.button.setEnabled(chosen is not None or stops)
        self.button.setText(self.tr("Stop Preview") if stops else self.tr("Preview"))
        icon = QStyle.StandardPixmap.SP_MediaStop if stops else QStyle.StandardPixmap.SP_MediaPlay
        self.button.setIcon(self.button.style().standardIcon(icon))
