"""Story: Ada has a folder of her own FLAC and MP3 files. She adds it with `add-music`: the tracks join
her library beside what she bought (marked as her own files, not insured), the junk in the folder is
named and skipped, and they play from where they are (heard through the null sink). The terminal keeps
talking to the insurer as usual, yet no request it ever sends names a file, a title or a folder of
hers, and the files stay byte for byte as they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.stories.driver import Cli, run_cli_process
from tests.support import sound
from tests.support.backend import Backend
from tests.support.hostile import hostile_proxy
from tests.support.own_files import adas_music, fingerprint, write_track


def _folder(root: Path) -> Path:
    music = adas_music(root / "Ada's Music", seconds=(6, 5, 5))
    write_track(music / "voice memo.mp3", seconds=3)  # no tags at all
    return music


def _mentions(music: Path, rows: list[dict[str, object]]) -> list[str]:
    """Everything that would give Ada's files away: names, titles, folders, IDs and the files' hashes."""
    words = {p.name for p in music.rglob("*")} | {p.stem for p in music.rglob("*") if p.is_file()}
    words |= {str(music), music.name, "Ada Lindqvist", "Quiet Harbour"}
    words |= {str(r[k]) for r in rows for k in ("title", "content_id", "path")}
    words |= {hashlib.sha256(p.read_bytes()).hexdigest() for p in music.rglob("*") if p.is_file()}
    return sorted(w for w in words if len(w) >= 4)


def test_her_own_flac_and_mp3_are_added_listed_and_played_and_nothing_reaches_the_backend(
    module_backend: Backend, make_cli: object, tmp_path: Path
) -> None:
    music = _folder(tmp_path)
    before = fingerprint(music)
    with hostile_proxy(module_backend.url, {}) as insurer:  # passes everything through, and records it
        cli: Cli = make_cli(insurer.url)  # type: ignore[operator]
        cli.sign_up_insured("ada")
        cli.buy("aurora-0001")

        added = cli.ok("add-music", str(music))
        assert (added["added"], added["updated"], added["removed"], added["tracks"]) == (4, 0, 0, 4)
        assert len(added["skipped"]) == 5 and all(
            s["path"].startswith(str(music / "Junk")) for s in added["skipped"]
        )
        text = cli.ok("add-music", str(music / "Singles"), as_json=False)
        assert text.startswith("Nothing new: that music is already in your library.")

        rows = cli.ok("library")
        licensed = [r for r in rows if r["kind"] == "license"]
        own = {r["title"]: r for r in rows if r["kind"] == "own_file"}
        assert [r["content_id"] for r in licensed] == ["aurora-0001"]
        assert set(own) == {"Lanterns", "Low Tide", "Saltwater Waltz", "voice memo"}
        lanterns = own["Lanterns"]
        assert (lanterns["artist"], lanterns["album"], lanterns["duration_ms"]) == (
            "Ada Lindqvist",
            "Quiet Harbour",
            6000,
        )
        assert (
            lanterns["state"] == "available"
            and lanterns["insured"] is False
            and lanterns["license_id"] is None
        )
        assert lanterns["path"] == str(music / "Quiet Harbour/01 Lanterns.flac")
        shown = cli.ok("library", as_json=False)
        assert "Your own files (not insured):" in shown and "Saltwater Waltz" in shown

        decoded = cli.ok("play", lanterns["path"], "--decode-only")
        assert (decoded["sample_rate"], decoded["frames"]) == (44100, 6 * 44100)
        waltz = cli.ok("play", own["Saltwater Waltz"]["content_id"], "--decode-only")  # by the ID listed
        assert abs(waltz["duration_ms"] - 5000) < 60  # MP3: an encoder delay and padding either side

        cli.ok("sync")  # the terminal keeps talking to the insurer as usual
        cli.ok("catalog")
        assert cli.ok("verify")["ok"] == 1  # the integrity scan is of what was bought, not her files

    sent = "\n".join(f"{method} {path} {rest}" for method, path, rest in insurer.seen)
    assert len(insurer.seen) >= 5 and "/api/v1/" in sent  # it did talk to the insurer
    assert [w for w in _mentions(music, list(own.values())) if w in sent] == []
    assert fingerprint(music) == before  # read in place: not a byte or a time changed
    assert not any(p.suffix in (".flac", ".mp3") for p in cli.data_dir.rglob("*"))  # nothing copied


def test_removing_the_folder_leaves_the_files_and_a_missing_path_is_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    music = _folder(tmp_path)
    cli.ok("add-music", str(music))
    assert cli.ok("remove-music", str(music)) == {"removed": 4, "tracks": 0}
    assert [r for r in cli.ok("library") if r["kind"] == "own_file"] == []
    assert (music / "Singles/Saltwater Waltz.mp3").is_file()
    assert cli.fails(1, "add-music", str(tmp_path / "nowhere")).endswith("there is no such file or folder")
    assert "is not in your music" in cli.fails(1, "play", str(music / "voice memo.mp3"))


@pytest.mark.sound
def test_her_own_file_is_heard_through_the_sound_card(cli: Cli, tmp_path: Path) -> None:
    sound.require_null_sink()
    music = _folder(tmp_path)
    cli.ok("add-music", str(music))

    heard = tmp_path / "heard.wav"
    with sound.recording(heard):
        played = run_cli_process(cli, "play", str(music / "Quiet Harbour/01 Lanterns.flac"), "--seconds", "3")

    assert played.code == 0, played.err
    assert played.json()["played_ms"] >= 1000
    rms, peak, seconds = sound.rms(heard)
    assert seconds >= 2.5 and rms > sound.AUDIBLE_RMS and peak > sound.AUDIBLE_PEAK, (rms, peak, seconds)
