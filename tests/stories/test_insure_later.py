"""Story: a track bought at its provider without insurance plays, is not covered, and is insured later.

The license comes straight from the licensor (no premium); the library says "not insured" and a loss
report of it is refused with a reason. Insuring it later swaps in an insured license without fetching the
audio again, lists the original as replaced, and from then on a loss is re-issued. A license that is not
the licensor's (a forgery planted in the library) is refused with its reason while the genuine one
beside it is insured.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from player.protocol.direct import seal_direct
from player.protocol.license import PERMISSION_PLAY, License, sign_license
from player.terminal import Terminal
from tests.stories.driver import Cli

TRACK, OTHER = "harbor-0006", "aurora-0008"


def test_bought_uninsured_plays_is_not_covered_and_once_insured_is_reissued_after_a_loss(cli: Cli) -> None:
    cli.sign_up_insured("uma")
    sold = cli.ok("buy", TRACK, "--uninsured")
    assert (sold["premium"], sold["insured"]) == (0, False)
    (row,) = cli.library()[TRACK]
    assert (row["state"], row["insured"]) == ("valid", False)
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0
    assert cli.ok("policy")["per_track"] == []  # nothing insured yet

    err = cli.fails(6, "report-loss", TRACK)
    assert "bought without insurance" in err and "insure it first" in err, err

    audio = Path(row["path"])
    before = (audio.stat().st_ino, audio.stat().st_mtime_ns)
    (outcome,) = cli.ok("insure-existing", sold["license_id"])
    assert outcome["outcome"] == "insured" and outcome["license_id"] == sold["license_id"], outcome
    assert outcome["content_id"] == TRACK and outcome["new_license_id"] and outcome["reason"] == ""
    policy = cli.ok("policy")
    assert [t["content_id"] for t in policy["per_track"]] == [TRACK]
    assert outcome["new_license_id"] in policy["guaranteed_license_ids"]
    assert (audio.stat().st_ino, audio.stat().st_mtime_ns) == before  # the audio was not fetched again

    rows = {r["license_id"]: r for r in cli.library()[TRACK]}
    assert rows[sold["license_id"]]["state"] == "invalid"
    assert rows[sold["license_id"]]["reason"] == "replaced_when_insured"
    assert (rows[outcome["new_license_id"]]["state"], rows[outcome["new_license_id"]]["insured"]) == (
        "valid",
        True,
    )
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0  # the insured copy, same file
    assert "replaced when the purchase was insured" in cli.fails(
        3, "play", sold["license_id"], "--decode-only"
    )
    assert cli.ok("insure-existing", "--all-uninsured") == []  # nothing left to insure

    audio.unlink()  # now a loss is covered
    (item,) = cli.ok("report-loss", TRACK)["items"]
    assert item["outcome"] == "reissued", item
    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0


def _forge(terminal: Terminal, user_id: str) -> str:
    """A license for `user_id` signed by a key no licensor holds, kept here as if bought uninsured."""
    now = datetime.now(UTC).replace(microsecond=0)
    forged = License(
        license_id="L-" + secrets.token_hex(10),
        licenser="aurora",
        licensee=user_id,
        permission=PERMISSION_PLAY,
        content_id=OTHER,
        content_version=1,
        not_before=now,
        not_after=None,
        content_key=os.urandom(32),
        issued_at=now,
    )
    xml = sign_license(forged, Ed25519PrivateKey.generate())
    doc = seal_direct(xml, forged, terminal._keys.device_key(user_id).public_key())
    terminal._store.put_package(forged.license_id, doc, OTHER, "", "")
    return forged.license_id


def test_a_forged_license_is_refused_with_its_reason_while_the_genuine_one_is_insured(cli: Cli) -> None:
    user_id = cli.sign_up("vic")
    cli.ok("insure")
    genuine = cli.ok("buy", TRACK, "--uninsured")
    terminal = Terminal(cli.data_dir, cli.server)
    try:
        forged = _forge(terminal, user_id)
    finally:
        terminal.close()

    rows = {r["license_id"]: r for r in cli.ok("insure-existing", "--all-uninsured")}
    assert set(rows) == {genuine["license_id"], forged}
    assert rows[genuine["license_id"]]["outcome"] == "insured"
    assert rows[forged]["outcome"] == "refused" and rows[forged]["new_license_id"] is None
    assert "not signed by" in rows[forged]["reason"], rows[forged]
    assert [t["content_id"] for t in cli.ok("policy")["per_track"]] == [TRACK]  # only the genuine one


def test_the_cli_says_what_a_purchase_without_insurance_cost_as_the_window_does(cli: Cli) -> None:
    cli.sign_up_insured("yuki")
    said = cli.ok("buy", "aurora-0007", "--uninsured", as_json=False)  # amounts as everywhere: ¥, digits
    assert said.strip() == "bought aurora-0007 for ¥200, not insured", said


def test_the_cli_says_the_insurers_terms_with_amounts_as_ours(cli: Cli) -> None:
    cli.sign_up("ren")
    said = cli.ok("insure", as_json=False)
    assert "at most ¥100 more" in said and " yen" not in said, said
