"""The JSON the insurer's API answers with: the one contract both sides are built from.

The mock backend declares these models as its routes' response models (so `/openapi.json` describes
what really goes out) and the terminal parses every response into them. A response that does not fit is
the backend "answering nonsense" (exit code 4), so the client turns a `pydantic.ValidationError` into
`BackendResponseError`. Signed documents travel as base64 of their exact bytes (`policy`, `package`),
never re-serialised, so their signatures survive the trip.

Fields with a default are ones the backend leaves out of some answers; the backend sends only the fields
it sets, so adding an optional field here never changes an answer that does not fill it in.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# What requests may carry, re-exported: the backend's request models take them from here.
from player.protocol.requests import Codecs as Codecs
from player.protocol.requests import PlainText as PlainText
from player.protocol.requests import RequestModel as RequestModel
from player.protocol.requests import check_plain_text as check_plain_text

ProviderStatus = Literal["active", "ended"]
# Where a provider sells insured tracks (FIG.3 / FIG.11): through the insurer ("front_end"), at its own
# checkout which asks the insurer to insure the sale ("back_end"), or both.
SaleConfiguration = Literal["front_end", "back_end"]
ClaimKind = Literal["loss", "crash"]
# FIG.6A: what a re-distribution was (the free re-issue after a loss, an alternate, a version upgrade)
RedistributionKind = Literal["reissue", "alternate", "upgrade"]
# How an alternate is close to the lost track, closest first (FIG.14's choice, ranked for people).
AlternateMatch = Literal["same_artist", "same_album", "same_genre", ""]
# Why a licensor cannot issue a track now; empty when it can.
Unavailability = Literal["", "provider_ended", "provider_unavailable", "content_discontinued"]


class ClaimOutcome(StrEnum):
    """What became of one claimed track. `chosen` follows `alternates_offered` once the user picks;
    `resent` is the audio alone sent again under the license held (claim 32, a contents-only policy)."""

    REISSUED = "reissued"
    ALTERNATES_OFFERED = "alternates_offered"
    REFUSED = "refused"
    CHOSEN = "chosen"
    RESENT = "resent"


class Answer(BaseModel):
    """What every answer model shares: frozen, and fields the terminal does not know are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class RefusedItem(Answer):
    """One track of a claim refused as a whole, with the condition that refused it."""

    license_id: str
    content_id: str
    reason: str
    message: str
    facts: dict[str, str] | None = None  # as in `ErrorDetail`


class ErrorDetail(Answer):
    code: str
    message: str
    # set on refusals under the guarantee conditions, which the terminal reports as exit code 6
    claim_refused: bool = False
    items: list[RefusedItem] | None = None
    # what a refusal's words are made of (an insurer's name, a day, counts), for the terminal to say
    # them in its user's language; the English `message` says the same
    facts: dict[str, str] | None = None


class ErrorBody(Answer):
    """Every 4xx and 5xx answer of the API, so a client never parses an HTML page or a stack."""

    error: ErrorDetail


class CatalogProgress(Answer):
    """How far the catalog's first preparation has come (tracks go on sale one by one as they are ready)."""

    ready: int = Field(ge=0)
    total: int = Field(ge=0)
    paused: bool = False  # held by the backend's operator (a demo or test control)


class Health(Answer):
    ok: bool
    insurer_fingerprint: str
    demo: bool
    catalog: CatalogProgress | None = None  # None: the catalog is complete (nothing being prepared)


class LicensorKey(Answer):
    id: str
    name: str
    public_key: str
    fingerprint: str


class ProviderInfo(LicensorKey):
    """A provider introducing itself: its licensor key and whether it is still in business."""

    status: ProviderStatus


class InsurerIdentity(Answer):
    name: str
    public_key: str
    fingerprint: str
    licensors: list[LicensorKey]
    id: str = ""  # which of the backend's insurers this is (its `InsurerListing.id`)


class Session(Answer):
    token: str
    user_id: str
    username: str
    expires_at: str


class Account(Answer):
    user_id: str
    username: str


class ProviderPremium(Answer):
    """The premium one provider's tracks are insured at, as a share of the price, as charged now."""

    provider: str
    name: str
    rate: float


class Terms(Answer):
    guarantee_days: int
    waiting_days: int
    relicensing_limit_per_track: int
    relicensing_limit_total: int
    price_difference_limit: int
    premium_yen_per_track: int
    premium_rate: float
    every_play_premium_yen_per_track: int  # the same, under a policy that checks on every play (claim 26)
    coverage_premiums: dict[str, int] = Field(default_factory=dict)  # claim 32: by coverage, in yen
    insurer_fingerprint: str
    summary: str
    provider_premiums: list[ProviderPremium] = Field(default_factory=list)


class PolicyDoc(Answer):
    policy_id: str
    policy: str  # base64 of the signed policy
    receipt_id: str | None = None  # claim 30: the receipt of taking out the policy


def _front_end_only() -> list[SaleConfiguration]:
    return ["front_end"]


class CatalogEntry(Answer):
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
    unavailable: Unavailability = ""  # why it is not sold now: an outage passes, an ended business does not
    encodings: list[str] = Field(default_factory=list)
    cover_url: str = ""
    configurations: list[SaleConfiguration] = Field(default_factory=_front_end_only)  # its provider's


