"""Contract processing function 52 for policies (FIG.5, FIG.6B, FIG.13 provisional -> official).

The key pair is the terminal's ([0028]): the insurer only ever sees the public half. Every change to a
policy (a new insured license, official state, a new key after a crash) raises its revision and the
terminal is handed the newly signed document.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import timedelta

from mock_backend import clock
from mock_backend.config import DAY, Settings
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.insurer import premiums
from mock_backend.insurer.conditions import within_guarantee_period
from player.protocol import api
from player.protocol.canonical import b64e, fingerprint, format_time, parse_time
from player.protocol.policy import Coverage, GuaranteeConditions, Policy, PolicyState, sign_policy

STANDARD_PRICE = 250  # yen: the reference track the per-track premium of FIG.6B is quoted for
# Claim 26: a policy whose terminal asks the insurer on every play costs less, since a license replaced
# elsewhere stops at once on every terminal (offline, within the list's grace, it still plays).
EVERY_PLAY_DISCOUNT = 0.25
# Claim 32: the share of the full premium a policy of one part costs. The license is most of the value
# (without it the audio does not play; with it a file the provider still serves comes back free); the
# audio alone matters once the provider no longer serves it, which the contents insurer's copy outlives.
COVERAGE_SHARE = {Coverage.FULL: 1.0, Coverage.LICENSE: 0.6, Coverage.CONTENTS: 0.4}


def premium(base: int, every_play: bool, coverage: Coverage = Coverage.FULL) -> int:
    """A premium in yen under a policy with or without the every-play check, of the coverage given."""
    charged = base * (1 - EVERY_PLAY_DISCOUNT) if every_play else base
    return max(1, round(charged * COVERAGE_SHARE[coverage]))


def coverage(row: sqlite3.Row) -> Coverage:
    return Coverage(row["coverage"])


def terms(ctx: Context, conn: sqlite3.Connection) -> api.Terms:
    s: Settings = ctx.settings
    names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM providers ORDER BY id")}
    rates = premiums.provider_rates(conn, s.premium_factor)
    charged = [
        # as charged now: the provider's base rate times its trouble loading ([0041])
        api.ProviderPremium(provider=pid, name=name, rate=round(rates[pid][0] * rates[pid][1].loading, 4))
        for pid, name in names.items()
        if pid in rates
    ]
    return api.Terms(
        provider_premiums=charged,
        guarantee_days=s.guarantee_days,
        waiting_days=s.waiting_days,
        relicensing_limit_per_track=s.relicensing_limit_per_track,
        relicensing_limit_total=s.relicensing_limit_total,
        price_difference_limit=s.price_difference_limit,
        premium_yen_per_track=round(STANDARD_PRICE * s.premium_rate),
        premium_rate=s.premium_rate,
        every_play_premium_yen_per_track=premium(round(STANDARD_PRICE * s.premium_rate), True),
        coverage_premiums={
            c.value: premium(round(STANDARD_PRICE * s.premium_rate), False, c) for c in Coverage
        },
        insurer_fingerprint=ctx.insurer_fingerprint,
        summary=(
            f"If insured tracks or their licenses are lost within {s.guarantee_days} days, the insurer "
            f"re-distributes them free of charge: up to {s.relicensing_limit_per_track} times per track and "
            f"{s.relicensing_limit_total} times in total, starting {_waiting(s.waiting_days)}. "
            "When a track can no longer be issued, you choose an alternate from any provider costing at most "
            f"{s.price_difference_limit} yen more. Each re-distribution invalidates the license it replaces."
        ),
    )


def _waiting(days: int) -> str:
    if days == 0:
        return "as soon as the contract is signed"
    return f"{days} day{'s' if days != 1 else ''} after the contract"


def create(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    public_key: bytes,
    *,
    check_every_play: bool = False,
    covers: Coverage = Coverage.FULL,
) -> sqlite3.Row:
    if len(public_key) != 32:
        raise ApiError(422, "invalid_request", "public_key must be a 32-byte X25519 key")
    s = ctx.settings
    now = clock.now(conn)
    policy_id = "P-" + secrets.token_hex(8)
    conn.execute(
        "INSERT INTO policies(id, user_id, state, revision, public_key, premium_per_track,"
        " guarantee_start, guarantee_end, relicensing_starts, limit_per_track, limit_total,"
        " price_difference_limit, created_at, check_every_play, coverage)"
        " VALUES (?, ?, 'provisional', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            policy_id,
            user_id,
            public_key,
            premium(round(STANDARD_PRICE * s.premium_rate), check_every_play, covers),
            format_time(now),
            format_time(now + timedelta(seconds=s.guarantee_days * DAY)),
            format_time(now + timedelta(seconds=s.waiting_days * DAY)),
            s.relicensing_limit_per_track,
            s.relicensing_limit_total,
            s.price_difference_limit,
            format_time(now),
            int(check_every_play),
            covers.value,
        ),
    )
    # FIG.5 (1): an entry for this user in the re-distribution history DB (FIG.6A)
    conn.execute(
        "INSERT OR IGNORE INTO history(user_id, first_contract_at) VALUES (?, ?)", (user_id, format_time(now))
    )
    return get_owned(conn, user_id, policy_id)


def get_owned(conn: sqlite3.Connection, user_id: str, policy_id: str) -> sqlite3.Row:
    """The policy, if it is this user's; another user's policy is reported exactly like a missing one."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM policies WHERE id = ? AND user_id = ?", (policy_id, user_id)
    ).fetchone()
    if row is None:
        raise ApiError(404, "unknown_policy", f"you have no policy {policy_id!r}")
    return row


