"""The JSON of insurers together: the directory a user chooses an insurer from, and what insurers
exchange between them. Beside `api.py` (the one insurer's answers), built on the same `Answer`."""

from __future__ import annotations

from typing import Annotated, Literal

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


# --- what was shared about me ([0040], claim 18), for the terminal's history page ----------------------

SharedKindName = Literal["reissued", "alternate", "license_only", "contents_only"]  # `SharedKind`'s values


class SharedEntry(Answer):
    """One compensated loss as the exchange knows it: written by this insurer about the user, or received
    from another insurer about the same person (the same pseudonym)."""

    insurer: str  # who wrote it: an insurer's ID
    insurer_name: str
    written_here: bool  # False: received from `insurer_name`
    content_id: str  # what was given for the loss
    title: str  # the track's title in the catalog ("" when this backend does not sell it)
    artist: str
    kind: SharedKindName
    amount: int  # yen the writer paid out for it
    at: str  # when the writer gave it
    told: list[str] = Field(default_factory=list)  # written here: the insurers it has reached (names)
    pending: list[str] = Field(default_factory=list)  # written here: those it is still on its way to


class ExchangeThreshold(Answer):
    """The pattern over which an insurer refuses a claim: `losses` compensated losses or more at
    `insurers` insurers or more within `days` days."""

    losses: int
    insurers: int
    days: int


class AboutMe(Answer):
    """`GET /api/v1/exchange/about-me`: what the user's insurer shared about them and received about them,
    newest first. `recognised` is False when no identity was given at sign-up: then nothing another
    insurer writes can be matched to this account, and what this one writes matches nobody elsewhere."""

    insurer: str  # the answering insurer's name
    recognised: bool
    entries: list[SharedEntry]
    threshold: ExchangeThreshold


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
