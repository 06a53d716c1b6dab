"""The language the player speaks: Qt's translation system, chosen by the system locale or the user.

Every word a user reads goes through `translate(context, text)` (or a widget's `self.tr(text)`), with
the English text as the key; `pyside6-lupdate` collects those calls into `player/resources/i18n/*.ts`,
translators fill those in (Qt Linguist reads them), and `pyside6-lrelease` compiles them to `.qm` when
the package is built or installed (docs/translation.md). There is no lookup table of our own.

`translate` is safe anywhere, the formats of `player.protocol` and the backend included: it asks Qt only
when QtCore is already loaded, and until `install()` has put a translator in place Qt answers with the
English text. So the backend, which never installs one, always speaks English; the window and the CLI
install the language before they show a word.

Placeholders are named, ``{title}``, and filled with `str.format` after translation, so a translation may
put them in its own order; lupdate cannot read f-strings, so a translated text is never one.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator

SYSTEM = "system"  # the setting's value for "follow the system locale"
SOURCE_LANGUAGE = "en"
# The languages shipped, each named in itself (a list of languages is read by someone who may not
# read the current one).
LANGUAGES = {"en": "English", "ja": "日本語"}
CATALOG = "insured_player"  # player/resources/i18n/insured_player_<lang>.ts / .qm


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in the installed language (English when none is, or when Qt is not loaded at all)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return text
    translated: str = core.QCoreApplication.translate(context, text, disambiguation)
    return translated


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate where it must stay English until used: a table made at import time,
    before `install()` has run. Translate it where it is shown: ``translate(context, TABLE[key])``."""
    del context
    return text


def pick(choice: str, system_languages: list[str]) -> str:
    """The language to speak: the user's `choice` when it is one we ship, else the first of the
    system's preferred languages (BCP 47 tags, best first, as `QLocale.uiLanguages()` lists them) that
    we ship, else English."""
    if choice in LANGUAGES:
        return choice
    for tag in system_languages:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def catalog_dir() -> Path:
    """Where the compiled catalogs are: inside the package, so a wheel and a checkout both have them."""
    from importlib.resources import files

    return Path(str(files("player.resources") / "i18n"))


@dataclass
class Installed:
    """What `install` did: the language now spoken and whether its catalogs were found."""

    language: str
    missing: list[str]
    translators: list[QTranslator]


def spoken() -> str:
    """The language the player speaks now, as its catalog names itself ("ja"): "en" with none installed.
    Asked of the catalog rather than remembered, so it is right wherever translators come and go."""
    return translate("Language", "en", "the code of the language this catalog is in: ja for Japanese")


def install(app: QCoreApplication, choice: str = SYSTEM) -> Installed:
    """Speak the chosen language (or the system's) from now on: the player's catalog, Qt's own (the
    buttons of standard dialogs) and the locale that dates and numbers are written in.

    Call before the first widget or message is made. A catalog that is missing (a checkout never
    built) is reported in `missing` and English is spoken for it; nothing fails."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    system = QLocale.system()
    language = pick(choice, list(system.uiLanguages()))
    if choice in LANGUAGES and language != system.name().split("_")[0]:
        # A language chosen over the system's: its own conventions for dates and numbers too.
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(system)
    done = Installed(language, [], [])
    if language == SOURCE_LANGUAGE:
        return done
    wanted = (
        (f"{CATALOG}_{language}", str(catalog_dir())),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, where in wanted:
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            done.translators.append(translator)
        else:
            done.missing.append(name)
    return done


def names() -> list[tuple[str, str]]:
    """(setting value, what the user reads) for a language chooser: the system's first, then each one."""
    return [
        (SYSTEM, translate("Language", "System language")),
        *LANGUAGES.items(),
    ]
