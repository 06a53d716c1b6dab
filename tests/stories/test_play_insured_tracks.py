"""Story: a new user takes out insurance, buys two tracks from two providers, and plays them.

Along the way: the JSON other tools read has exactly the fields docs/protocol.md lists ("JSON output of
the CLI"), the decoded audio is as long as the catalog says, and neither the plaintext audio nor a
private key ever reaches the disk.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from player.terminal import Terminal
from tests.stories.driver import Cli

FIRST, SECOND = "aurora-0001", "harbor-0003"  # Jazz from one provider, Electronic from the other

CATALOG_FIELDS = {
    "content_id",
    "title",
    "artist",
    "album",
    "genre",
    "provider",
    "price",
    "premium",
    "duration_ms",
}
LIBRARY_FIELDS = {
    "kind",  # "license" here; the user's own files are "own_file" rows
    "content_id",
    "title",
    "artist",
    "license_id",
    "state",
    "insured",
    "reason",
    "path",
    "replaced_by",
    "insurer",  # the insurer's name: with policies at several, each track says who insures it
    "audio_insurer",  # null, unless another insurer covers the track's audio alone
}
POLICY_FIELDS = {
    "contract_id",
    "state",
    "relicensing_limit_per_track",
    "relicensing_limit_total",
    "price_difference_limit",
    "relicensing_starts",
    "guarantee_start",
    "guarantee_end",
    "relicensing_count",  # counts used (FIG.6A)
    "gross_amount",  # gross amount of guarantee (FIG.6A)
}
DECODE_FIELDS = {"frames", "sample_rate", "channels", "duration_ms"}
VERIFY_FIELDS = {"missing", "corrupt", "ok"}


def test_a_new_user_insures_buys_and_plays_two_tracks(cli: Cli) -> None:
    cli.sign_up("ada")
    policy = cli.ok("insure")
    assert policy["state"] == "provisional"  # FIG.13: official once the first license is guaranteed

    catalog = cli.ok("catalog")
    assert {row["provider"] for row in catalog} == {"aurora", "harbor"}
    assert all(set(row) == CATALOG_FIELDS for row in catalog), catalog[0]
    by_id = {row["content_id"]: row for row in catalog}
    jazz = cli.ok("catalog", "--genre", "Jazz")
    assert jazz and {row["genre"] for row in jazz} == {"Jazz"}

    bought = cli.buy(FIRST, SECOND)
    assert [b["content_id"] for b in bought] == [FIRST, SECOND]
    assert [b["price"] for b in bought] == [by_id[FIRST]["price"], by_id[SECOND]["price"]]

    library = cli.ok("library")
    assert all(set(row) == LIBRARY_FIELDS for row in library), library
    assert {(r["content_id"], r["license_id"], r["state"]) for r in library} == {
        (b["content_id"], b["license_id"], "valid") for b in bought
    }
    for row in library:
        assert row["reason"] == "" and row["insurer"] == "Kaede Mutual"
        assert Path(row["path"]).is_file() and Path(row["path"]).is_relative_to(cli.data_dir)
        assert (row["title"], row["artist"]) == (
            by_id[row["content_id"]]["title"],
            by_id[row["content_id"]]["artist"],
        )

    for cid in (FIRST, SECOND):
        decoded = cli.ok("play", cid, "--decode-only")
        assert set(decoded) == DECODE_FIELDS
        assert decoded["sample_rate"] == 44100 and decoded["channels"] == 2
        assert abs(decoded["frames"] * 1000 / decoded["sample_rate"] - decoded["duration_ms"]) <= 1
        assert abs(decoded["duration_ms"] - by_id[cid]["duration_ms"]) <= 50, (decoded, by_id[cid])

    # by license ID too
    assert cli.ok("play", bought[0]["license_id"], "--decode-only")["frames"] > 0

    policy = cli.ok("policy")
    assert set(policy) >= POLICY_FIELDS, sorted(policy)
    assert policy["state"] == "official"
    assert policy["relicensing_count"] == 0 and policy["gross_amount"] == 0
    assert policy["relicensing_limit_per_track"] == 3 and policy["relicensing_limit_total"] == 10  # [0039]
    assert sorted(policy["guaranteed_license_ids"]) == sorted(b["license_id"] for b in bought)

    verify = cli.ok("verify")
    assert set(verify) == VERIFY_FIELDS
    assert verify == {"missing": [], "corrupt": [], "ok": 2}

    text = cli.ok("library", as_json=False)
    assert "valid" in text and by_id[FIRST]["title"] in text


def _files(*roots: Path) -> list[Path]:
    return [p for root in roots for p in root.rglob("*") if p.is_file() and not p.is_symlink()]


def test_plaintext_audio_and_private_keys_never_touch_the_disk(cli: Cli) -> None:
    cli.sign_up_insured("grace")
    (bought,) = cli.buy(FIRST)
    assert cli.ok("play", FIRST, "--decode-only")["frames"] > 0

    # What the plaintext is, and which key opens it: read through the terminal core, in memory.
    terminal = Terminal(cli.data_dir, cli.server)
    try:
        track = terminal.open_track(FIRST)
        try:
            plain = bytes(track.reader.decrypt_all())
        finally:
            track.close()
        policy_key = terminal._keys.policy_key(terminal.account.policy_id())
    finally:
        terminal.close()
    assert policy_key is not None
    assert plain[:4] in (b"fLaC", b"OggS"), plain[:4]
    chunks = [plain[i : i + 4096] for i in (len(plain) // 3, 2 * len(plain) // 3)]

    home = Path(os.environ["HOME"])
    for path in _files(cli.data_dir, home):
        data = path.read_bytes()
        assert data[:4] not in (b"fLaC", b"OggS", b"RIFF", b"ID3\x03"), f"audio at offset 0 of {path}"
        assert not any(chunk in data for chunk in chunks), f"plaintext audio in {path}"

    raw = policy_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    secret_forms = [
        raw,
        base64.b64encode(raw),
        base64.urlsafe_b64encode(raw).rstrip(b"="),
        raw.hex().encode(),
    ]
    for path in _files(cli.data_dir):
        data = path.read_bytes()
        assert not any(form in data for form in secret_forms), f"the policy's private key is in {path}"
    assert bought["license_id"]
