"""The player's words: one phrase per thing, and a phrase for everything the insurer can refuse on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import QLocale

from mock_backend.insurer.conditions import CONDITIONS
from player import words
from player.protocol.license_list import InvalidationReason
from tests.support.factories import a_policy

ON = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


def test_every_guarantee_condition_the_insurer_judges_has_words_of_its_own() -> None:
    """A condition added to the insurer's table without its line here would reach the user as the
    insurer's raw message: this is the one line of words such a change needs."""
    missing = [c.code for c in CONDITIONS if c.code not in words.REFUSALS]
    assert missing == []


def test_a_refusal_is_told_with_the_policys_own_figures() -> None:
    policy = a_policy(X25519PrivateKey.generate())
    text = words.refusal("per_track_limit", "raw insurer text", policy)
    assert f"({policy.relicensing_limit_per_track} times)" in text
    assert "raw insurer text" not in text
    assert words.yen(policy.price_difference_limit) in words.refusal("price_difference_limit", "", policy)


def test_without_the_policy_the_insurers_message_is_kept_as_a_sentence() -> None:
    assert words.refusal("waiting_period", "re-distribution starts on 2026-12-01") == (
        "Your policy is still in its waiting period: Re-distribution starts on 2026-12-01."
    )
    assert words.refusal("something_new", "the insurer says no") == "The insurer says no."


def test_every_invalidation_reason_reads_differently_and_carries_its_date() -> None:
    phrases = {words.reason(r) for r in InvalidationReason}
    assert len(phrases) == len(InvalidationReason)
    assert words.reason(InvalidationReason.LOSS, ON).endswith("(on 2026-11-03)")
    assert words.reason("redistributed_after_loss") == words.reason(InvalidationReason.LOSS)
    assert all(words.knows_reason(r.value) for r in InvalidationReason)
    assert not words.knows_reason("list_rollback")


def test_amounts_dates_and_durations_have_one_form_each() -> None:
    assert words.yen(1250) == "¥1,250"
    assert words.yen(-30) == "−¥30"  # the typographic minus
    assert words.day(ON) == "2026-11-03"
    assert words.long_day(ON) == "3 November 2026"
    assert words.moment(ON) == "2026-11-03 09:30 UTC"
    assert words.stamp(ON) == "2026-11-03T09:30:00Z"
    assert words.duration(187_000) == "3:07"
    assert words.duration(3_723_000) == "1:02:03"
    assert words.difference(50, 100) == "+¥50 of ¥100"
    assert words.difference(-30, 100) == "−¥30 (cheaper)"
    assert words.difference_said(-70) == "¥70 cheaper than the lost track"
    assert words.difference_said(50) == "¥50 more than the lost track"


def test_premiums_are_said_per_provider_and_time_left_is_never_rounded_up() -> None:
    rates = [("Aurora Records", 0.08), ("Blue Harbor Music", 0.1)]
    assert words.premium_rates(rates) == "8% of the price at Aurora Records, 10% at Blue Harbor Music"
    assert words.premium_rates([("Solo", 0.105)]) == "10.5% of the price at Solo"
    assert words.premium_rates([]) == ""
    assert words.percent(0.25) == "25%"
    day = 86_400
    assert words.time_left(datetime.fromtimestamp(ON.timestamp() + 30 * day - 60, UTC), ON) == "29 days"
    assert words.time_left(datetime.fromtimestamp(ON.timestamp() + day + 5, UTC), ON) == "less than 2 days"
    assert words.time_left(datetime.fromtimestamp(ON.timestamp() + 5, UTC), ON) == "less than a day"


def test_what_adding_music_did_is_said_in_order_and_names_only_a_few_files() -> None:
    junk = [(Path(f"/m/junk {n}.mp3"), "it is not audio in a format this player reads") for n in range(5)]
    said = words.music_scan(2, 0, 0, junk[:1], of_added="they play from where they are")
    assert said == (
        "Added 2 tracks. They play from where they are. 1 file was not added "
        "(junk 0.mp3: it is not audio in a format this player reads)."
    )
    many = words.music_scan(0, 1, 3, junk, [Path("/media/usb/Music")])
    assert many.startswith("1 changed, 3 gone. 5 files were not added: they are not audio this player reads")
    assert "(junk 0.mp3, junk 1.mp3, junk 2.mp3, …)" in many and "junk 3" not in many
    assert many.endswith("/media/usb/Music cannot be reached now (is its drive plugged in?).")
    assert words.music_scan(0, 0, 0) == "Nothing new: that music is already in your library."


@pytest.fixture
def in_locale() -> Iterator[Callable[[str], None]]:
    """Write as the named locale does for the test, then as before."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


def test_amounts_and_dates_are_written_as_the_locale_writes_them(in_locale: Callable[[str], None]) -> None:
    in_locale("ja_JP")
    assert words.yen(1250) == "¥1,250"  # yen in every language
    assert words.yen(-1_250_000) == "−¥1,250,000"
    assert words.day(ON) == "2026/11/03"
    assert words.long_day(ON) == "2026年11月3日"
    assert words.moment(ON) == "2026/11/03 09:30 UTC"
    in_locale("en_US")
    assert words.day(ON) == "11/3/2026"  # the year in full: "11/3/26" is no day in a table
    assert words.long_day(ON) == "November 3, 2026"  # never a weekday
    in_locale("de_DE")
    assert words.yen(1250) == "¥1.250"
    assert words.long_day(ON) == "3. November 2026"
    assert words.duration(187_000) == "3:07"


def test_a_moment_outside_a_table_has_the_long_date_of_the_sentences_beside_it(
    in_locale: Callable[[str], None],
) -> None:
    assert words.long_moment(ON) == "3 November 2026 09:30 UTC"  # the C locale: the fixed forms
    assert words.long_moment(None) == "—"
    in_locale("ja_JP")
    assert words.long_moment(ON) == f"{words.long_day(ON)} 09:30 UTC" == "2026年11月3日 09:30 UTC"


def test_an_insurers_own_sentence_says_its_amounts_as_ours() -> None:
    said = "'Gravel Hearts' costs 1,101 yen more than the lost track; the policy allows 100 yen"
    assert (
        words.amounts_as_ours(said)
        == "'Gravel Hearts' costs ¥1,101 more than the lost track; the policy allows ¥100"
    )
    assert words.amounts_as_ours("Yen and yen 12") == "Yen and yen 12"  # an amount needs its number
    refused = words.refusal("price_difference_limit", said)  # no policy at hand: the insurer's words
    assert "¥1,101" in refused and "¥100" in refused and "yen" not in refused
    assert words.refusal("", "up to 30 yen") == "Up to ¥30."
    assert words.refusal("not_insured", "100 yen Blues").startswith("100 yen Blues was bought")  # a title


def test_a_local_time_is_written_with_the_locales_clock(in_locale: Callable[[str], None]) -> None:
    now = datetime(2026, 11, 3, 20, 0).astimezone()
    earlier_today = now.replace(hour=14, minute=3)
    in_locale("en_US")
    assert words.local_moment(earlier_today, now) == "2:03\u202fPM"  # CLDR: a narrow no-break space
    in_locale("en_GB")
    assert words.local_moment(earlier_today, now) == "14:03"
    assert words.local_moment(earlier_today.replace(day=1), now) == "1 Nov 14:03"
    assert words.local_moment(earlier_today.replace(year=2025), now) == "3 Nov 2025 14:03"
