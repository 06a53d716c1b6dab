"""Every `PlayerError` as a title and a sentence saying what happened and what to do next.

The core's message says what happened; this adds the next step the user can take, by kind of trouble.
Nothing here shows a traceback: unexpected errors say so and point to the log.
"""

from __future__ import annotations

import re

from player.errors import (
    BackendError,
    BackendRefusedError,
    BackendResponseError,
    ClaimRefusedError,
    DecisionRefusedError,
    InsurerKeyChangedError,
    IntegrityError,
    KeyringUnavailableError,
    LibraryReadOnlyError,
    LicenseInvalidatedError,
    NotSignedInError,
    OwnMusicError,
    PlayerError,
    SignedOutError,
    StorageError,
    UsageError,
)

_URL = re.compile(r"https?://\S+")
_ID = re.compile(r"\s*'?\b(?:CI|[ABCILPRu])-[0-9a-f]*[0-9][0-9a-f]*\b'?")  # the backend's record IDs


def plain(text: str) -> str:
    """A sentence from the core as a user reads it: no server address, no record ID (the CLI's JSON
    and the log keep both; the window names tracks by title and artist)."""
    return _ID.sub("", _URL.sub("the server", text))


_NEXT_STEP: list[tuple[type[PlayerError], str, str]] = [
    (NotSignedInError, "Please sign in", "Sign in again to continue."),
    (SignedOutError, "You are signed out", "Sign in (File > Sign In…) to go on."),
    (ClaimRefusedError, "The insurer declined", "Check the limits on the Insurance page."),
    (
        LicenseInvalidatedError,
        "This copy was replaced",
        "The copy that replaced it is in your library with a valid license: play that one.",
    ),
    (
        DecisionRefusedError,
        "This track cannot play",
        "Connect to the insurer to refresh your licenses, or report the track as lost if it was replaced.",
    ),
    (
        InsurerKeyChangedError,
        "The insurer's key changed",
        "Your licenses are safe; the player will not trust this insurer until its new key is confirmed.",
    ),
    (
        BackendError,
        "The insurer cannot be reached",
        "Check your connection and retry; tracks with a valid cached license keep playing offline.",
    ),
    (IntegrityError, "Damaged data", "Run 'Check library' and report damaged tracks as lost."),
    (KeyringUnavailableError, "No keyring", "Install and unlock gnome-keyring (or KWallet), then restart."),
    (LibraryReadOnlyError, "Your library cannot be changed now", ""),
    (StorageError, "Cannot write the library", "Free some disk space or check the folder's permissions."),
    (BackendRefusedError, "Not possible", ""),
    (OwnMusicError, "Your music cannot be used", ""),
    (UsageError, "Not yet", ""),
]


def what_happened(error: PlayerError) -> str:
    """The core's sentence, without what users need not read: a server's address or an exception's
    class name (the log keeps those)."""
    if isinstance(error, BackendResponseError):
        return "The insurer answered with something the player cannot use"
    if isinstance(error, BackendError) and not isinstance(error, InsurerKeyChangedError):
        return "The insurer did not answer"
    return plain(str(error))


def describe(error: PlayerError) -> tuple[str, str]:
    """(title, text) for a dialog or a status line."""
    for kind, title, step in _NEXT_STEP:
        if isinstance(error, kind):
            text = what_happened(error).rstrip(".")
            text = text[:1].upper() + text[1:] + "."
            return title, f"{text} {step}".strip()
    return "Something went wrong", f"{error} (details are in the log)."
