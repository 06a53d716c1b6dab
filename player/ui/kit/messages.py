"""Every `PlayerError` as a title and a sentence saying what happened and what to do next.

The core's message says what happened; this adds the next step the user can take, by kind of trouble.
Nothing here shows a traceback: unexpected errors say so and point to the log.
"""

from __future__ import annotations

import re

from player import words
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
    SupplierUnavailableError,
    UsageError,
)
from player.language import QT_TRANSLATE_NOOP, translate

_URL = re.compile(r"https?://\S+")
_ID = re.compile(r"\s*'?\b(?:CI|[ABCILPRu])-[0-9a-f]*[0-9][0-9a-f]*\b'?")  # the backend's record IDs


def plain(text: str) -> str:
    """A sentence from the core as a user reads it: no server address, no record ID (the CLI's JSON
    and the log keep both; the window names tracks by title and artist)."""
    return _ID.sub("", _URL.sub(translate("Messages", "the server"), text))


_NEXT_STEP: list[tuple[type[PlayerError], str, str]] = [
    (
        NotSignedInError,
        QT_TRANSLATE_NOOP("Messages", "Please sign in"),
        QT_TRANSLATE_NOOP("Messages", "Sign in again to continue."),
    ),
    (
        SignedOutError,
        QT_TRANSLATE_NOOP("Messages", "You are signed out"),
        QT_TRANSLATE_NOOP("Messages", "Sign in (File > Sign In…) to go on."),
    ),
    (
        ClaimRefusedError,
        QT_TRANSLATE_NOOP("Messages", "The insurer declined"),
        QT_TRANSLATE_NOOP("Messages", "Check the limits on the Insurance page."),
    ),
    (
        LicenseInvalidatedError,
        QT_TRANSLATE_NOOP("Messages", "This copy was replaced"),
        QT_TRANSLATE_NOOP(
            "Messages", "The copy that replaced it is in your library with a valid license: play that one."
        ),
    ),
    (
        DecisionRefusedError,
        QT_TRANSLATE_NOOP("Messages", "This track cannot play"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Connect to the insurer to refresh your licenses, or report the track as lost if it was "
            "replaced.",
        ),
    ),
    (
        InsurerKeyChangedError,
        QT_TRANSLATE_NOOP("Messages", "The insurer's key changed"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Your licenses are safe; the player will not trust this insurer until its new key is confirmed.",
        ),
    ),
    (
        SupplierUnavailableError,
        QT_TRANSLATE_NOOP("Messages", "The supplier is not answering"),
        QT_TRANSLATE_NOOP(
            "Messages", "The insurer is online: try again later. Tracks you have keep playing meanwhile."
        ),
    ),
    (
        BackendError,
        QT_TRANSLATE_NOOP("Messages", "The insurer cannot be reached"),
        QT_TRANSLATE_NOOP(
            "Messages",
            "Check your connection and retry; tracks with a valid cached license keep playing offline.",
        ),
    ),
    (
        IntegrityError,
        QT_TRANSLATE_NOOP("Messages", "Damaged data"),
        QT_TRANSLATE_NOOP("Messages", "Run 'Check library' and report damaged tracks as lost."),
    ),
    (
        KeyringUnavailableError,
        QT_TRANSLATE_NOOP("Messages", "No keyring"),
        QT_TRANSLATE_NOOP("Messages", "Then restart Insured Player."),  # the error says what to install
    ),
    (LibraryReadOnlyError, QT_TRANSLATE_NOOP("Messages", "Your library cannot be changed now"), ""),
    (
        StorageError,
        QT_TRANSLATE_NOOP("Messages", "Cannot write the library"),
        QT_TRANSLATE_NOOP("Messages", "Free some disk space or check the folder's permissions."),
    ),
    (BackendRefusedError, QT_TRANSLATE_NOOP("Messages", "Not possible"), ""),
    (OwnMusicError, QT_TRANSLATE_NOOP("Messages", "Your music cannot be used"), ""),
    (UsageError, QT_TRANSLATE_NOOP("Messages", "Not yet"), ""),
]


def what_happened(error: PlayerError) -> str:
    """The core's sentence, without what users need not read: a server's address or an exception's
    class name (the log keeps those)."""
    if isinstance(error, BackendResponseError):
        return translate("Messages", "The insurer answered with something the player cannot use")
    if isinstance(error, SupplierUnavailableError):
        return words.unavailable("provider_unavailable")
    if isinstance(error, BackendError) and not isinstance(error, InsurerKeyChangedError):
        return translate("Messages", "The insurer did not answer")
    if isinstance(error, ClaimRefusedError):  # said in the player's language from the refusal's code
        return words.refusal(error.reason, plain(str(error)), facts=error.facts)
    if isinstance(error, BackendRefusedError):
        return words.request_refused(error.code, plain(str(error)))
    return plain(str(error))


def describe(error: PlayerError) -> tuple[str, str]:
    """(title, text) for a dialog or a status line."""
    for kind, title, step in _NEXT_STEP:
        if isinstance(error, kind):
            text = words.sentence(what_happened(error))
            if step:
                text = translate("Words", "{sentence} {next}", "two sentences in a row").format(
                    sentence=text, next=translate("Messages", step)
                )
            return translate("Messages", title), text
    return translate("Messages", "Something went wrong"), translate(
        "Messages", "{error} (details are in the log)."
    ).format(error=plain(str(error)))
