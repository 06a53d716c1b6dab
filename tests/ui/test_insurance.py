"""The Insurance page: every FIG.6B field, the limits used and left, the FIG.6A history, the FIG.7 list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player import words
from player.ui.insurance.tabs import ADVANCED_FIELDS, DASH, POLICY_FIELDS
from player.ui.insurance.view import InsuranceView
from player.ui.kit.tables import texts
from player.ui.session import UiSession
from tests.conftest import StartBackend
from tests.support.backend import Backend
from tests.ui.conftest import MakeSession, unique_name
from tests.ui.visible_text import assert_words_plain

WAIT = 60_000


def open_insurance(qtbot: QtBot, session: UiSession) -> InsuranceView:
    view = InsuranceView(session)
    qtbot.addWidget(view)
    view.resize(1180, 720)
    view.show()  # the first show gathers the snapshot on the worker
    qtbot.waitUntil(lambda: view.loaded, timeout=WAIT)
    return view


def on_worker(qtbot: QtBot, session: UiSession, fn: Any) -> Any:
    """Run a core call on the session's worker (where the UI runs them) and wait for its answer."""
    box: list[Any] = []
    session.call(lambda _: fn(), box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return box[0]


def field(view: InsuranceView, key: str) -> str:
    return view.fields[key].text()


def test_every_fig6b_field_is_shown(qtbot: QtBot, make_session: MakeSession, module_backend: Backend) -> None:
    name = unique_name("hanako")
    session = make_session(module_backend.url, user=name, insured=True)
    for content_id in ("aurora-0003", "harbor-0002"):
        session.terminal.purchases.buy(content_id)
    policy = session.terminal.account.policy()
    view = open_insurance(qtbot, session)

    for key, _ in POLICY_FIELDS + ADVANCED_FIELDS:
        assert field(view, key) not in ("", DASH), key
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Your cover", "History", "Advanced"]
    cover = view.cover.text()
    assert cover.startswith(f"You’re covered until {words.long_day(policy.guarantee_end)}"), cover
    assert f"claims left: {policy.relicensing_limit_total} of {policy.relicensing_limit_total}" in cover
    assert "A claim costs nothing" in view.how_to_claim.text() and view.report_button.isEnabled()
    assert field(view, "contract_id") == policy.contract_id
    assert field(view, "insured") == name
    assert field(view, "guaranteed_license_ids") == "2 licenses"
    premium = field(view, "premium")
    assert premium == "8% of the price at Aurora Records, 10% at Blue Harbor Music, paid with each purchase"
    period = field(view, "guarantee_period")
    # one form of a date outside the tables: the long one, as in the sentence above
    assert words.long_day(policy.guarantee_start) in period and words.long_day(policy.guarantee_end) in period
    # The demo backend has no waiting period: claims are accepted from the contract date.
    starts = words.long_day(policy.relicensing_starts)
    assert field(view, "relicensing_starts") == f"Claims accepted from {starts}"
    assert field(view, "limit_per_track") == f"{policy.relicensing_limit_per_track} times per track"
    assert field(view, "limit_total") == f"{policy.relicensing_limit_total} times in total"
    assert words.yen(policy.price_difference_limit) in field(view, "price_difference_limit")
    assert field(view, "state") == "Official"
    grouped = field(view, "public_key_fingerprint")
    assert grouped.replace(" ", "").replace("\n", "") == policy.public_key_fingerprint
    assert grouped.split("\n")[0].split(" ")[:2] == [
        policy.public_key_fingerprint[:4],
        policy.public_key_fingerprint[4:8],
    ]
    insurer = field(view, "insurer_fingerprint")
    assert insurer.replace(" ", "").replace("\n", "") == session.terminal.connection.insurer_fingerprint()

    # The guaranteed license IDs, under Advanced: a count, and the list itself behind a toggle.
    assert not view.license_ids.isVisible()  # not on the first tab
    view.tabs.setCurrentIndex(2)
    assert view.license_ids.isVisible()
    ids = [view.license_ids.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.license_ids.count())]
    titles = {e.row.license_id: e.row.title for e in session.terminal.library.entries()}
    for i in range(view.license_ids.count()):  # each ID with its track's title
        item = view.license_ids.item(i)
        assert item.text().endswith(titles[item.data(Qt.ItemDataRole.UserRole)])
    assert sorted(ids) == sorted(policy.guaranteed_license_ids)
    view.license_toggle.click()
    assert not view.license_ids.isVisible() and view.license_toggle.text() == "Show IDs"

    # FIG.6A for this user, before any claim; FIG.7 with both licenses valid.
    assert view.history_fields["user"].text() == name
    assert view.history_fields["relicensing_count"].text() == "0"
    assert view.history_fields["gross_amount"].text() == "¥0"
    assert view.history_fields["first_contract_at"].text().endswith("UTC")
    assert view.table("events").rowCount() == 0
    licenses = texts(view.table("licenses"))
    assert sorted(r[0] for r in licenses) == sorted(policy.guaranteed_license_ids)
    assert {r[2] for r in licenses} == {"Valid"}
    assert view.list_fields["version"].text().isdigit()
    assert "days from now" in view.list_fields["expires_at"].text()
    assert view.notice.isHidden()


