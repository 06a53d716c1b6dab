"""The player bar: cover, title and artist, previous / play-pause / stop / next, shuffle and repeat, the
seek slider with elapsed and total time, mute and the volume. Icons are the style's `SP_Media*`, since
media glyphs render as boxes (docs/platform.md, "System libraries and Qt's platform"), and the project's
own line icons for shuffle and repeat. A click on either slider's groove jumps there (the style's
default moves a page toward the click, which nobody expects of a seek bar). On a narrow bar the seek bar
keeps the lion's share: the volume, Stop, Shuffle and Repeat, then the cover fold away (`bar_room.py`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.language import QT_TRANSLATE_NOOP, translate
from player.playback import PlaybackState
from player.ui.kit import icons
from player.ui.kit.elided import ElidedLabel
from player.ui.playing.bar_room import MIN_SEEK, BarRoom
from player.ui.playing.now_playing import NowPlaying, NowPlayingTrack
from player.ui.playing.order import REPEAT_CYCLE, SHUFFLE_CYCLE, Repeat, Shuffle, following
from player.words import duration

COVER_SIZE = 52
GAPS = (8, 12)  # before the times and before the volume
VOLUME_STEP = 5  # percent per wheel notch over the speaker button
BUTTON_ICON = QSize(24, 24)


def clock(ms: int) -> str:
    """A position or length on the bar: 0:00 while there is none."""
    return duration(ms)


def cover_pixmap(data: bytes | None, size: int) -> QPixmap | None:
    """The cover scaled to `size`, or None when there is none (or it does not decode)."""
    if not data:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return None
    return pixmap.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class JumpToClick(QProxyStyle):
    """A left click on a slider's groove sets the value under the mouse."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_Slider_AbsoluteSetButtons:
            return Qt.MouseButton.LeftButton.value
        return super().styleHint(hint, option, widget, returnData)


# Marked, and translated where shown: at import no language is set.
REPEAT_WORDS = {
    Repeat.OFF: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: off"),
    Repeat.ALL: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: all tracks"),
    Repeat.TRACK: QT_TRANSLATE_NOOP("PlayerBar", "Repeat: this track"),
}
SHUFFLE_WORDS = {
    Shuffle.OFF: QT_TRANSLATE_NOOP("PlayerBar", "Shuffle: off"),
    Shuffle.TRACKS: QT_TRANSLATE_NOOP("PlayerBar", "Shuffle: tracks"),
    Shuffle.ALBUMS: QT_TRANSLATE_NOOP("PlayerBar", "Shuffle: albums"),
}


