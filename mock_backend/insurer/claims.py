"""Re-distribution reception function 51 (FIG.12, FIG.14; crash recovery [0035]): filing a claim.

A claim is judged in one write transaction against the guarantee conditions (`conditions`): the
guarantee period and the re-licensing starting date for the whole claim, then per item the per-track
limit and the per-user total ([0039]), then the original licensor is asked whether it can still issue
the track. Before that, the history insurers share is read (`exchange.checks`, [0040]): a claim while
the person's losses at several insurers form the pattern is refused as a whole, a track whose purchase
another insurer compensated is refused alone; each loss granted is written to that history in turn
(`exchange.records.share`). Reissuable items get a new license at once; the rest get alternates from
*every* provider (`alternates`) and wait for the user's choice. Either way the replaced license is
invalidated, so a false report gains nothing ([0032]).

Counting: an accepted item costs one re-licensing of that track; a loss report costs one of the user's
total per accepted item, while a whole-library crash recovery is one accident and costs one of the total.
An item refused, or for which nothing at all can be offered, costs nothing. A claim in which every item
is refused is refused as a whole (409, `claim_refused`, each item's reason listed) and leaves no trace,
so the terminal can tell "nothing was re-distributed" from a partial success.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from mock_backend import clock, licensor
from mock_backend.context import Context
from mock_backend.errors import ApiError
from mock_backend.exchange import checks, records
from mock_backend.insurer import alternates, coverage, delivery, history, license_control, policies, receipts
from mock_backend.insurer.conditions import Circumstances, Refusal, judge
from player.protocol import api
from player.protocol.api import ClaimOutcome
from player.protocol.canonical import format_time
from player.protocol.license_list import InvalidationReason
from player.protocol.policy import Coverage, GuaranteeConditions
from player.protocol.receipt import ReceiptKind
from player.protocol.shared_history import SharedKind


@dataclass
class _Budget:
    """What this claim may still spend of the user's total limit."""

    used: int
    crash: bool
    spent: int = 0

    def _cost(self) -> int:
        return 1 if not self.crash or self.spent == 0 else 0

    def whole_claim(self) -> int | None:
        """The total if the claim as a whole is granted: a crash is one accident, a loss counts per item."""
        return self.used + self._cost() if self.crash else None

    def one_more(self) -> int:
        """The total if one more item is granted."""
        return self.used + self.spent + self._cost()

    def spend(self) -> None:
        self.spent += self._cost()


@dataclass(frozen=True)
class _Claim:
    """What every item of one claim is judged and recorded under."""

    id: str
    policy: sqlite3.Row
    terms: GuaranteeConditions
    now: datetime
    budget: _Budget
    reason: InvalidationReason
    genre: str | None
    codecs: list[str] | None = None  # [0050]: what the terminal decodes, best first (None: not said)
    covers: Coverage = Coverage.FULL  # claim 32: the part(s) of a track the policy guarantees


