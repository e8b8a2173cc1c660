"""The visit, reminder and follow-up pages over the demo jurisdiction, through real widgets."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from desktop.domain.dates import parse_date
from desktop.domain.findings import Urgency
from desktop.domain.palette import DUE_SOON, OVERDUE
from desktop.domain.visit_cadence import Cadence
from desktop.services.register import findings, search, visits
from desktop.ui.dialogs.finding_step_dialog import FindingStepDialog
from desktop.ui.dialogs.visit_dialog import VisitDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.ui.conftest import Modal, type_text
from tests.ui.test_tree_workflows import select_path


def background(model: Any, row: int) -> QColor | None:
    return model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)


def test_visit_list_filters_by_kind_officer_dates_and_text(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0, 0)
    page = window.visits
    window.tabs.setCurrentWidget(page)
    assert page.model.rowCount() == page.model.PAGE  # the first page; more as it scrolls
    days = [r.visited_on for r in page.model.rows]
    assert days == sorted(days, reverse=True)
    page.kind.setCurrentIndex(page.kind.findText("回访"))
    assert page.model.rows and {r.kind for r in page.model.rows} == {"回访"}
    page.kind.setCurrentIndex(0)
    lead = page.model.rows[0].officers.split("、")[0]  # an officer with visits here
    names = [page.officer.itemText(i).split()[0] for i in range(page.officer.count())]
    page.officer.setCurrentIndex(names.index(lead))
    name = page.officer.currentText().split()[0]
    assert page.model.rows and all(name in r.officers for r in page.model.rows)
    page.officer.setCurrentIndex(0)
    qtbot.keyClicks(page.dates.start, date.today().replace(day=1).isoformat())
    page.dates.start.editingFinished.emit()
    assert page.model.rows and all(
        r.visited_on >= date.today().replace(day=1) for r in page.model.rows
    )
    some = page.model.rows[0].enterprise
    type_text(page.filter, some[:2])
    assert page.model.rows and all(some[:2] in r.enterprise for r in page.model.rows)


def test_reminders_are_coloured_and_open_the_visit_form(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0)
    page = window.due
    window.tabs.setCurrentWidget(page)
    assert page.model.rows and all(r.cadence == Cadence.OVERDUE for r in page.model.rows)
    assert background(page.model, 0) == QColor(OVERDUE)
    assert "逾期" in page.counts.text()
    page.which.setCurrentIndex(page.which.findData(Cadence.DUE_SOON))
    assert page.model.rows and background(page.model, 0) == QColor(DUE_SOON)
    first = page.model.rows[0]
    opened: list[str] = []

    def check(dialog: VisitDialog) -> None:
        opened.append(dialog.enterprise.text())
        dialog.reject()

    modal = Modal(VisitDialog, check)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.visit(page.table.currentIndex())
    modal.check()
    assert opened == [first.name] and window.tabs.currentWidget() is window.visits


def test_a_hazard_is_followed_up_to_closed_from_its_list(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0)
    page = window.findings
    window.tabs.setCurrentWidget(page)
    page.urgency.setCurrentIndex(page.urgency.findData(Urgency.OVERDUE))
    assert page.model.rows and background(page.model, 0) == QColor(OVERDUE)
    page.urgency.setCurrentIndex(0)
    row = next(r for r in page.model.rows if r.status == "rectified")

    def close(dialog: FindingStepDialog) -> None:
        assert dialog.step.currentData() == "closed"
        dialog.officer.clear()  # someone else than the one it names
        type_text(dialog.officer, dialog.officer.people[0].label)
        type_text(dialog.note, "复查合格")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal = Modal(FindingStepDialog, close)
    page.open(page.model.index(page.model.rows.index(row), 0))
    modal.check()
    (closed,) = [
        r
        for r in findings.list_findings(window.db, None, status="closed", limit=100_000)  # type: ignore[arg-type]
        if r.id == row.id
    ]
    assert closed.urgency == Urgency.CLOSED and closed.progress and "复查合格" in closed.progress
    assert row.id not in {r.id for r in page.model.rows}  # the list shows what is still open


def test_the_enterprise_page_shows_history_and_starts_a_visit(
    qtbot: Any, window: MainWindow
) -> None:
    select_path(window, 0, 0)
    page = window.enterprises
    window.tabs.setCurrentWidget(page)
    page.table.setCurrentIndex(page.model.index(0, 0))
    chosen = page.model.rows[0]
    history = page.history.visit_model.rows
    assert history == visits.list_visits(window.db, None, enterprise_id=chosen.id)[: len(history)]  # type: ignore[arg-type]
    assert history, "demo enterprises have visits"
    names: list[str] = []

    def check(dialog: VisitDialog) -> None:
        names.append(dialog.enterprise.text())
        dialog.reject()

    modal = Modal(VisitDialog, check)
    page.visit_button.click()
    modal.check()
    assert names == [chosen.name]


def test_changing_the_intervals_moves_the_reminders(qtbot: Any, window: MainWindow) -> None:
    from desktop.services.register import cadence
    from desktop.ui.dialogs.cadence_dialog import CadenceDialog

    before = cadence.counts(window.db, None)  # type: ignore[arg-type]

    def shorten(dialog: CadenceDialog) -> None:
        for edit in dialog.edits.values():
            edit.setText("0")
        dialog.submit()
        assert dialog.error_labels["high"].text() == "请填写 1 到 366 之间的天数。"
        for edit in dialog.edits.values():
            edit.setText("7")
        qtbot.keyClick(dialog.edits["low"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal = Modal(CadenceDialog, shorten)
    window.actions_.intervals.trigger()
    modal.check()
    assert cadence.intervals(window.db) == {"high": 7, "medium": 7, "low": 7}  # type: ignore[arg-type]
    after = cadence.counts(window.db, None)  # type: ignore[arg-type]
    assert after.overdue > before.overdue
    assert "重新计算" in window.statusBar().currentMessage()


def test_export_from_the_window_writes_the_ledger(
    qtbot: Any, window: MainWindow, tmp_path: Any, monkeypatch: Any
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    select_path(window, 0, 0, 0)
    out = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    from desktop.ui.work import visit as visit_work

    said: list[str] = []
    monkeypatch.setattr(visit_work, "written", lambda _desk, _title, text, _path: said.append(text))
    window.actions_.export_visits.trigger()
    # The words as said, not the status line: the day's backup behind the window may say
    # its own there a moment later.
    qtbot.waitUntil(lambda: any("写入" in text for text in said), timeout=60_000)
    rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    expected = len(visits.list_visits(window.db, window.scope, limit=100_000))  # type: ignore[arg-type]
    # Title, line, two header rows, the visits, a blank row and the signature line.
    assert "社区警务室企业走访登记台账" in str(rows[0][0]) and len(rows) == 4 + expected + 2


def test_enterprises_of_one_community_officer(qtbot: Any, window: MainWindow) -> None:
    from desktop.services.jurisdiction import grids

    select_path(window, 0, 0)
    page = window.enterprises
    window.tabs.setCurrentWidget(page)
    page.officer.setCurrentIndex(1)
    officer = page.officer.currentData()
    assert page.model.rows
    answering = {
        g.name
        for g in grids.list_grids(window.db, None)  # type: ignore[arg-type]
        if g.community_officer
        and g.community_officer.startswith(page.officer.currentText().split()[0])
    }
    assert officer is not None and {r.grid for r in page.model.rows} <= answering


def bar_lines(page: Any) -> list[list[Any]]:
    """The widgets of each line of the page's bar that holds any."""
    lines = []
    for row in (page.bar.top, page.bar.below):
        widgets = [row.itemAt(i).widget() for i in range(row.count())]
        lines.append([w for w in widgets if w is not None])
    return [line for line in lines if line]


