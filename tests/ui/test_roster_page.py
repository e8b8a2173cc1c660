"""The roster grid, driven through real widgets: generate, see a conflict, fix it, publish."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal
from tests.ui.test_tree_workflows import select_path


def test_generate_see_a_conflict_fix_it_and_publish(
    qtbot: Any, window: MainWindow, quick_rosters: None
) -> None:
    page = window.roster
    window.tabs.setCurrentWidget(page)
    select_path(window, 0, 0)  # the first station
    page.month.setText("2027-02")
    page.refresh()
    grid = page.model.grid
    assert grid is not None and len(grid.days) == 28 and grid.rows
    assert page.problems.count() > 0  # an empty month is all understaffed
    assert page.problems.isVisibleTo(page) and str(page.problems.count()) in page.check.text()
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.problems.count() == 0, timeout=30_000)
    # No blank box: the line says the month keeps the rules, and the list is gone.
    assert not page.problems.isVisibleTo(page)
    assert page.check.text() == page.tr("Rule check: every duty of the month keeps the rules.")
    grid = page.model.grid
    assert grid is not None
    assert all(grid.cells.get((r, 0)) for r in range(len(grid.rows)) if (r, 0) not in grid.closed)

    # Put the officer of the first 巡点's row on day 1 into another 巡点 the same shift and
    # day as well: on duty twice (both take the same forces, so both pools name them).
    points = [r for r, row in enumerate(grid.rows) if row.label.startswith("巡点")]
    first = points[0]
    name = grid.cells[first, 0][0]
    target = next(r for r in points[1:] if grid.rows[r].shift == grid.rows[first].shift)

    def add_twice(dialog: RosterCellDialog) -> None:
        for n in range(dialog.people.count()):
            item = dialog.people.item(n)
            if item is not None and item.text().startswith(name):
                assert "—" in item.text()  # the pool says what speaks against it
                item.setCheckState(Qt.CheckState.Checked)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    modal = Modal(RosterCellDialog, add_twice)
    page.edit_cell(page.model.index(target, 0))
    modal.check()
    index = page.model.index(target, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "同时" in index.data(Qt.ItemDataRole.ToolTipRole)

    def take_off(dialog: RosterCellDialog) -> None:
        for n in range(dialog.people.count()):
            item = dialog.people.item(n)
            if item is not None and item.text().startswith(name):
                item.setCheckState(Qt.CheckState.Unchecked)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    modal = Modal(RosterCellDialog, take_off)
    page.edit_cell(page.model.index(target, 0))
    modal.check()
    assert page.problems.count() == 0
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert "已发布" in page.title.text()


def test_fill_a_pattern_copy_it_and_see_the_history(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from desktop.services.patrol import roster_grid
    from desktop.ui.dialogs.roster_cell_dialog import RosterFillDialog
    from desktop.ui.dialogs.roster_history_dialog import RosterHistoryDialog

    page = window.roster
    window.tabs.setCurrentWidget(page)
    select_path(window, 0, 0)
    page.month.setText("2027-02")
    page.refresh()
    grid = page.model.grid
    assert grid is not None
    # A reception desk's row: grey on the days its office does not receive the public.
    desk = next(n for n, r in enumerate(grid.rows) if "接待" in r.label)
    closed = [c for c in range(7) if (desk, c) in grid.closed]
    assert closed and page.model.index(desk, closed[0]).data(Qt.ItemDataRole.BackgroundRole)
    # Select Monday to Friday of the first week in a 巡点's early row.
    row = next(
        n for n, r in enumerate(grid.rows) if r.label.startswith("巡点") and r.shift == "early"
    )
    page.view.setCurrentIndex(page.model.index(row, 0))
    selection = page.view.selectionModel()
    for column in range(5):
        selection.select(page.model.index(row, column), QItemSelectionModel.SelectionFlag.Select)
    names: list[str] = []

    def pick_two(dialog: RosterFillDialog) -> None:
        picked = 0
        for n in range(dialog.people.count()):
            item = dialog.people.item(n)
            if item is not None and "—" not in item.text() and picked < 2:
                item.setCheckState(Qt.CheckState.Checked)
                names.append(item.text().split("（")[0])
                picked += 1
        dialog.days[2].setChecked(False)  # not on Wednesdays
        dialog.accept()

    modal = Modal(RosterFillDialog, pick_two)
    page.fill()
    modal.check()
    grid = page.model.grid
    assert grid is not None
    assert [grid.cells.get((row, c)) for c in range(5)] == [
        [names[0]],
        [names[1]],
        None,
        [names[0]],
        [names[1]],
    ]
    # Into the next week, cell by cell.
    page.view.setCurrentIndex(page.model.index(row, 7))
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    grid = page.model.grid
    assert grid is not None and grid.cells.get((row, 7)) == [names[0]]
    assert "4" in page.title.text().split("—")[-1]  # 4 duties copied (Wednesday was left out)

    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert page.db is not None and page.station is not None
    day = grid.days[3]
    roster_grid.set_cell(page.db, grid.rows[row].unit, "early", day, [])
    page.refresh()
    after = page.model.grid
    assert after is not None and after.published and after.drafts == 0  # taken off, not added

    def read(dialog: RosterHistoryDialog) -> None:
        assert dialog.table.rowCount() == 1
        assert names[0] in dialog.table.item(0, 4).text()  # type: ignore[union-attr]
        dialog.reject()

    modal = Modal(RosterHistoryDialog, read)
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    modal.check()


def test_the_sub_bureau_rosters_its_lines(
    qtbot: Any, window: MainWindow, quick_rosters: None
) -> None:
    page = window.roster
    window.tabs.setCurrentWidget(page)
    select_path(window, 0)
    page.month.setText("2027-02")
    page.refresh()
    grid = page.model.grid
    assert grid is not None and grid.rows
    assert all(r.label.startswith("巡线") for r in grid.rows)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.problems.count() == 0, timeout=30_000)


def test_check_ins_are_held_against_the_demo_roster(
    qtbot: Any, window: MainWindow, tmp_path: Any
) -> None:
    from datetime import date, timedelta

    from desktop.services.patrol import checkins
    from desktop.ui.dialogs.checkin_dialog import FILLS, CheckinDialog

    page = window.roster
    window.tabs.setCurrentWidget(page)
    select_path(window, 0, 0)
    last_month = date.today().replace(day=1) - timedelta(days=1)
    page.month.setText(f"{last_month:%Y-%m}")  # the demo rosters it and checks in on it
    page.refresh()

    def look(dialog: CheckinDialog) -> None:
        states = {h.state for h in dialog.held}
        assert dialog.table.rowCount() == len(dialog.held) > 100
        assert states == {checkins.ON_TIME, checkins.LATE, checkins.MISSED}
        row = next(n for n, h in enumerate(dialog.held) if h.state == checkins.MISSED)
        colour = dialog.table.item(row, 4).background().color().name()  # type: ignore[union-attr]
        missed_fill = FILLS[checkins.MISSED].lower()  # QColor names are lower case
        assert colour == missed_fill and "未到" in dialog.table.item(row, 4).text()  # type: ignore[union-attr]
        missed = dialog.held[row]
        sheet = tmp_path / "补录.csv"
        unit = missed.unit.split(" ", 1)[1]
        at = {"夜班": "00:05", "早班": "08:05", "中班": "16:05"}[missed.shift]
        sheet.write_text(
            f"姓名,巡逻点,打卡时间\n{missed.officer},{unit},{missed.day} {at}\n", encoding="utf-8"
        )
        before = len([h for h in dialog.held if h.state == checkins.MISSED])
        dialog.import_file(sheet)
        after = len([h for h in dialog.held if h.state == checkins.MISSED])
        assert after == before - 1 and "1" in dialog.summary.text()
        dialog.reject()

    modal = Modal(CheckinDialog, look)
    qtbot.mouseClick(page.checkins_button, Qt.MouseButton.LeftButton)
    modal.check()
