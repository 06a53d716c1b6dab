"""Every failure the player can report, as one small hierarchy.

Each branch is a kind of trouble the user must act on differently, so each maps to one CLI exit code
(docs/protocol.md, "Exit codes of the CLI") and one dialog text at the edge. The core raises these and
never prints; `cli.py` and `ui/` turn them into a message. Leaves say *which* check failed so tests (and
support) can tell a flipped bit from a wrong key.
"""

from __future__ import annotations

from datetime import datetime


class PlayerError(Exception):
    """Root of everything the player reports to the user."""

    exit_code = 1


class UsageError(PlayerError):
    """The command was asked for the wrong way (unknown option, missing argument)."""

    exit_code = 2


# --- the license usage decision said no (exit 3) -------------------------------------------------


class DecisionRefusedError(PlayerError):
    """The license usage decision (FIG.10) refused to let a license play.

    `code` names the refusal for machines (the CLI's JSON, the UI's tooltips); the message is for people.
    """

    exit_code = 3
    code = "refused"


class LicenseInvalidatedError(DecisionRefusedError):
    """The license list marks this license invalid (re-distributed, replaced, upgraded)."""

    code = "invalidated"

    def __init__(self, message: str, reason: str = "", invalidated_at: datetime | None = None) -> None:
        super().__init__(message)
        self.reason = reason  # the FIG.7 reason as on the wire (InvalidationReason value), "" if unknown
        self.invalidated_at = invalidated_at


class LicenseUnknownError(DecisionRefusedError):
    """Neither the cached list nor (when reachable) the insurer knows this license."""

    code = "unknown_license"


class ListExpiredError(DecisionRefusedError):
    """The cached license list is past `expires_at` and the insurer cannot be reached (freeze)."""

    code = "list_expired"


class ClockRollbackError(DecisionRefusedError):
    """The clock reads earlier than a list issue time already seen: the clock was set back."""

    code = "clock_rollback"


class ListRollbackError(DecisionRefusedError):
    """A license list older than one already seen was offered (rollback)."""

    code = "list_rollback"


class OutsideUsagePeriodError(DecisionRefusedError):
    """The license's own usage period (FIG.16) does not cover now."""

    code = "outside_usage_period"


class WrongLicenseeError(DecisionRefusedError):
    """The license was issued to another user or for other content."""

    code = "wrong_licensee"


# --- the backend could not be used (exit 4) ------------------------------------------------------


class BackendError(PlayerError):
    """The insurer or a provider is unreachable, too slow, or answered nonsense."""

    exit_code = 4


class BackendUnreachableError(BackendError):
    """No connection could be made, or the server did not answer in time."""


class SupplierUnavailableError(BackendError):
    """The insurer answered, but the provider the request needs is not answering it (an outage): the
    insurer is online and nothing the user asked for is wrong; the same request may work later."""


class BackendResponseError(BackendError):
    """The server answered with something that is not what the API promises."""


class AnswerTooLargeError(BackendResponseError):
    """An answer is larger than its kind can legitimately be (docs/protocol.md, "Limits"): not read,
    and not asked for again within the same command."""


class BackendRefusedError(PlayerError):
    """The backend understood the request and said no (wrong password, already owned, unknown track).

    Not a claim refusal under the guarantee conditions (that is `ClaimRefusedError`) and not an outage:
    the user has to change what they asked for. `code` is the backend's machine-readable reason.
    """

    exit_code = 1

    def __init__(self, message: str, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class SignedOutError(UsageError):
    """The library's owner signed out on this computer: nothing plays or syncs until they sign in."""


class OtherUsersLibraryError(PlayerError):
    """Signing in (or up) as someone else on a library that belongs to a user already."""

    exit_code = 1


class NotSignedInError(BackendRefusedError):
    """No session, or it expired: sign in again."""


class DeltaBaseMismatchError(BackendResponseError):
    """A license-list delta was made against another version than the one held: fetch the full list."""


class InsurerKeyChangedError(BackendError):
    """The insurer's signing key differs from the one pinned on first contact."""


# --- data failed an integrity check (exit 5) -----------------------------------------------------


class IntegrityError(PlayerError):
    """Stored or received data is tampered with, truncated, or does not match its key or signer."""

    exit_code = 5


class MalformedError(IntegrityError):
    """The bytes do not parse as the format they claim to be."""


class UnsupportedVersionError(MalformedError):
    """The format version is one this player does not understand."""


class TruncatedError(IntegrityError):
    """The data ends early (or has extra bytes): a download or a write did not finish."""


class TamperedError(IntegrityError):
    """Authenticated decryption failed: a bit was flipped or segments were reordered."""


class WrongKeyError(IntegrityError):
    """The data is intact as far as we can tell, but this key does not open it."""


class MismatchError(IntegrityError):
    """Each part checks out alone, but they do not belong together (another track's file, another license)."""


class BadSignatureError(IntegrityError):
    """A signature does not verify against the expected signer's key."""


class UnknownSignerError(BadSignatureError):
    """The data names a signer we have no trusted key for, or a different signer than expected."""


class MissingFileError(IntegrityError):
    """A file the library index names is gone (erased by mistake, lost in a crash): report it as a loss."""


# --- the insurer refused a claim (exit 6) --------------------------------------------------------


class ClaimRefusedError(PlayerError):
    """The insurer refused a re-distribution request under the guarantee conditions."""

    exit_code = 6

    def __init__(self, message: str, reason: str = "", facts: dict[str, str] | None = None) -> None:
        """`facts`: what the insurer's words are made of (`api.ErrorDetail.facts`), to say them anew."""
        super().__init__(message)
        self.reason = reason
        self.facts = facts or {}


# --- the machine cannot keep our secrets ---------------------------------------------------------


class KeyringUnavailableError(PlayerError):
    """No usable OS keyring: we will not fall back to a key file."""

    exit_code = 1


class StorageError(PlayerError):
    """The data directory cannot be written (full disk, permissions, held by another process)."""

    exit_code = 1


class LibraryReadOnlyError(StorageError):
    """The library opened read-only (full disk, read-only medium): what it holds lists and plays, and
    the message says what stops a change and how to lift it."""


# --- the user's own music ------------------------------------------------------------------------


class OwnMusicError(PlayerError):
    """The user's own music cannot be added or played: the file or folder is gone, cannot be reached
    (a drive not plugged in), or holds no audio this player reads."""

    exit_code = 1
