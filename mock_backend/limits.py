"""Every bound the backend puts on what comes in, in one place (docs/protocol.md, "Limits", lists them).

Whatever a client sends is bounded before it costs the backend anything: a body before it is read, an
integer before it reaches SQLite (64-bit) or `datetime` (year 9999), a clock move before periods computed
on the moved clock overflow, a password guess before an account's password can be ground through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- integers ------------------------------------------------------------------------------------------

MAX_SQL_INT = 2**63 - 1
"""SQLite's largest integer: a bigger one in a query parameter overflows the driver (a 500)."""

# --- the clock -----------------------------------------------------------------------------------------

YEAR = 365 * 86_400
MAX_CLOCK_OFFSET = 100 * YEAR
"""How far the admin clock may run ahead of wall time in all. Guarantee periods (a year), sessions (30
days) and license lists computed on the moved clock must still end before year 9999, the last one
`datetime` can hold; a century ahead leaves every period room and tests need a few years at most."""

# --- sign-in throttle ----------------------------------------------------------------------------------

THROTTLE_WINDOW = 300
"""Seconds over which failed sign-ins are counted (on the backend's clock, so tests move past it)."""
MAX_FAILURES_PER_ACCOUNT = 5
"""Failed sign-ins for one user name within the window before it answers 429 (even to the right
password: the throttle must not become a way to test passwords faster)."""
MAX_FAILURES_PER_ADDRESS = 30
"""Failed sign-ins from one client address within the window, over all user names: a guesser spreading
its tries over many accounts is held up too. Higher than per account, so a household behind one address
mistyping a few passwords is not."""

# --- admin controls ------------------------------------------------------------------------------------

ADMIN_TOKEN_FILE = "admin-token"  # noqa: S105 - the name of the file, not a token
"""In the data dir, mode 0600, a new random token at every start: whoever may read the backend's data
may drive its admin controls, and nobody else on the machine."""
ADMIN_TOKEN_HEADER = "X-Admin-Token"  # noqa: S105 - a header name

# --- request bodies ------------------------------------------------------------------------------------

KiB = 1024
MiB = 1024 * KiB
MAX_UPLOAD = 200 * MiB
"""An imported audio file."""


@dataclass(frozen=True)
class BodyRule:
    """How large a body one route takes, and who must be known before a byte of it is read."""

    limit: int
    auth: str  # "admin" (loopback + token), "user" (a session), or "none"


# (method, path pattern, rule): the first match wins. Patterns are matched against the whole path.
BODY_RULES: tuple[tuple[str, re.Pattern[str], BodyRule], ...] = tuple(
    (method, re.compile(pattern), rule)
    for method, pattern, rule in (
        ("POST", r"/admin/tracks", BodyRule(MAX_UPLOAD + 64 * KiB, "admin")),  # the file and its form
        ("*", r"/admin(/.*)?", BodyRule(4 * KiB, "admin")),
        ("POST", r"/api/v1/accounts", BodyRule(4 * KiB, "none")),
        ("GET", r"/api/v1/policies/terms", BodyRule(4 * KiB, "none")),
        ("POST", r"/api/v1/sessions", BodyRule(4 * KiB, "none")),
        ("POST", r"/providers/[^/]+/licensor", BodyRule(64 * KiB, "none")),  # signed: judged by its bytes
        # up to 500 license documents of a few KiB each, base64
        ("POST", r"/api/v1/policies/[^/]+/insure-existing", BodyRule(4 * MiB, "user")),
        ("POST", r"/api/v1/claims", BodyRule(128 * KiB, "user")),  # up to 1000 license ids
        # up to 50 signed records of a few KiB; signed by a peer insurer, judged by its bytes
        ("POST", r"/api/v1/exchange/records", BodyRule(512 * KiB, "none")),
        (
            "*",
            r"/api/v1/(policies|purchases|upgrades|claims|me|sessions/current|license-list)(/.*)?",
            BodyRule(16 * KiB, "user"),
        ),
        ("*", r"/providers/[^/]+/direct-purchases", BodyRule(16 * KiB, "user")),
    )
)
DEFAULT_RULE = BodyRule(16 * KiB, "none")
"""Every other route: public reads and small JSON bodies."""


def body_rule(method: str, path: str) -> BodyRule:
    for want, pattern, rule in BODY_RULES:
        if want in ("*", method) and pattern.fullmatch(path):
            return rule
    return DEFAULT_RULE
