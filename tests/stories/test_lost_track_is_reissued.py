"""Story: a track file is erased by mistake; the insurer re-issues it (FIG.12), and it plays again.

The old license is invalidated (FIG.7 reason: re-distributed after a loss), so reporting a loss gains
nothing; the policy's history counts the re-licensing and its gross amount (FIG.6A).
"""

from __future__ import annotations

from pathlib import Path

from tests.stories.driver import Cli

LOST, KEPT = "aurora-0004", "harbor-0001"


def test_an_erased_file_comes_back_free_when_played_and_with_verify_repair(cli: Cli) -> None:
    cli.sign_up_insured("lena")
    lost, _ = cli.buy(LOST, KEPT)
    (row,) = cli.library()[LOST]
    Path(row["path"]).unlink()  # erased by mistake; the license is still here
    assert "verify --repair" in cli.fails(5, "verify")
    assert cli.ok("play", LOST, "--decode-only")["frames"] > 0  # fetched again under the license held
    assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}

    (row,) = cli.library()[KEPT]
    Path(row["path"]).write_bytes(Path(row["path"]).read_bytes()[:70_000])  # cut short
    assert cli.ok("verify", "--repair") == {"missing": [], "corrupt": [], "ok": 2, "repaired": [KEPT]}
    assert cli.ok("play", KEPT, "--decode-only")["frames"] > 0
    policy = cli.ok("policy")
    assert policy["relicensing_count"] == 0 and policy["gross_amount"] == 0  # nothing claimed, nothing spent
    assert [r["license_id"] for r in cli.library()[LOST]] == [lost["license_id"]]


def test_an_erased_track_is_reported_reissued_and_plays_again(cli: Cli) -> None:
    cli.sign_up_insured("lin")
    lost, kept = cli.buy(LOST, KEPT)
    price = lost["price"]
    (row,) = cli.library()[LOST]
    Path(row["path"]).unlink()  # erased by mistake

    err = cli.fails(5, "verify")
    assert "missing" in err
    report = cli.run("verify").json()
    assert report == {"missing": [LOST], "corrupt": [], "ok": 1}

    claim = cli.ok("report-loss", LOST)
    assert claim["claim_id"]
    (item,) = claim["items"]
    assert (item["content_id"], item["outcome"]) == (LOST, "reissued"), item
    assert item["item_id"]

    assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}
    assert cli.ok("play", LOST, "--decode-only")["frames"] > 0

    rows = cli.library()
    old = next(r for r in rows[LOST] if r["license_id"] == lost["license_id"])
    (new,) = [r for r in rows[LOST] if r["license_id"] != lost["license_id"]]
    assert old["state"] == "invalid" and old["reason"] == "redistributed_after_loss", old
    assert (new["state"], new["reason"]) == ("valid", "")
    assert Path(new["path"]).is_file()
    assert [r["state"] for r in rows[KEPT]] == ["valid"] and rows[KEPT][0]["license_id"] == kept["license_id"]

    # the old license no longer plays, the new one does
    err = cli.fails(3, "play", lost["license_id"], "--decode-only")
    assert "redistribut" in err.lower() or "loss" in err.lower(), err
    assert cli.ok("play", new["license_id"], "--decode-only")["frames"] > 0

    policy = cli.ok("policy")
    assert policy["relicensing_count"] == 1
    assert policy["gross_amount"] == price
    (track,) = [t for t in policy["per_track"] if t["content_id"] == LOST]
    assert track["relicense_count"] == 1 and track["relicensing_left"] == 2


def test_after_every_file_is_lost_the_whole_library_is_reported_at_once(cli: Cli) -> None:
    cli.sign_up_insured("max")
    bought = {b["content_id"]: b["license_id"] for b in cli.buy(LOST, KEPT)}
    for path in (cli.data_dir / "tracks").glob("*.ipc"):
        path.unlink()
    assert cli.run("verify").json() == {"missing": sorted(bought), "corrupt": [], "ok": 0}

    claim = cli.ok("report-loss", "--all")
    assert {i["content_id"]: i["outcome"] for i in claim["items"]} == dict.fromkeys(bought, "reissued")
    assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 2}
    for cid, old_license in bought.items():
        states = {r["license_id"]: r["state"] for r in cli.library()[cid]}
        assert states.pop(old_license) == "invalid" and list(states.values()) == ["valid"]
        assert cli.ok("play", cid, "--decode-only")["frames"] > 0
    assert cli.ok("policy")["gross_amount"] == sum(
        b["price"] for b in cli.ok("catalog") if b["content_id"] in bought
    )
