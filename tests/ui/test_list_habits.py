"""Issue 22, item 8: the habits of the desktop programs clerks know, on every list — F2 edits
the selected row, Delete deletes it, a right-click menu, Ctrl+C, 导出所选, row counts, pinyin
order — and Esc asks before a typed form is thrown away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from desktop.demo.generator import DEMO_PASSWORD
from desktop.services.accounts import audit, users
from desktop.services.register import visits
from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog
from desktop.ui.dialogs.grid_dialog import GridDialog
from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.dialogs.unit_dialogs import OfficeDialog
from desktop.ui.dialogs.written_dialog import WrittenBox
from desktop.ui.main_window import MainWindow
from desktop.ui.models.pinyin import pinyin_key
from desktop.ui.pages.page import Page
from tests.ui.conftest import Modal, type_text
from tests.ui.test_tree_workflows import select_path


def show(window: MainWindow, page: Page) -> Page:
    window.tabs.setCurrentWidget(page)
    QApplication.processEvents()
    return page


def test_f2_on_a_row_edits_that_row_not_the_tree_node(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0, 0, 0)  # an office in the tree: the window's F2 would edit it
    page = show(window, window.enterprises)
    assert page.table is not None
    page.table.selectRow(2)
    name = page.table.model().index(2, 0).data()
    seen: list[str] = []

    def look(dialog: EnterpriseDialog) -> None:
        seen.append(dialog.name.text())
        dialog.reject()

    modal = Modal(EnterpriseDialog, look)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    modal.check()
    assert seen == [name]
    # From the filter box of the same page: still the selected row, not the office.
    window.enterprises.filter.setFocus()
    modal = Modal(EnterpriseDialog, look)
    qtbot.keyClick(window.enterprises.filter, Qt.Key.Key_F2)
    modal.check()
    assert seen == [name, name]
    # The tree keeps its own F2.
    modal = Modal(OfficeDialog, lambda d: d.reject())
    window.activateWindow()  # the window's shortcuts need it active (offscreen: asked)
    window.tree.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    modal.check()


def test_delete_on_a_list_deletes_its_selected_rows(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    select_path(window, 0, 0, 0, 0)  # a grid cell: Delete on the tree would delete it
    page = show(window, window.visits)
    assert page.table is not None and window.db is not None
    before = visits.count_visits(window.db, window.scope)
    page.table.setFocus()
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.table.model().index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows,
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert messages[-1][0] == "question" and "2" in messages[-1][1]
    assert visits.count_visits(window.db, window.scope) == before - 2
    assert window.tree.currentIndex().isValid()  # the grid cell is still there


def test_the_right_click_menu_follows_the_role(qtbot: Any, window: MainWindow) -> None:
    page = show(window, window.officers)
    assert page.table is not None and page.habits is not None
    page.table.selectRow(0)

    def entries() -> dict[str, bool]:
        menu = page.habits.menu()  # type: ignore[union-attr]
        return {a.text().replace("&", ""): a.isEnabled() for a in menu.actions() if a.text()}

    as_admin = entries()
    assert all(as_admin.values()) and len(as_admin) == 5  # open, edit, delete, copy, export
    db = window.db
    assert db is not None
    users.logout(db)
    users.login(db, "lingdao", DEMO_PASSWORD)
    assert window._enter()
    page = show(window, window.officers)
    page.table.selectRow(0)  # type: ignore[union-attr]
    as_leader = entries()
    enabled = [text for text, on in as_leader.items() if on]
    assert len(enabled) == 3  # a leader opens to read, copies and exports; edits nothing
    assert "打开" in window.officers.edit_button.text()  # not 修改: the form opens to read

    # Shown by a real right click on a row, on the row clicked.
    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu) and menu.objectName() == "list_menu"
        menu.close()

    QTimer.singleShot(100, close_menu)
    table = page.table
    assert table is not None
    rect = table.visualRect(table.model().index(1, 0))
    table.customContextMenuRequested.emit(rect.center())
    assert table.currentIndex().row() == 1
    users.logout(db)
    users.login(db, "admin", DEMO_PASSWORD)
    assert window._enter()
    assert "修改" in window.officers.edit_button.text()


def test_copy_and_export_the_selection(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = show(window, window.enterprises)
    table = page.table
    assert table is not None and page.habits is not None and window.db is not None
    table.selectRow(0)
    table.selectionModel().select(
        table.model().index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().split("\n")
    names = [table.model().index(r, 0).data() for r in (0, 1)]
    assert [line.split("\t")[0] for line in lines] == names
    assert "****" in lines[0]  # the phone as the list shows it, masked

    out = tmp_path / "所选单位.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    export = next(a for a in page.habits.menu().actions() if a.objectName() == "list_export")
    export.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WrittenBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, WrittenBox) and box.path == out
    box.reject()
    sheet = load_workbook(out).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [v[1] for v in values] == names and len(values) == 2
    assert sheet.cell(2, 2).value == table.model().headerData(0, Qt.Orientation.Horizontal)
    entries = audit.list_entries(window.db, limit=5, action=audit.EXPORT)
    assert any(str(out) in (e.label or "") and e.kind == "enterprise" for e in entries)


def test_row_counts_under_the_lists(qtbot: Any, window: MainWindow) -> None:
    from desktop.services.register import enterprises

    assert window.db is not None
    for page, total in (
        (window.enterprises, enterprises.count_enterprises(window.db, None)),
        (window.visits, visits.count_visits(window.db, None)),
    ):
        show(window, page)
        assert page.row_count is not None and page.table is not None
        assert total > page.table.model().rowCount()  # more than the first page is read
        assert f"{total:,}" in page.row_count.text()
    people = show(window, window.officers)
    assert people.row_count is not None and people.table is not None
    assert str(people.table.model().rowCount()) in people.row_count.text()
    # A filter changes the count.
    type_text(window.visits.filter, "兰亭")
    show(window, window.visits)
    assert window.visits.row_count is not None
    assert window.visits.row_count.text() != f"{visits.count_visits(window.db, None):,}"


def test_names_in_pinyin_order(qtbot: Any, window: MainWindow) -> None:
    page = show(window, window.officers)
    assert page.table is not None
    model = page.table.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == sorted(names, key=pinyin_key)
    assert names != sorted(names)  # by character code 万 would come before 何 and 刘
    assert [n for n in ("何", "刘", "万", "张") if any(x.startswith(n) for x in names)]
    box = window.visits.officer
    people = [box.itemText(i) for i in range(1, box.count())]
    assert people == sorted(people, key=pinyin_key)


def test_esc_asks_before_a_typed_form_is_thrown_away(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    page = show(window, window.officers)
    assert page.table is not None
    page.table.selectRow(0)
    seen: dict[str, Any] = {}

    def untouched(dialog: OfficerDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
        seen["closed"] = not dialog.isVisible()

    modal = Modal(OfficerDialog, untouched)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    modal.check()
    assert seen["closed"] and not messages

    def typed(dialog: OfficerDialog) -> None:
        type_text(dialog.name, "改")
        monkey = QMessageBox.question
        QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.No  # type: ignore[method-assign]
        try:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            seen["kept"] = dialog.isVisible()
        finally:
            QMessageBox.question = monkey  # type: ignore[method-assign]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the fixture answers Yes
        seen["gone"] = not dialog.isVisible()

    modal = Modal(OfficerDialog, typed)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    modal.check()
    assert seen["kept"] and seen["gone"]
    assert messages and messages[-1][0] == "question"


def test_a_grid_form_closed_untouched_asks_nothing(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    page = show(window, window.grids)
    assert page.table is not None
    page.table.selectRow(0)
    page.table.setFocus()
    modal = Modal(GridDialog, lambda d: d.reject())
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    modal.check()
    assert not messages


def test_the_recycle_bin_and_the_users_have_their_menus(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog
    from desktop.ui.dialogs.users_dialog import UsersDialog
    from desktop.ui.widgets.list_menu import ListMenu

    page = show(window, window.visits)
    assert page.table is not None and window.db is not None
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # something in the bin
    for dialog, entry in (
        (RecycleBinDialog(window, window.db), "恢复"),
        (UsersDialog(window, window.db), "解锁"),
    ):
        qtbot.addWidget(dialog)
        habits = dialog.table.findChild(ListMenu)
        assert isinstance(habits, ListMenu)
        dialog.table.selectRow(0)
        texts = [a.text() for a in habits.menu().actions()]
        assert any(entry in t for t in texts) and any("复制" in t for t in texts)


def test_the_roster_history_speaks_the_pcs_clock_and_copies(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    from datetime import UTC, date, datetime

    from desktop.domain.dates import local_time
    from desktop.services.patrol.roster_grid import Change
    from desktop.ui.app import make_application
    from desktop.ui.dialogs.roster_history_dialog import RosterHistoryDialog
    from desktop.ui.widgets.list_menu import ListMenu

    make_application()
    monkeypatch.setenv("TZ", "Europe/Berlin")  # a PC not set to China time
    time.tzset()
    try:
        at = datetime(2026, 12, 1, 23, 22, tzinfo=UTC)
        change = Change(at, "内勤", True, date(2026, 12, 2), "巡区 北山商业街 · 早班", "张三")
        dialog = RosterHistoryDialog(None, [change])
        qtbot.addWidget(dialog)
        item = dialog.table.item(0, 0)
        assert item is not None and item.text() == local_time(at) == "2026-12-02 00:22"
        habits = dialog.table.findChild(ListMenu)
        assert isinstance(habits, ListMenu)
        dialog.table.selectRow(0)
        actions = {a.objectName(): a for a in habits.menu().actions()}
        assert actions["list_copy"].isEnabled() and not actions["list_export"].isEnabled()
        actions["list_copy"].trigger()
        assert QApplication.clipboard().text().startswith("2026-12-02 00:22\t内勤")
    finally:
        monkeypatch.undo()
        time.tzset()
