"""The question before a whole-library recovery: it re-keys the policy and stops the other computers, so
it is never one stray key press away (Cancel is the default and Esc cancels)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from player.language import translate


def ask_to_recover(parent: QWidget, answered: Callable[[bool], None]) -> QMessageBox:
    """Open the question window-modally; `answered(True)` once the user chose to recover, else False."""
    box = QMessageBox(parent)
    box.setObjectName("recoverConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("RecoverConfirmation", "Recover your whole library?"))
    box.setText(translate("RecoverConfirmation", "Recover your whole library on this computer?"))
    box.setInformativeText(
        translate(
            "RecoverConfirmation",
            "Use this after a disk crash or on a new computer. New keys are made for your policy here and "
            "every insured track is sent again; copies on your other computers stop playing. It counts "
            "against your policy's limits like any claim.",
        )
    )
    recover = box.addButton(
        translate("RecoverConfirmation", "Recover My Library"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def finished(_: int) -> None:
        confirmed = box.clickedButton() is recover
        box.deleteLater()
        answered(confirmed)

    box.finished.connect(finished)
    box.open()
    return box