def touch(conn: sqlite3.Connection, policy_id: str, *, official: bool = False) -> None:
    conn.execute(
        "UPDATE policies SET revision = revision + 1,"
        " state = CASE WHEN ? THEN 'official' ELSE state END WHERE id = ?",
        (official, policy_id),
    )


def guarantee(row: sqlite3.Row) -> GuaranteeConditions:
    return GuaranteeConditions(
        contract_id=row["id"],
        insured_user_id=row["user_id"],
        guarantee_start=parse_time(row["guarantee_start"]),
        guarantee_end=parse_time(row["guarantee_end"]),
        relicensing_starts=parse_time(row["relicensing_starts"]),
        relicensing_limit_per_track=row["limit_per_track"],
        relicensing_limit_total=row["limit_total"],
        price_difference_limit=row["price_difference_limit"],
    )


def signed(ctx: Context, conn: sqlite3.Connection, policy_id: str) -> bytes:
    row = conn.execute(
        "SELECT p.*, u.username FROM policies p JOIN users u ON u.id = p.user_id WHERE p.id = ?", (policy_id,)
    ).fetchone()
    license_ids = tuple(
        r["license_id"]
        for r in conn.execute("SELECT license_id FROM items WHERE policy_id = ? ORDER BY id", (policy_id,))
    )
    pub = bytes(row["public_key"])
    policy = Policy(
        contract_id=row["id"],
        insured=row["username"],
        user_id=row["user_id"],
        state=PolicyState(row["state"]),
        revision=row["revision"],
        guaranteed_license_ids=license_ids,
        premium_yen_per_track=row["premium_per_track"],
        guarantee_start=parse_time(row["guarantee_start"]),
        guarantee_end=parse_time(row["guarantee_end"]),
        relicensing_starts=parse_time(row["relicensing_starts"]),
        relicensing_limit_per_track=row["limit_per_track"],
        relicensing_limit_total=row["limit_total"],
        price_difference_limit=row["price_difference_limit"],
        public_key=pub,
        public_key_fingerprint=fingerprint(pub),
        issued_at=clock.now(conn),
        check_every_play=bool(row["check_every_play"]),
        coverage=coverage(row),
    )
    return sign_policy(policy, ctx.insurer_key)


def signed_b64(ctx: Context, conn: sqlite3.Connection, policy_id: str) -> str:
    return b64e(signed(ctx, conn, policy_id))


def require_in_force(conn: sqlite3.Connection, row: sqlite3.Row) -> None:
    """A policy takes new tracks (bought or insured afterwards) only within its guarantee period."""
    if not within_guarantee_period(guarantee(row), clock.now(conn)):
        raise ApiError(
            409,
            "outside_guarantee_period",
            f"policy {row['id']} covers {row['guarantee_start']} to {row['guarantee_end']} only",
        )
