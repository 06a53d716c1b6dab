"""Story: every charge leaves a receipt signed by who charged, kept by the player and shown as a PDF.

The policy, an insured purchase, a purchase at the provider without insurance and a re-issue after a
loss each yield a receipt; the player fetches them at sync, checks each signature against the insurer or
the provider (never trusting a receipt's own word for who signed it), writes one as a PDF whose text says
what was paid, saves the signed file for another computer of the same user to import, and refuses a
tampered or foreign one with nothing kept. The guarantee conditions travel inside, signed by the insurer:
with the policy file gone, the receipt still says what is insured. Offline the receipts kept still show.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pypdf

from tests.conftest import StartBackend
from tests.stories.driver import PASSWORD, Cli
from tests.support import hostile
from tests.support.backend import Backend

MakeCli = Callable[[Backend | str, str], Cli]
INSURED, PLAIN = "harbor-0002", "aurora-0004"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_each_charge_leaves_a_signed_receipt_shown_as_pdf_and_imported_elsewhere(
    start_backend: StartBackend, make_cli: MakeCli, tmp_path: Path
) -> None:
    with start_backend() as backend:
        cli = make_cli(backend, "library")
        policy = cli.sign_up_insured("rena")
        (bought,) = cli.buy(INSURED)
        cli.ok("buy", PLAIN, "--uninsured")
        Path(cli.library()[INSURED][0]["path"]).unlink()
        (item,) = cli.ok("report-loss", INSURED)["items"]
        assert item["outcome"] == "reissued"

        receipts = cli.ok("receipts")
        assert [r["kind"] for r in receipts] == ["insurance", "purchase", "direct_purchase", "reissue"]
        by_kind = {r["kind"]: r for r in receipts}
        purchase = by_kind["purchase"]
        assert (purchase["signer"], purchase["total_yen"]) == ("insurer", bought["price"] + bought["premium"])
        assert [(i["content_id"], i["price"], i["premium"]) for i in purchase["items"]] == [
            (INSURED, bought["price"], bought["premium"])
        ]
        assert purchase["conditions"]["contract_id"] == policy["contract_id"]
        assert purchase["conditions"]["guarantee_end"] == policy["guarantee_end"]
        direct = by_kind["direct_purchase"]
        assert direct["signer"] == "aurora" and direct["conditions"] is None  # sold by the provider
        assert [i["premium"] for i in direct["items"]] == [0]
        assert by_kind["reissue"]["total_yen"] == 0  # a re-issue is free

        pdf = tmp_path / "receipt.pdf"
        shown = cli.ok("receipt", purchase["receipt_id"], "--pdf", str(pdf))
        assert shown == purchase
        text = pdf_text(pdf)
        title = purchase["items"][0]["title"]
        for words in (
            purchase["receipt_id"],
            title,
            "rena",
            f"¥{purchase['total_yen']:,}",
            "Guarantee conditions",
        ):
            assert words in text, (words, text)
        metadata = pypdf.PdfReader(pdf).metadata
        assert metadata is not None and "Insured Player" in str(metadata.get("/Creator"))

        # The conditions are learnt from the receipt alone, with the policy file gone.
        for kept in (cli.data_dir / "policies").iterdir():
            kept.unlink()
        again = cli.ok("receipt", purchase["receipt_id"])
        assert again["conditions"] == purchase["conditions"]
        relearnt = cli.ok("policy")  # no policy kept here: the newest receipt's signed conditions
        assert relearnt["from_receipt"] == by_kind["reissue"]["receipt_id"]
        assert {k: relearnt[k] for k in purchase["conditions"]} == purchase["conditions"]

        saved = tmp_path / "receipt.json"
        cli.ok("receipt", purchase["receipt_id"], "--save", str(saved))
        other = make_cli(backend, "laptop")
        assert other.ok("login", "rena", password=PASSWORD)["user_id"]
        assert "no insurance" in other.fails(2, "policy")  # nothing of the policy on this computer
        assert other.ok("import-receipt", str(saved))["receipt_id"] == purchase["receipt_id"]
        learnt = other.ok("policy")
        assert learnt["from_receipt"] == purchase["receipt_id"]
        assert learnt["contract_id"] == policy["contract_id"]
        assert "signed by the insurer" in other.ok("policy", as_json=False)

        forged = json.loads(saved.read_bytes())
        forged["total_yen"] = 1
        forged["items"][0]["price"] = 1 - forged["items"][0]["premium"]
        (tmp_path / "forged.json").write_text(json.dumps(forged), encoding="utf-8")
        assert "signature" in other.fails(5, "import-receipt", str(tmp_path / "forged.json"))

        stranger = make_cli(backend, "stranger")
        stranger.sign_up("sven")
        assert "issued to someone else" in stranger.fails(5, "import-receipt", str(saved))
        assert stranger.ok("receipts") == []

        backend.stop()
        offline = cli.ok("receipts")  # kept receipts show without the insurer
        assert [r["receipt_id"] for r in offline] == [r["receipt_id"] for r in receipts]
        table = cli.ok("receipts", as_json=False)
        assert purchase["receipt_id"] in table and "Purchase with insurance" in table


def test_a_tampered_receipt_from_the_insurer_is_not_kept_and_the_sync_goes_on(
    module_backend: Backend, make_cli: MakeCli
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/receipts": hostile.tampered_receipt}) as proxy:
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("tomo")  # its first receipt (the policy's) is the one the proxy changes
        cli.buy(INSURED)
        synced = cli.run("sync", as_json=False)
        assert synced.code == 0, synced.err
        assert "1 receipt from the insurer did not verify and was not kept" in synced.out, synced.out
        kept = cli.ok("receipts")
        assert [r["kind"] for r in kept] == ["purchase"]  # the genuine one is kept; the changed one is not
        assert cli.ok("play", INSURED, "--decode-only")["frames"] > 0  # everything else synced


def test_a_receipt_edited_on_disk_is_refused_not_shown(cli: Cli) -> None:
    cli.sign_up_insured("ravi")
    cli.buy(INSURED)
    (kept,) = [r for r in cli.ok("receipts") if r["kind"] == "purchase"]
    path = next(p for p in (cli.data_dir / "receipts").iterdir() if kept["receipt_id"] in p.read_text())
    path.write_bytes(path.read_bytes().replace(b'"buyer":"ravi"', b'"buyer":"evil"', 1))
    err = cli.fails(5, "receipt", kept["receipt_id"])
    assert "receipt" in err, err
    assert "no receipt" in cli.fails(2, "receipt", "R-0000")
