"""Every word a user reads can be translated, and the Japanese catalog translates every one of them.

The catalog (player/resources/i18n/insured_player_ja.ts) is checked against the code the way a
translator's tool would see it: Qt's own lupdate reads the code again into a copy, and the copy must
have nothing new, nothing gone and nothing unfinished. The code is read with `ast` for the two ways a
text escapes lupdate: a text handed to a widget without `tr()`, and a `tr()` of something that is not a
plain literal (an f-string is never found by lupdate, so never translated).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "player/resources/i18n").glob("insured_player_*.ts"))
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")

# Widget methods and constructors whose string arguments a user reads.
SHOWN = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setWindowTitle",
    "setTitle",
    "setAccessibleName",
    "setAccessibleDescription",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "showMessage",
    "addAction",
    "addMenu",
    "addTab",
    "insertTab",
    "setTabText",
    "setTabToolTip",
    "addItem",
    "addRow",
    "addButton",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "information",
    "warning",
    "critical",
    "question",
}
LOGGERS = {"log", "logger", "logging", "_log"}
FACES = ("player/ui", "player/cli")
NOT_A_FACE = ("player/ui/screenshots.py",)  # a developer's tool: its words are for us


def _messages(ts: Path) -> dict[tuple[str, str, str], tuple[str | None, str]]:
    """(context, source, comment) -> (translation type, translation text) for every live message."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = (kind, translation.text or "")
    return found


def _face_files() -> list[Path]:
    return sorted(
        p
        for top in FACES
        for p in (ROOT / top).rglob("*.py")
        if p.relative_to(ROOT).as_posix() not in NOT_A_FACE
    )


def _has_words(node: ast.expr) -> bool:
    """A literal a person would read: it has letters (not an object name, a symbol or an address)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.match(r"https?://", node.value):
        return False
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and re.search(r"[A-Za-z]{2}", str(v.value)) for v in node.values
        )
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and bool(re.search(r"[A-Za-z]{2}", node.value))
    )


def untranslated_texts(source: str, path: str) -> list[str]:
    """Literal words handed straight to a widget (`QLabel("Hello")`, `.setToolTip(f"...")`)."""
    found = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
            continue  # log.warning("..."): for developers, in English
        if called in SHOWN:
            for arg in node.args:
                if _has_words(arg):
                    found.append(f"{path}:{node.lineno}: {called}({ast.unparse(arg)[:60]})")
    return found


def unreadable_translations(source: str, path: str) -> list[str]:
    """`tr()` / `translate()` calls lupdate cannot read: the text (and context) must be plain literals."""
    found = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        literal_args = {"tr": 1, "translate": 2, "QT_TRANSLATE_NOOP": 2}.get(called, 0)
        if not literal_args or len(node.args) < literal_args:
            continue
        if called == "translate" and not isinstance(node.args[0], ast.Constant):
            continue  # translate(context, TABLE[key]): a table marked with QT_TRANSLATE_NOOP
        for arg in node.args[:literal_args]:
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if not literal and not (called == "translate" and arg is node.args[1] and _marked_table(arg)):
                found.append(f"{path}:{node.lineno}: {called}({ast.unparse(arg)[:60]})")
    return found


def _marked_table(arg: ast.expr) -> bool:
    """`TABLE[key]`, `TABLE.get(...)`, a name: looked up in a table whose texts lupdate read elsewhere."""
    return isinstance(arg, ast.Subscript | ast.Name | ast.Call | ast.Attribute)


def test_there_is_a_japanese_catalog() -> None:
    assert [p.name for p in CATALOGS] == ["insured_player_ja.ts"]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_the_catalog_has_every_text_of_the_code_and_nothing_else(catalog: Path, tmp_path: Path) -> None:
    fresh = tmp_path / catalog.name
    shutil.copy2(catalog, fresh)
    run = subprocess.run(
        [
            str(LUPDATE),
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            "player",
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    committed, seen = _messages(catalog), _messages(fresh)
    assert sorted(set(seen) - set(committed)) == [], "new texts: run scripts/update-translations"
    assert sorted(set(committed) - set(seen)) == [], (
        "texts no longer in the code: run scripts/update-translations"
    )


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.name)
def test_every_text_is_translated_with_its_placeholders_and_mnemonics(catalog: Path) -> None:
    unfinished, broken = [], []
    for (context, source, _), (kind, text) in _messages(catalog).items():
        if kind == "unfinished" or not text:
            unfinished.append(f"{context}: {source}")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            broken.append(f"{context}: {source!r} -> {text!r}")
        if re.search(r"&[A-Za-z]", source) and not re.search(r"&[A-Za-z0-9]", text):
            broken.append(f"{context}: {source!r} -> {text!r} (the keyboard mnemonic is lost)")
    assert unfinished == []
    assert broken == []


def test_no_face_hands_a_widget_words_that_bypass_translation() -> None:
    found = [
        v
        for p in _face_files()
        for v in untranslated_texts(p.read_text("utf-8"), p.relative_to(ROOT).as_posix())
    ]
    assert found == []


def test_every_translated_text_is_one_lupdate_can_read() -> None:
    files = sorted((ROOT / "player").rglob("*.py"))
    found = [
        v
        for p in files
        for v in unreadable_translations(p.read_text("utf-8"), p.relative_to(ROOT).as_posix())
    ]
    assert found == []


# --- the checkers themselves can fail --------------------------------------------------------------


def test_the_checkers_catch_words_that_escape() -> None:
    widgets = (
        'QLabel("Hello there")\nb.setToolTip(f"Play {x}")\nQLabel(self.tr("Fine"))\nw.setObjectName("lib")'
    )
    assert len(untranslated_texts(widgets, "x.py")) == 2
    calls = 'self.tr(f"Play {x}")\ntranslate("C", "ok")\ntranslate(ctx, "no")\nself.tr("a" + b)'
    assert len(unreadable_translations(calls, "x.py")) == 2
