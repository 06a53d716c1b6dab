"""The license usage decision (function 42) and the license list (43): may this license play now?

Pure code over bytes and times. Storage, the network and the keyring live elsewhere and feed it; the
clock is a parameter. `TrustedList` decides which signed list the terminal relies on (rollback, freeze,
clock set back); `decide` runs FIG.10 before the license is opened and `check_license` after. A refusal
is a `DecisionRefusedError` whose message is for people and whose `code` is for machines.
"""

from player.license_decision.decision import (
    Allowed,
    AskInsurer,
    Source,
    check_license,
    decide,
    decide_uninsured,
)
from player.license_decision.mark import CLOCK_TOLERANCE, ListMark, check_clock
from player.license_decision.trusted_list import TrustedList

__all__ = [
    "CLOCK_TOLERANCE",
    "Allowed",
    "AskInsurer",
    "ListMark",
    "Source",
    "TrustedList",
    "check_clock",
    "check_license",
    "decide",
    "decide_uninsured",
]
