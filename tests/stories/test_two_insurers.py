"""Story: a user holds policies with two insurers of one backend, plays, loses and recovers tracks of both.

The backend's demo hosts two insurers with their own terms and keys. The user signs up at the first (the
library's own insurer) and, later, at the second beside it (`--insurer`): one library lists the tracks of
both, each naming its insurer; each insurer re-issues its own lost track. Each insurer's trust is kept
apart: a rolled-back license list at one refuses that insurer's tracks and plays the other's.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from player.protocol.canonical import format_time, parse_time
from tests.conftest import TWO_INSURERS, StartBackend
from tests.stories.driver import PASSWORD, Cli, run_cli_process
from tests.stories.test_cli_in_japanese import IN_JAPANESE
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]

AT_FIRST, AT_SECOND = "aurora-0004", "harbor-0001"


def _join_second(cli: Cli) -> str:
    """Sign up and insure at the backend's second insurer; its ID."""
    listed = cli.ok("insurers")
    assert len(listed) == 2 and listed[0]["joined"] and not listed[1]["joined"]
    assert listed[0]["name"] != listed[1]["name"]
    assert (listed[0]["premium_rate"], listed[0]["waiting_days"]) != (
        listed[1]["premium_rate"],
        listed[1]["waiting_days"],
    ), "two insurers, two sets of terms"
    second = str(listed[1]["id"])
    cli.ok("--insurer", second, "signup", "kaito", password=PASSWORD)
    cli.ok("--insurer", second, "insure")
    return second


