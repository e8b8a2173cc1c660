"""The jurisdiction tree driven as a user would: add, edit, move, refused delete, restore."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit

from desktop.domain.hierarchy import NodeKind, NodeRef
from desktop.services.jurisdiction import hierarchy
from desktop.ui.dialogs.move_dialog import MoveDialog
from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from desktop.ui.dialogs.unit_dialogs import OfficeDialog, StationDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models.jurisdiction_model import RefRole
from tests.ui.conftest import Modal, type_text


def select_path(win: MainWindow, *rows: int) -> QModelIndex:
    model, index = win.tree.tree_model, QModelIndex()
    for row in rows:
        if model.canFetchMore(index):
            model.fetchMore(index)
        index = model.index(row, 0, index)
        win.tree.expand(index)
    win.tree.setCurrentIndex(index)
    return index


def empty_grid(win: MainWindow) -> QModelIndex:
    """A grid cell with nothing in it, selected: demo cells hold enterprises, which a delete
    refuses (tested with the services)."""
    from desktop.services.jurisdiction import grids

    office = select_path(win, 0, 0, 0).data(RefRole)
    saved = grids.save_grid(win.db, grids.GridCellForm(office.id, "33010600100199", "空网格"))  # type: ignore[arg-type]
    assert saved.id is not None
    win.tree.reload()
    assert win.tree.reveal(NodeRef(NodeKind.GRID, saved.id))
    return win.tree.currentIndex()


def test_selecting_a_node_scopes_the_pages(qtbot: Any, window: MainWindow) -> None:
    assert window.overview.cards["grids"].value.text() == "24"
    select_path(window, 0, 0)
    assert window.overview.cards["grids"].value.text() == "12"
    assert window.scope_label.text().startswith("当前范围：")
    window.tabs.setCurrentWidget(window.grids)
    assert window.grids.model.rowCount() == 12


def test_add_a_station_from_the_keyboard(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0)
    assert window.actions_.new_child.text() == "新建派出所(&S)…"

    def fill(dialog: StationDialog) -> None:
        type_text(dialog.name, "滨江派出所")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "S099")
        dialog.phone.setFocus()
        qtbot.keyClicks(dialog.phone, "0571-87001234")
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal = Modal(StationDialog, fill)
    window.actions_.new_child.trigger()
    modal.check()
    current = window.tree.currentIndex()
    assert current.data() == "滨江派出所"
    assert current.data(RefRole).kind == NodeKind.STATION
    names = [n.name for n in hierarchy.children(window.db, current.parent().data(RefRole))]  # type: ignore[arg-type]
    assert "滨江派出所" in names


def test_bad_input_marks_the_field_in_chinese_and_saves_nothing(
    qtbot: Any, window: MainWindow
) -> None:
    select_path(window, 0, 0)
    before = hierarchy.children(window.db, window.tree.current_ref())  # type: ignore[arg-type]
    shown: dict[str, Any] = {}

    def fill(dialog: OfficeDialog) -> None:
        qtbot.keyClicks(dialog.phone, "12345")
        for box in dialog.days.boxes:
            box.setChecked(False)
        dialog.days.boxes[0].setChecked(True)
        dialog.submit()
        shown["name"] = dialog.error_labels["name"].text()
        shown["phone"] = dialog.error_labels["phone"].text()
        shown["days"] = dialog.error_labels["reception_days"].text()
        shown["visible"] = dialog.error_labels["phone"].isVisible()
        shown["open"] = dialog.isVisible()
        dialog.reject()

    modal = Modal(OfficeDialog, fill)
    window.actions_.new_child.trigger()
    modal.check()
    assert shown["name"] == "此项必填。"
    assert shown["phone"].startswith("不是有效的电话号码")
    assert shown["days"] == "警务室每周至少有两天接待群众。"
    assert shown["visible"] and shown["open"]
    assert hierarchy.children(window.db, window.tree.current_ref()) == before  # type: ignore[arg-type]


def test_edit_renames_the_node(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0, 0, 1)

    def rename(dialog: OfficeDialog) -> None:
        dialog.name.clear()
        type_text(dialog.name, "改名社区警务室")
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    modal = Modal(OfficeDialog, rename)
    window.actions_.edit.trigger()
    modal.check()
    assert window.tree.currentIndex().data() == "改名社区警务室"


def test_move_with_the_move_to_dialog(qtbot: Any, window: MainWindow) -> None:
    office = select_path(window, 0, 0, 0)
    name, ref = office.data(), office.data(RefRole)
    other_station = hierarchy.children(window.db, hierarchy.roots(window.db)[0].ref)[1]  # type: ignore[arg-type]

    def choose(dialog: MoveDialog) -> None:
        type_text(dialog.filter, other_station.name)
        dialog.accept()

    modal = Modal(MoveDialog, choose)
    window.actions_.move.trigger()
    modal.check()
    assert window.tree.currentIndex().data() == name
    assert window.tree.currentIndex().parent().data() == other_station.name
    assert hierarchy.ancestors(window.db, ref)[1] == other_station.ref  # type: ignore[arg-type]


def test_move_by_drag_and_drop(qtbot: Any, window: MainWindow) -> None:
    model = window.tree.tree_model
    grid = select_path(window, 0, 0, 0, 0)
    grid_ref = grid.data(RefRole)
    target = select_path(window, 0, 1, 2)
    mime = model.mimeData([model.find(grid_ref)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target.parent())
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    assert window.tree.current_ref() == grid_ref
    assert window.tree.currentIndex().parent().data(RefRole) == target.data(RefRole)


def test_refused_delete_explains_why(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    select_path(window, 0, 0)
    window.actions_.delete.trigger()
    kind, text = messages[-1]
    assert kind == "warning" and "下面还有 3 个社区警务室" in text
    assert window.tree.currentIndex().isValid()


def test_delete_then_restore_from_the_recycle_bin(qtbot: Any, window: MainWindow) -> None:
    grid = empty_grid(window)
    name, ref = grid.data(), grid.data(RefRole)
    office = grid.parent()
    window.actions_.delete.trigger()
    assert window.tree.tree_model.rowCount(office) == 4

    def restore(dialog: RecycleBinDialog) -> None:
        assert dialog.table.item(0, 0).text() == "网格"  # type: ignore[union-attr]
        assert name.startswith(dialog.table.item(0, 1).text())  # type: ignore[union-attr]
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 0
        dialog.reject()

    modal = Modal(RecycleBinDialog, restore)
    window.actions_.recycle_bin.trigger()
    modal.check()
    assert window.tree.reveal(ref)
    assert window.tree.currentIndex().data() == name


def test_window_remembers_its_layout(qtbot: Any, window: MainWindow) -> None:
    window.splitter.setSizes([222, 800])
    window.tabs.setCurrentIndex(2)
    select_path(window, 0, 1)
    scope = window.tree.current_ref()
    window.save_state()
    path = window.db.display_name  # type: ignore[union-attr]
    window._close_db()  # one window per database file
    again = MainWindow(window.settings)
    qtbot.addWidget(again)
    again.show()
    assert again.splitter.sizes()[0] == 222
    assert again.open_database(path)
    assert again.tabs.currentIndex() == 2  # the pages come with the database
    assert again.tree.current_ref() == scope
    again.db.close()  # type: ignore[union-attr]


def test_a_damaged_database_gets_a_message_not_a_traceback(
    qtbot: Any, window: MainWindow, tmp_path: Any, messages: list[tuple[str, str]]
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("garbage")
    assert not window.open_database(bad)
    kind, text = messages[-1]
    assert kind == "warning" and "不是社区警务工作台的数据库" in text
    assert bad.read_text() == "garbage"
    assert window.db is not None  # the open database stays open


def test_filter_box_narrows_the_grid_list(qtbot: Any, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.grids)
    edit: QLineEdit = window.grids.filter
    type_text(edit, "第03网格")
    assert window.grids.model.rowCount() == 6


def test_a_second_window_on_the_same_file_is_refused(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    other = MainWindow(window.settings)
    qtbot.addWidget(other)
    assert not other.open_database(window.db.display_name)  # type: ignore[union-attr]
    assert "已在另一个窗口中打开" in messages[-1][1]
    assert other.db is None


def test_deleting_a_node_scopes_the_pages_to_its_parent(qtbot: Any, window: MainWindow) -> None:
    grid = empty_grid(window)
    office_ref = grid.parent().data(RefRole)
    window.actions_.delete.trigger()
    assert window.tree.current_ref() == office_ref
    assert window.scope == office_ref
    assert window.actions_.edit.isEnabled()


def test_a_page_never_shown_does_not_save_default_column_widths(
    qtbot: Any, window: MainWindow
) -> None:
    window.save_state()
    assert window.settings.bytes("officers/header") is None
    window.tabs.setCurrentWidget(window.officers)  # shown: its columns are fitted, then kept
    window.save_state()
    assert window.settings.bytes("officers/header") is not None
