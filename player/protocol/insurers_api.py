"""The JSON of insurers together: the directory a user chooses an insurer from, and what insurers
exchange between them. Beside `api.py` (the one insurer's answers), built on the same `Answer`."""

from __future__ import annotations

from player.protocol.api import Answer, Terms


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


class SharedAboutYou(Answer):
    """`GET /api/v1/exchange/about-me`: one record the insurers of the exchange hold about the signed-in
    user (by their pseudonym): what was compensated, by whom and when. Shown to the user as what was
    shared about them."""

    record_id: str
    insurer: str  # who wrote it and signed it
    insurer_name: str
    content_id: str
    title: str
    kind: str  # "reissued", "alternate", "license_only", "contents_only"
    amount: int  # yen: the price of what was given free
    at: str
    written_here: bool  # this insurer wrote it (else another insurer's, received)
