"""The rule on words can fail: the walker (tests/ui/visible_text.py) finds a figure number, an internal ID
or a URL in each kind of widget a user reads, leaves an Advanced-marked container alone, takes ordinary
words and prices for what they are, and the check at the end of every story fails a story that leaves
such a text on screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mock_backend.demo.catalog import load_catalog
from player import words
from player.ui.kit import ADVANCED
from tests.ui.visible_text import assert_words_plain, broken_rules, findings

ROOT = Path(__file__).resolve().parents[2]
OFFENDING = {
    "License L-123…": [("internal ID", "L-123")],
    "see FIG.7": [("patent figure", "FIG.7")],
    "http://127.0.0.1:1234": [("URL", "http://"), ("URL", "127.0.0.1")],
    "Lantern Street (aurora-0001)": [("content ID", "aurora-0001")],
}


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    return widget


def matches_in(widget: QWidget) -> set[tuple[str, str]]:
    return {(f.rule, f.match) for f in findings([widget])}


@pytest.mark.parametrize("text", list(OFFENDING))
def test_each_offending_text_in_a_label_is_reported_with_its_widget(qtbot: QtBot, text: str) -> None:
    window = QWidget()
    window.setWindowTitle("Stories")
    label = QLabel(text, window)
    label.setObjectName("someLabel")
    shown(qtbot, window)
    found = findings([window])
    assert [(f.rule, f.match) for f in found] == OFFENDING[text]
    assert found[0].readable.text == text
    assert "QLabel 'someLabel' in window 'Stories'" in str(found[0])
    window.close()
    assert findings() == [], "a closed window is not on screen"


def test_the_same_texts_inside_an_advanced_container_are_not_reported(qtbot: QtBot) -> None:
    window = shown(qtbot, QWidget())
    layout = QVBoxLayout(window)
    advanced = QGroupBox("Record-keeping")
    advanced.setProperty(ADVANCED, True)
    inner = QVBoxLayout(advanced)
    for text in OFFENDING:
        inner.addWidget(QLabel(text))
    layout.addWidget(advanced)
    assert findings([window]) == []
    outside = QLabel("see FIG.7")
    layout.addWidget(outside)
    outside.show()
    assert matches_in(window) == {("patent figure", "FIG.7")}, "only the Advanced subtree is left out"
    window.close()


def test_every_kind_of_widget_a_user_reads_is_walked(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setWindowTitle("Window L-a1b2c3")
    menu = window.menuBar().addMenu("File")
    menu.addAction("Open P-0f1e2d3c").setToolTip("Opens C-9a8b7c6d")
    window.statusBar().showMessage("Synced with http://localhost:8000")
    page = QWidget()
    layout = QVBoxLayout(page)
    button = QPushButton("Buy")
    button.setToolTip("Buys harbor-0011")
    box = QGroupBox("Receipt R-00ff11aa")
    edit = QLineEdit()
    edit.setPlaceholderText("Search aurora-0002")
    combo = QComboBox()
    combo.addItems(["Lantern Street", "I-1234abcd"])
    browser = QTextBrowser()
    browser.setHtml("<p>As in <b>FIG. 6B</b></p>")
    rich = QLabel("<a href='x'>claim CI-77aa88bb</a>")
    table = QTableView()
    model = QStandardItemModel(1, 2)
    cell = QStandardItem("Night Ferry")
    cell.setToolTip("License L-deadbeef01")
    model.setItem(0, 1, cell)
    model.setHorizontalHeaderLabels(["Title", "Purchase B-12ab34cd"])
    table.setModel(model)
    tabs = QTabWidget()
    tabs.addTab(QLabel("on the first tab"), "Cover")
    tabs.addTab(QLabel("the second tab's https://example.org"), "Advice u-5e6f7a8b")
    for widget in (button, box, edit, combo, browser, rich, table, tabs):
        layout.addWidget(widget)
    hidden = QLabel("hidden A-123456")
    layout.addWidget(hidden)
    hidden.hide()
    window.setCentralWidget(page)
    shown(qtbot, window)
    expected = {
        ("internal ID", "L-a1b2c3"),  # window title
        ("internal ID", "P-0f1e2d3c"),  # menu entry
        ("internal ID", "C-9a8b7c6d"),  # its tooltip
        ("URL", "http://"),  # status bar message
        ("URL", "localhost:"),
        ("content ID", "harbor-0011"),  # button tooltip
        ("internal ID", "R-00ff11aa"),  # group box title
        ("content ID", "aurora-0002"),  # placeholder
        ("internal ID", "I-1234abcd"),  # combo item
        ("patent figure", "FIG. 6"),  # rich text, tags stripped
        ("internal ID", "CI-77aa88bb"),  # rich label
        ("internal ID", "L-deadbeef01"),  # cell tooltip
        ("internal ID", "B-12ab34cd"),  # header
        ("URL", "https://"),  # a tab the user can switch to
        ("internal ID", "u-5e6f7a8b"),  # tab text
    }
    assert matches_in(window) == expected, "the hidden label is not on screen, all else is"
    window.close()


def test_a_message_box_and_each_page_of_a_stack_are_read(qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Refused", "The insurer refused claim C-0123abcd.")
    box.setInformativeText("Details at https://insurer.example")
    shown(qtbot, box)
    stack = QStackedWidget()
    stack.addWidget(QLabel("step one"))
    stack.addWidget(QLabel("step two, FIG.5"))
    shown(qtbot, stack)
    assert {(f.rule, f.match) for f in findings()} == {
        ("internal ID", "C-0123abcd"),
        ("URL", "https://"),
        ("patent figure", "FIG.5"),
    }
    with pytest.raises(AssertionError, match="C-0123abcd"):
        assert_words_plain()
    box.close()
    stack.close()
    assert_words_plain()


@pytest.mark.parametrize(
    "text",
    [
        "¥1-2",
        "¥150-400",
        "2026-05-01",
        "A-side and B-side",
        "Elegy in E Minor",
        "UL-approved, L-shaped, T-1000",
        "figures, a fig tree, configure 7 things",
        "the https scheme, localhost only",
        words.track_name("Lantern Street", "The Marlow Quartet"),
        words.reason("redistributed_after_loss"),
    ],
)
def test_ordinary_words_dates_and_prices_break_no_rule(text: str) -> None:
    assert broken_rules(text) == []


def test_the_demo_catalog_reads_as_ordinary_words() -> None:
    catalog = load_catalog()
    texts = [p.name for p in catalog.providers]
    texts += [f"{t.title} {t.artist} {t.album} {t.genre} {words.yen(t.price)}" for t in catalog.tracks]
    assert [t for t in texts if broken_rules(t)] == []
    # …while each track's own content ID is caught.
    assert all(broken_rules(f"({t.content_id})") == [("content ID", t.content_id)] for t in catalog.tracks)


INNER_STORIES = """
from PySide6.QtWidgets import QLabel

from player.ui.kit import ADVANCED


def test_leaves_a_figure_number_on_screen(qtbot):
    label = QLabel("see FIG.7")
    qtbot.addWidget(label)
    label.show()


def test_leaves_it_under_advanced(qtbot):
    label = QLabel("see FIG.7")
    label.setProperty(ADVANCED, True)
    qtbot.addWidget(label)
    label.show()


def test_closes_it_first(qtbot):
    label = QLabel("see FIG.7")
    qtbot.addWidget(label)
    label.show()
    label.close()
"""


def test_a_story_that_ends_with_such_a_text_on_screen_fails(tmp_path: Path) -> None:
    """tests/ui/conftest.py's own hook, in a run of three stories of its own."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "conftest.py").write_text(
        "from tests.ui.conftest import pytest_runtest_call, windows_kept_for_the_check  # noqa\n"
    )
    (tmp_path / "test_inner.py").write_text(INNER_STORIES)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", "pytest.ini", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "1 failed, 2 passed" in out, out
    assert "FAILED test_inner.py::test_leaves_a_figure_number_on_screen" in out, out
    assert "patent figure 'FIG.7' in QLabel in window '', text: 'see FIG.7'" in out, out
