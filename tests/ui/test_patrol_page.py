"""The 巡逻 page through real widgets: a unit, an absence and the shifts, each refused at the
field when wrong and kept when right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidgetItem

from desktop.services.patrol import deployment, rosters, shifts
from desktop.ui.dialogs.absence_dialog import AbsenceDialog
from desktop.ui.dialogs.patrol_unit_dialog import PatrolUnitDialog
from desktop.ui.dialogs.shifts_dialog import ShiftsDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal
from tests.ui.test_tree_workflows import select_path


def show(window: MainWindow) -> Any:
    page = window.patrol
    window.tabs.setCurrentWidget(page)
    select_path(window, 0, 0, 0)  # the first station's first office
    return page


def test_a_new_point_refused_then_saved(qtbot: Any, window: MainWindow) -> None:
    page = show(window)
    before = page.units.rowCount()
    assert before and {
        page.units.row_object(page.units.index(r, 0)).tier for r in range(before)
    } >= {
        "巡线",
        "巡区",
        "巡点",
    }

    def fill(dialog: PatrolUnitDialog) -> None:
        assert dialog.tier.currentData() == "point" and dialog.owner.count() > 0
        dialog.name.setText("学院路口巡点")
        # Thirty officers a shift: more than the station has who may patrol a 巡点.
        dialog.staffing.rows["early"][1].setValue(30)
        dialog.submit()
        assert dialog.isVisible() and dialog.error_labels["staffing"].isVisible()
        assert "只有" in dialog.error_labels["staffing"].text()
        dialog.staffing.rows["early"][1].setValue(2)
        dialog.route.setPlainText("学院路\n文三路口")
        first = dialog.grids.item(0)
        first.setCheckState(Qt.CheckState.Checked)
        dialog.submit()

    modal = Modal(PatrolUnitDialog, fill)
    page.new_unit()
    modal.check()
    assert page.units.rowCount() == before + 1
    row = next(
        page.units.row_object(page.units.index(r, 0))
        for r in range(page.units.rowCount())
        if page.units.row_object(page.units.index(r, 0)).name == "学院路口巡点"
    )
    assert row.route == "学院路 → 文三路口" and row.grids == 1


def test_an_absence_that_ends_before_it_starts_is_refused(qtbot: Any, window: MainWindow) -> None:
    page = show(window)
    page.month.setText("2027-02")
    page.refresh()
    assert page.db is not None

    def fill(dialog: AbsenceDialog) -> None:
        dialog.officer.setCurrentIndex(1)
        dialog.first.setText("2027.2.10")
        dialog.last.setText("2027年2月9日")
        dialog.submit()
        assert dialog.isVisible() and dialog.error_labels["last"].isVisible()
        dialog.last.setText("2月12")  # not a date
        dialog.submit()
        assert "2026-03-05" in dialog.error_labels["last"].text()
        dialog.last.setText("2027/02/12")
        dialog.submit()

    modal = Modal(AbsenceDialog, fill)
    before = page.absences.rowCount()
    page.new_absence()
    modal.check()
    assert page.absences.rowCount() == before + 1
    days = {
        (a.first.day, a.last.day)
        for a in deployment.list_absences(page.db, page.scope, *rosters.month_days("2027-02")[::27])
    }
    assert (10, 12) in days


def test_overlapping_shifts_are_refused_in_the_dialog(qtbot: Any, window: MainWindow) -> None:
    page = show(window)
    assert page.db is not None

    def edit(dialog: ShiftsDialog) -> None:
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "add_shift"),
            Qt.MouseButton.LeftButton,
        )
        row = dialog.table.rowCount() - 1
        for column, text in enumerate(("晚高峰", "17:00", "21:00")):
            dialog.table.setItem(row, column, QTableWidgetItem(text))
        dialog.submit()
        assert dialog.isVisible()
        assert "晚高峰" in dialog.error_labels["shifts"].text()
        dialog.table.removeRow(row)
        dialog.codes.pop()
        dialog.rest.setValue(14)
        dialog.submit()

    modal = Modal(ShiftsDialog, edit)
    page.edit_shifts()
    modal.check()
    assert len(shifts.shift_forms(page.db)) == 3
    assert shifts.rules(page.db).min_rest_hours == 14
