"""What the backend's admin controls answer (loopback only): for demos and tests, never used by the terminal.

Kept apart from `player.protocol.api` because no terminal code parses these; the backend still declares
them as response models so `/openapi.json` describes the admin routes too.
"""

from __future__ import annotations

from typing import Literal

from player.protocol.api import Answer, SaleConfiguration


class OutageState(Answer):
    provider: str
    in_outage: bool
    outages: int
    premium_loading: float


class ProviderConfigurations(Answer):
    provider: str
    configurations: list[SaleConfiguration]


class BusinessEnded(Answer):
    provider: str
    status: Literal["ended"]


class Discontinued(Answer):
    content_id: str
    discontinued: bool


class PublishedUpgrade(Answer):
    content_id: str
    version: int


class ImportedTrack(Answer):
    content_id: str
    title: str
    artist: str
    genre: str
    provider: str
    price: int
    duration_ms: int


class ClockReading(Answer):
    now: str
