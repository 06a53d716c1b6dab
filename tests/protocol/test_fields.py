"""The strict field readers refuse exactly what they always did, however fast they became."""

from __future__ import annotations

import sys
import unicodedata
from datetime import UTC, datetime

import pytest

from player.errors import MalformedError
from player.protocol._fields import check_text, has_control
from player.protocol.canonical import parse_time


def _refused_by_the_rule(ch: str) -> bool:
    """The rule as first written, character by character."""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


def test_every_character_unicode_calls_a_control_or_a_surrogate_is_refused_and_no_other() -> None:
    differ = [
        f"U+{cp:04X}"
        for cp in range(sys.maxunicode + 1)
        if has_control(chr(cp)) != _refused_by_the_rule(chr(cp))
    ]
    assert differ == []


@pytest.mark.parametrize("text", ["lic\u0085-1", "\x00", "a\tb", "x\ud800", "end\uffff", "\x7f"])
def test_a_field_with_a_control_character_is_malformed(text: str) -> None:
    with pytest.raises(MalformedError, match="control character"):
        check_text(text, "license ID")


def test_plain_text_in_any_script_passes() -> None:
    assert check_text("ライセンス-1 naïve ✓", "license ID") == "ライセンス-1 naïve ✓"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-04-01T09:30:00Z", datetime(2026, 4, 1, 9, 30, tzinfo=UTC)),
        ("1999-12-31T23:59:59Z", datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("2026-4-1T9:30:0Z", datetime(2026, 4, 1, 9, 30, tzinfo=UTC)),  # accepted as it always was
    ],
)
def test_times_read_as_before(text: str, expected: datetime) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2026-02-30T09:30:00Z", "2026-04-01T24:00:00Z", "2026-04-01 09:30:00Z", "2026-04-01T09:30:00", "", "０"],
)
def test_times_that_are_not_times_stay_malformed(text: str) -> None:
    with pytest.raises(MalformedError):
        parse_time(text)
