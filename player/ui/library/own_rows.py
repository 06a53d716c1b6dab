"""How the library shows the user's own files beside the tracks bought: the words of their Insurance and
License cells, their tooltips, and the offer to buy the same recording insured where a provider sells it.

An own file is "Your file (not insured)": it has no license, the insurer knows nothing of it, and a loss
of it is not covered. Where the store sells the same recording (same title and artist, about the same
length) the row says so and its menu offers *Buy Insured…*, which opens the store on that track.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from player import words
from player.language import translate
from player.terminal import LibraryEntry

if TYPE_CHECKING:
    from player.terminal import CatalogEntry


def insurance_text(entry: LibraryEntry) -> str:
    return translate("OwnRows", "Your file (not insured)")


def buy_text() -> str:
    """The menu line that opens the store on the same recording, sold insured."""
    return translate("OwnRows", "Buy Insured…")


def license_text(entry: LibraryEntry) -> str:
    """No license to speak of: empty while the file can be played, else why not in two words."""
    return "" if entry.own is None or entry.own.available else translate("OwnRows", "Not reachable")


def where(entry: LibraryEntry) -> Path | None:
    """The folder (or single file) the user added that holds this file."""
    if entry.own is None:
        return None
    return entry.own.folder or entry.own.path


def offer_words(offer: CatalogEntry) -> str:
    price = words.yen(offer.price)
    premium = words.yen(offer.premium)
    return translate(
        "OwnRows",
        "{provider} sells this recording insured ({price} and {premium} insurance): "
        "right-click and choose {buy}",
    ).format(provider=offer.provider_name, price=price, premium=premium, buy=buy_text())


def tooltip(entry: LibraryEntry, offer: CatalogEntry | None) -> str:
    """What the row is, for every cell: where the file is, that it is not insured, and the offer."""
    own = entry.own
    if own is None:
        return ""
    lines = [translate("OwnRows", "Your own file, played from where it is: {path}").format(path=own.path)]
    if not own.available:
        lines.append(
            translate("OwnRows", "It cannot be played now: {why}").format(why=words.sentence(entry.detail))
        )
    lines.append(
        translate("OwnRows", "Not insured: the insurer knows nothing of it, and a loss of it is not covered.")
    )
    if offer is not None:
        lines.append(words.sentence(offer_words(offer)))
    return "\n".join(lines)


def sort_key(entry: LibraryEntry) -> int:
    """In the License column, after the licenses: playable own files, then unreachable ones."""
    return 3 if entry.own is not None and entry.own.available else 4
