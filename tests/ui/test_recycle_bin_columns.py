"""The recycle bin's 删除时间 on one line, whole, at the dialog's own size."""

from __future__ import annotations

from typing import Any

from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from desktop.ui.main_window import MainWindow
from tests.ui.test_tree_workflows import empty_grid


def test_the_deletion_time_is_not_wrapped(qtbot: Any, window: MainWindow) -> None:
    empty_grid(window)
    window.actions_.delete.trigger()
    assert window.db is not None
    dialog = RecycleBinDialog(window, window.db)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert table.rowCount() >= 1 and not table.wordWrap()
    when = table.item(0, 2)
    assert when is not None and len(when.text()) == len("2026-12-02 07:22")
    needed = table.fontMetrics().horizontalAdvance(when.text())
    assert table.columnWidth(2) > needed  # whole, with the cell's margins
    header = table.horizontalHeader()
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance("删除时间")