class PlayerBar(QWidget):
    volume_changed = Signal(int)  # 0..100
    muted_changed = Signal(bool)

    def __init__(self, now: NowPlaying, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now
        self._play_icon = self._pause_icon = QIcon()
        self._volume_icons: dict[bool, QIcon] = {}
        self._order_icons: dict[str, QIcon] = {}

        self.cover = QLabel(self)
        self.cover.setFixedSize(COVER_SIZE, COVER_SIZE)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setFrameShape(QLabel.Shape.StyledPanel)
        self.cover.setAccessibleName(self.tr("Cover art"))
        self.title = ElidedLabel(self.tr("Nothing playing"), self)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setAccessibleName(self.tr("Track title"))
        self.artist = ElidedLabel("", self)
        self.artist.setAccessibleName(self.tr("Artist"))
        for label in (self.title, self.artist):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.previous = self._button(self.tr("Previous track"))
        self.play = self._button(self.tr("Play"))
        self.stop = self._button(self.tr("Stop"))
        self.next = self._button(self.tr("Next track"))
        self.previous.clicked.connect(now.previous)
        self.play.clicked.connect(now.toggle)
        self.stop.clicked.connect(now.stop)
        self.next.clicked.connect(now.next)
        self.shuffle = self._button(translate("PlayerBar", SHUFFLE_WORDS[Shuffle.OFF]))
        self.repeat = self._button(translate("PlayerBar", REPEAT_WORDS[Repeat.OFF]))
        for toggle in (self.shuffle, self.repeat):
            toggle.setCheckable(True)
            toggle.setIconSize(QSize(20, 20))
        self.shuffle.clicked.connect(self.next_shuffle)
        self.repeat.clicked.connect(self.next_repeat)
        now.order_changed.connect(self._order_changed)
        self._jump = JumpToClick()
        self._jump.setParent(self)

        self.elapsed = QLabel(clock(0), self)
        self.elapsed.setAccessibleName(self.tr("Elapsed time"))
        self.total = QLabel(clock(0), self)
        self.total.setAccessibleName(self.tr("Total time"))
        digits = self.fontMetrics().horizontalAdvance("00:00:00")
        for time_label in (self.elapsed, self.total):
            time_label.setMinimumWidth(digits // 2 + 12)
        self.elapsed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setAccessibleName(self.tr("Seek"))
        self.seek.setRange(0, 0)
        self.seek.setSingleStep(5000)
        self.seek.setPageStep(15000)
        self.seek.sliderMoved.connect(lambda ms: self.elapsed.setText(clock(ms)))
        self.seek.sliderReleased.connect(lambda: now.seek(self.seek.value()))
        self.seek.actionTriggered.connect(self._slider_action)
        self.seek.setStyle(self._jump)

        self.mute = self._button(self.tr("Mute"))
        self.mute.setCheckable(True)
        self.mute.setIconSize(QSize(18, 18))
        self.mute.toggled.connect(self.set_muted)
        self.mute.installEventFilter(self)  # the wheel over it sets the volume (the slider may be folded)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setStyle(self._jump)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setRange(0, 100)
        self.volume.setFixedWidth(110)
        self.seek.setMinimumWidth(MIN_SEEK)
        self.volume.valueChanged.connect(self._volume)

        info = QVBoxLayout()
        info.setSpacing(0)
        info.addStretch(1)
        info.addWidget(self.title)
        info.addWidget(self.artist)
        info.addStretch(1)
        info_box = self.info_box = QWidget(self)
        info_box.setLayout(info)
        info_box.setMaximumWidth(280)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.cover)
        row.addWidget(info_box, 2)
        row.addWidget(self.previous)
        row.addWidget(self.play)
        row.addWidget(self.stop)
        row.addWidget(self.next)
        row.addWidget(self.shuffle)
        row.addWidget(self.repeat)
        row.addSpacing(GAPS[0])
        row.addWidget(self.elapsed)
        row.addWidget(self.seek, 5)
        row.addWidget(self.total)
        row.addSpacing(GAPS[1])
        row.addWidget(self.mute)
        row.addWidget(self.volume)
        # What folds away as the bar narrows, first to last, each still within reach: the volume into the
        # speaker button (its wheel and tooltip carry it; the volume keys still work); Stop, Shuffle and
        # Repeat into the Playback menu and their keys; the cover last (the title still names the track).
        buttons = [self.previous, self.play, self.stop, self.next, self.shuffle, self.repeat]
        fixed = [self.cover, *buttons, self.elapsed, self.total, self.mute, self.volume]
        folds: list[list[QWidget]] = [[self.volume], [self.stop], [self.shuffle, self.repeat], [self.cover]]
        self.room = BarRoom(row, fixed, folds, info_box, sum(GAPS))

        self.apply_icons()
        now.track_changed.connect(self._track)
        now.player.state_changed.connect(self._state)
        now.player.position_changed.connect(self._position)
        now.player.duration_changed.connect(self._duration)
        self._track(None)

    def _button(self, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setIconSize(BUTTON_ICON)
        button.setAutoRaise(True)
        button.setToolTip(name)
        button.setAccessibleName(name)
        return button

    def apply_icons(self) -> None:
        """The SP_Media* icons in the palette's colours (again after a light/dark switch)."""
        style, palette = self.style(), self.palette()

        def media(which: QStyle.StandardPixmap) -> QIcon:
            return icons.media_icon(style, which, palette)

        self._play_icon = media(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = media(QStyle.StandardPixmap.SP_MediaPause)
        self.previous.setIcon(media(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.stop.setIcon(media(QStyle.StandardPixmap.SP_MediaStop))
        self.next.setIcon(media(QStyle.StandardPixmap.SP_MediaSkipForward))
        self._state(self.now.player.state)
        self._volume_icons = {
            muted: media(which)
            for muted, which in (
                (True, QStyle.StandardPixmap.SP_MediaVolumeMuted),
                (False, QStyle.StandardPixmap.SP_MediaVolume),
            )
        }
        self._order_icons = {
            name: icons.themed_icon(name, palette)
            for name in ("repeat", "repeat-one", "shuffle", "shuffle-albums")
        }
        self._show_mute()
        self._order_changed()

    def set_volume(self, percent: int) -> None:
        self.volume.setValue(percent)
        self._volume(self.volume.value())

    def set_muted(self, muted: bool) -> None:
        """Silence without losing the volume: the slider keeps its place, the sound comes back to it."""
        if self.mute.isChecked() != muted:
            self.mute.setChecked(muted)  # comes back here through `toggled`
            return
        self.now.player.set_volume(0.0 if muted else self.volume.value() / 100)
        self._show_mute()
        self.muted_changed.emit(muted)

    def toggle_mute(self) -> None:
        self.set_muted(not self.mute.isChecked())

    def next_repeat(self) -> None:
        self.now.set_repeat(Repeat(following(self.now.order.repeat, REPEAT_CYCLE)))

    def next_shuffle(self) -> None:
        self.now.set_shuffle(Shuffle(following(self.now.order.shuffle, SHUFFLE_CYCLE)))

    def _order_changed(self) -> None:
        repeat, shuffle = self.now.order.repeat, self.now.order.shuffle
        self.repeat.setChecked(repeat is not Repeat.OFF)
        self.shuffle.setChecked(shuffle is not Shuffle.OFF)
        for button, words in ((self.repeat, REPEAT_WORDS[repeat]), (self.shuffle, SHUFFLE_WORDS[shuffle])):
            text = translate("PlayerBar", words)
            button.setToolTip(text)
            button.setAccessibleName(text)
        if self._order_icons:
            self.repeat.setIcon(self._order_icons["repeat-one" if repeat is Repeat.TRACK else "repeat"])
            self.shuffle.setIcon(
                self._order_icons["shuffle-albums" if shuffle is Shuffle.ALBUMS else "shuffle"]
            )

    def _show_mute(self) -> None:
        muted = self.mute.isChecked()
        silent = muted or self.volume.value() == 0
        if self._volume_icons:
            self.mute.setIcon(self._volume_icons[silent])
        said = self.tr("Unmute (M)") if muted else self.tr("Mute (M)")
        if self.volume.isHidden():  # folded away: the button says the volume the wheel sets
            said = self.tr("{action}, volume {percent}% (wheel to change)").format(
                action=said, percent=self.volume.value()
            )
        self.mute.setToolTip(said)
        self.mute.setAccessibleName(self.tr("Unmute") if muted else self.tr("Mute"))

    # --- what the player says --------------------------------------------------------------------

    def _track(self, track: NowPlayingTrack | None) -> None:
        if track is None:
            self.title.setText(self.tr("Nothing playing"))
            self.artist.setText(self.tr("Double-click a track to play it"))
            self.cover.setPixmap(self._no_cover())
            self._duration(0)
            return
        self.title.setText(track.title)
        if track.artist and track.album:
            self.artist.setText(self.tr("{artist} — {album}").format(artist=track.artist, album=track.album))
        else:
            self.artist.setText(track.artist or track.album)
        self.cover.setPixmap(
            cover_pixmap(track.cover.data if track.cover else None, COVER_SIZE - 4) or self._no_cover()
        )
        self.cover.setAccessibleDescription(
            self.tr("Cover of {title}").format(title=track.title) if track.cover else self.tr("No cover")
        )
        self._duration(track.duration_ms)
        self._position(self.now.position)

    def _no_cover(self) -> QPixmap:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DriveCDIcon)
        return icon.pixmap(COVER_SIZE - 16, COVER_SIZE - 16)

    def _state(self, state: PlaybackState) -> None:
        playing = state is PlaybackState.PLAYING
        self.play.setIcon(self._pause_icon if playing else self._play_icon)
        name = self.tr("Pause") if playing else self.tr("Play")
        self.play.setToolTip(name)
        self.play.setAccessibleName(name)
        if state is PlaybackState.STOPPED and self.now.current is not None:
            self._position(self.now.position)

    def _position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
            self.elapsed.setText(clock(ms))

    def _duration(self, ms: int) -> None:
        if ms <= 0 and self.now.current is not None:
            ms = self.now.current_duration
        self.seek.setRange(0, max(0, ms))
        self.seek.setEnabled(ms > 0)
        self.total.setText(clock(ms))

    def _slider_action(self, action: int) -> None:
        """A click on the groove or an arrow key on the slider: seek to where the slider goes."""
        if action not in (
            QAbstractSlider.SliderAction.SliderMove.value,
            QAbstractSlider.SliderAction.SliderNoAction.value,
        ):
            self.now.seek(self.seek.sliderPosition())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.room.fold(event.size().width()):
            self._show_mute()  # while the slider is folded the speaker button says the volume
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.room.minimum_width(), super().minimumSizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.mute and event.type() == QEvent.Type.Wheel:
            assert isinstance(event, QWheelEvent)
            notches = event.angleDelta().y() // 120
            self.volume.setValue(self.volume.value() + notches * VOLUME_STEP)
            return True
        return super().eventFilter(watched, event)

    def _volume(self, percent: int) -> None:
        if self.mute.isChecked() and percent > 0:
            self.mute.setChecked(False)  # moving the volume up is asking to hear it
        self.now.player.set_volume(0.0 if self.mute.isChecked() else percent / 100)
        self._show_mute()
        self.volume.setToolTip(self.tr("Volume {percent}%").format(percent=percent))
        self.volume_changed.emit(percent)