def test_a_crowded_bar_puts_its_buttons_on_a_line_of_their_own(
    qtbot: Any, window: MainWindow
) -> None:
    """Beside the tree on a 1366-pixel screen the enterprise register's five filters and two
    ticks leave no room: its buttons go below, at the right, and the text box keeps room
    for typing. A wider window takes them back; the visit list's bar stays one line."""
    page = window.enterprises
    window.tabs.setCurrentWidget(page)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: len(bar_lines(page)) == 2)
    filters, buttons = bar_lines(page)
    assert page.filter in filters and buttons == [
        page.new_button, page.edit_button, page.delete_button, page.visit_button
    ]  # fmt: skip
    assert page.filter.width() >= page.filter.minimumWidth() >= 100
    window.resize(page.bar.natural_width() + window.width() - page.bar.width() + 40, 768)
    qtbot.waitUntil(lambda: len(bar_lines(page)) == 1)
    assert bar_lines(page)[0][-4:] == buttons
    window.tabs.setCurrentWidget(window.visits)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.visits.bar.width() > 0)
    (line,) = bar_lines(window.visits)
    assert window.visits.filter in line and window.visits.new_button in line


def test_empty_date_boxes_say_no_limit_instead_of_showing_a_date(window: MainWindow) -> None:
    """A grey sample date in both boxes read as a range already set."""
    for edit in (window.visits.dates.start, window.findings.dates.end):
        assert edit.text() == ""
        with pytest.raises(ValueError):
            parse_date(edit.placeholderText())
        assert "2026-03-05" in edit.toolTip()


