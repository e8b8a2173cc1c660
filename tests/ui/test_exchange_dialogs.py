"""Data packages from the File menu: the preview, the import and the conflicts dialog."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from desktop.services.database import open_desk
from desktop.services.exchange import desks, merge
from desktop.services.register import enterprises
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.backends import fresh_sqlite
from tests.services.test_exchange import build, enrol


class Script:
    """Handles the modal dialogs that come up, in order, each with its own step."""

    def __init__(self, steps: list[tuple[type[QDialog], Callable[[Any], None]]]) -> None:
        self.steps, self.error = list(steps), None
        # The dialogs themselves, not their id(): a later dialog's wrapper may take a freed
        # one's id, and would then never be handled (the run waited for ever on one).
        self._handled: list[QWidget] = []
        QTimer.singleShot(20, self._poll)

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if (
            widget is not None
            and all(widget is not done for done in self._handled)
            and self.steps
            and isinstance(widget, self.steps[0][0])
        ):
            self._handled.append(widget)
            _, handler = self.steps.pop(0)
            widget.activateWindow()
            try:
                handler(widget)
            except BaseException as error:  # reported by the test
                self.error = error  # type: ignore[assignment]
                widget.reject()
        if self.steps and self.error is None:
            QTimer.singleShot(20, self._poll)


@pytest.fixture
def package(tmp_path: Path, sqlite_template: Path) -> tuple[Path, Path]:
    """The sub-bureau's database, and a station's package with one change to take and one
    that clashes with the sub-bureau's own."""
    bureau = fresh_sqlite(sqlite_template, tmp_path / "bureau.sqlite3")
    b = build(bureau)
    station = fresh_sqlite(sqlite_template, tmp_path / "station.sqlite3")
    enrol(bureau, station, b.stations[0], tmp_path)
    merge.export_package(bureau, tmp_path / "start.zip")
    seen_by_phone = desks.this_desk(bureau).fingerprint
    merge.import_package(station, tmp_path / "start.zip", fingerprint=seen_by_phone)
    for db, ident, values in (
        (station, b.enterprises[0], {"notes": "派出所补充"}),
        (station, b.enterprises[2], {"address": "派出所填的地址"}),
        (bureau, b.enterprises[2], {"address": "分局填的地址"}),
    ):
        form = enterprises.load_enterprise(db, ident)
        enterprises.save_enterprise(db, dataclasses.replace(form, **values))  # type: ignore[arg-type]
    merge.export_package(station, tmp_path / "station1.zip")
    station.close()
    bureau.close()
    return tmp_path / "bureau.sqlite3", tmp_path / "station1.zip"


def test_import_a_package_then_settle_its_conflict(
    qtbot: Any,
    package: tuple[Path, Path],
    messages: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.ui.dialogs.exchange_dialog import ConflictsDialog, SummaryDialog

    make_application()
    database, file = package
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(database)
    assert win.actions_.exchange_import.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    seen: dict[str, Any] = {}

    def preview(dialog: SummaryDialog) -> None:
        seen["preview"] = dialog.heading.text()
        table = dialog.table
        rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        columns = [
            table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
            for c in range(table.columnCount())
        ]
        total = rows.index("合计")
        updated, conflicts = (table.item(total, columns.index(c)) for c in ("更新", "冲突"))
        assert updated is not None and conflicts is not None
        seen["updated"], seen["conflicts"] = updated.text(), conflicts.text()
        dialog.accept()

    def after(dialog: SummaryDialog) -> None:
        seen["after"] = dialog.heading.text()
        dialog.accept()

    def settle(dialog: ConflictsDialog) -> None:
        seen["listed"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        cells = dialog.differences
        seen["versions"] = [
            [cells.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
            for r in range(cells.rowCount())
        ]
        dialog.keep_incoming.click()
        seen["left"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.accept()

    script = Script([(SummaryDialog, preview), (SummaryDialog, after), (ConflictsDialog, settle)])
    win.exchange_work.import_package()
    qtbot.waitUntil(lambda: not script.steps or script.error is not None, timeout=60000)
    if script.error:
        raise script.error
    assert "尚未写入" in seen["preview"] and "station1.zip" in seen["preview"]
    assert (seen["updated"], seen["conflicts"]) == ("1", "1")
    assert "已导入" in seen["after"]
    assert len(seen["listed"]) == 1 and "如家" in seen["listed"][0]
    assert ["地址", "分局填的地址", "派出所填的地址"] in seen["versions"]
    assert seen["left"] == ["没有待处理的冲突。"]
    assert win.db is not None
    got = {e.name: e for e in enterprises.list_enterprises(win.db, None)}
    assert enterprises.load_enterprise(win.db, got["如家"].id).address == "派出所填的地址"
    assert enterprises.load_enterprise(win.db, got["好再来网吧"].id).notes == "派出所补充"
    win.db.close()


def test_conflicts_left_waiting_are_said_at_login(
    qtbot: Any, package: tuple[Path, Path], messages: list[Any]
) -> None:
    database, file = package
    bureau = open_desk(database)
    merge.import_package(bureau, file)
    bureau.close()
    make_application()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    assert win.open_database(database)
    assert "1 处数据冲突" in win.statusBar().currentMessage()
    assert win.db is not None
    win.db.close()
