"""What the store asks before it buys, and what it says after: for one track, its price and premium and
where it is sold; for several at once (a whole album, say), what they cost together. The buying itself
is one track after another (`BuyingView`), each as a single purchase is: the insurer's contract is per
track. The texts keep the translation context of the view they are shown in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton, QWidget

from player.language import translate
from player.words import count, yen

if TYPE_CHECKING:
    from player.terminal import CatalogEntry

LISTED = 8  # tracks named in the confirmation; the rest are counted


def _question(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("buyConfirmation")
    box.setIcon(QMessageBox.Icon.Question)
    return box


def _answers(box: QMessageBox) -> QPushButton:
    """Confirm (named as the box) and Cancel; confirming is the default."""
    confirm = box.addButton(box.windowTitle(), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(confirm)
    return confirm


def one_confirmation(
    parent: QWidget, entry: CatalogEntry, *, insured: bool
) -> tuple[QMessageBox, QPushButton, QCheckBox | None]:
    """The question for one track (not yet opened), its confirming button, and the choice of the
    provider's own checkout where the provider sells both ways."""
    box = _question(parent)
    at_checkout: QCheckBox | None = None
    if insured:
        box.setWindowTitle(translate("BuyingView", "Buy insured"))
        box.setText(
            translate("BuyingView", "Buy “{title}” by {artist}, insured?").format(
                title=entry.title, artist=entry.artist
            )
        )
        terms = translate(
            "BuyingView",
            "Price: {price} ({provider})\nInsurance premium: {premium}\nTogether: {together}\n\n"
            "If the track or its license is lost, the insurer re-distributes it under your policy.",
        ).format(
            price=yen(entry.price),
            provider=entry.provider_name,
            premium=yen(entry.premium),
            together=yen(entry.price + entry.premium),
        )
        box.setInformativeText(terms + _where_words(entry))
        if {"front_end", "back_end"} <= set(entry.configurations):
            at_checkout = QCheckBox(
                translate("BuyingView", "Pay at the checkout of {provider}").format(
                    provider=entry.provider_name
                )
            )
            at_checkout.setObjectName("atCheckout")
            at_checkout.setToolTip(
                translate(
                    "BuyingView",
                    "{provider} sells it and asks your insurer to insure it: the same cover, "
                    "with the receipt from {provider}",
                ).format(provider=entry.provider_name)
            )
            box.setCheckBox(at_checkout)
    else:
        box.setWindowTitle(translate("BuyingView", "Buy without insurance"))
        box.setText(
            translate("BuyingView", "Buy “{title}” by {artist} from {provider}, without insurance?").format(
                title=entry.title, artist=entry.artist, provider=entry.provider_name
            )
        )
        box.setInformativeText(
            translate(
                "BuyingView",
                "Price: {price}, no premium.\n\n"
                "If the track or its license is lost, nothing re-distributes it. You can insure it later "
                "from your library (premium now {premium}).",
            ).format(price=yen(entry.price), premium=yen(entry.premium))
        )
    confirm = _answers(box)
    return box, confirm, at_checkout


def _where_words(entry: CatalogEntry) -> str:
    """Where the sale happens, when it is not simply through the insurer."""
    if "front_end" in entry.configurations:
        return ""
    said = translate(
        "StoreBuying", "Sold at the checkout of {provider}, which asks your insurer to insure it."
    )
    return "\n\n" + said.format(provider=entry.provider_name)


def several_confirmation(
    parent: QWidget, entries: list[CatalogEntry], *, insured: bool
) -> tuple[QMessageBox, QPushButton]:
    """The question for several tracks (not yet opened), and its confirming button."""
    n = len(entries)
    price = sum(e.price for e in entries)
    premium = sum(e.premium for e in entries)
    box = _question(parent)
    named = [
        translate("StoreSeveral", "“{title}” by {artist}, {price}").format(
            title=e.title, artist=e.artist, price=yen(e.price)
        )
        for e in entries[:LISTED]
    ]
    if n > LISTED:
        more = n - LISTED
        named.append(
            count(
                more,
                translate("StoreSeveral", "and {n} more track"),
                translate("StoreSeveral", "and {n} more tracks"),
            )
        )
    if insured:
        box.setWindowTitle(translate("StoreSeveral", "Buy insured"))
        box.setText(translate("StoreSeveral", "Buy these {n} tracks, insured?").format(n=n))
        terms = translate(
            "StoreSeveral",
            "Prices: {price}\nInsurance premiums: {premium}\nTogether: {together}\n\n"
            "If a track or its license is lost, the insurer re-distributes it under your policy.",
        ).format(price=yen(price), premium=yen(premium), together=yen(price + premium))
    else:
        box.setWindowTitle(translate("StoreSeveral", "Buy without insurance"))
        box.setText(translate("StoreSeveral", "Buy these {n} tracks, without insurance?").format(n=n))
        terms = translate(
            "StoreSeveral",
            "Prices: {price}, no premiums.\n\nIf a track or its license is lost, nothing re-distributes "
            "it. You can insure them later from your library (premiums now {premium}).",
        ).format(price=yen(price), premium=yen(premium))
    box.setInformativeText("\n".join(named) + "\n\n" + terms)
    confirm = _answers(box)
    return box, confirm


def several_bought_words(entries: list[CatalogEntry], *, insured: bool) -> tuple[str, str]:
    """(title, text) once the last of several tracks is in the library."""
    n = len(entries)
    price = sum(e.price for e in entries)
    if insured:
        premium = sum(e.premium for e in entries)
        return (
            translate("StoreSeveral", "{n} tracks are yours, insured").format(n=n),
            translate(
                "StoreSeveral",
                "Paid {price} and premiums of {premium}. They are in your library and play from there.",
            ).format(price=yen(price), premium=yen(premium)),
        )
    return (
        translate("StoreSeveral", "{n} tracks are yours, not insured").format(n=n),
        translate(
            "StoreSeveral",
            "Paid {price}. They are in your library and play from there; insure them later from the "
            "library (Insure…).",
        ).format(price=yen(price)),
    )
