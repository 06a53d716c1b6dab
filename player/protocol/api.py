"""The JSON the insurer's API answers with, as strict models the terminal parses every response into.

A response that does not fit is the backend "answering nonsense" (exit code 4), so the client turns a
`pydantic.ValidationError` into `BackendResponseError`. Signed documents travel as base64 of their exact
bytes (`policy`, `package`), never re-serialised, so their signatures survive the trip.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class ErrorDetail(_Model):
    code: str
    message: str
    claim_refused: bool = False


class ErrorBody(_Model):
    error: ErrorDetail


class LicensorKey(_Model):
    id: str
    name: str
    public_key: str
    fingerprint: str


class InsurerIdentity(_Model):
    name: str
    public_key: str
    fingerprint: str
    licensors: list[LicensorKey]


class Session(_Model):
    token: str
    user_id: str
    username: str
    expires_at: str


class Account(_Model):
    user_id: str
    username: str


class Terms(_Model):
    guarantee_days: int
    waiting_days: int
    relicensing_limit_per_track: int
    relicensing_limit_total: int
    price_difference_limit: int
    premium_yen_per_track: int
    premium_rate: float
    insurer_fingerprint: str
    summary: str


class PolicyDoc(_Model):
    policy_id: str
    policy: str  # base64 of the signed policy


class CatalogEntry(_Model):
    content_id: str
    title: str
    artist: str
    album: str
    genre: str
    provider: str
    provider_name: str
    price: int
    premium: int
    duration_ms: int
    track_number: int = 0
    version: int = 1
    available: bool = True
    encodings: list[str] = Field(default_factory=list)
    cover_url: str = ""


class ProviderState(_Model):
    id: str
    name: str
    status: str
    in_outage: bool
    outages: int
    seconds_down: int
    premium_rate: float
    premium_loading: float


class Download(_Model):
    url: str
    content_id: str
    version: int
    encodings: list[str]


class Delivered(_Model):
    """One license as the terminal receives it: the sealed package and where its track is."""

    license_id: str
    item_id: str | None
    content_id: str
    package: str  # base64 of the signed license package
    download: Download
    replaces: str | None = None


class Purchase(_Model):
    purchase_id: str
    price: int
    premium: int
    policy: str
    license: Delivered
    list_version: int


class InsuredExisting(_Model):
    policy: str
    licenses: list[Delivered]
    list_version: int


class DirectLicense(_Model):
    license_id: str
    license_xml: str
    content_id: str
    content_version: int
    price: int


class Alternate(_Model):
    alternate_id: str
    content_id: str
    title: str
    artist: str
    album: str
    genre: str
    provider: str
    provider_name: str
    price: int
    price_difference: int
    duration_ms: int


Outcome = Literal["reissued", "alternates_offered", "refused", "chosen"]


class ClaimItem(_Model):
    item_id: str
    insured_item_id: str | None = None
    license_id: str
    content_id: str
    title: str = ""
    outcome: Outcome
    reason: str = ""
    message: str = ""
    license: Delivered | None = None
    alternates: list[Alternate] = Field(default_factory=list)
    new_license_id: str | None = None


class Claim(_Model):
    claim_id: str
    kind: Literal["loss", "crash"]
    genre: str | None = None
    items: list[ClaimItem]
    policy: str | None = None
    list_version: int | None = None


class Choice(_Model):
    item_id: str
    outcome: Literal["chosen"]
    license: Delivered
    replaces: str
    policy: str
    list_version: int


class UpgradeOffer(_Model):
    license_id: str
    content_id: str
    title: str
    from_version: int
    to_version: int


class Upgrade(_Model):
    license: Delivered
    replaces: str
    from_version: int
    to_version: int
    policy: str
    list_version: int


class HistoryItem(_Model):
    item_id: str
    original_content_id: str
    content_id: str
    license_id: str
    price: int
    premium: int
    relicense_count: int


class HistoryEvent(_Model):
    item_id: str
    claim_id: str | None
    kind: str
    old_license_id: str
    new_license_id: str
    content_id: str
    amount: int
    at: str


class History(_Model):
    """FIG.6A for this user, with each insured track's count."""

    user: str
    first_contract_at: str | None
    relicensing_count: int
    gross_amount: int
    items: list[HistoryItem]
    events: list[HistoryEvent]
