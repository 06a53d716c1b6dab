"""Story: the insurer did what was asked, and the answer was lost (the backend died right after, the
connection dropped, the download was killed). Asking again finishes the same request: nothing is charged
or counted twice, the license the insurer issued arrives, and what was half downloaded resumes, free."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.stories.driver import PASSWORD, Cli
from tests.support import hostile
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
TRACK = "harbor-0012"
OTHER = "aurora-0004"


def _owned(cli: Cli, content_id: str) -> list[str]:
    return [r["license_id"] for r in cli.library().get(content_id, [])]


def test_a_purchase_whose_answer_is_lost_is_bought_once_when_bought_again(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/purchases": hostile.drop_answer}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("lars")
        proxy.armed = True
        cli.fails(4, "buy", TRACK)
        assert proxy.hits  # it reached the insurer, which charged for it
        proxy.armed = False
        bought = cli.ok("buy", TRACK)  # the same purchase, answered as it was the first time
        assert _owned(cli, TRACK) == [bought["license_id"]]
        assert cli.ok("policy")["guaranteed_license_ids"].count(bought["license_id"]) == 1
        assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0


def test_a_claim_whose_answer_is_lost_is_finished_by_the_next_sync_and_counted_once(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/claims": hostile.drop_answer}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("lotte")
        (old,) = [b["license_id"] for b in cli.buy(TRACK)]
        proxy.armed = True
        cli.fails(4, "report-loss", TRACK)
        proxy.armed = False
        out = cli.ok("sync", as_json=False)
        assert "Finished the loss report of 1 track" in out
        new = [lic for lic in _owned(cli, TRACK) if lic != old]
        assert len(new) == 1
        assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0  # the new license, the file kept
        policy = cli.ok("policy")
        assert policy["relicensing_count"] == 1


def test_reporting_again_after_a_lost_answer_gets_the_first_claims_outcome(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/claims": hostile.drop_answer}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("lucia")
        cli.buy(TRACK, OTHER)
        proxy.armed = True
        cli.fails(4, "report-loss", TRACK)
        proxy.armed = False
        claim = cli.ok("report-loss", TRACK)
        (item,) = claim["items"]
        assert item["outcome"] == "reissued"
        assert cli.ok("policy")["relicensing_count"] == 1
        assert {r["state"] for r in cli.library()[OTHER]} == {"valid"}


def test_a_killed_download_resumes_free_when_the_track_is_bought_again(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/providers/": hostile.cut_half_way}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("lilo")
        proxy.armed = True
        assert "resumes where it stopped" in cli.fails(4, "buy", TRACK)
        (partial,) = cli.data_dir.rglob("*.part")
        half = partial.stat().st_size
        assert half > 0
        proxy.armed = False
        bought = cli.ok("buy", TRACK)
        assert _owned(cli, TRACK) == [bought["license_id"]]
        assert not partial.exists()
        assert Path(cli.library()[TRACK][0]["path"]).stat().st_size > half
        assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 1}
        assert cli.ok("policy")["relicensing_count"] == 0


def test_a_recovery_whose_answer_is_lost_is_finished_by_recovering_again_and_charged_once(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    old = make_cli(module_backend, "old-machine")
    old.sign_up_insured("lorna")
    old.buy(TRACK, OTHER)
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/claims": hostile.drop_answer}) as proxy:
        proxy.armed = False
        new = make_cli(proxy.url, "new-machine")
        new.ok("login", "lorna", password=PASSWORD)
        proxy.armed = True
        new.fails(4, "recover")  # new keys made, the claim filed and granted; its answer lost
        proxy.armed = False
        recovered = new.ok("recover")
        assert {i["content_id"]: i["outcome"] for i in recovered["items"]} == {
            TRACK: "reissued",
            OTHER: "reissued",
        }
        policy = new.ok("policy")
        assert policy["relicensing_count"] == 1  # a crash is one accident: counted once, not twice
        assert {t["content_id"]: t["relicense_count"] for t in policy["per_track"]} == {TRACK: 1, OTHER: 1}
        for content_id in (TRACK, OTHER):
            assert new.ok("play", content_id, "--decode-only")["frames"] > 0


def test_a_license_the_list_names_and_the_terminal_lacks_is_fetched_on_sync(
    make_cli: MakeCli, module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/claims": hostile.drop_answer}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("lukas")
        (old,) = [b["license_id"] for b in cli.buy(TRACK)]
        proxy.armed = True
        cli.fails(4, "report-loss", TRACK)
        proxy.armed = False
        settings = cli.data_dir / "settings.json"  # no journal: the request was sent by another terminal
        settings.write_text(
            json.dumps({k: v for k, v in json.loads(settings.read_text()).items() if k != "pending_requests"})
        )
        out = cli.ok("sync", as_json=False)
        assert "Received “Slow Current”" in out, out
        states = {r["license_id"]: r["state"] for r in cli.library()[TRACK]}
        assert states.pop(old) == "invalid" and list(states.values()) == ["valid"]
        assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0
        assert cli.ok("policy")["relicensing_count"] == 1
