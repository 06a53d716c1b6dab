"""Story: a track bought insured at the provider's own checkout is insured the same, and comes back the same.

Aurora Records sells both through the insurer and at its own checkout, which asks the insurer to insure
the sale. Bought there, the track is in the library as insured, on the policy, with a receipt signed by
Aurora; erased and reported lost, it is re-issued and plays, as if bought through the insurer. A provider
without a checkout says so; a provider that sells at its checkout only is followed there without being
asked, and buying it through the insurer is refused with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import StartBackend
from tests.stories.driver import Cli
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
AT_CHECKOUT, INSURER_ONLY, FOLLOWED = "aurora-0009", "harbor-0009", "aurora-0010"


def test_bought_at_the_checkout_is_insured_and_reissued_after_a_loss(
    start_backend: StartBackend, make_cli: MakeCli
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        cli.sign_up_insured("cleo")
        bought = cli.ok("buy", AT_CHECKOUT, "--at-provider")
        assert bought["sold_by"] == "aurora" and bought["premium"] > 0, bought
        (row,) = cli.library()[AT_CHECKOUT]
        assert (row["state"], row["insured"]) == ("valid", True)
        policy = cli.ok("policy")
        assert bought["license_id"] in policy["guaranteed_license_ids"]
        assert [t["content_id"] for t in policy["per_track"]] == [AT_CHECKOUT]
        (receipt,) = [r for r in cli.ok("receipts") if r["receipt_id"] == bought["receipt_id"]]
        assert (receipt["signer"], receipt["signer_name"]) == ("aurora", "Aurora Records")
        assert receipt["total_yen"] == bought["price"] + bought["premium"]
        assert receipt["conditions"]["contract_id"] == policy["contract_id"]
        text = cli.ok("buy", INSURER_ONLY, "--at-insurer", as_json=False)
        assert "checkout" not in text and "insured" in text

        Path(row["path"]).unlink()
        (item,) = cli.ok("report-loss", AT_CHECKOUT)["items"]
        assert item["outcome"] == "reissued", item
        assert cli.ok("play", AT_CHECKOUT, "--decode-only")["frames"] > 0
        counts = {t["content_id"]: t["relicense_count"] for t in cli.ok("policy")["per_track"]}
        assert counts == {AT_CHECKOUT: 1, INSURER_ONLY: 0}

        err = cli.fails(2, "buy", "harbor-0010", "--at-provider")
        assert "Blue Harbor Music has no checkout" in err, err

        backend.admin("/providers/aurora/configurations", json={"configurations": ["back_end"]})
        followed = cli.ok("buy", FOLLOWED)  # no flag: the terminal follows the provider to its checkout
        assert followed["sold_by"] == "aurora"
        err = cli.fails(2, "buy", "aurora-0011", "--at-insurer")
        assert "at its own checkout only" in err, err
        assert cli.fails(2, "buy", "aurora-0011", "--at-insurer", "--at-provider")
