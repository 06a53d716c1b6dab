"""Story: a terminal says which formats it plays, and what the insurer re-distributes comes in one of them.

Every demo track is published as FLAC and as Ogg Vorbis. A terminal that declares only Ogg Vorbis
(`INSURED_PLAYER_CODECS=audio/ogg`) reports a lost track and the re-issued file is Ogg, and plays.
"""

from __future__ import annotations

from pathlib import Path

from player.protocol import container
from tests.stories.driver import Cli

TRACK = "aurora-0003"
OGG_ONLY = {"INSURED_PLAYER_CODECS": "audio/ogg"}


def stored_format(cli: Cli, content_id: str) -> str:
    (row,) = cli.library()[content_id][-1:]
    with Path(row["path"]).open("rb") as f:
        return container.read_header(f).mime


def test_a_terminal_that_plays_only_ogg_gets_ogg_after_a_loss(cli: Cli) -> None:
    cli.sign_up_insured("otto")
    cli.buy(TRACK)
    assert stored_format(cli, TRACK) == "audio/flac"  # the terminal's first choice by default

    (row,) = cli.library()[TRACK]
    Path(row["path"]).unlink()
    (item,) = cli.ok("report-loss", TRACK, env=OGG_ONLY)["items"]
    assert item["outcome"] == "reissued", item
    assert stored_format(cli, TRACK) == "audio/ogg"
    assert cli.ok("play", TRACK, "--decode-only", env=OGG_ONLY)["frames"] > 0


def test_a_format_the_player_cannot_play_is_a_usage_error(cli: Cli) -> None:
    err = cli.fails(2, "library", env={"INSURED_PLAYER_CODECS": "video/mp4"})
    assert "INSURED_PLAYER_CODECS" in err and "audio/ogg" in err, err
