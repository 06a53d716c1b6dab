"""The Insurance page's three tabs, built as widgets only (`view.py` fills them from a snapshot): "Your
cover" (the guarantee conditions in plain words, with the replacements used and left), "History" (what
was replaced, when), and "Advanced" (contract number, keys, license IDs and the signed license list, for
those who want to check them). Internal IDs and key fingerprints appear under Advanced only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.language import QT_TRANSLATE_NOOP, translate
from player.ui.kit import ADVANCED
from player.ui.kit.tables import Cell, fill, make_table

if TYPE_CHECKING:
    from player.terminal import SharedAboutYou

DASH = "—"
# The guarantee conditions (the patent's FIG.6B) as a buyer reads them. The labels of these tables are
# translated where shown (`_form`).
POLICY_FIELDS = [
    ("premium", QT_TRANSLATE_NOOP("InsuranceTabs", "Premium")),
    ("guarantee_period", QT_TRANSLATE_NOOP("InsuranceTabs", "Covered")),
    ("relicensing_starts", QT_TRANSLATE_NOOP("InsuranceTabs", "Claims")),
    ("limit_per_track", QT_TRANSLATE_NOOP("InsuranceTabs", "Replacements per track")),
    ("limit_total", QT_TRANSLATE_NOOP("InsuranceTabs", "Replacements in all")),
    ("price_difference_limit", QT_TRANSLATE_NOOP("InsuranceTabs", "Alternates")),
]
# The same policy's record-keeping, and the insurer's key the terminal pinned: under Advanced.
ADVANCED_FIELDS = [
    ("contract_id", QT_TRANSLATE_NOOP("InsuranceTabs", "Contract number")),
    ("insured", QT_TRANSLATE_NOOP("InsuranceTabs", "Policy holder")),
    ("guaranteed_license_ids", QT_TRANSLATE_NOOP("InsuranceTabs", "Licenses covered")),
    ("state", QT_TRANSLATE_NOOP("InsuranceTabs", "Policy state")),
    ("public_key_fingerprint", QT_TRANSLATE_NOOP("InsuranceTabs", "Your policy key")),
    ("insurer_fingerprint", QT_TRANSLATE_NOOP("InsuranceTabs", "The insurer's key")),
]
HISTORY_FIELDS = [
    ("user", QT_TRANSLATE_NOOP("InsuranceTabs", "Policy holder")),
    ("first_contract_at", QT_TRANSLATE_NOOP("InsuranceTabs", "Insured since")),
    ("relicensing_count", QT_TRANSLATE_NOOP("InsuranceTabs", "Replacements so far")),
    ("gross_amount", QT_TRANSLATE_NOOP("InsuranceTabs", "Value replaced so far")),
]
LIST_FIELDS = [
    ("version", QT_TRANSLATE_NOOP("InsuranceTabs", "List version")),
    ("issued_at", QT_TRANSLATE_NOOP("InsuranceTabs", "Issued")),
    ("expires_at", QT_TRANSLATE_NOOP("InsuranceTabs", "Offline playback until")),
]


def _value_label(mono: bool = False) -> QLabel:
    label = QLabel(DASH)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(not mono)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


def _form(fields: list[tuple[str, str]], into: dict[str, QLabel], mono: tuple[str, ...] = ()) -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for key, marked in fields:
        text = translate("InsuranceTabs", marked)
        label = _value_label(key in mono)
        label.setObjectName(key)
        label.setAccessibleName(text)
        into[key] = label
        form.addRow(translate("InsuranceTabs", "{label}:").format(label=text), label)
    return form


class InsuranceTabs(QWidget):
    """Builds the tabs' widgets as attributes of the page (the tests and the page reach them there)."""

    fields: dict[str, QLabel]

    # --- the tabs --------------------------------------------------------------------------------

    def _policy_tab(self) -> QWidget:
        cover_box = QGroupBox(self.tr("What your policy covers"))
        QVBoxLayout(cover_box).addLayout(_form(POLICY_FIELDS, self.fields))
        policy_box = QGroupBox(self.tr("Your policy"))
        form = _form(ADVANCED_FIELDS, self.fields, mono=("public_key_fingerprint", "insurer_fingerprint"))
        self.advanced_policy = policy_box
        self.fields["contract_id"].setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.license_toggle = QPushButton(self.tr("Hide IDs"))
        self.license_toggle.setObjectName("licenseToggle")
        self.license_toggle.setCheckable(True)
        self.license_toggle.setChecked(True)
        self.license_toggle.setEnabled(False)
        self.license_toggle.setAccessibleName(self.tr("Show or hide the guaranteed license IDs"))
        self.license_toggle.toggled.connect(self._toggle_ids)
        self.license_ids = QListWidget()
        self.license_ids.setObjectName("guaranteedLicenseIds")
        self.license_ids.setAccessibleName(self.tr("Guaranteed license IDs"))
        self.license_ids.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.license_ids.setToolTip(self.tr("The licenses this policy covers, each with its track"))
        # The count's row gets the toggle: the form's field becomes [count, toggle].
        row = [key for key, _ in ADVANCED_FIELDS].index("guaranteed_license_ids")
        form.removeRow(row)
        count = _value_label()
        count.setObjectName("guaranteed_license_ids")
        count.setAccessibleName(self.tr("Licenses covered"))
        self.fields["guaranteed_license_ids"] = count
        count_row = QHBoxLayout()
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.addWidget(count)
        count_row.addWidget(self.license_toggle)
        count_row.addStretch(1)
        form.insertRow(row, self.tr("{label}:").format(label=self.tr("Licenses covered")), count_row)
        box_layout = QVBoxLayout(policy_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.license_ids, 1)
        self._ids_stretch = QWidget()
        box_layout.addWidget(self._ids_stretch, 1)
        self._ids_stretch.hide()

        limits_box = QGroupBox(self.tr("Replacements used and left"))
        self.total_limit = QLabel(DASH)
        self.total_limit.setObjectName("totalLimit")
        self.total_limit.setWordWrap(True)
        self.per_track = make_table(
            [self.tr("Track"), self.tr("Price"), self.tr("Used"), self.tr("Left")],
            "perTrackLimits",
            self.tr("Replacements used and left per track"),
            0,
        )
        limits = QVBoxLayout(limits_box)
        limits.addWidget(self.total_limit)
        limits.addWidget(self.per_track, 1)
        self._limits_rest = QWidget()  # takes the room when there is no table to show (offline)
        limits.addWidget(self._limits_rest, 1)
        self._limits_rest.hide()

        tab = QWidget()
        row_layout = QHBoxLayout(tab)
        row_layout.addWidget(cover_box, 3)
        row_layout.addWidget(limits_box, 2)
        return tab

    def _history_tab(self) -> QWidget:
        self.history_fields: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("Replacements so far"))
        box.setLayout(_form(HISTORY_FIELDS, self.history_fields))
        self.history_note = QLabel()
        self.history_note.setWordWrap(True)
        self.history_note.hide()
        self.events = make_table(
            [self.tr("Date"), self.tr("What happened"), self.tr("Track"), self.tr("Value")],
            "historyEvents",
            self.tr("What was replaced, and when"),
            2,
        )
        self.shared = make_table(
            [self.tr("Date"), self.tr("Insurer"), self.tr("Track"), self.tr("What was given")],
            "sharedHistory",
            self.tr("What your insurers told each other about you"),
            2,
        )
        shared_box = QGroupBox(self.tr("Shared between your insurers"))
        shared_box.setToolTip(
            self.tr(
                "Insurers tell each other of each loss they compensate, naming you by a code only they can "
                "work out from your e-mail address: a loss is compensated once, and many losses in a short "
                "time at several insurers are looked at together."
            )
        )
        QVBoxLayout(shared_box).addWidget(self.shared)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(box)
        layout.addWidget(self.history_note)
        layout.addWidget(self.events, 1)
        layout.addWidget(shared_box)
        return tab

    def show_shared(self, records: list[SharedAboutYou] | None) -> None:
        """What the insurers hold about the user ([0040]); None offline (the table is left as it was)."""
        if records is None:
            return
        what = {
            "reissued": self.tr("The same track, re-issued"),
            "alternate": self.tr("An alternate"),
            "license_only": self.tr("The license, re-issued"),
            "contents_only": self.tr("The file, sent again"),
        }
        fill(
            self.shared,
            [
                [
                    Cell(words.day(words.wire_time(r.at)), r.at),
                    Cell(r.insurer_name),
                    Cell(r.title),
                    Cell(what.get(r.kind, r.kind)),
                ]
                for r in records
            ],
        )

    def _advanced_tab(self) -> QWidget:
        """The policy's record-keeping and the signed license list (built after `_policy_tab`)."""
        self.list_fields: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("License list, signed by the insurer"))
        self.licenses = make_table(
            [
                self.tr("License ID"),
                self.tr("Track"),
                self.tr("State"),
                self.tr("Invalidated on"),
                self.tr("Reason"),
            ],
            "licenseList",
            self.tr("License list"),
            4,
        )
        list_layout = QVBoxLayout(box)
        list_layout.addLayout(_form(LIST_FIELDS, self.list_fields))
        list_layout.addWidget(self.licenses, 1)
        tab = QWidget()
        tab.setObjectName("advancedTab")
        tab.setProperty(ADVANCED, True)  # the one place the IDs are for: the rule on words skips it
        layout = QHBoxLayout(tab)
        layout.addWidget(self.advanced_policy, 2)
        layout.addWidget(box, 3)
        return tab

    def _toggle_ids(self, shown: bool) -> None:
        self.license_ids.setVisible(shown)
        self._ids_stretch.setVisible(not shown)
        self.license_toggle.setText(self.tr("Hide IDs") if shown else self.tr("Show IDs"))
