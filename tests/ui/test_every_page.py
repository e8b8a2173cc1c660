"""Every page and the dialogs a role works in, at 1366×768 as each of the four roles on the
demo: no text cut by its widget, no English where the user reads Chinese."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QTableView, QWidget

from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal
from tests.ui.readability import problems
from tests.ui.test_desk_habits import log_in_as

ROLES = ("admin", "neiqin", "minjing", "lingdao")
SCREEN = (1366, 768)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _at_screen_size(window: MainWindow, username: str) -> None:
    log_in_as(window, username)
    window.setWindowState(window.windowState() & ~window.windowState().WindowMaximized)
    window.resize(*SCREEN)
    _settle()


@pytest.mark.parametrize("username", ROLES)
def test_every_page_reads_whole_and_in_chinese(window: MainWindow, username: str) -> None:
    _at_screen_size(window, username)
    names = frozenset({username})
    found = problems(window.menuBar(), f"{username}, menus", names)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
        title = window.tabs.tabText(index)
        found += problems(window, f"{username}, {title}", names)
    assert not found, "\n".join(dict.fromkeys(found))


def _dialogs(window: MainWindow) -> dict[str, QAction]:
    """The dialogs a user opens from the menus, by the action that opens them."""
    a, s = window.actions_, window.session
    return {
        "new visit": a.new_visit,
        "new officer": a.new_officer,
        "edit the unit": a.edit,
        "new under the unit": a.new_child,
        "visit intervals": a.intervals,
        "default hazard deadlines": window.deadlines_action,
        "export visits": a.export_visits,
        "recycle bin": a.recycle_bin,
        "data conflicts": a.exchange_conflicts,
        "backup folder": a.backup_folder,
        "about": a.about,
        "database connection": a.database_connection,
        "users": s.users_action,
        "change password": s.password_action,
        "lock after idle time": s.idle_action,
    }


@pytest.mark.parametrize("username", ROLES)
def test_every_dialog_reads_whole_and_in_chinese(window: MainWindow, username: str) -> None:
    _at_screen_size(window, username)
    found: list[str] = []
    opened: list[str] = []
    window.tree.setCurrentIndex(window.tree.tree_model.index(0, 0))  # the first unit
    _settle()
    for label, action in _dialogs(window).items():
        if not action.isEnabled():
            continue

        def look(dialog: QWidget, label: str = label) -> None:
            _settle()
            opened.append(label)
            found.extend(problems(dialog, f"{username}, {label}", frozenset({username})))
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

        modal = Modal(QDialog, look)
        action.trigger()
        _settle()
        if modal.seen:
            modal.check()
    expected = [label for label, action in _dialogs(window).items() if action.isEnabled()]
    assert opened == expected and "about" in opened
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_reader_sees_cut_text_and_english(qtbot: Any) -> None:
    """The checks above can fail: each kind of problem, made on purpose."""
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("未配社区民警的网格", box)
    label.setGeometry(0, 0, 40, 20)
    button = QPushButton("导出 Excel(&E)…", box)
    button.setGeometry(0, 30, 30, 24)
    english = QLabel("Look in:", box)
    english.setGeometry(0, 60, 200, 20)
    table = QTableView(box)
    model = QStandardItemModel(1, 1, table)
    model.setHorizontalHeaderLabels(["治安保卫负责人"])
    table.setModel(model)
    table.setGeometry(0, 90, 300, 100)
    table.horizontalHeader().resizeSection(0, 30)
    box.resize(400, 200)
    box.show()
    found = problems(box, "here")
    assert any("未配社区民警的网格" in f and "cut" in f for f in found), found
    assert any("导出 Excel…" in f and "needs" in f for f in found), found
    assert any("English ['Look', 'in']" in f for f in found), found
    assert any("治安保卫负责人" in f and "is 30 px" in f for f in found), found
    whole = QLabel("导出 Excel 台账 demo.sqlite3 v1.2.0 Ctrl+S", box)
    whole.setGeometry(0, 0, 380, 20)
    for shown in (label, button, english, table):
        shown.hide()
    assert problems(box, "here") == []
