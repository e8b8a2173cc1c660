"""Grid and officer forms, the officer page, first run and background work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.hierarchy import NodeKind
from desktop.services.jurisdiction import grids, hierarchy, officers
from desktop.services.tasks import CancelledError, checkpoint
from desktop.ui.dialogs.grid_dialog import GridDialog
from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models.jurisdiction_model import RefRole
from desktop.ui.settings import Settings
from desktop.ui.worker import Task
from tests.backends import copy_desk, demo_key, desk_sql, open_demo
from tests.ui.conftest import Modal, type_text
from tests.ui.test_tree_workflows import select_path


def test_grid_form_refuses_a_duplicate_and_a_misshapen_code(qtbot: Any, window: MainWindow) -> None:
    office = select_path(window, 0, 0, 0)
    existing = hierarchy.children(window.db, office.data(RefRole))[0]  # type: ignore[arg-type]
    errors: list[str] = []

    def fill(dialog: GridDialog) -> None:
        type_text(dialog.name, "新建网格")
        qtbot.keyClicks(dialog.code, existing.code or "")
        dialog.submit()
        errors.append(dialog.error_labels["code"].text())
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "3301")
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        errors.append(dialog.error_labels["code"].text())
        dialog.code.clear()
        qtbot.keyClicks(dialog.code, "33010699900101")
        qtbot.keyClicks(dialog.households, "420")
        dialog.submit()

    modal = Modal(GridDialog, fill)
    window.actions_.new_child.trigger()
    modal.check()
    assert errors == ["已有其他网格使用这个编码。", errors[1]] and errors[1].startswith(
        "网格编码为 14 位数字"
    )
    assert window.tree.currentIndex().data() == "新建网格（01）"
    saved = grids.load_grid(window.db, window.tree.current_ref().id)  # type: ignore[arg-type,union-attr]
    assert (saved.code, saved.households) == ("33010699900101", 420)


def test_new_officer_from_the_officers_page(qtbot: Any, window: MainWindow) -> None:
    station = select_path(window, 0, 1)
    window.tabs.setCurrentWidget(window.officers)

    def fill(dialog: OfficerDialog) -> None:
        assert dialog.unit.currentData() == station.data(RefRole)  # the scope is the default
        type_text(dialog.name, "单雪")
        dialog.submit()  # a police officer needs a badge number
        assert dialog.error_labels["badge_no"].text() == "民警须填写警号。"
        qtbot.keyClicks(dialog.badge, "339999")
        dialog.force.setCurrentIndex(dialog.force.findData("station_patrol"))
        qtbot.keyClicks(dialog.phone, "13900001111")
        dialog.submit()

    modal = Modal(OfficerDialog, fill)
    qtbot.mouseClick(window.officers.new_button, Qt.MouseButton.LeftButton)
    modal.check()
    (found,) = officers.list_officers(window.db, station.data(RefRole), text="单雪", reveal=True)  # type: ignore[arg-type]
    assert (found.badge_no, found.force_type, found.phone) == (
        "339999",
        "派出所巡处队",
        "13900001111",
    )


def test_officer_responsible_for_grids_cannot_be_deleted(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    grid = select_path(window, 0, 0, 0, 0)
    window.tabs.setCurrentWidget(window.officers)
    assert window.officers.model.rowCount() == 2  # a grid's scope: its two responsible people
    window.officers.table.selectRow(0)
    qtbot.mouseClick(window.officers.delete_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "warning" and "请先给这些网格另行指定负责人" in messages[-1][1]
    assert len(officers.list_officers(window.db, grid.data(RefRole))) == 2  # type: ignore[arg-type]


def test_first_run_offers_the_demo(
    qtbot: Any, tmp_path: Path, monkeypatch: Any, small_is_tiny: None
) -> None:
    from desktop.ui.app import make_application

    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()

    def choose_demo(box: QMessageBox) -> None:
        box.buttons()[0].click() if box.buttons()[0].text() == "打开演示辖区" else next(
            b for b in box.buttons() if b.text() == "打开演示辖区"
        ).click()

    modal = Modal(QMessageBox, choose_demo)
    assert win.open_database(tmp_path / "empty.sqlite3")
    modal.check()
    qtbot.waitUntil(lambda: win.tree.tree_model.rowCount() == 1, timeout=60_000)
    assert "demo.sqlite3" in win.db.display_name  # type: ignore[union-attr]
    assert win.overview.cards["grids"].value.text() == "4"  # the tiny demo's four
    win.db.close()  # type: ignore[union-attr]


def test_background_task_reports_progress_and_cancels(qtbot: Any, window: MainWindow) -> None:
    seen: list[int] = []

    def job(progress: Any, cancelled: Any) -> int:
        for n in range(1, 1000):
            progress(n, 1000)
            seen.append(n)
            if n == 5:
                task.cancel()
            checkpoint(cancelled)
        return 0

    task = Task(window, "…", job)
    with qtbot.waitSignal(task.done, timeout=5000) as signal:
        task.start()
    result, error = signal.args
    assert result is None and isinstance(error, CancelledError)
    assert seen[-1] == 5
    ok = Task(window, "…", lambda progress, cancelled: 42)
    with qtbot.waitSignal(ok.done, timeout=5000) as signal:
        ok.start()
    assert signal.args == [42, None]


def test_tree_holds_only_what_the_database_holds(window: MainWindow) -> None:
    bureau = window.tree.tree_model.index(0, 0)
    assert window.tree.tree_model.rowCount() == len(hierarchy.roots(window.db))  # type: ignore[arg-type]
    assert bureau.data(RefRole).kind == NodeKind.BUREAU


def test_saving_a_grid_unchanged_keeps_its_responsible_people(
    qtbot: Any, window: MainWindow
) -> None:
    grid = select_path(window, 0, 0, 0, 0)
    before = grids.load_grid(window.db, grid.data(RefRole).id)  # type: ignore[arg-type]
    assert before.community_officer_id and before.grid_worker_id

    def save(dialog: GridDialog) -> None:
        assert dialog.officer.currentData() == before.community_officer_id
        dialog.submit()

    modal = Modal(GridDialog, save)
    window.actions_.edit.trigger()
    modal.check()
    after = grids.load_grid(window.db, grid.data(RefRole).id)  # type: ignore[arg-type]
    assert (after.community_officer_id, after.grid_worker_id) == (
        before.community_officer_id,
        before.grid_worker_id,
    )
    assert after.version == before.version + 1  # type: ignore[operator]


@pytest.mark.login
def test_start_shows_nothing_before_the_login_then_the_users_jurisdiction(
    qtbot: Any, demo_template: Path, tmp_path: Path
) -> None:

    from PySide6.QtCore import Qt

    from desktop.demo import DEMO_PASSWORD
    from desktop.ui.app import make_application, start_window
    from desktop.ui.dialogs.login_dialog import LoginDialog

    make_application()
    path = tmp_path / "start.sqlite3"
    copy_desk(demo_template, path)

    def log_in(dialog: LoginDialog) -> None:
        assert window.tree.tree_model.rowCount() == 0  # nothing shows behind the login
        type_text(dialog.username, "neiqin")
        dialog.password.setFocus()
        qtbot.keyClicks(dialog.password, "wrong-one")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.error_labels["password"].text().startswith("用户名或密码错误")
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    window, loader = start_window(path)
    qtbot.addWidget(window)
    assert window.tree.tree_model.rowCount() == 0 and window.db is None
    assert not window.actions_.edit.isEnabled()
    modal = Modal(LoginDialog, log_in)
    with qtbot.waitSignal(loader.done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: modal.seen and not QApplication.activeModalWidget(), timeout=20_000)
    modal.check()
    assert window.session.user is not None
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "概览",
        "报表",
        "地图",
        "网格",
        "单位",
        "走访",
        "走访提醒",
        "隐患与不稳定因素",
        "巡逻",
        "排班",
        "人员",
    ]  # a clerk has no audit log
    top = window.tree.tree_model.index(0, 0)
    assert window.tree.tree_model.rowCount() == 1 and "派出所" in top.data()
    assert window.user_label.text() == "演示内勤 (neiqin)"
    select_path(window, 0, 0)
    assert window.actions_.edit.isEnabled() and not window.actions_.intervals.isEnabled()
    window.db.close()  # type: ignore[attr-defined]  # mypy holds to `window.db is None` above


def test_a_damaged_page_found_behind_the_window_is_reported(
    qtbot: Any, tmp_path: Path, demo_template: Path, messages: list[tuple[str, str]]
) -> None:

    from desktop.ui.app import make_application

    path = tmp_path / "damaged.sqlite3"
    copy_desk(demo_template, path)
    with desk_sql(path) as conn:
        page_size, pages = (
            int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_size", "page_count")
        )
    data = bytearray(path.read_bytes())
    middle = pages // 2 * page_size
    data[middle : middle + page_size] = b"\x13" * page_size  # a data page, not the schema
    path.write_bytes(bytes(data))
    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    assert win.open_database(path)  # the schema reads; the damage is deeper
    qtbot.waitUntil(lambda: any("已损坏" in text for _, text in messages), timeout=10_000)
    win.db.close()  # type: ignore[union-attr]


def test_a_damaged_database_is_restored_from_the_newest_whole_backup(
    qtbot: Any, tmp_path: Path, demo_template: Path, messages: list[tuple[str, str]]
) -> None:

    from desktop.services.accounts import audit
    from desktop.services.maintenance import backups
    from desktop.ui.app import make_application

    path = tmp_path / "desk.sqlite3"
    copy_desk(demo_template, path)
    folder = tmp_path / "backups"
    db = open_demo(path)
    assert backups.automatic_backup(db, folder) is not None  # yesterday's whole copy
    db.close()
    with desk_sql(path) as conn:
        page_size, pages = (
            int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_size", "page_count")
        )
    data = bytearray(path.read_bytes())
    middle = pages // 2 * page_size
    data[middle : middle + page_size] = b"\x13" * page_size
    path.write_bytes(bytes(data))
    make_application()
    win = MainWindow(Settings())
    win.settings.set_text("backup/folder", str(folder))
    qtbot.addWidget(win)
    assert win.open_database(path)
    # A check, a restore and a reopening behind the window: slow on a loaded machine.
    qtbot.waitUntil(lambda: any("已恢复" in text for _, text in messages), timeout=60_000)
    question = next(text for kind, text in messages if kind == "question")
    assert "desk-daily-" in question and "损坏" in question
    assert win.db is not None and win.session.user is not None
    assert backups._whole(path, demo_key(path))  # the file in place is the whole copy
    assert list(tmp_path.glob("desk-replaced-*.sqlite3"))  # the damaged one, kept aside
    restored = audit.list_entries(win.db, action=audit.RESTORE_DATABASE)
    assert len(restored) == 1
    win.db.close()


def test_typing_a_unit_that_does_not_exist_is_not_saved(qtbot: Any, window: MainWindow) -> None:
    select_path(window, 0, 1)
    window.tabs.setCurrentWidget(window.officers)
    seen: dict[str, str] = {}

    def fill(dialog: OfficerDialog) -> None:
        type_text(dialog.name, "张三")
        dialog.kind.setCurrentIndex(dialog.kind.findData("grid_worker"))
        line = dialog.unit.lineEdit()
        assert line is not None
        line.setText("不存在的单位")
        dialog.submit()
        seen["unit"] = dialog.error_labels["unit"].text()
        seen["open"] = str(dialog.isVisible())
        dialog.reject()

    modal = Modal(OfficerDialog, fill)
    window.officers.new()
    modal.check()
    assert seen == {"unit": "请选择人员所属的分局、派出所或警务室。", "open": "True"}
    assert officers.list_officers(window.db, None, text="张三") == []  # type: ignore[arg-type]


def test_a_grid_keeps_showing_a_person_who_left_and_says_so(qtbot: Any, window: MainWindow) -> None:
    from sqlalchemy import text

    grid = select_path(window, 0, 0, 0, 0)
    form = grids.load_grid(window.db, grid.data(RefRole).id)  # type: ignore[arg-type]
    with window.db.engine.begin() as conn:  # type: ignore[union-attr]
        conn.execute(
            text("UPDATE officer SET active = 0 WHERE id = :i"),
            {"i": form.community_officer_id.hex},  # type: ignore[union-attr]
        )
    seen: dict[str, Any] = {}

    def save(dialog: GridDialog) -> None:
        seen["shown"] = dialog.officer.currentText()
        dialog.submit()
        seen["error"] = dialog.error_labels["community_officer_id"].text()
        dialog.reject()

    modal = Modal(GridDialog, save)
    window.actions_.edit.trigger()
    modal.check()
    assert seen["shown"].endswith("（已离岗或不属本所）")
    assert seen["error"] == "此人不是在岗人员。"
    after = grids.load_grid(window.db, grid.data(RefRole).id)  # type: ignore[arg-type]
    assert after.community_officer_id == form.community_officer_id  # nothing cleared


def test_a_remembered_scope_that_is_gone_is_ignored(
    qtbot: Any, tmp_path: Path, demo_template: Path
) -> None:
    import uuid

    from desktop.ui.app import make_application

    make_application()
    path = tmp_path / "s.sqlite3"
    copy_desk(demo_template, path)
    settings = Settings()
    settings.set_text(f"scope/{path}", f"grid:{uuid.uuid4()}")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_database(path)
    assert win.scope is None and win.tree.tree_model.rowCount() == 1
    win._close_db()


def test_a_database_opened_while_loading_is_kept(
    qtbot: Any, tmp_path: Path, demo_template: Path
) -> None:

    from desktop.ui.app import make_application, start_window

    make_application()
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    copy_desk(demo_template, first)
    copy_desk(demo_template, second)
    window, loader = start_window(first)
    qtbot.addWidget(window)
    assert window.open_database(second)  # before the loader has finished
    with qtbot.waitSignal(loader.done, timeout=20_000):
        pass
    qtbot.wait(50)
    assert window.db is not None and window.db.display_name == str(second)
    window._close_db()


def test_register_an_enterprise_in_a_grid_cell(
    qtbot: Any, window: MainWindow, messages: list[tuple[str, str]], monkeypatch: Any
) -> None:
    from desktop.services.register import enterprises
    from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog

    select_path(window, 0, 0, 0)  # an office: registering needs a grid cell
    window.tabs.setCurrentWidget(window.enterprises)
    assert not window.enterprises.new_button.isEnabled()
    grid = select_path(window, 0, 0, 0, 0)
    assert window.enterprises.new_button.isEnabled()
    seen: dict[str, str] = {}

    def fill(dialog: EnterpriseDialog) -> None:
        type_text(dialog.name, "好再来网吧")
        qtbot.keyClicks(dialog.credit_code, "91110000600037341a")  # wrong check character
        dialog.industry.setCurrentIndex(dialog.industry.findData("internet_cafe"))
        qtbot.keyClicks(dialog.registered, "2026.3.5")
        dialog.submit()
        seen["code"] = dialog.error_labels["credit_code"].text()
        dialog.credit_code.clear()
        qtbot.keyClicks(dialog.credit_code, "91110000600037341l")
        qtbot.keyClick(dialog.credit_code, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal = Modal(EnterpriseDialog, fill)
    qtbot.mouseClick(window.enterprises.new_button, Qt.MouseButton.LeftButton)
    modal.check()
    assert seen["code"].startswith("校验码（最后一位）不符")
    (row,) = [r for r in window.enterprises.model.rows if r.name == "好再来网吧"]
    assert (row.name, row.credit_code, row.industry) == (
        "好再来网吧",
        "91110000600037341L",
        "上网服务营业场所",
    )
    saved = enterprises.load_enterprise(window.db, row.id)  # type: ignore[arg-type]
    assert saved.registered_on is not None and saved.registered_on.isoformat() == "2026-03-05"

    # A near-identical name in the same cell asks first; answering No keeps the form open.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    state: dict[str, Any] = {}

    def duplicate(dialog: EnterpriseDialog) -> None:
        type_text(dialog.name, "好再来网巴")
        dialog.submit()
        state["open"] = dialog.isVisible()
        # Closing a form with typed text asks first: this time, yes, discard it.
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
        )
        dialog.reject()

    modal = Modal(EnterpriseDialog, duplicate)
    window.enterprises.new()
    modal.check()
    names = [e.name for e in enterprises.list_enterprises(window.db, grid.data(RefRole))]  # type: ignore[arg-type]
    assert state["open"] and "好再来网巴" not in names and names.count("好再来网吧") == 1


def test_a_date_that_is_no_date_is_marked(qtbot: Any, window: MainWindow) -> None:
    from desktop.ui.dialogs.enterprise_dialog import EnterpriseDialog

    select_path(window, 0, 0, 0, 0)
    window.tabs.setCurrentWidget(window.enterprises)
    seen: dict[str, str] = {}

    def fill(dialog: EnterpriseDialog) -> None:
        type_text(dialog.name, "城西旅馆")
        type_text(dialog.registered, "去年春天")
        dialog.submit()
        seen["date"] = dialog.error_labels["registered_on"].text()
        dialog.reject()

    modal = Modal(EnterpriseDialog, fill)
    window.enterprises.new()
    modal.check()
    assert seen["date"] == "日期请写成 2026-03-05 的形式。"
