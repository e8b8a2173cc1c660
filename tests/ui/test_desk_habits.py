"""Issue 22: the habits of the desktop programs clerks know, tried through real widgets as
each role would meet them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from desktop.demo.generator import DEMO_PASSWORD
from desktop.services.accounts import users
from desktop.services.jurisdiction import hierarchy, officers
from desktop.services.jurisdiction.officers import OfficerRow
from desktop.services.register import findings
from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.officers_page import OfficersPage
from tests.ui.conftest import Modal
from tests.ui.test_tree_workflows import select_path

KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


def log_in_as(window: MainWindow, username: str) -> None:
    """The window as `username` finds it after logging in (their tree and home scope)."""
    assert window.db is not None
    users.logout(window.db)
    users.login(window.db, username, DEMO_PASSWORD)
    assert window._enter()


def officers_as(window: MainWindow, username: str) -> OfficersPage:
    log_in_as(window, username)
    page = window.officers
    window.tabs.setCurrentWidget(page)
    return page


def open_form(
    qtbot: Any, page: OfficersPage, handle: Callable[[OfficerDialog], None]
) -> OfficerRow:
    """Opens 编辑 on the first officer with both numbers; `handle` runs on the form."""
    model = page.model
    row = next(
        r
        for r in range(model.rowCount())
        if (o := model.row_object(model.index(r, 0))) and o.phone and o.id_number
    )
    page.table.selectRow(row)
    modal = Modal(OfficerDialog, handle)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    modal.check()
    found = model.row_object(model.index(row, 0))
    assert found is not None
    return found


def test_a_leader_reads_an_officer_without_a_save_button(qtbot: Any, window: MainWindow) -> None:
    page = officers_as(window, "lingdao")
    seen: dict[str, Any] = {}

    def look(dialog: OfficerDialog) -> None:
        seen["save"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        seen["phone"] = dialog.phone.text()
        seen["read_only"] = dialog.phone.isReadOnly() and dialog.name.isReadOnly()
        seen["kind"] = dialog.kind.isEnabled()
        dialog.submit()  # Ctrl+Enter saves nothing
        dialog.reject()

    row = open_form(qtbot, page, look)
    assert seen["save"] is None and seen["read_only"] and not seen["kind"]
    assert "****" in seen["phone"]  # a leader never sees the full number
    assert window.db is not None
    users.login(window.db, "admin", DEMO_PASSWORD)
    assert "*" not in (officers.load_officer(window.db, row.id).phone or "")


def test_a_community_officer_sees_masked_numbers_until_asking(
    qtbot: Any, window: MainWindow
) -> None:
    page = officers_as(window, "minjing")
    assert not page.reveal.isChecked()
    seen: dict[str, str] = {}

    def save_unchanged(dialog: OfficerDialog) -> None:
        seen["phone"], seen["id"] = dialog.phone.text(), dialog.id_number.text()
        dialog.notes.setPlainText("改了备注号码原样")
        dialog.submit()  # saves: the masked numbers stand for the stored ones

    row = open_form(qtbot, page, save_unchanged)
    assert "****" in seen["phone"] and "****" in seen["id"]
    assert window.db is not None
    stored = officers.load_officer(window.db, row.id, reveal=True)
    assert stored.notes == "改了备注号码原样"
    assert "*" not in (stored.phone or "") and "*" not in (stored.id_number or "")
    assert stored.phone and stored.phone[:3] == seen["phone"][:3]

    page.reveal.setChecked(True)  # 显示完整号码: the form shows them in full too

    def look(dialog: OfficerDialog) -> None:
        seen["full"] = dialog.phone.text()
        dialog.reject()

    open_form(qtbot, page, look)
    assert seen["full"] == stored.phone


def test_the_audit_log_speaks_as_the_forms_do(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.db
    assert db is not None
    item = findings.list_findings(db, None, category="hazard", status="open", limit=1)[0]
    who = officers.list_officers(db, None, active_only=True)[0]
    findings.advance_finding(
        db, findings.FindingUpdate(item.id, item.version, "rectifying"), who.id
    )
    page = window.audit
    window.tabs.setCurrentWidget(page)
    page.refresh()
    model = page.model
    texts = {
        (row.kind, row.action): model.index(r, 4).data()
        for r in range(model.rowCount())
        if (row := model.row_object(model.index(r, 0))) is not None
    }
    step = texts["finding", "edit"]
    assert "待整改 → 整改中" in step and who.name in step, step
    assert "open" not in step and "rectifying" not in step  # neither codes nor field names
    checkin = texts["patrol_checkin", "create"]
    assert not KEY.search(checkin), checkin  # the patrol point by its name, not its key
    # The time column is on the PC's clock, not Beijing's.
    first = model.row_object(model.index(0, 0))
    assert first is not None and model.index(0, 0).data() == first.at.astimezone().strftime(
        "%Y-%m-%d %H:%M:%S"
    )

    out = tmp_path / "审计日志.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    sheet = load_workbook(out).active
    assert sheet is not None
    written = [str(c.value or "") for row in sheet.iter_rows() for c in row]
    assert any("待整改 → 整改中" in text for text in written)
    assert not any(KEY.search(text) for text in written if "打卡" in text)


def test_after_logging_out_nothing_shows_and_the_next_user_starts_at_home(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.work.session import SessionWork

    select_path(window, 0, 1)  # the admin works on the second station's officers
    window.tabs.setCurrentWidget(window.officers)
    assert window.officers.model.rowCount() > 0
    window.tabs.setCurrentWidget(window.overview)
    window.tabs.setCurrentWidget(window.officers)
    seen: dict[str, Any] = {}
    logged_in = SessionWork.log_in

    def log_in(self: SessionWork, db: Any) -> bool:  # what the login dialog has behind it
        seen["rows"] = window.officers.model.rowCount()
        seen["new"] = window.officers.new_button.isEnabled()
        seen["edit"] = window.officers.edit_button.isEnabled()
        seen["action"] = window.actions_.new_officer.isEnabled()
        seen["figures"] = [c.value.text() for c in window.overview.cards.values()]
        seen["heading"] = window.overview.heading.text()
        seen["tree"] = window.tree.tree_model.rowCount()
        users.login(db, "minjing", DEMO_PASSWORD)
        return bool(logged_in(self, db))

    monkeypatch.setattr(SessionWork, "log_in", log_in)
    window.session.log_out()
    assert seen["rows"] == 0 and seen["tree"] == 0 and not seen["action"]
    assert not seen["new"] and not seen["edit"]
    assert seen["heading"] == "" and not any(seen["figures"])
    # 社区民警 starts on the overview of their own office, not the admin's station list.
    user = window.session.user
    assert user is not None and user.username == "minjing"
    assert window.tabs.currentIndex() == 0
    assert window.scope == user.node and window.tree.current_ref() == user.node


def test_one_clock_in_the_recycle_bin_and_the_audit_log(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deletion at the same minute in both, on the PC's clock (this PC is not on Beijing
    time: the test runs in a zone eight hours away)."""
    import time

    from desktop.ui.dialogs.recycle_bin_dialog import RecycleBinDialog

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        db = window.db
        assert db is not None
        unit = hierarchy.unit_choices(db)[-1][0]
        gone = officers.save_officer(
            db, officers.OfficerForm(name="临时网格员", kind="grid_worker", unit=unit)
        )
        assert gone.id is not None
        officers.delete_officer(db, gone.id)
        window.tabs.setCurrentWidget(window.audit)
        window.audit.refresh()
        audit_time = window.audit.model.index(0, 0).data()
        shown: dict[str, str] = {}

        def look(dialog: RecycleBinDialog) -> None:
            shown["bin"] = dialog.table.item(0, 2).text()  # type: ignore[union-attr]
            shown["name"] = dialog.table.item(0, 1).text()  # type: ignore[union-attr]
            dialog.reject()

        modal = Modal(RecycleBinDialog, look)
        window.open_recycle_bin()
        modal.check()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert shown["name"] == gone.name
    assert audit_time[:16] == shown["bin"], (audit_time, shown["bin"])


