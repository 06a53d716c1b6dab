"""The JSON of insurers together: the directory a user chooses an insurer from, and what insurers
exchange between them. Beside `api.py` (the one insurer's answers), built on the same `Answer`."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from player.protocol.api import Answer, RequestModel, Terms


class InsurerListing(Answer):
    """One insurer a backend hosts, as a user chooses between insurers: who, on what terms, and where its
    API answers. Its key is pinned from its own `/api/v1/insurer` on first contact, as any insurer's; the
    fingerprint here lets a chooser show it beside the terms."""

    id: str
    name: str
    path: str  # where its API lives on this backend: "/insurers/<id>" (the first also answers at the root)
    fingerprint: str
    terms: Terms


class InsurerDirectory(Answer):
    """`GET /api/v1/insurers`: every insurer the backend hosts, the one at its root first."""

    insurers: list[InsurerListing]


# --- what was shared about the user ([0040], claim 18), for the terminal's history page -------------------


class SharedAboutYou(Answer):
    """`GET /api/v1/exchange/about-me` answers a list of these, oldest first: each record this insurer
    holds about the signed-in user's pseudonym, the ones it wrote and the ones other insurers sent it. What
    was compensated, by whom and when; shown to the user as what was shared about them. An account
    without an identity is matched by no other insurer's records (docs/insurers.md)."""

    record_id: str
    insurer: str  # who wrote it and signed it
    insurer_name: str
    content_id: str
    title: str  # the track's title in the catalog (its content ID when this backend does not sell it)
    kind: str  # "reissued", "alternate", "license_only", "contents_only"
    amount: int  # yen: the price of what was given free
    at: str
    written_here: bool  # this insurer wrote it (else another insurer's, received)
    told: list[str] = Field(default_factory=list)  # written here: the insurers it has reached (names)
    pending: list[str] = Field(default_factory=list)  # written here: those it is still on its way to


# --- between insurers: the exchange's own requests and answers --------------------------------------------


class ExchangeKey(Answer):
    """`GET /api/v1/exchange/key`: an insurer's signing key, with a proof that whoever answers holds the
    exchange secret (HMAC over the ID and the key): what a peer pins on first contact."""

    id: str
    name: str
    public_key: str  # raw Ed25519, base64
    proof: str  # hex HMAC-SHA256 (see mock_backend/exchange/registry.py)


class ExchangeBatch(RequestModel):
    """`POST /api/v1/exchange/records`: records pushed by a peer, each signed by its writer."""

    records: list[Annotated[str, Field(min_length=1, max_length=8192)]] = Field(min_length=1, max_length=50)


class ExchangeRefusal(Answer):
    index: int  # its place in the batch
    reason: str


class ExchangeReceipt(Answer):
    """What a push achieved: records new to the receiver, ones it had already, and ones it refused."""

    stored: int
    known: int
    refused: list[ExchangeRefusal] = Field(default_factory=list)


class ExchangeRecords(Answer):
    """`GET /api/v1/exchange/records?since=N`: what the answering insurer wrote after cursor N, oldest
    first; `next` is the cursor to ask from next time, `more` whether a page was left for it."""

    records: list[str]  # base64 of each signed record, exactly as signed
    next: int
    more: bool
