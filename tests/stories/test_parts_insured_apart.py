"""Story: the license of a track insured at one insurer, its audio at another.

Sora insures licenses only at Kaede Mutual (the cheaper policy: she keeps her audio herself) and buys a
track there; at Minato Assurance she takes a policy for the audio alone and shows it the license, which
stays Kaede's. A lost license comes back from Kaede without a byte of audio; lost audio comes back from
Minato's own copy, even once the provider has stopped distributing the track, under the license she
holds (and when Minato's answer is lost on the way, the next sync asks again and brings the audio); a
disk that lost both gets each part from the insurer that covers it, each paid once. An upgrade moves
both parts, also when its answer was lost and the next sync finished it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.stories.driver import PASSWORD, Cli
from tests.support import hostile
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]


def _insured_apart(cli: Cli, user: str, track: str) -> None:
    email = f"{user}@example.org"
    cli.ok("signup", user, "--email", email, password=PASSWORD)
    assert cli.ok("insure", "--coverage", "license")["coverage"] == "license"
    cli.ok("buy", track)
    cli.ok("--insurer", "minato", "signup", user, "--email", email, password=PASSWORD)
    assert cli.ok("--insurer", "minato", "insure", "--coverage", "contents")["coverage"] == "contents"
    (covered,) = cli.ok("--insurer", "minato", "insure-audio", track)
    assert covered["outcome"] == "insured" and covered["premium"] > 0
    (row,) = cli.library()[track]
    assert (row["insurer"], row["audio_insurer"]) == ("Kaede Mutual", "Minato Assurance"), row


def _only_minato_has_the_audio(backend: Backend, cli: Cli, track: str) -> None:
    """The provider stops distributing the track and the audio of the license that plays is erased."""
    backend.admin(f"/content/{track}/discontinue")
    (row,) = [r for r in cli.library()[track] if r["state"] == "valid"]
    Path(row["path"]).unlink()


def _audio_comes_back_from_minato(cli: Cli, track: str) -> None:
    """A loss report brings the audio from Minato's copy, of the version the license held opens."""
    (item,) = cli.ok("report-loss", track)["items"]
    assert item["outcome"] == "resent", item
    assert cli.ok("play", track, "--decode-only")["frames"] > 0, "the copy is of the version licensed"


def _package_of(cli: Cli, license_id: str) -> Path:
    (package,) = (p for p in (cli.data_dir / "packages").glob("*.json") if license_id in p.read_text())
    return package


