"""The Insurance page: first what the user has and can do (covered until when, claims left, what a claim
costs, how to claim, with a Report a Loss button), then the conditions in plain words with the
replacements used and left, the history, and under Advanced the record-keeping (contract number, keys,
license IDs, the signed license list).

Every FIG.6B field is shown, FIG.6A is the History tab and FIG.7 is under Advanced. The data comes from
`data.gather` on the worker; offline, the cached policy and list still show, with a note that the counts
need a connection. The page refreshes itself after every sync, which follows every purchase and claim.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from player import words
from player.errors import BackendError, PlayerError, UsageError
from player.terminal import LibraryEntry, LibraryState, LicenseState
from player.ui.insurance.data import (
    Snapshot,
    cover_words,
    event_words,
    gather,
    reason_words,
    state_words,
    waiting_words,
)
from player.ui.insurance.insurers_bar import InsurersBar
from player.ui.insurance.tabs import DASH, POLICY_FIELDS, InsuranceTabs
from player.ui.kit.fit import scrolling
from player.ui.kit.guard import while_alive
from player.ui.kit.notice import Notice, Tone
from player.ui.kit.tables import Cell, fill, page_heading
from player.ui.session import UiSession


class InsuranceView(InsuranceTabs):
    """`refreshed` fires after each snapshot is shown; `insurance_needed` when the user asks to take
    out insurance from here (the main window opens the first-run dialog at that step)."""

    refreshed = Signal()
    insurance_needed = Signal()
    insure_requested = Signal(object)  # list[LibraryEntry]: every track bought without insurance
    loss_requested = Signal(str)  # a loss to report to the insurer shown ("" the first): the loss dialog

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("insuranceView")
        self.snapshot: Snapshot | None = None
        self.loading = False
        self.loaded = False
        self._again = False
        self.fields: dict[str, QLabel] = {}

        heading = page_heading(self.tr("Your insurance"))
        self.summary = QLabel()
        self.summary.setObjectName("insuranceSummary")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the insurance details"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.summary, 1)
        self.insure_button = QPushButton(self.tr("Insure tracks bought without insurance…"))
        self.insure_button.setObjectName("insureUninsuredButton")
        self.insure_button.clicked.connect(lambda: self.insure_requested.emit(self._uninsured()))
        self.insure_button.hide()
        top.addWidget(self.insure_button)
        self.insurers = InsurersBar()  # whose cover is shown, and a policy with another insurer
        self.insurers.changed.connect(self.refresh)
        top.addWidget(self.insurers)
        top.addWidget(self.refresh_button)
        self.notice = Notice(self)

        self.cover = QLabel()
        self.cover.setObjectName("coverSummary")
        self.cover.setWordWrap(True)
        self.cover.setTextFormat(Qt.TextFormat.PlainText)
        big = self.cover.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.cover.setFont(big)
        self.how_to_claim = QLabel()
        self.how_to_claim.setObjectName("howToClaim")
        self.how_to_claim.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Report a Loss…"))
        self.report_button.setObjectName("reportLossButton")
        self.report_button.setAccessibleName(self.tr("Report a lost track or a crashed library"))
        self.report_button.clicked.connect(lambda: self.loss_requested.emit(self.insurers.current()))
        cover_text = QVBoxLayout()
        cover_text.addWidget(self.cover)
        cover_text.addWidget(self.how_to_claim)
        cover_row = QHBoxLayout()
        cover_row.addLayout(cover_text, 1)
        cover_row.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("insuranceTabs")
        self.tabs.addTab(scrolling(self._policy_tab()), self.tr("Your cover"))
        self.tabs.addTab(scrolling(self._history_tab()), self.tr("History"))
        self.tabs.addTab(scrolling(self._advanced_tab()), self.tr("Advanced"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cover_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice)  # below: a message never pushes the tables down
        session.synced.connect(lambda _: self.refresh())
        session.library_changed.connect(self._library_changed)  # a bound slot: dropped with the view

    def _library_changed(self, _entries: object) -> None:
        self.insure_button.setVisible(bool(self._uninsured()))

    def _uninsured(self) -> list[LibraryEntry]:
        return [e for e in self.session.library if e.bought_uninsured and e.state is not LibraryState.INVALID]

    # --- refreshing ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded and not self.loading:
            self.refresh()

    def refresh(self) -> None:
        """Gather a new snapshot on the worker (a refresh asked for while one runs follows it)."""
        if self.loading:
            self._again = True
            return
        self.loading = True
        self.refresh_button.setEnabled(False)
        terminal, shown = self.session.terminal, self.insurers.current()
        self.insurers.fill(terminal)
        self.session.call(
            lambda _: gather(terminal.insurers.desk(shown)),
            while_alive(self, self._show),
            while_alive(self, self._failed),
        )

    def _failed(self, error: PlayerError) -> None:
        """`gather` puts every expected error in the snapshot: what lands here is a bug, shown as such."""
        self._done()
        self.notice.show_error(error, action=self.tr("Retry"), on_action=self.refresh)

    def _done(self) -> None:
        self.loading = False
        self.loaded = True
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, snap: Snapshot) -> None:
        self.snapshot = snap
        self._show_policy(snap)
        self._show_limits(snap)
        self._show_history(snap)
        self.show_shared(snap.shared)
        self._show_list(snap)
        self._show_notice(snap)
        self._done()
        self.refreshed.emit()

    def _show_notice(self, snap: Snapshot) -> None:
        policy_error = snap.errors.get("policy")
        history_error = snap.errors.get("history")
        if isinstance(policy_error, UsageError):
            self.notice.show_message(
                self.tr("No insurance yet"),
                self.tr("Take out insurance to buy insured tracks; the terms are shown before you accept."),
                action=self.tr("Take out insurance…"),
                on_action=self.insurance_needed.emit,
                dismissable=False,
            )
        elif policy_error is not None:
            self.notice.show_error(policy_error, action=self.tr("Retry"), on_action=self.refresh)
        elif isinstance(history_error, BackendError):
            self.notice.show_message(
                self.tr("Offline: showing the policy and license list kept on this computer"),
                self.tr("The counts used and left and the history need a connection to the insurer."),
                tone=Tone.WARNING,
                action=self.tr("Retry"),
                on_action=self.refresh,
                dismissable=False,
            )
        elif history_error is not None or "list" in snap.errors:
            self.notice.show_error(
                history_error or snap.errors["list"], action=self.tr("Retry"), on_action=self.refresh
            )
        else:
            self.notice.clear()

    def _show_policy(self, snap: Snapshot) -> None:
        p = snap.policy
        f = self.fields
        f["insurer_fingerprint"].setText(
            words.fingerprint(snap.insurer_fingerprint, 8) if snap.insurer_fingerprint else DASH
        )
        self.license_ids.clear()
        if p is None:
            for key, _ in POLICY_FIELDS[:-1]:
                f[key].setText(DASH)
            self.summary.setText(self.tr("Not insured"))
            self.license_toggle.setEnabled(False)
            return
        days_left = words.days_between(snap.now, p.guarantee_end)
        f["contract_id"].setText(p.contract_id)
        f["insured"].setText(p.insured)
        n_ids = len(p.guaranteed_license_ids)
        f["guaranteed_license_ids"].setText(
            words.count(n_ids, self.tr("{n} license"), self.tr("{n} licenses"))
        )
        contents = snap.contents_by_license()
        for license_id in p.guaranteed_license_ids:
            content = contents.get(license_id)
            item = QListWidgetItem(f"{license_id}  {snap.title(content)}" if content else license_id)
            item.setData(Qt.ItemDataRole.UserRole, license_id)
            self.license_ids.addItem(item)
        self.license_toggle.setEnabled(bool(p.guaranteed_license_ids))
        premium = snap.premium_words()
        if p.check_every_play:
            premium = self.tr("{premium} (every play is checked with the insurer while online)").format(
                premium=premium
            )
        f["premium"].setText(premium)
        f["guarantee_period"].setText(
            words.count(
                days_left,
                self.tr("{start} to {end} ({n} day left)"),
                self.tr("{start} to {end} ({n} days left)"),
                start=words.long_day(p.guarantee_start),
                end=words.long_day(p.guarantee_end),
            )
        )
        f["relicensing_starts"].setText(waiting_words(p, snap.now))
        per_track, total = p.relicensing_limit_per_track, p.relicensing_limit_total
        f["limit_per_track"].setText(
            words.count(per_track, self.tr("{n} time per track"), self.tr("{n} times per track"))
        )
        f["limit_total"].setText(
            words.count(total, self.tr("{n} time in total"), self.tr("{n} times in total"))
        )
        f["price_difference_limit"].setText(
            self.tr("An alternate may cost up to {limit} more than the original").format(
                limit=words.yen(p.price_difference_limit)
            )
        )
        f["state"].setText(state_words(p.state))
        f["public_key_fingerprint"].setText(words.fingerprint(p.public_key_fingerprint, 8))
        self.summary.setText("")
        self._show_cover(snap)

    def _show_cover(self, snap: Snapshot) -> None:
        """What the user has and can do, in one glance: until when, claims left, what a claim costs."""
        p = snap.policy
        if p is None:
            self.cover.setText(self.tr("Not insured yet."))
            self.how_to_claim.setText(self.tr("Take out insurance, and a lost track is re-issued free."))
            self.report_button.setEnabled(False)
            return
        cover, how = cover_words(snap, p)
        self.cover.setText(cover)
        self.how_to_claim.setText(how)
        self.report_button.setEnabled(True)

    def _show_limits(self, snap: Snapshot) -> None:
        p, h = snap.policy, snap.history
        if p is None:
            self.total_limit.setText(DASH)
            fill(self.per_track, [])
            self._show_per_track(False)
            return
        if h is None:
            self.total_limit.setText(
                words.count(
                    p.relicensing_limit_total,
                    self.tr(
                        "Limits: {n} re-licensing in total, {per_track} per track. The counts used and left "
                        "need a connection to the insurer."
                    ),
                    self.tr(
                        "Limits: {n} re-licensings in total, {per_track} per track. The counts used and left "
                        "need a connection to the insurer."
                    ),
                    per_track=p.relicensing_limit_per_track,
                )
            )
            fill(self.per_track, [])
            self._show_per_track(False)
            return
        self._show_per_track(True)
        left = max(0, p.relicensing_limit_total - h.relicensing_count)
        self.total_limit.setText(
            self.tr("In total: {used} of {total} used, {left} left").format(
                used=h.relicensing_count, total=p.relicensing_limit_total, left=left
            )
        )
        rows = []
        of = self.tr("{left} of {total}")
        for item in h.items:
            used = item.relicense_count
            remaining = max(0, p.relicensing_limit_per_track - used)
            tooltip = ""
            if item.original_content_id != item.content_id:
                tooltip = self.tr("An alternate for {title}").format(
                    title=snap.title(item.original_content_id)
                )
            rows.append(
                [
                    Cell(snap.title(item.content_id), tooltip=tooltip),
                    Cell(words.yen(snap.price(item.content_id, item.price)), item.price, number=True),
                    Cell(str(used), used, number=True),
                    Cell(
                        of.format(left=remaining, total=p.relicensing_limit_per_track), remaining, number=True
                    ),
                ]
            )
        fill(self.per_track, rows)

    def _show_per_track(self, shown: bool) -> None:
        self.per_track.setVisible(shown)
        self._limits_rest.setVisible(not shown)

    def _show_history(self, snap: Snapshot) -> None:
        h = snap.history
        hf = self.history_fields
        if h is None:
            for label in hf.values():
                label.setText(DASH)
            fill(self.events, [])
            self.history_note.setText(
                self.tr("The history is kept by the insurer: it shows when you are online.")
            )
            self.history_note.setVisible(snap.insured)
            return
        self.history_note.hide()
        hf["user"].setText(h.user)
        hf["first_contract_at"].setText(words.long_moment(words.wire_time(h.first_contract_at)))
        hf["relicensing_count"].setText(str(h.relicensing_count))
        hf["gross_amount"].setText(words.yen(h.gross_amount))
        rows = []
        for ev in h.events:
            at = words.wire_time(ev.at)
            rows.append(
                [
                    Cell(words.moment(at), ev.at),
                    Cell(event_words(ev.kind)),
                    Cell(snap.title(ev.content_id)),
                    Cell(words.yen(ev.amount), ev.amount, number=True),
                ]
            )
        fill(self.events, rows)

    def _show_list(self, snap: Snapshot) -> None:
        t = snap.trusted
        lf = self.list_fields
        if t is None:
            for label in lf.values():
                label.setText(DASH)
            fill(self.licenses, [])
            return
        lf["version"].setText(str(t.version))
        lf["issued_at"].setText(words.long_moment(t.issued_at))
        left = words.time_left(t.expires_at, snap.now)
        lf["expires_at"].setText(
            self.tr("{moment} ({left} from now)").format(moment=words.long_moment(t.expires_at), left=left)
        )
        rows = []
        for e in t.entries:
            valid = e.state is LicenseState.VALID
            when = e.invalidated_at
            state = Cell(self.tr("Valid") if valid else self.tr("Invalid"))
            if not valid:
                bold = QFont(state.font())
                bold.setBold(True)
                state.setFont(bold)
            rows.append(
                [
                    Cell(e.license_id),
                    Cell(snap.title(e.content_id), tooltip=e.content_id),
                    state,
                    Cell(words.day(when) if when else "", when.isoformat() if when else ""),
                    Cell(reason_words(e)),
                ]
            )
        fill(self.licenses, rows)
        self.licenses.sortItems(3, Qt.SortOrder.DescendingOrder)

    def table(self, name: str) -> QTableWidget:
        return {"limits": self.per_track, "events": self.events, "licenses": self.licenses}[name]
