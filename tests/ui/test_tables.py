"""The dialogs' read-only tables: nothing typed in a cell, a click selects as the dialog asks,
and the columns share the width as it says."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from desktop.ui.widgets.tables import read_only_table


def test_a_cell_is_never_edited_and_a_click_takes_one_whole_row(qtbot: Any) -> None:
    table = read_only_table(
        ["单位", "指纹", "状态"],
        2,
        fit=QHeaderView.ResizeMode.ResizeToContents,
        stretch=[0],
        whole_rows=True,
        single=True,
        row_headers=False,
    )
    qtbot.addWidget(table)
    for row in range(2):
        for column in range(3):
            table.setItem(row, column, QTableWidgetItem(f"{row}-{column}"))
    table.resize(600, 200)
    table.show()
    qtbot.waitExposed(table)
    cell = table.visualRect(table.model().index(1, 1)).center()
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.keyClick(table, Qt.Key.Key_F2)
    QTest.keyClicks(table, "x")
    assert table.state() != table.State.EditingState
    item = table.item(1, 1)
    assert item is not None and item.text() == "1-1"
    assert sorted(i.column() for i in table.selectedIndexes()) == [0, 1, 2]  # row 1, whole
    first = table.visualRect(table.model().index(0, 2)).center()
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, first
    )
    assert {i.row() for i in table.selectedIndexes()} == {0}  # one row at a time
    assert table.verticalHeader().isHidden()
    modes = [table.horizontalHeader().sectionResizeMode(c) for c in range(3)]
    assert modes == [QHeaderView.ResizeMode.Stretch, *[QHeaderView.ResizeMode.ResizeToContents] * 2]


def test_by_default_cells_select_one_by_one_under_row_numbers(qtbot: Any) -> None:
    table = read_only_table(["日期", "班次"], 2, stretch_last=True)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, 0)).center(),
    )
    assert [(i.row(), i.column()) for i in table.selectedIndexes()] == [(0, 0)]
    assert not table.verticalHeader().isHidden()
    assert table.horizontalHeader().stretchLastSection()
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
