"""Story: the licensor publishes a new version of a track the user owns ([0048]-[0049]); the user takes
it, the new version plays, and the old license is invalidated (reason: version upgrade).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.stories.driver import Cli
from tests.support import hostile
from tests.support.backend import Backend

TRACK = "harbor-0006"


def test_a_new_version_replaces_the_old_one(cli: Cli, module_backend: Backend) -> None:
    cli.sign_up_insured("otto")
    (bought,) = cli.buy(TRACK)
    (before,) = cli.library()[TRACK]

    cli.fails(1, "upgrade", TRACK)  # nothing newer yet: the backend says no, in one line
    assert cli.ok("upgrades") == []
    published = module_backend.admin(f"/content/{TRACK}/upgrade")
    assert published["version"] == 2
    (offer,) = cli.ok("upgrades")
    assert (offer["content_id"], offer["license_id"]) == (TRACK, bought["license_id"])
    assert (offer["from_version"], offer["to_version"]) == (1, 2)
    assert "1 -> 2" in cli.ok("upgrades", as_json=False)

    upgraded = cli.ok("upgrade", TRACK)
    assert (upgraded["content_id"], upgraded["replaces"]) == (TRACK, bought["license_id"])
    assert (upgraded["from_version"], upgraded["to_version"]) == (1, 2)

    rows = {r["license_id"]: r for r in cli.library()[TRACK]}
    assert (rows[bought["license_id"]]["state"], rows[bought["license_id"]]["reason"]) == (
        "invalid",
        "version_upgrade",
    )
    new = rows[upgraded["license_id"]]
    assert new["state"] == "valid"
    assert new["path"] != before["path"] and Path(new["path"]).is_file()
    assert ".v2." in Path(new["path"]).name

    assert cli.ok("play", TRACK, "--decode-only")["frames"] > 0  # the new version, by content ID
    assert cli.ok("play", upgraded["license_id"], "--decode-only")["frames"] > 0
    err = cli.fails(3, "play", bought["license_id"], "--decode-only")  # the old version no longer plays
    assert "newer version" in err, err
    assert cli.ok("verify") == {"missing": [], "corrupt": [], "ok": 1}
    assert cli.ok("upgrades") == [], "taken: offered no more"


def test_upgrades_not_to_be_had_from_an_insurer_answering_garbage_are_said_in_one_line(
    make_cli: Callable[[Backend | str, str], Cli], module_backend: Backend
) -> None:
    with hostile.hostile_proxy(module_backend.url, {"/api/v1/upgrades": hostile.html_page}) as proxy:
        proxy.armed = False
        cli = make_cli(proxy.url, "library")
        cli.sign_up_insured("ines")
        proxy.armed = True
        err = cli.fails(4, "upgrades")  # the only insurer asked could not answer: not "none offered"
        assert "answered /api/v1/upgrades with something unexpected" in err, err
