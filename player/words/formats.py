"""Amounts, dates, times and durations as the locale in force writes them, and the small grammar every
phrase shares (a count's two forms, a sentence's full stop).

QLocale writes them: "¥1,250" and "3 November 2026" in English, "2026年11月3日" in Japanese. Under the C
locale, or where Qt is not loaded (the backend, a bare script), the forms are the ones machines and tests
read: ISO dates, "¥1,250".
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from player.errors import PlayerError
from player.language import translate
from player.protocol.canonical import format_time, parse_time

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

YEN = "¥"
MINUS = "−"  # U+2212, the typographic minus: "−¥30" reads better than "-¥30"
# An amount as an insurer's English sentences write it: "100 yen", "1,250 yen".
_YEN_IN_WORDS = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+) yen\b")

# --- amounts, times, durations -------------------------------------------------------------------


def _locale() -> QLocale | None:
    """The locale dates and numbers are written in, or None for the fixed forms (C locale, no Qt)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return None
    locale: QLocale = core.QLocale()
    return None if locale.language() == core.QLocale.Language.C else locale


def _date(locale: QLocale, d: date, pattern: str) -> str:
    from PySide6.QtCore import QDate

    return locale.toString(QDate(d.year, d.month, d.day), pattern)


def yen(amount: int) -> str:
    """``¥1,250``, ``−¥30``: the patent's currency, whole yen, grouped as the locale groups digits."""
    locale = _locale()
    digits = f"{abs(amount):,}" if locale is None else locale.toString(abs(amount))
    return f"{MINUS if amount < 0 else ''}{YEN}{digits}"


def amounts_as_ours(text: str) -> str:
    """Another party's sentence (an insurer's terms or its reason for a refusal, shown as it sent them)
    with its amounts written as every amount of ours is: "at most 100 yen more" is shown "at most ¥100
    more", so one window never says both "100 yen" and "¥100"."""
    return _YEN_IN_WORDS.sub(lambda m: yen(int(m.group(1).replace(",", ""))), text)


def duration(ms: int) -> str:
    """``3:07`` (or ``1:02:03`` past an hour)."""
    seconds = max(0, round(ms / 1000))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def day(t: datetime | None) -> str:
    """``2026-11-03`` (UTC; "11/3/2026" in the US, "2026/11/03" in Japan), or a dash when there is none.
    The locale's short form, with the year in full: a two-digit year reads as a day in a table."""
    if t is None:
        return "—"
    t = t.astimezone(UTC)
    locale = _locale()
    if locale is None:
        return t.strftime("%Y-%m-%d")
    pattern = locale.dateFormat(locale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return _date(locale, t.date(), pattern)


def long_day(t: datetime) -> str:
    """``4 March 2026`` ("2026年3月4日"), for a sentence (the policy's dates are UTC); no weekday."""
    t = t.astimezone(UTC)
    locale = _locale()
    if locale is None:
        return f"{t.day} {t:%B %Y}"
    pattern = locale.dateFormat(locale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd ", ", dddd", " dddd", "dddd"):
        pattern = pattern.replace(weekday, "")
    return _date(locale, t.date(), pattern.strip(" ,"))


def moment(t: datetime | None) -> str:
    """``2026-11-03 09:30 UTC``, or a dash."""
    return "—" if t is None else f"{day(t)} {t.astimezone(UTC):%H:%M} UTC"


def long_moment(t: datetime | None) -> str:
    """``5 December 2026 14:17 UTC`` ("2026年12月5日 14:17 UTC"), or a dash: a moment outside a table,
    its date in the long form the sentences and fields around it use (a table's cells use `moment`)."""
    if t is None:
        return "—"
    t = t.astimezone(UTC)
    return translate("Words", "{date} {time}").format(date=long_day(t), time=f"{t:%H:%M} UTC")


def local_moment(t: datetime, now: datetime | None = None) -> str:
    """A local time as people read it: "14:03" today, else "3 Dec 14:03" (with the year when not this one)."""
    now = (now or datetime.now(UTC)).astimezone()
    local = t.astimezone()
    locale = _locale()
    if locale is None:
        if local.date() == now.date():
            return local.strftime("%H:%M")
        if local.year == now.year:
            return f"{local.day} {local.strftime('%b %H:%M')}"
        return f"{local.day} {local.strftime('%b %Y %H:%M')}"
    from PySide6.QtCore import QTime

    clock = locale.toString(QTime(local.hour, local.minute), locale.timeFormat(locale.FormatType.ShortFormat))
    if local.date() == now.date():
        return clock
    # The patterns are the language's (a day without its year is not among the locale's formats).
    if local.year == now.year:
        pattern = translate("Words", "d MMM", "a date in this year, as Qt's date pattern")
    else:
        pattern = translate("Words", "d MMM yyyy", "a date in another year, as Qt's date pattern")
    return translate("Words", "{date} {time}").format(date=_date(locale, local.date(), pattern), time=clock)


def stamp(t: datetime) -> str:
    """``2026-11-03T09:30:00Z``: the form machines read (the CLI's JSON), the same as on the wire."""
    return format_time(t)


def wire_time(text: str | None) -> datetime | None:
    """A wire time (``2026-11-03T09:30:00Z``) as a datetime; None for none or an unreadable one."""
    if not text:
        return None
    try:
        return parse_time(text)
    except PlayerError:
        return None


def days_between(start: datetime, end: datetime) -> int:
    """Whole days from `start` to `end`, rounded up (a wait of 6 days and 1 hour is 7 days left)."""
    seconds = (end - start).total_seconds()
    return max(0, -int(-seconds // 86400))


def time_left(until: datetime, now: datetime) -> str:
    """``29 days``, ``less than 2 days``, ``less than a day``: whole days left, never rounded up, so
    every place that says how long the offline grace lasts says the same."""
    days = (until - now).days
    if days >= 2:
        return translate("Words", "{n} days").format(n=days)
    return translate("Words", "less than 2 days") if days == 1 else translate("Words", "less than a day")


def percent(rate: float) -> str:
    """``8%``, ``10.5%``: a share as people write it."""
    return f"{rate * 100:.1f}".rstrip("0").rstrip(".") + "%"


def count(n: int, one: str, many: str, **fields: object) -> str:
    """`one` or `many` (translated texts with ``{n}``), as `n` asks, with `fields` filled in too:
    ``count(3, tr("{n} track"), tr("{n} tracks"))`` is "3 tracks", and "3 曲" in Japanese, whose two
    forms are the same."""
    return (one if n == 1 else many).format(n=n, **fields)


def sentence(text: str) -> str:
    """Capitalised, with one full stop (the language's own: "。" in Japanese)."""
    stop = translate("Words", ".", "the full stop that ends a sentence")
    text = text.strip().rstrip("." + stop)
    return text[:1].upper() + text[1:] + stop if text else ""
