"""Decode-only check: does this audio decode, and how long is it? (`play --decode-only`, `verify`)

`QAudioDecoder` decodes from our device on FFmpeg's threads while a local event loop (which releases the
GIL) collects buffers and counts frames exactly (441,000 frames for 10 s of FLAC at 44.1 kHz).
`durationChanged` gives -1 for in-memory sources, so the duration is computed from the frames.

Stopping the decoder follows the player's teardown rule (docs/platform.md): `stop()` is queued, never
called from Python while a worker may be inside our `readData`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMetaObject, Qt
from PySide6.QtMultimedia import QAudioDecoder

from player.errors import IntegrityError, MalformedError
from player.language import translate
from player.playback._loop import drain_queued, wait_until
from player.playback.device import ContainerDevice

__all__ = ["DecodeResult", "decode_check"]

_QUEUED = Qt.ConnectionType.QueuedConnection
_own_app: list[QCoreApplication] = []  # the application we had to create, kept alive for the process
_stuck: list[QAudioDecoder] = []  # decoders that would not stop: never destroyed while a worker may run
_stuck_devices: list[QIODevice] = []  # and what they read


@dataclass(frozen=True)
class DecodeResult:
    frames: int
    sample_rate: int
    channels: int
    duration_ms: int


def decode_check(
    source: QIODevice | bytes | bytearray | memoryview, mime: str, timeout_s: float = 30.0
) -> DecodeResult:
    """Decode the whole track without playing it and count its frames.

    Raises the device's own `IntegrityError` (e.g. `TamperedError`) when the container failed while
    being read, and `MalformedError` when the audio does not decode, holds no audio, or does not finish
    within `timeout_s`. Needs a Qt application object; creates a `QCoreApplication` if there is none.
    A device given is left open: closing it is the caller's business.
    """
    _ensure_app()
    device = _as_device(source)
    decoder = QAudioDecoder()
    run = _Run(decoder)
    decoder.bufferReady.connect(run.take_buffer)
    decoder.setSourceDevice(device)  # nothing decodes yet: no worker can be inside readData
    QMetaObject.invokeMethod(decoder, "start", _QUEUED)
    failed_read = (device.read_failed,) if isinstance(device, ContainerDevice) else ()
    done = wait_until(
        lambda: run.finished or run.error is not None or _failed(device),
        timeout_s,
        decoder.finished,
        decoder.error,
        *failed_read,
    )
    _stop(decoder, device)
    what = f"the {mime or 'audio'} track"
    if isinstance(device, ContainerDevice) and device.failure is not None:
        failure = device.failure
        if isinstance(failure, IntegrityError):
            raise failure
        raise MalformedError(
            translate("Errors", "{what} could not be read: {failure}").format(what=what, failure=failure)
        ) from failure
    if run.error is not None:
        raise MalformedError(
            translate("Errors", "{what} does not decode: {error}").format(what=what, error=run.error)
        )
    if not done:
        raise MalformedError(
            translate("Errors", "{what} did not finish decoding within {timeout_s} s").format(
                what=what, timeout_s=format(timeout_s, "g")
            )
        )
    if run.frames == 0 or run.sample_rate <= 0:
        raise MalformedError(translate("Errors", "{what} holds no audio").format(what=what))
    return DecodeResult(
        frames=run.frames,
        sample_rate=run.sample_rate,
        channels=run.channels,
        duration_ms=run.frames * 1000 // run.sample_rate,
    )


class _Run:
    """What one decode produced; filled by the decoder's signals on the main thread."""

    def __init__(self, decoder: QAudioDecoder) -> None:
        self._decoder = decoder
        self.frames = 0
        self.sample_rate = 0
        self.channels = 0
        self.error: str | None = None
        self.finished = False
        decoder.finished.connect(self._on_finished)
        decoder.error.connect(self._on_error)

    def take_buffer(self) -> None:
        buffer = self._decoder.read()
        if not buffer.isValid():
            return
        fmt = buffer.format()
        if self.sample_rate == 0:
            self.sample_rate, self.channels = fmt.sampleRate(), fmt.channelCount()
        self.frames += buffer.frameCount()

    def _on_error(self, error: QAudioDecoder.Error) -> None:
        self.error = self._decoder.errorString() or error.name

    def _on_finished(self) -> None:
        self.finished = True


def _ensure_app() -> None:
    if QCoreApplication.instance() is None:
        _own_app.append(QCoreApplication([]))


def _as_device(source: QIODevice | bytes | bytearray | memoryview) -> QIODevice:
    if isinstance(source, QIODevice):
        if not source.isOpen():
            source.open(QIODevice.OpenModeFlag.ReadOnly)
        return source
    buffer = QBuffer()
    buffer.setData(QByteArray(bytes(source)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def _failed(device: QIODevice) -> bool:
    return isinstance(device, ContainerDevice) and device.failure is not None


def _stop(decoder: QAudioDecoder, device: QIODevice, timeout_s: float = 10.0) -> None:
    """Queue `stop` and wait in the event loop until the decoder is idle, so dropping it cannot hang."""
    QMetaObject.invokeMethod(decoder, "stop", _QUEUED)
    drain_queued()
    if not wait_until(lambda: not decoder.isDecoding(), timeout_s, decoder.isDecodingChanged):
        _stuck.append(decoder)  # never destroyed while a worker may still be inside readData,
        _stuck_devices.append(device)  # nor what it reads