def test_counts_used_and_left_change_after_a_claim(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name(), insured=True)
    session.terminal.purchases.buy("aurora-0005")
    session.terminal.purchases.buy("harbor-0006")
    session.refresh_library()
    view = open_insurance(qtbot, session)
    policy = session.terminal.account.policy()
    per_track, total = policy.relicensing_limit_per_track, policy.relicensing_limit_total
    assert view.total_limit.text() == f"In total: 0 of {total} used, {total} left"
    assert {r[3] for r in texts(view.table("limits"))} == {f"{per_track} of {per_track}"}
    lost_license = session.terminal.library.resolve("aurora-0005").license_id

    # A claim through the core (as the loss dialog makes it), then the sync that the session pushes.
    on_worker(qtbot, session, lambda: session.terminal.claims.report_loss(["aurora-0005"]))
    with qtbot.waitSignal(view.refreshed, timeout=WAIT):
        session.sync()

    assert view.total_limit.text() == f"In total: 1 of {total} used, {total - 1} left"
    limits = {r[0]: r for r in texts(view.table("limits"))}
    title = next(e.row.title for e in session.library if e.row.content_id == "aurora-0005")
    assert limits[title][2:] == ["1", f"{per_track - 1} of {per_track}"]
    other = next(r for t, r in limits.items() if t != title)
    assert other[2:] == ["0", f"{per_track} of {per_track}"]

    # FIG.6A: the count, the gross amount of guarantee (the track's price) and the event.
    assert view.history_fields["relicensing_count"].text() == "1"
    assert view.history_fields["gross_amount"].text() == limits[title][1]
    [event] = texts(view.table("events"))
    assert event[1] == "Re-issued (the same track)"
    assert event[2] == title and event[3] == limits[title][1]  # one amount for the track everywhere
    assert "L-" not in " ".join(event)  # license IDs are under Advanced only
    # The summary at the top follows the claim without a Refresh.
    assert f"claims left: {total - 1} of {total}" in view.cover.text()
    assert_words_plain()  # every tab after the claim (Advanced, which holds the IDs, aside)

    # FIG.7: the lost license is invalid, dated, with its reason in words.
    rows = {r[0]: r for r in texts(view.table("licenses"))}
    assert rows[lost_license][1:3] == [title, "Invalid"]
    assert rows[lost_license][3] == words.day(session.terminal.now())
    assert rows[lost_license][4] == "Re-distributed after a loss report: a new copy replaces this one"
    assert field(view, "guaranteed_license_ids") == "2 licenses"


