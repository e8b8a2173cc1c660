"""The 排班 page as the demo's 社区民警 (minjing) would use it, through real widgets: it opens
on their station without choosing anything; they generate and edit their own office's rows
from the keyboard and the right-click menu; others' rows refuse; publishing is the clerk's,
who is asked first when slots are open. And the month grid at 1366×768: every day in view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from desktop.demo.generator import DEMO_PASSWORD
from desktop.domain.hierarchy import NodeKind
from desktop.services.accounts import users
from desktop.services.jurisdiction import hierarchy
from desktop.ui.dialogs.roster_cell_dialog import RosterCellDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.roster_page import RosterPage
from tests.ui.conftest import Modal

MONTH = "2027-02"


def open_as(window: MainWindow, username: str, month: str = MONTH) -> RosterPage:
    """The page as `username` sees it with nothing chosen in the tree."""
    assert window.db is not None
    users.login(window.db, username, DEMO_PASSWORD)
    page = window.roster
    window.tabs.setCurrentWidget(page)
    page.month.setText(month)
    page.set_context(window.db, None)
    return page


def own_rows(page: RosterPage) -> list[int]:
    grid = page.model.grid
    assert grid is not None
    return sorted(grid.plannable)


def press(page: RosterPage, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtTest import QTest

    page.view.setFocus()
    QTest.keyClick(page.view, key, modifier)


def test_a_community_officer_plans_their_own_office(
    qtbot: Any, window: MainWindow, quick_rosters: None, messages: list[tuple[str, str]]
) -> None:
    page = open_as(window, "minjing")
    assert window.db is not None and window.db.actor is not None
    office = window.db.actor.node
    assert office is not None and office.kind == NodeKind.OFFICE
    # Opens on the office's station, its whole month readable.
    assert page.station is not None and page.station.id == hierarchy.station_of(window.db, office)
    grid = page.model.grid
    assert grid is not None and len(grid.days) == 28
    mine = own_rows(page)
    assert mine and len(mine) < len(grid.rows)  # their 巡点 and desk, not the zones
    assert all(grid.rows[r].label.startswith(("巡点", "接待")) for r in mine)
    # Publishing is the clerk's: disabled, saying who may.
    assert not page.publish_button.isEnabled()
    assert "内勤" in page.publish_button.toolTip()
    assert page.generate_button.isEnabled()

    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.model.grid and page.model.grid.cells), timeout=30_000)
    grid = page.model.grid
    assert grid is not None
    filled = {r for r, _c in grid.cells}
    assert filled and filled <= set(mine)  # only their rows were generated

    # Another planner's row: Enter refuses, saying who may; the fill button says so too.
    other = next(r for r in range(len(grid.rows)) if r not in mine)
    page.view.setCurrentIndex(page.model.index(other, 0))
    assert not page.fill_button.isEnabled() and "内勤" in page.fill_button.toolTip()
    press(page, Qt.Key.Key_Return)
    assert messages and messages[-1][0] == "information" and "内勤" in messages[-1][1]
    tip = page.model.index(other, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "内勤" in tip

    # Their own point's early row: Enter opens the cell.
    row = next(r for r in mine if grid.rows[r].label.startswith("巡点"))
    staffed = next(c for c in range(len(grid.days)) if grid.cells.get((row, c)))
    page.view.setCurrentIndex(page.model.index(row, staffed))
    assert page.fill_button.isEnabled()

    on_duty = grid.ids[row, staffed]

    def look(dialog: RosterCellDialog) -> None:
        assert dialog.chosen() == on_duty
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    modal = Modal(RosterCellDialog, look)
    press(page, Qt.Key.Key_Return)
    modal.check()

    # Ctrl+C on it, Ctrl+V into the next two days: the same officers there, set by hand.
    officers = grid.ids[row, staffed]
    press(page, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    targets = [c for c in range(len(grid.days)) if c != staffed][:2]
    page.view.setCurrentIndex(page.model.index(row, targets[0]))
    selection = page.view.selectionModel()
    for column in targets:
        selection.select(page.model.index(row, column), QItemSelectionModel.SelectionFlag.Select)
    press(page, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    grid = page.model.grid
    assert grid is not None
    assert all(grid.ids.get((row, c)) == officers for c in targets)

    # Delete asks, then clears the selected cells.
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(row, targets[0]))
    asked = len(messages)
    press(page, Qt.Key.Key_Delete)
    assert messages[asked][0] == "question"
    grid = page.model.grid
    assert grid is not None and not grid.cells.get((row, targets[0]))
    assert (row, targets[0]) in grid.problems  # left short: red

    # The right-click menu holds the same, and the filter to one officer.
    page.view.setCurrentIndex(page.model.index(row, staffed))
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, read_menu)
            return
        seen.extend(a.text() for a in menu.actions() if a.text())
        only = next(a for a in menu.actions() if "只看" in a.text())
        menu.close()
        only.trigger()

    QTimer.singleShot(20, read_menu)
    rect = page.view.visualRect(page.model.index(row, staffed))
    page.cells.menu(rect.center())
    assert any("复制" in t for t in seen) and any("粘贴" in t for t in seen)
    assert page.officer.currentData() == officers[0]
    shown = [r for r in range(page.model.rowCount()) if not page.view.isRowHidden(r)]
    assert row in shown and len(shown) < page.model.rowCount()


def test_the_clerk_is_asked_before_publishing_open_slots(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    page = open_as(window, "neiqin")
    grid = page.model.grid
    assert grid is not None and grid.open  # an empty month: every slot is open
    assert page.publish_button.isEnabled() and set(own_rows(page)) == set(range(len(grid.rows)))
    # The open slots say why, in the list and in the red cell's tooltip.
    assert "空缺" in page.problems.item(0).text()
    (row, day), _slot = next(iter(grid.open.items()))
    tip = page.model.index(row, day).data(Qt.ItemDataRole.ToolTipRole)
    assert "空缺" in tip and "尚未排班" in tip
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "question" and str(len(grid.open)) in messages[-1][1]


def test_the_month_grid_shows_every_day_at_1366_by_768(
    qtbot: Any, window: MainWindow, quick_rosters: None
) -> None:
    window.showNormal()
    window.resize(1366, 768)
    page = open_as(window, "neiqin", "2027-03")  # 31 days
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.model.grid and page.model.grid.cells), timeout=30_000)
    QApplication.processEvents()
    assert window.width() <= 1366  # nothing on the page forces the window wider
    view = page.view
    width = view.viewport().width()
    assert page.model.columnCount() == 31
    metrics = view.fontMetrics()
    for column in range(page.model.columnCount()):
        rect = view.visualRect(page.model.index(0, column))
        assert rect.left() >= 0 and rect.right() < width, f"day {column + 1} out of view"
        # Each cell's text whole, not cut short: surnames that fit, or a count.
        for row in range(page.model.rowCount()):
            text = page.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            assert metrics.horizontalAdvance(text) <= rect.width() - 6, (row, column, text)
    assert view.horizontalScrollBar().maximum() == 0
    # A week's zoom: seven days with whole names.
    page.zoom.setCurrentIndex(1)
    assert page.model.columnCount() == 7
    grid = page.model.grid
    assert grid is not None
    key = next(k for k in grid.cells if k[1] < 7)
    shown = page.model.index(key[0], key[1]).data(Qt.ItemDataRole.DisplayRole)
    assert shown == "\n".join(grid.cells[key])
    page.zoom.setCurrentIndex(0)
    assert page.model.columnCount() == 31