def file_claim(
    ctx: Context,
    conn: sqlite3.Connection,
    user_id: str,
    policy_id: str,
    *,
    kind: api.ClaimKind,
    license_ids: list[str] | None,
    genre: str | None,
    codecs: list[str] | None = None,
) -> api.Claim:
    policy = policies.get_owned(conn, user_id, policy_id)
    terms = policies.guarantee(policy)
    now = clock.now(conn)
    # on the clock first: a claim out of its period is refused before its licenses are even looked up
    refusal = judge(Circumstances(terms, now=now))
    if refusal:
        raise refusal.error()
    items = _claimed_items(conn, policy, license_ids)
    budget = _Budget(used=history.relicensings(conn, user_id), crash=kind == "crash")
    refusal = judge(Circumstances(terms, now=now, total_if_granted=budget.whole_claim()))
    if refusal is None:  # losses spread over several insurers, as the shared history tells ([0040])
        refusal = checks.pattern(ctx, conn, user_id)
    if refusal:
        raise refusal.error()

    claim = _Claim(
        id="C-" + secrets.token_hex(8),
        policy=policy,
        terms=terms,
        now=now,
        budget=budget,
        reason=InvalidationReason.CRASH if budget.crash else InvalidationReason.LOSS,
        genre=genre,
        codecs=codecs,
        covers=policies.coverage(policy),
    )
    conn.execute(
        "INSERT INTO claims(id, user_id, policy_id, kind, genre, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (claim.id, user_id, policy_id, kind, genre, format_time(now)),
    )
    results = [_judge_item(ctx, conn, claim, item) for item in items]
    if all(r.outcome == ClaimOutcome.REFUSED for r in results):
        refused = [
            api.RefusedItem(
                license_id=r.license_id,
                content_id=r.content_id,
                reason=r.reason,
                message=r.message,
                **({"facts": r.facts} if r.facts else {}),
            )
            for r in results
        ]
        said = "; ".join(f"{r.title}: {r.message}" for r in results)
        raise Refusal(results[0].reason, said, results[0].facts if len(results) == 1 else None).error(refused)
    if budget.spent:
        conn.execute(
            "UPDATE history SET relicensing_count = relicensing_count + ? WHERE user_id = ?",
            (budget.spent, user_id),
        )
    reissued = [r for r in results if r.outcome in (ClaimOutcome.REISSUED, ClaimOutcome.RESENT)]
    receipt_id = None
    if reissued:  # free of charge under the policy, and said so on paper
        bill = [receipts.item(conn, r.content_id, price=0) for r in reissued]
        receipt_id = receipts.issue(ctx, conn, user_id, ReceiptKind.REISSUE, bill, policy=policy)
    return api.Claim(
        receipt_id=receipt_id,
        claim_id=claim.id,
        kind=kind,
        genre=genre,
        items=results,
        policy=policies.signed_b64(ctx, conn, policy_id),
        list_version=license_control.current_version(conn, user_id),
    )


def _claimed_items(
    conn: sqlite3.Connection, policy: sqlite3.Row, license_ids: list[str] | None
) -> list[sqlite3.Row]:
    if license_ids is None:
        items = conn.execute(
            "SELECT * FROM items WHERE policy_id = ? ORDER BY created_at, id", (policy["id"],)
        ).fetchall()
        if not items:
            raise ApiError(422, "nothing_insured", "this policy insures no tracks yet")
        return list(items)
    if not license_ids:
        raise ApiError(422, "invalid_request", "name at least one license, or claim the whole library")
    found = []
    for license_id in dict.fromkeys(license_ids):
        # an item's licenses are in the list here, but for a contents cover: the license held elsewhere
        row = conn.execute(
            "SELECT i.* FROM licenses l JOIN items i ON i.id = l.item_id"
            " WHERE l.license_id = ? AND l.user_id = ? AND i.policy_id = ?"
            " UNION ALL SELECT * FROM items WHERE license_id = ? AND policy_id = ? LIMIT 1",
            (license_id, policy["user_id"], policy["id"], license_id, policy["id"]),
        ).fetchone()
        if row is None:
            raise ApiError(
                404, "unknown_license", f"license {license_id} is not insured by policy {policy['id']}"
            )
        if row["license_id"] != license_id:
            raise ApiError(
                409,
                "license_already_replaced",
                f"license {license_id} was already replaced by {row['license_id']}; report that one",
            )
        found.append(row)
    return found