def test_a_follow_up_names_the_last_officer_or_else_the_grids(
    qtbot: Any, window: MainWindow
) -> None:
    """With no last officer still on the list: the community officer of the item's grid
    cell; after that, whoever took the clerk's last step."""
    select_path(window, 0)
    page = window.findings
    window.tabs.setCurrentWidget(page)
    first, second = page.model.rows[:2]
    settings = Settings()
    settings.set_text("finding/officer", str(uuid.uuid4()))  # somebody no longer on the list
    dialog = FindingStepDialog(None, window.db, None, first, settings)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    grid_officer = search.pick(window.db, first.enterprise_id).community_officer_id  # type: ignore[arg-type, union-attr]
    assert grid_officer is not None
    assert dialog.officer.resolve()[0] == [grid_officer]
    other = next(p for p in dialog.officer.people if p.id != grid_officer)
    dialog.officer.set_ids([other.id])
    dialog.note.setPlainText("已督促")
    assert dialog.save(dialog.collect())
    again = FindingStepDialog(None, window.db, None, second, settings)  # type: ignore[arg-type]
    qtbot.addWidget(again)
    assert again.officer.resolve()[0] == [other.id]


def test_a_leaders_pages_offer_no_button_that_writes(qtbot: Any, window: MainWindow) -> None:
    """A leader reads and exports: the buttons that would write are disabled (the services
    refuse anyway); those that open a record to read it stay."""
    from desktop.demo.generator import DEMO_PASSWORD
    from desktop.services.accounts import users

    select_path(window, 0, 0)
    scope = window.tree.current_ref()
    pages = (window.enterprises, window.visits, window.officers, window.findings, window.due)
    assert window.visits.new_button.isEnabled() and window.findings.step_button.isEnabled()
    users.login(window.db, "lingdao", DEMO_PASSWORD)  # type: ignore[arg-type]
    for page in (*pages, window.patrol, window.roster):
        page.set_context(window.db, scope)
    writes = [
        window.enterprises.visit_button,
        window.enterprises.delete_button,
        window.visits.new_button,
        window.visits.delete_button,
        window.officers.new_button,
        window.officers.delete_button,
        window.findings.step_button,
        window.due.visit_button,
        window.roster.generate_button,
        window.roster.publish_button,
        *(window.patrol.findChild(QPushButton, n) for n in ("new_unit", "delete_absence")),
    ]
    assert [b.text() for b in writes if b.isEnabled()] == []  # type: ignore[union-attr]
    reads = [
        window.enterprises.edit_button,
        window.visits.edit_button,
        window.roster.history_button,
        window.roster.schedules_button,
    ]
    assert all(b.isEnabled() for b in reads)