def test_the_list_says_in_words_why_a_discontinued_track_was_replaced(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        session.terminal.purchases.buy("harbor-0004")
        backend.admin("/content/harbor-0004/discontinue")
        _, [outcome] = session.terminal.claims.report_loss(["harbor-0004"])
        assert outcome.outcome == "alternates_offered"
        alternate = outcome.alternates[0]
        old_license = session.terminal.library.resolve("harbor-0004").license_id
        session.terminal.claims.choose(outcome.item_id, alternate.alternate_id)
        view = open_insurance(qtbot, session)

        rows = {r[0]: r for r in texts(view.table("licenses"))}
        assert rows[old_license][2] == "Invalid"
        assert (
            rows[old_license][4] == "Replaced by an alternate track (the supplier discontinued the original)"
        )
        [event] = texts(view.table("events"))
        assert event[1] == "Alternate chosen"
        assert event[2] == alternate.title  # the alternate is in the library now: shown by its title
        limits = texts(view.table("limits"))
        assert [r[0] for r in limits] == [alternate.title]
        assert limits[0][1] == event[3] == words.yen(alternate.price)  # the same amount in both tables
        cell = view.table("limits").item(0, 0)
        assert cell is not None
        tip = cell.toolTip()
        assert tip.startswith("An alternate for ")


def test_offline_the_cached_policy_and_list_show_with_a_note(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend() as backend:
        session = make_session(backend.url, user=unique_name(), insured=True, timeout=3)
        session.terminal.purchases.buy("aurora-0008")
        policy = session.terminal.account.policy()
    # The backend is gone; the terminal still holds its verified policy and list.
    view = open_insurance(qtbot, session)
    assert field(view, "contract_id") == policy.contract_id
    assert field(view, "state") == "Official"
    assert field(view, "guaranteed_license_ids") == "1 license"
    assert [r[2] for r in texts(view.table("licenses"))] == ["Valid"]
    assert view.notice.isVisible()
    assert view.notice.title.text().startswith("Offline")
    assert "need a connection" in view.notice.text.text()
    assert "need a connection" in view.total_limit.text()
    assert view.history_fields["relicensing_count"].text() == DASH
    assert view.history_note.text().startswith("The history is kept by the insurer")
    assert view.notice.action.text() == "Retry"
    view.notice.action.click()  # still offline: the same page, no crash
    qtbot.waitUntil(lambda: not view.loading, timeout=WAIT)
    assert field(view, "contract_id") == policy.contract_id


def test_a_waiting_period_says_how_many_days_are_left(
    qtbot: QtBot, make_session: MakeSession, start_backend: StartBackend
) -> None:
    with start_backend("--waiting-days", "7") as backend:
        session = make_session(backend.url, user=unique_name(), insured=True)
        policy = session.terminal.account.policy()
        view = open_insurance(qtbot, session)
        starts = words.long_day(policy.relicensing_starts)
        assert field(view, "relicensing_starts") == (
            f"Waiting period: 7 days left (claims accepted from {starts})"
        )
        assert field(view, "state").startswith("Provisional")  # nothing bought yet
        assert field(view, "guaranteed_license_ids") == "0 licenses"
        assert not view.license_toggle.isEnabled()
        assert "Waiting period: 7 days left" in view.how_to_claim.text()


def test_without_insurance_the_page_offers_to_take_it_out(
    qtbot: QtBot, make_session: MakeSession, module_backend: Backend
) -> None:
    session = make_session(module_backend.url, user=unique_name())
    view = open_insurance(qtbot, session)
    assert view.notice.title.text() == "No insurance yet"
    assert field(view, "contract_id") == DASH
    # The insurer's key is known even so (pinned on first contact).
    assert field(view, "insurer_fingerprint") != DASH
    with qtbot.waitSignal(view.insurance_needed, timeout=1000):
        qtbot.mouseClick(view.notice.action, Qt.MouseButton.LeftButton)
