"""Story: a bought track is *heard*. `insured-player-cli play` sends it through the PulseAudio null sink
that `./test` sets up (`ci_sink`), and a recording of the sink's monitor is clearly not silent; so does
`preview`, from the clip held in memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stories.driver import Cli, run_cli_process
from tests.support import sound

pytestmark = pytest.mark.sound

TRACK = "aurora-0005"  # Electronic: drums and synths from the first beat


@pytest.fixture
def null_sink() -> None:
    sound.require_null_sink()


def test_a_bought_track_is_heard_through_the_sound_card(null_sink: None, cli: Cli, tmp_path: Path) -> None:
    cli.sign_up_insured("hal")
    cli.buy(TRACK)

    recording = tmp_path / "heard.wav"
    with sound.recording(recording):
        played = run_cli_process(cli, "play", TRACK, "--seconds", "3", timeout=60)

    assert played.code == 0, played.err
    report = played.json()
    assert report["played_ms"] >= 1000, report  # the position moved: the sink took the audio
    rms, peak, seconds = sound.rms(recording)
    assert seconds >= 2.5, seconds
    assert rms > 0.01 and peak > 0.05, (rms, peak)  # silence records as exact zeros


def test_a_preview_is_heard_from_memory(null_sink: None, cli: Cli, tmp_path: Path) -> None:
    recording = tmp_path / "preview.wav"
    with sound.recording(recording):
        played = run_cli_process(cli, "preview", TRACK, "--seconds", "3", timeout=60)

    assert played.code == 0, played.err
    report = played.json()
    assert report["title"].endswith("(preview)") and report["played_ms"] >= 1000, report
    rms, peak, _ = sound.rms(recording)
    assert rms > 0.01 and peak > 0.05, (rms, peak)
    tracks = cli.data_dir / "tracks"
    assert not tracks.exists() or not any(tracks.iterdir())  # nothing bought, nothing written
