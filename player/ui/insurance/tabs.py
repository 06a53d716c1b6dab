"""The Insurance page's three tabs (guarantee conditions with the limits, the re-distribution history,
the license list), built as widgets only: `view.py` fills them from a snapshot.
"""

from __future__ import annotations

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

from player.ui.kit.tables import make_table

DASH = "—"
# FIG.6B, in the patent's order; then the insurer's own key, which the terminal pinned.
POLICY_FIELDS = [
    ("contract_id", "Contract ID"),
    ("insured", "Insured"),
    ("guaranteed_license_ids", "Guaranteed licenses"),
    ("premium", "Premium"),
    ("guarantee_period", "Guarantee period"),
    ("relicensing_starts", "Re-licensing starts"),
    ("limit_per_track", "Re-licensing limit per track"),
    ("limit_total", "Re-licensing limit in total"),
    ("price_difference_limit", "Price difference limit"),
    ("state", "Policy state"),
    ("public_key_fingerprint", "Policy key fingerprint"),
    ("insurer_fingerprint", "Insurer key fingerprint"),
]
HISTORY_FIELDS = [
    ("user", "User"),
    ("first_contract_at", "Date of first contract"),
    ("relicensing_count", "Re-licensing count"),
    ("gross_amount", "Gross amount of guarantee"),
]
LIST_FIELDS = [("version", "List version"), ("issued_at", "Issued"), ("expires_at", "Offline playback until")]


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
    for key, text in fields:
        label = _value_label(key in mono)
        label.setObjectName(key)
        label.setAccessibleName(text)
        into[key] = label
        form.addRow(f"{text}:", label)
    return form


class InsuranceTabs(QWidget):
    """Builds the tabs' widgets as attributes of the page (the tests and the page reach them there)."""

    fields: dict[str, QLabel]

    # --- the tabs --------------------------------------------------------------------------------

    def _policy_tab(self) -> QWidget:
        policy_box = QGroupBox("Insurance policy (FIG.6B)")
        form = _form(POLICY_FIELDS, self.fields, mono=("public_key_fingerprint", "insurer_fingerprint"))
        self.fields["contract_id"].setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.license_toggle = QPushButton("Hide IDs")
        self.license_toggle.setObjectName("licenseToggle")
        self.license_toggle.setCheckable(True)
        self.license_toggle.setChecked(True)
        self.license_toggle.setEnabled(False)
        self.license_toggle.setAccessibleName("Show or hide the guaranteed license IDs")
        self.license_toggle.toggled.connect(self._toggle_ids)
        self.license_ids = QListWidget()
        self.license_ids.setObjectName("guaranteedLicenseIds")
        self.license_ids.setAccessibleName("Guaranteed license IDs")
        self.license_ids.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.license_ids.setToolTip("The license IDs this policy guarantees (FIG.6B)")
        # The count's row gets the toggle: the form's field becomes [count, toggle].
        row = [key for key, _ in POLICY_FIELDS].index("guaranteed_license_ids")
        form.removeRow(row)
        count = _value_label()
        count.setObjectName("guaranteed_license_ids")
        count.setAccessibleName("Guaranteed licenses")
        self.fields["guaranteed_license_ids"] = count
        count_row = QHBoxLayout()
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.addWidget(count)
        count_row.addWidget(self.license_toggle)
        count_row.addStretch(1)
        form.insertRow(row, "Guaranteed licenses:", count_row)
        box_layout = QVBoxLayout(policy_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.license_ids, 1)
        self._ids_stretch = QWidget()
        box_layout.addWidget(self._ids_stretch, 1)
        self._ids_stretch.hide()

        limits_box = QGroupBox("Re-licensing used and left")
        self.total_limit = QLabel(DASH)
        self.total_limit.setObjectName("totalLimit")
        self.total_limit.setWordWrap(True)
        self.per_track = make_table(
            ["Track", "Price", "Used", "Left"], "perTrackLimits", "Re-licensing used and left per track", 0
        )
        limits = QVBoxLayout(limits_box)
        limits.addWidget(self.total_limit)
        limits.addWidget(self.per_track, 1)
        self._limits_rest = QWidget()  # takes the room when there is no table to show (offline)
        limits.addWidget(self._limits_rest, 1)
        self._limits_rest.hide()

        tab = QWidget()
        row_layout = QHBoxLayout(tab)
        row_layout.addWidget(policy_box, 3)
        row_layout.addWidget(limits_box, 2)
        return tab

    def _history_tab(self) -> QWidget:
        self.history_fields: dict[str, QLabel] = {}
        box = QGroupBox("Re-distribution history (FIG.6A)")
        box.setLayout(_form(HISTORY_FIELDS, self.history_fields))
        self.history_note = QLabel()
        self.history_note.setWordWrap(True)
        self.history_note.hide()
        self.events = make_table(
            ["Date", "What happened", "Old license → new license", "Track", "Amount"],
            "historyEvents",
            "Re-distribution events",
            3,
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(box)
        layout.addWidget(self.history_note)
        layout.addWidget(self.events, 1)
        return tab

    def _list_tab(self) -> QWidget:
        self.list_fields: dict[str, QLabel] = {}
        box = QGroupBox("License list (FIG.7), signed by the insurer")
        box.setLayout(_form(LIST_FIELDS, self.list_fields))
        self.licenses = make_table(
            ["License ID", "Track", "State", "Invalidated on", "Reason"], "licenseList", "License list", 4
        )
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(box)
        layout.addWidget(self.licenses, 1)
        return tab

    def _toggle_ids(self, shown: bool) -> None:
        self.license_ids.setVisible(shown)
        self._ids_stretch.setVisible(not shown)
        self.license_toggle.setText("Hide IDs" if shown else "Show IDs")