def test_a_license_only_policy_reissues_the_license_without_sending_audio(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli, track = make_cli(two_insurers, "library"), "aurora-0005"
    _insured_apart(cli, "sora", track)
    (row,) = cli.library()[track]
    track_file = Path(row["path"])
    before = track_file.stat()
    _package_of(cli, row["license_id"]).unlink()  # the license lost; the audio still here

    (item,) = cli.ok("report-loss", track)["items"]
    assert item["outcome"] == "reissued"
    after = track_file.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert cli.ok("play", track, "--decode-only")["frames"] > 0
    assert cli.ok("policy")["relicensing_count"] == 1
    assert cli.ok("--insurer", "minato", "policy")["relicensing_count"] == 0, "the audio was not claimed"


def test_lost_audio_comes_back_from_its_own_insurer_after_the_provider_stopped_distributing_it(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli, track = make_cli(two_insurers, "library"), "aurora-0006"
    _insured_apart(cli, "ren", track)
    (row,) = cli.library()[track]
    _only_minato_has_the_audio(two_insurers, cli, track)  # the license still plays
    err = cli.fails(5, "verify", "--repair")
    assert "no longer distributed" in err and "Minato Assurance sends its audio again" in err, err

    (item,) = cli.ok("report-loss", track)["items"]
    assert item["outcome"] == "resent", item
    assert cli.ok("play", track, "--decode-only")["frames"] > 0
    (now,) = cli.library()[track]
    assert now["license_id"] == row["license_id"], "the audio came back under the license she held"
    assert cli.ok("policy")["relicensing_count"] == 0, "the license was not claimed"
    assert cli.ok("--insurer", "minato", "policy")["relicensing_count"] == 1


def test_audio_sent_again_whose_answer_was_lost_arrives_with_the_next_sync_claimed_once(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    track = "aurora-0010"
    with hostile.hostile_proxy(
        two_insurers.url, {"/insurers/minato/api/v1/claims": hostile.drop_answer}
    ) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        _insured_apart(cli, "yui", track)
        _only_minato_has_the_audio(two_insurers, cli, track)
        proxy.armed = True
        cli.fails(4, "report-loss", track)
        assert proxy.hits, "the claim reached Minato, which granted it"
        proxy.armed = False

        out = cli.ok("sync", as_json=False)
        assert "Minato Assurance: Finished the loss report of 1 track" in out, out
        assert cli.ok("play", track, "--decode-only")["frames"] > 0, "the audio came with the answer"
        assert cli.ok("--insurer", "minato", "policy")["relicensing_count"] == 1, "asked again, not anew"


def test_a_disk_that_lost_both_gets_each_part_from_the_insurer_that_covers_it(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli, track = make_cli(two_insurers, "library"), "aurora-0007"
    _insured_apart(cli, "aoi", track)
    (row,) = cli.library()[track]
    Path(row["path"]).unlink()
    _package_of(cli, row["license_id"]).unlink()

    items = cli.ok("report-loss", track)["items"]
    assert [i["outcome"] for i in items] == ["reissued", "resent"], items
    assert cli.ok("play", track, "--decode-only")["frames"] > 0
    shared = [(s["insurer_id"], s["what"]) for s in cli.ok("shared")]
    assert ("kaede", "license_only") in shared and ("minato", "contents_only") in shared, shared


def test_a_contents_only_policy_sells_nothing_and_covers_only_licenses_held_elsewhere(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli, track = make_cli(two_insurers, "library"), "aurora-0008"
    _insured_apart(cli, "haru", track)
    err = cli.fails(1, "--insurer", "minato", "buy", "harbor-0001")
    assert "audio only" in err, err
    err = cli.fails(2, "insure-audio", track)
    assert "not one for the audio alone" in err, err
    err = cli.fails(2, "--insurer", "minato", "insure-audio", "harbor-0011")  # bought nowhere
    assert "held under no license at another insurer" in err, err
    (again,) = cli.ok("--insurer", "minato", "insure-audio", track)  # covered already (an answer lost)
    assert again["outcome"] == "insured", again
    policy = cli.ok("--insurer", "minato", "policy")
    assert policy["coverage"] == "contents"
    text = cli.ok("--insurer", "minato", "policy", as_json=False)
    assert "contents" in text


def test_after_an_upgrade_the_audio_insurer_keeps_the_new_version_and_sends_it_back(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    cli, track = make_cli(two_insurers, "library"), "aurora-0009"
    _insured_apart(cli, "kiko", track)
    two_insurers.admin(f"/content/{track}/upgrade")
    upgraded = cli.ok("upgrade", track)
    assert (upgraded["to_version"], upgraded["audio_cover"]) == (2, "insured"), upgraded

    _only_minato_has_the_audio(two_insurers, cli, track)  # the new version's audio lost
    _audio_comes_back_from_minato(cli, track)


def test_an_upgrade_whose_answer_was_lost_is_finished_by_the_next_sync_and_its_audio_cover_follows(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    track = "aurora-0011"
    with hostile.hostile_proxy(two_insurers.url, {"/api/v1/upgrades": hostile.drop_posted_answer}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        _insured_apart(cli, "mei", track)
        two_insurers.admin(f"/content/{track}/upgrade")
        proxy.armed = True
        cli.fails(4, "upgrade", track)
        assert any(hit.startswith("/api/v1/upgrades") for hit in proxy.hits)
        proxy.armed = False

        out = cli.ok("sync", as_json=False)
        assert "Finished the upgrade of" in out and "not told" not in out, out
        assert cli.ok("upgrades") == [], "taken once, under the first request's key"
        _only_minato_has_the_audio(two_insurers, cli, track)
        _audio_comes_back_from_minato(cli, track)


def test_an_upgrade_stands_when_the_audios_insurer_cannot_be_told_and_covering_again_tells_it(
    two_insurers: Backend, make_cli: MakeCli
) -> None:
    track = "aurora-0012"
    minato_policies = "/insurers/minato/api/v1/policies/"
    with hostile.hostile_proxy(two_insurers.url, {minato_policies: hostile.html_page}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        _insured_apart(cli, "nao", track)
        two_insurers.admin(f"/content/{track}/upgrade")
        proxy.armed = True
        upgraded = cli.ok("upgrade", track)  # Minato answers garbage: the upgrade itself stands
        assert (upgraded["to_version"], upgraded["audio_cover"]) == (2, "refused"), upgraded
        assert any(hit.startswith(minato_policies) for hit in proxy.hits)
        assert cli.ok("upgrades") == [], "taken"
        proxy.armed = False

        (covered,) = cli.ok("--insurer", "minato", "insure-audio", track)  # shows it the new license
        assert covered["outcome"] == "insured", covered
        _only_minato_has_the_audio(two_insurers, cli, track)
        _audio_comes_back_from_minato(cli, track)
