"""Story: a lost track's supplier discontinued it, so the insurer offers alternates from every provider
(FIG.14); the user picks one, which plays, and the old license is invalidated (replaced by an alternate).
"""

from __future__ import annotations

from pathlib import Path

from tests.stories.driver import Cli
from tests.support.backend import Backend

DISCONTINUED = "aurora-0009"  # Rock, 350 yen, Aurora Records
ALTERNATE_FIELDS = {
    "alternate_id",
    "match",
    "content_id",
    "title",
    "artist",
    "provider",
    "genre",
    "price",
    "price_difference",
}


def test_a_discontinued_track_is_replaced_by_an_alternate_of_the_users_choice(
    cli: Cli, module_backend: Backend
) -> None:
    cli.sign_up_insured("mei")
    (bought,) = cli.buy(DISCONTINUED)
    policy = cli.ok("policy")
    module_backend.admin(f"/content/{DISCONTINUED}/discontinue")
    (row,) = cli.library()[DISCONTINUED]
    Path(row["path"]).unlink()

    assert "no longer distributed" in cli.fails(1, "preview", DISCONTINUED, "--decode-only")

    claim = cli.ok("report-loss", DISCONTINUED, "--genre", "Rock")
    (item,) = claim["items"]
    assert (item["content_id"], item["outcome"]) == (DISCONTINUED, "alternates_offered"), item
    assert item["reason"]  # why it cannot be re-issued (discontinued)

    offered = cli.ok("alternates", item["item_id"])
    assert offered and all(set(alt) == ALTERNATE_FIELDS for alt in offered), offered
    assert {alt["provider"] for alt in offered} == {"aurora", "harbor"}  # from *all* providers
    assert {alt["genre"] for alt in offered} == {"Rock"}  # the genre asked for
    assert DISCONTINUED not in {alt["content_id"] for alt in offered}
    assert offered[0]["match"] == "same_artist"  # the same artist's other track comes first
    for alt in offered:
        assert alt["price_difference"] == alt["price"] - bought["price"]
        assert alt["price_difference"] <= policy["price_difference_limit"]

    jazz = cli.ok("alternates", item["item_id"], "--genre", "Jazz")  # asked again in another genre
    assert jazz and {alt["genre"] for alt in jazz} == {"Jazz"}

    chosen = next(alt for alt in jazz if alt["provider"] == "harbor")
    heard = cli.ok("preview", chosen["content_id"], "--decode-only")  # listened to before choosing
    assert (heard["content_id"], heard["mime"]) == (chosen["content_id"], "audio/ogg")
    assert 14_000 <= heard["duration_ms"] <= 16_000 and heard["frames"] > 0
    choice = cli.ok("choose", item["item_id"], chosen["alternate_id"])
    assert choice["content_id"] == chosen["content_id"]
    assert choice["replaces"] == bought["license_id"]

    decoded = cli.ok("play", chosen["content_id"], "--decode-only")
    catalog = {c["content_id"]: c for c in cli.ok("catalog")}
    assert abs(decoded["duration_ms"] - catalog[chosen["content_id"]]["duration_ms"]) <= 50

    library = cli.library()
    (old,) = library[DISCONTINUED]
    assert (old["state"], old["reason"]) == ("invalid", "replaced_by_alternate"), old
    (new,) = library[chosen["content_id"]]
    assert (new["license_id"], new["state"]) == (choice["license_id"], "valid")
    err = cli.fails(3, "play", bought["license_id"], "--decode-only")
    assert "alternate" in err, err

    # the choice is taken: the item no longer waits for one
    cli.fails(2, "choose", item["item_id"], chosen["alternate_id"])


def test_a_track_bought_while_the_choice_waits_is_no_longer_offered_as_its_alternate(
    cli: Cli, module_backend: Backend
) -> None:
    cli.sign_up_insured("ren")
    said = cli.ok("buy", "aurora-0010", as_json=False)  # Ember Run, Rock, ¥380
    assert said.startswith("bought aurora-0010 for ¥380 (+¥") and said.strip().endswith(" premium), insured")
    module_backend.admin("/content/aurora-0010/discontinue")
    claim = cli.ok("report-loss", "aurora-0010")
    (item,) = claim["items"]
    offered = cli.ok("alternates", item["item_id"])
    first = offered[0]["content_id"]

    cli.buy(first)  # bought in the store before choosing: a second copy is no stand-in for the lost one
    again = [alt["content_id"] for alt in cli.ok("alternates", item["item_id"])]
    assert again == [alt["content_id"] for alt in offered[1:]]


def test_a_choice_asked_again_from_a_library_restored_from_before_it_is_refused_in_words(
    cli: Cli, module_backend: Backend
) -> None:
    """A backup of the data dir, taken while the choice waited, is put back after the choice was made:
    the library says the item still waits, the insurer knows better, and the user reads why."""
    lost = "harbor-0002"  # a track no other story here discontinues
    cli.sign_up_insured("rin")
    cli.buy(lost)
    module_backend.admin(f"/content/{lost}/discontinue")
    claim = cli.ok("report-loss", lost)
    (item,) = claim["items"]
    assert item["outcome"] == "alternates_offered", item
    settings = cli.data_dir / "settings.json"
    backup = settings.read_bytes()  # what a backup of the library held while the choice waited
    chosen = cli.ok("alternates", item["item_id"])[0]
    cli.ok("choose", item["item_id"], chosen["alternate_id"])

    settings.write_bytes(backup)  # the backup put back
    err = cli.fails(1, "choose", item["item_id"], chosen["alternate_id"])  # refused by the backend
    assert "An alternate was chosen for this track already, from this computer or another one." in err
    (new,) = cli.library()[chosen["content_id"]]
    assert new["state"] == "valid"  # what the first choice brought stays