def test_a_ledger_export_counts_its_rows_and_offers_the_file(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDesktopServices

    from desktop import paths
    from desktop.ui.dialogs.ledger_dialog import LedgerDialog
    from desktop.ui.dialogs.written_dialog import WrittenBox
    from desktop.ui.worker import Task

    documents = tmp_path / "文档"
    documents.mkdir()
    monkeypatch.setattr(paths, "documents_dir", lambda: documents)
    steps: list[tuple[int, int, str]] = []
    real = Task._progress

    def watch(self: Task, done: int, total: int) -> None:
        real(self, done, total)
        steps.append((done, total, self.dialog.labelText() if self.dialog else ""))

    monkeypatch.setattr(Task, "_progress", watch)
    opened: list[str] = []

    def open_url(url: Any) -> bool:  # instead of the file manager
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    select_path(window, 0, 0)  # the first station
    seen: dict[str, Any] = {}

    def choose(dialog: LedgerDialog) -> None:
        seen["ledgers"] = [dialog.ledger.itemText(i) for i in range(dialog.ledger.count())]
        seen["folder"] = Path(dialog.file.text()).parent
        dialog.ledger.setCurrentIndex(dialog.ledger.findData("visits"))
        box = dialog.dates.start
        box.setText("2025-01-01")
        box.setFocus()
        box.end(False)
        QApplication.processEvents()
        seen["clipped"] = box.cursorPositionAt(QPoint(6, box.height() // 2)) != 0
        dialog.file.setText(str(tmp_path / "走访台账.xlsx"))
        dialog._accept()

    def open_folder(box: WrittenBox) -> None:
        seen["text"] = box.text()
        box.open_folder.click()

    modal = Modal(LedgerDialog, choose)
    end = Modal(WrittenBox, open_folder)
    window.ledger_work.export_ledger()
    modal.check()
    qtbot.waitUntil(lambda: bool(opened), timeout=120_000)
    end.check()
    assert "警务室接待值班表" in seen["ledgers"]
    assert seen["folder"] == documents  # the documents folder first
    assert not seen["clipped"]  # 2025-01-01 whole in its box
    assert opened == [str(tmp_path)]  # 打开所在文件夹
    written = load_workbook(tmp_path / "走访台账.xlsx", read_only=True)
    assert written is not None and "走访台账.xlsx" in seen["text"]
    # A determinate bar: a total known from the start, the rows written said under it.
    totals = {total for _done, total, _label in steps}
    assert steps and 0 not in totals, steps
    assert any("行" in label for _d, _t, label in steps), steps

    # The next export starts in the folder used last.
    def look(dialog: LedgerDialog) -> None:
        seen["again"] = Path(dialog.file.text()).parent
        dialog.reject()

    again = Modal(LedgerDialog, look)
    window.ledger_work.export_ledger()
    again.check()
    assert seen["again"] == tmp_path
