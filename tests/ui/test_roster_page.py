"""The roster grid, driven through real widgets: generate, see a conflict, fix it, publish."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal
from tests.ui.test_tree_workflows import select_path


def test_generate_see_a_conflict_fix_it_and_publish(qtbot: Any, window: MainWindow) -> None:
    page = window.roster
    window.tabs.setCurrentWidget(page)
    select_path(window, 0, 0)  # the first station
    page.month.setText("2027-02")
    page.refresh()
    grid = page.model.grid
    assert grid is not None and len(grid.days) == 28 and grid.rows
    assert page.problems.count() > 0  # an empty month is all understaffed
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.problems.count() == 0, timeout=30_000)
    grid = page.model.grid
    assert grid is not None and all(grid.cells.get((r, 0)) for r in range(len(grid.rows)))

    # Put the officer of row 0 on day 1 into row 1 on day 1 as well: on duty twice.
    name = grid.cells[0, 0][0]
    target = next(r for r in range(1, len(grid.rows)) if grid.rows[r].shift == grid.rows[0].shift)

    def add_twice(dialog: RosterCellDialog) -> None:
        for n in range(dialog.people.count()):
            item = dialog.people.item(n)
            if item is not None and item.text().startswith(name):
                assert "—" in item.text()  # the pool says what speaks against it
                item.setCheckState(Qt.CheckState.Checked)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

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
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    modal = Modal(RosterCellDialog, take_off)
    page.edit_cell(page.model.index(target, 0))
    modal.check()
    assert page.problems.count() == 0
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert "已发布" in page.title.text()