def test_one_library_holds_the_tracks_of_two_insurers_each_recovered_by_its_own(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli = make_cli(two_insurers, "library")
    cli.sign_up_insured("kaito")
    first = cli.ok("buy", AT_FIRST)
    second = _join_second(cli)
    other = cli.ok("--insurer", second, "buy", AT_SECOND)
    listed = {r["id"]: r for r in cli.ok("insurers")}
    assert listed[second]["joined"] and listed[second]["username"] == "kaito"

    rows = cli.library()
    names = {cid: rows[cid][0]["insurer"] for cid in (AT_FIRST, AT_SECOND)}
    assert names[AT_FIRST] == listed[next(i for i in listed if i != second)]["name"]
    assert names[AT_SECOND] == listed[second]["name"]
    for cid in (AT_FIRST, AT_SECOND):
        assert cli.ok("play", cid, "--decode-only")["frames"] > 0

    # both files erased by mistake: one report, and each insurer re-issues its own track
    for cid in (AT_FIRST, AT_SECOND):
        Path(cli.library()[cid][0]["path"]).unlink()
    items = cli.ok("report-loss", AT_FIRST, AT_SECOND)["items"]
    assert [(i["content_id"], i["outcome"]) for i in items] == [
        (AT_FIRST, "reissued"),
        (AT_SECOND, "reissued"),
    ]
    for cid in (AT_FIRST, AT_SECOND):
        assert cli.ok("play", cid, "--decode-only")["frames"] > 0
    rows = cli.library()
    for cid, bought in ((AT_FIRST, first), (AT_SECOND, other)):
        old = next(r for r in rows[cid] if r["license_id"] == bought["license_id"])
        assert (old["state"], old["reason"]) == ("invalid", "redistributed_after_loss")
    assert cli.ok("policy")["relicensing_count"] == 1
    assert cli.ok("--insurer", second, "policy")["relicensing_count"] == 1


def test_an_insurer_the_backend_does_not_host_is_refused_in_one_line(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli = make_cli(two_insurers, "library")
    assert "no insurer 'nobody'" in cli.fails(2, "--insurer", "nobody", "signup", "mio", password=PASSWORD)
    cli.sign_up_insured("mio")
    assert "no insurer 'nobody'" in cli.fails(2, "--insurer", "nobody", "buy", AT_SECOND)
    assert not (cli.data_dir / "insurers").exists(), "nothing was made for it"
    text = cli.ok("insurers", as_json=False)
    assert "Kaede Mutual" in text and "Minato Assurance" in text and "8%" in text and "mio" in text


def test_a_rolled_back_list_at_one_insurer_refuses_only_that_insurers_tracks(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend(*TWO_INSURERS) as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("mei")
        cli.ok("buy", AT_FIRST)
        second = _join_second(cli)
        (desk,) = (cli.data_dir / "insurers").iterdir()
        cli.ok("--insurer", second, "buy", AT_SECOND)
        backup = cli.data_dir.with_name("backup")
        shutil.copytree(desk, backup)  # the second insurer's library, as an old backup has it
        cli.ok("--insurer", second, "buy", "harbor-0002")  # a newer list of that insurer is seen
        backend.stop()

        shutil.rmtree(desk)
        shutil.copytree(backup, desk)
        err = cli.fails(3, "play", AT_SECOND, "--decode-only")
        assert "restored from an old backup" in err, err
        assert cli.ok("play", AT_FIRST, "--decode-only")["frames"] > 0  # the first insurer's list is whole


def test_insurers_share_what_they_compensated_and_a_pattern_across_them_is_refused(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli = make_cli(two_insurers, "library")
    email = "Hina.Watanabe@example.org"
    cli.ok("signup", "hina", "--email", email, password=PASSWORD)
    cli.ok("insure")
    cli.ok("--insurer", "minato", "signup", "hina", "--email", email.lower(), password=PASSWORD)
    cli.ok("--insurer", "minato", "insure")
    for at, content_id in (("kaede", "aurora-0001"), ("minato", "aurora-0002"), ("kaede", "harbor-0001")):
        cli.ok("--insurer", at, "buy", content_id)
        (item,) = cli.ok("--insurer", at, "report-loss", content_id)["items"]
        assert item["outcome"] == "reissued"
    shared = cli.ok("shared")
    assert [(s["insurer_id"], s["what"]) for s in shared] == [
        ("kaede", "reissued"),
        ("minato", "reissued"),
        ("kaede", "reissued"),
    ]
    assert email not in str(shared) and "hina" not in str(shared)  # nothing names the person
    cli.ok("--insurer", "minato", "buy", "harbor-0003")
    err = cli.fails(6, "--insurer", "minato", "report-loss", "harbor-0003")
    assert "3 losses were compensated to you by 2 insurers" in err, err
    assert "Kaede Mutual, Minato Assurance" in err and "in the last 30 days" in err, err
    said = run_cli_process(cli, "--insurer", "minato", "report-loss", "harbor-0003", env=IN_JAPANESE)
    assert said.code == 6 and said.err.count("\n") == 1, said.err  # one line, in the user's language
    assert "過去 30 日間に 2 社の保険会社 (Kaede Mutual、Minato Assurance) から 3 件" in said.err, said.err
    text = cli.ok("shared", as_json=False)
    assert "Kaede Mutual" in text and "Minato Assurance" in text and "re-issued" in text


def test_a_list_run_out_at_one_insurer_refuses_only_that_insurers_tracks_offline(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend(*TWO_INSURERS, "--list-ttl", "3600") as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("yuna")
        cli.ok("buy", AT_FIRST)
        first_runs_out = parse_time(cli.ok("sync")["expires_at"])
        second = _join_second(cli)
        cli.ok("--insurer", second, "buy", AT_SECOND)
        now = backend.advance_clock(1800)  # the second insurer's list is signed half an hour later
        later = {"INSURED_PLAYER_FAKE_NOW": now}  # the terminal's clock goes with the backend's
        second_runs_out = parse_time(cli.ok("--insurer", second, "sync", env=later)["expires_at"])
        assert second_runs_out - first_runs_out >= timedelta(minutes=29)
        backend.stop()

        between = {"INSURED_PLAYER_FAKE_NOW": format_time(first_runs_out + timedelta(minutes=5))}
        err = cli.fails(3, "play", AT_FIRST, "--decode-only", env=between)
        assert "ran out" in err, err
        assert cli.ok("play", AT_SECOND, "--decode-only", env=between)["frames"] > 0


def test_one_report_keeps_what_one_insurer_granted_when_the_other_refuses(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli = make_cli(two_insurers, "library")
    cli.sign_up_insured("sakura")
    cli.ok("buy", "aurora-0010")
    cli.ok("--insurer", "minato", "signup", "sakura", password=PASSWORD)
    cli.ok("--insurer", "minato", "insure")
    cli.ok("--insurer", "minato", "buy", "harbor-0010")
    for _ in range(2):  # Minato's terms: two re-issues per track
        cli.ok("report-loss", "harbor-0010")
    items = cli.ok("report-loss", "aurora-0010", "harbor-0010")["items"]
    assert [(i["content_id"], i["outcome"]) for i in items] == [
        ("aurora-0010", "reissued"),
        ("harbor-0010", "refused"),
    ], items
    assert items[1]["reason"] == "per_track_limit" and items[1]["title"], items
    text = cli.ok("report-loss", "aurora-0010", "harbor-0010", as_json=False)
    assert "limit of re-distributions per track" in text and "Harbour Fog" in text, text
