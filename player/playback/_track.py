"""`QueuedTrack`: what the gapless engine knows of one track in its line (playing, or queued next)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QIODevice, QUrl
from PySide6.QtMultimedia import QAudioDecoder

from player.language import QT_TRANSLATE_NOOP, translate
from player.playback._decoding import Decoding
from player.playback.device import ContainerDevice
from player.playback.replaygain import ReplayGain

__all__ = ["QueuedTrack", "cannot_play", "no_audio", "unreadable"]


def unreadable() -> str:
    return translate("Errors", "cannot play the track: its data cannot be read")


def no_audio() -> str:
    return translate("Errors", "it holds no audio")


def cannot_play(mime: str, reason: str, detail: str) -> str:
    """Why a track does not play, naming its kind when known ("cannot play the audio/flac track: ...")."""
    if mime:
        return translate("Errors", "cannot play the {mime} track: {reason} ({detail})").format(
            mime=mime, reason=reason, detail=detail
        )
    return translate("Errors", "cannot play the track: {reason} ({detail})").format(
        reason=reason, detail=detail
    )


_ERRORS = {  # translated where said
    QAudioDecoder.Error.FormatError: QT_TRANSLATE_NOOP(
        "Errors", "the data is not audio this player can decode"
    ),
    QAudioDecoder.Error.ResourceError: QT_TRANSLATE_NOOP("Errors", "the track could not be read"),
    QAudioDecoder.Error.AccessDeniedError: QT_TRANSLATE_NOOP("Errors", "access to the track was denied"),
}


@dataclass(eq=False)
class QueuedTrack:
    """A track's source and where its audio lies in the current feed (byte offsets of that feed)."""

    token: int  # marks its chunks in the feed
    device: QIODevice | None  # the decrypting device (None: a plain file, or let go of)
    url: QUrl | None  # a plain file (the benchmark's baseline)
    mime: str
    hint: int | None  # the caller's duration: beats FFmpeg's (-1 for in-memory sources)
    gain: ReplayGain | None
    decoding: Decoding | None = None
    start: int | None = None  # feed offset of its first byte, once appended
    end: int | None = None  # feed offset just past its last byte, once decoded to the end
    base_ms: int = 0  # where in the track its first byte in the feed lies (a seek starts later)
    failure: str | None = None  # why it stopped early (damage, a decoder error): said at its end

    def __post_init__(self) -> None:
        if self.hint is not None and self.hint <= 0:
            self.hint = None

    def begin(self, decoding: Decoding, start_ms: int) -> None:
        self.decoding = decoding
        self.start = self.end = None
        self.base_ms = start_ms

    def finish(self, appended: int | None) -> None:
        """Decoded to the end; `appended` is the feed's length now (None: nothing reached a feed)."""
        if self.start is not None:
            self.end = appended
        else:
            self.end = -1  # nothing to play: marked done all the same
        self.failure = self.failure or self.damage()

    def reset(self) -> None:
        """Forget its place in a feed that is gone (a seek in the track before it)."""
        self.start = self.end = None
        self.failure = None

    def damage(self) -> str | None:
        """The device's own failure (a tampered segment, a vanished file), in the user's words."""
        device = self.device
        if isinstance(device, ContainerDevice) and device.failure is not None:
            return translate("Errors", "the track is damaged and cannot be played: {why}").format(
                why=device.failure
            )
        return None

    def undecodable(self, detail: str) -> str:
        """Why the decoder gave up on it, in the words the QMediaPlayer engine used too."""
        decoding = self.decoding
        error = decoding.error_kind if decoding is not None else QAudioDecoder.Error.FormatError
        if error == QAudioDecoder.Error.NoError:
            error = QAudioDecoder.Error.FormatError  # it finished without a single sample
        return cannot_play(
            self.mime, translate("Errors", _ERRORS[error]) if error in _ERRORS else detail, detail
        )