def _judge_item(ctx: Context, conn: sqlite3.Connection, claim: _Claim, item: sqlite3.Row) -> api.ClaimItem:
    claim_item_id = "CI-" + secrets.token_hex(8)
    content = conn.execute("SELECT * FROM contents WHERE id = ?", (item["content_id"],)).fetchone()

    def record(outcome: ClaimOutcome, why: str, new_license: str | None = None) -> dict[str, object]:
        """Store the item's outcome; return the fields every answer about the item carries."""
        conn.execute(
            "INSERT INTO claim_items(id, claim_id, item_id, license_id, content_id, outcome, reason,"
            " new_license_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                claim_item_id,
                claim.id,
                item["id"],
                item["license_id"],
                item["content_id"],
                outcome,
                why,
                new_license,
            ),
        )
        return {
            "item_id": claim_item_id,
            "insured_item_id": item["id"],
            "license_id": item["license_id"],
            "content_id": item["content_id"],
            "title": content["title"],
            "outcome": outcome,
            "reason": why,
        }

    refusal = judge(
        Circumstances(
            claim.terms,
            now=claim.now,
            track_relicensings=item["relicense_count"],
            total_if_granted=claim.budget.one_more(),
        )
    ) or checks.compensated_elsewhere(ctx, conn, item, claim.covers)
    if refusal:
        said = {"message": refusal.message} | ({"facts": refusal.facts} if refusal.facts else {})
        return api.ClaimItem.model_validate(record(ClaimOutcome.REFUSED, refusal.code) | said)
    if claim.covers is Coverage.CONTENTS:  # claim 32: the audio again, from this insurer's copy
        download = coverage.resent(conn, claim.id, claim_item_id, item, claim.codecs)
        if download is None:
            message = "the insurer keeps this track in no encoding your player decodes"
            return api.ClaimItem.model_validate(
                record(ClaimOutcome.REFUSED, "no_playable_encoding") | {"message": message}
            )
        _count(conn, item, claim.budget)
        held = records.purchase_of(conn, item["id"]).split("/", 1)[0], item["license_id"]
        records.share(
            ctx, conn, item, SharedKind.CONTENTS_ONLY, held, item["content_id"], int(content["price"])
        )
        return api.ClaimItem.model_validate(record(ClaimOutcome.RESENT, "") | {"download": download})

    provider_id = content["provider_id"]
    availability = licensor.call(
        ctx, conn, provider_id, "availability", api.LicensorAvailability, content_id=content["id"]
    )
    # [0050]: the same track in no encoding the terminal decodes is no re-issue: alternates instead
    playable = bool(delivery.playable(conn, content["id"], claim.codecs))
    if availability.available and playable:
        issued, package = delivery.issue_and_replace(
            ctx, conn, claim.policy, item, provider_id, content["id"], "reissue", claim.reason
        )
        _count(conn, item, claim.budget)
        history.record(
            conn, item, claim.id, "reissue", issued.license_id, content["id"], int(content["price"])
        )
        shared = (provider_id, issued.license_id)
        kind = coverage.shared_kind(claim.covers)
        records.share(ctx, conn, item, kind, shared, content["id"], int(content["price"]))
        fields = record(ClaimOutcome.REISSUED, "", issued.license_id)
        delivered = delivery.delivered(conn, issued.license_id, package, claim.codecs)
        if claim.covers is Coverage.LICENSE:  # claim 32: the license alone; the audio stays the user's
            delivered = delivered.model_copy(update={"download": None})
        return api.ClaimItem.model_validate(fields | {"license": delivered})

    why = availability.reason if not availability.available else "no_playable_encoding"
    offers = alternates.find(ctx, conn, claim.terms, item, claim.genre, claim.codecs)
    if not offers:
        message = f"the track cannot be re-issued ({why}) and no provider offers an alternate"
        return api.ClaimItem.model_validate(
            record(ClaimOutcome.REFUSED, "no_alternates") | {"message": message}
        )
    _count(conn, item, claim.budget)
    fields = record(ClaimOutcome.ALTERNATES_OFFERED, why)
    alternates.store(conn, claim_item_id, offers)  # after its claim item: the alternates refer to it
    return api.ClaimItem.model_validate(fields | {"alternates": alternates.offered(conn, claim_item_id)})


def _count(conn: sqlite3.Connection, item: sqlite3.Row, budget: _Budget) -> None:
    """Spend one re-licensing of this track and (per the claim kind) of the user's total."""
    budget.spend()
    conn.execute("UPDATE items SET relicense_count = relicense_count + 1 WHERE id = ?", (item["id"],))


def get_claim(conn: sqlite3.Connection, user_id: str, claim_id: str) -> api.Claim:
    claim = conn.execute("SELECT * FROM claims WHERE id = ? AND user_id = ?", (claim_id, user_id)).fetchone()
    if claim is None:
        raise ApiError(404, "unknown_claim", f"you have no claim {claim_id!r}")
    items = []
    for ci in conn.execute("SELECT * FROM claim_items WHERE claim_id = ? ORDER BY rowid", (claim_id,)):
        entry = api.ClaimItem(
            item_id=ci["id"],
            insured_item_id=ci["item_id"],
            license_id=ci["license_id"],
            content_id=ci["content_id"],
            outcome=ci["outcome"],
            reason=ci["reason"],
            new_license_id=ci["new_license_id"],
        )
        if entry.outcome == ClaimOutcome.ALTERNATES_OFFERED:
            entry = entry.model_copy(update={"alternates": alternates.offered(conn, ci["id"])})
        items.append(entry)
    return api.Claim(
        claim_id=claim_id,
        kind=claim["kind"],
        genre=claim["genre"],
        created_at=claim["created_at"],
        policy_id=claim["policy_id"],
        items=items,
    )
