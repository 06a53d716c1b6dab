"""The first run's steps: the line above the pages naming them (the step shown in bold, and no other),
and the Back button of every step after the first.

Back returns to the step before while nothing done there stands: an insurer chosen, before any account
is made at it. After a step that cannot be undone (an account made or signed in to, a policy taken out)
Back stays in its place, greyed, its tooltip and accessible description saying why, so a user looking
for the way back learns there is none rather than finding nothing.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtWidgets import QPushButton

from player.language import QT_TRANSLATE_NOOP, translate


class Page(IntEnum):
    CONNECT = 0
    ACCOUNT = 1
    INSURE = 2
    DONE = 3
    CHOOSE = 4  # the insurer, when the backend hosts several: before the account, which is the insurer's


# Marked, and translated where shown: at import no language is set. The context is the pages', where
# these words were first said.
WITH_CHOICE = {
    Page.CHOOSE: QT_TRANSLATE_NOOP("FirstRunPages", "1. Your insurer"),
    Page.ACCOUNT: QT_TRANSLATE_NOOP("FirstRunPages", "2. Your account"),
    Page.INSURE: QT_TRANSLATE_NOOP("FirstRunPages", "3. Insurance"),
    Page.DONE: QT_TRANSLATE_NOOP("FirstRunPages", "4. The store"),
}
ONE_INSURER = {
    Page.ACCOUNT: QT_TRANSLATE_NOOP("FirstRunPages", "1. Your account"),
    Page.INSURE: QT_TRANSLATE_NOOP("FirstRunPages", "2. Insurance"),
    Page.DONE: QT_TRANSLATE_NOOP("FirstRunPages", "3. The store"),
}
# Why a step has no way back: what was done before it stands.
SIGNED_IN = QT_TRANSLATE_NOOP(
    "FirstRunPages", "You are signed in to your account: there is no step to go back to."
)
INSURED_NOW = QT_TRANSLATE_NOOP(
    "FirstRunPages", "Your insurance is taken out: there is no step to go back to."
)
INSURED_ALREADY = QT_TRANSLATE_NOOP(
    "FirstRunPages", "Your account is insured already: there is no step to go back to."
)


def steps_text(shown: int, choosing: bool) -> str:
    """Where the user is: Account › Insurance › Store, the insurer first when the backend hosts several
    (`choosing`), the step `shown` in bold (none while contacting the insurer)."""
    steps = WITH_CHOICE if choosing else ONE_INSURER
    names = {page: translate("FirstRunPages", name) for page, name in steps.items()}
    parts = [f"<b>{name}</b>" if page == shown else name for page, name in names.items()]
    return " &nbsp;›&nbsp; ".join(parts)


def back_button(name: str) -> QPushButton:
    """A step's Back, left of its buttons; `name` for the tests and the style."""
    back = QPushButton(translate("FirstRunPages", "Back"))
    back.setObjectName(name)
    back.setAutoDefault(False)
    return back


def no_way_back(back: QPushButton, why: str) -> None:
    """Back greyed, saying `why` (one of the marked sentences above) on hover and to a screen reader."""
    said = translate("FirstRunPages", why)
    back.setEnabled(False)
    back.setToolTip(said)
    back.setAccessibleDescription(said)
