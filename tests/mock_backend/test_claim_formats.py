"""[0050]: a claim states the formats the terminal decodes; the insurer re-issues in one of them, offers
only alternates published in one of them, and says so when none is."""

from __future__ import annotations

from typing import Any

from tests.support.customer import Customer


def _claim(customer: Customer, license_id: str, codecs: list[str]) -> Any:
    body = {"policy_id": customer.policy_id, "license_ids": [license_id], "codecs": codecs}
    return customer.post("/api/v1/claims", json=body)


def test_a_reissue_is_delivered_in_the_format_the_terminal_asked_for(customer: Customer) -> None:
    bought = customer.buy("harbor-0002")
    r = _claim(customer, bought["license"]["license_id"], ["audio/ogg"])
    assert r.status_code == 201, r.text
    (item,) = r.json()["items"]
    download = item["license"]["download"]
    assert download["encodings"] == ["audio/ogg"] and "codecs=audio/ogg" in download["url"]
    content = customer.backend.get(download["url"])
    assert content.status_code == 200 and content.headers["X-Content-Mime"] == "audio/ogg"


def test_a_terminal_that_plays_none_of_the_formats_gets_no_track_it_cannot_play(customer: Customer) -> None:
    bought = customer.buy("harbor-0003")
    r = _claim(customer, bought["license"]["license_id"], ["audio/mpeg"])  # no demo track is MP3
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "no_alternates"
    assert "no_playable_encoding" in r.json()["error"]["message"]


def test_a_format_that_is_not_audio_is_refused(customer: Customer) -> None:
    bought = customer.buy("harbor-0004")
    assert _claim(customer, bought["license"]["license_id"], ["video/mp4"]).status_code == 422
