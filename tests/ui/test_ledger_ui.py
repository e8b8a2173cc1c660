"""Exporting a ledger and importing enterprises from the File menu, through real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop.ledgers.registry import LEDGERS
from desktop.services.jurisdiction import grids, hierarchy
from desktop.services.register import enterprises
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.dialogs.ledger_dialog import LedgerDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal
from tests.ui.test_tree_workflows import select_path


def test_export_a_ledger_of_the_selected_station(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    select_path(window, 0, 0)
    out = tmp_path / "隐患.xlsx"
    assert window.db is not None and window.scope is not None
    station = hierarchy.node(window.db, window.scope).name

    def fill(dialog: LedgerDialog) -> None:
        dialog.ledger.setCurrentIndex(dialog.ledger.findText("安全隐患整改台账"))
        assert dialog.dates.isEnabled() and dialog.full.isEnabled()  # the administrator
        assert Path(dialog.file.text()).name == f"{station}安全隐患整改台账.xlsx"
        assert list(dialog.optional) == ["整改情况"] and not dialog.per_station.isEnabled()
        dialog.optional["整改情况"].setChecked(False)
        dialog.file.setText(str(out))
        qtbot.keyClicks(dialog.dates.start, "2024.1.1")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    modal = Modal(LedgerDialog, fill)
    window.actions_.export_ledger.trigger()
    modal.check()
    qtbot.waitUntil(lambda: "行已写入" in window.statusBar().currentMessage(), timeout=20_000)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == f"{station}安全隐患整改台账"
    assert "统计时段：2024-01-01 至 …" in str(sheet["A2"].value)
    headers = [c.value for c in sheet[4]]
    assert "整改责任人" in headers and "整改情况" not in headers
    assert window.settings.text("ledgers/last") == "hazards"


def test_the_dialog_offers_every_ledger_of_the_registry(qtbot: Any, tmp_path: Path) -> None:
    """A ledger declared in the registry can be exported from the window, in filing order,
    each with its optional columns and its dates when it has them."""
    dialog = LedgerDialog(None, "北山派出所", tmp_path, may_unmask=False)
    qtbot.addWidget(dialog)
    offered = [dialog.ledger.itemData(n) for n in range(dialog.ledger.count())]
    assert offered == list(LEDGERS)
    for n, ledger in enumerate(LEDGERS.values()):
        dialog.ledger.setCurrentIndex(n)
        assert dialog.ledger.currentText() == ledger.name
        assert dialog.dates.isEnabled() == ledger.dated
        assert list(dialog.optional) == [c.key for c in ledger.columns if c.optional]
    assert dialog.ledger.findText("警务室接待值班表") >= 0


def test_import_enterprises_with_a_preview_then_accept(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.db
    assert db is not None
    grid = grids.list_grids(db, None)[0]
    sheet = tmp_path / "新单位.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["新开单位登记表"])
    ws.append(["序号", "企业名称", "网格", "行业", "联系电话"])
    ws.append([1, "导入测试书店", grid.code, "其他", "13812345678"])
    ws.append([2, "导入测试茶馆", grid.name, "不知道的行业", None])
    ws.append([3, "导入测试花店", grid.code, None, "0571-8"])
    wb.save(sheet)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    before = len(enterprises.list_enterprises(db, None, limit=100_000))
    seen: list[str] = []

    def review(dialog: ImportDialog) -> None:
        seen.append(dialog.summary.text())
        assert dialog.problems.count() == 2 and dialog.import_button.isEnabled()
        assert dialog.preview.model().rowCount() == 3
        # The phone column guessed right; leave it out, and the third row is fine too.
        dialog.columns["security_phone"].setCurrentIndex(0)
        seen.append(dialog.summary.text())
        assert dialog.problems.count() == 1
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal = Modal(ImportDialog, review)
    window.actions_.import_enterprises.trigger()
    qtbot.waitUntil(lambda: modal.seen, timeout=20_000)
    modal.check()
    assert "3 行" in seen[0] and "新增 1" in seen[0] and "新增 2" in seen[1]
    qtbot.waitUntil(lambda: "导入" in window.statusBar().currentMessage(), timeout=20_000)
    after = [r.name for r in enterprises.list_enterprises(db, None, limit=100_000)]
    assert len(after) == before + 2 and {"导入测试书店", "导入测试花店"} <= set(after)
    assert "导入测试茶馆" not in after