class ProviderState(Answer):
    id: str
    name: str
    status: ProviderStatus
    in_outage: bool
    outages: int
    seconds_down: int
    premium_rate: float
    premium_loading: float
    configurations: list[SaleConfiguration] = Field(default_factory=_front_end_only)


class Download(Answer):
    url: str
    content_id: str
    version: int
    encodings: list[str]


class Delivered(Answer):
    """One license as the terminal receives it: the sealed package and where its track is."""

    license_id: str
    item_id: str | None
    content_id: str
    package: str  # base64 of the signed license package
    download: Download | None  # None: a license-only re-issue (claim 32), the audio stays the user's
    replaces: str | None = None
    premium: int | None = None  # set when an uninsured license was insured afterwards (FIG.15)


class Purchase(Answer):
    purchase_id: str
    price: int
    premium: int
    policy: str
    license: Delivered
    list_version: int
    receipt_id: str | None = None  # claim 30: the signed receipt of this charge
    sold_by: str = "insurer"  # "insurer" (FIG.3), or the provider whose checkout sold it (FIG.11)


class ReceiptDoc(Answer):
    """A signed receipt (claim 30) and who signed it: "insurer", or the ID of the provider that sold."""

    receipt_id: str
    kind: str
    signer: str
    receipt: str  # base64 of the signed receipt document


class CoveredContents(Answer):
    """Claim 32: a presented license whose audio a contents-only policy now covers; the license is left
    as it was (the user's, insured elsewhere or not at all)."""

    item_id: str
    license_id: str
    licensor: str
    content_id: str
    version: int
    premium: int


class InsuredExisting(Answer):
    policy: str
    licenses: list[Delivered]
    list_version: int
    refused: list[RefusedLicense] = []
    covered: list[CoveredContents] = []  # under a contents-only policy, in place of `licenses`
    receipt_id: str | None = None  # claim 30: the signed receipt of this charge


class DirectLicense(Answer):
    """A licensor's license, as it issues one (to the insurer, or straight to a buyer for FIG.15)."""

    license_id: str
    license_xml: str
    content_id: str
    content_version: int
    price: int
    download: Download | None = None  # where the track is, when sold to the buyer (not to the insurer)
    receipt_id: str | None = None  # claim 30: signed by the provider that sold it


class RefusedLicense(Answer):
    """A license presented to be insured that the insurer would not take, and why (FIG.15)."""

    license_id: str
    content_id: str | None
    code: str
    reason: str


class LicensorAvailability(Answer):
    """FIG.14 (5)-(6): can the licensor still issue the same content?"""

    available: bool
    reason: Unavailability


class LicensorAuthentication(Answer):
    """FIG.15 (6): did this licensor issue that license, byte for byte, to that user, directly?"""

    authentic: bool
    reason: str
    content_id: str | None = None
    license_id: str | None = None


class LicensorOffer(Answer):
    """FIG.14 (7): the licensor's contents that could stand in for a lost track."""

    contents: list[str]


# What POST /providers/{id}/licensor answers, by the operation the insurer signed.
LicensorAnswer = DirectLicense | LicensorAvailability | LicensorAuthentication | LicensorOffer


class Alternate(Answer):
    """A track offered in place of a lost one, closest first: `match` says how it is close (the same
    artist, the same album, the same genre, or "" when only the price is)."""

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
    match: AlternateMatch = ""


class ClaimItem(Answer):
    item_id: str
    insured_item_id: str | None = None
    license_id: str
    content_id: str
    title: str = ""
    outcome: ClaimOutcome
    reason: str = ""
    message: str = ""
    facts: dict[str, str] | None = None  # as in `ErrorDetail`
    license: Delivered | None = None
    download: Download | None = None  # claim 32: the audio of a contents-only re-send
    alternates: list[Alternate] = Field(default_factory=list)
    new_license_id: str | None = None


class Claim(Answer):
    """A claim as filed (with the re-signed policy and the list version) or as looked up later (with
    when and under which policy it was filed)."""

    claim_id: str
    kind: ClaimKind
    genre: str | None = None
    items: list[ClaimItem]
    policy: str | None = None
    list_version: int | None = None
    created_at: str | None = None
    policy_id: str | None = None
    receipt_id: str | None = None  # claim 30: the signed receipt of this charge


class Choice(Answer):
    item_id: str
    outcome: Literal[ClaimOutcome.CHOSEN]
    license: Delivered
    replaces: str
    policy: str
    list_version: int
    receipt_id: str | None = None  # claim 30: the signed receipt of this charge


class UpgradeOffer(Answer):
    license_id: str
    content_id: str
    title: str
    from_version: int
    to_version: int


class Upgrade(Answer):
    license: Delivered
    replaces: str
    from_version: int
    to_version: int
    policy: str
    list_version: int
    receipt_id: str | None = None  # claim 30: the signed receipt of this charge


class SignedDocument(Answer):
    """The envelope of an insurer-signed document (the license list, a validity statement).

    Documented, never parsed with this model: the terminal verifies the exact bytes, whose other fields
    depend on `type` (`player.protocol.license_list`)."""

    model_config = ConfigDict(frozen=True, extra="allow")

    type: str
    format: int
    signer: str
    signature: str
