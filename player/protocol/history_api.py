"""The re-distribution history (FIG.6A) as the insurer answers it for one user: the one contract for
`GET /api/v1/policies/{id}/history`, beside `api`."""

from __future__ import annotations

from player.protocol.api import Answer, RedistributionKind


class HistoryItem(Answer):
    item_id: str
    original_content_id: str
    content_id: str
    license_id: str
    price: int
    premium: int
    relicense_count: int


class HistoryEvent(Answer):
    item_id: str
    claim_id: str | None
    kind: RedistributionKind
    old_license_id: str
    new_license_id: str
    content_id: str
    amount: int
    at: str


class History(Answer):
    """FIG.6A for this user, with each insured track's count."""

    user: str
    first_contract_at: str | None
    relicensing_count: int
    gross_amount: int
    items: list[HistoryItem]
    events: list[HistoryEvent]
