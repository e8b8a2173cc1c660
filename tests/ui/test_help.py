"""F1: an offline help page in Chinese with the main tasks and every shortcut of the window,
from the window and from inside a form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs.officer_dialog import OfficerDialog
from desktop.ui.help import HelpWindow, plain_text
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import Modal


def test_f1_opens_the_help_with_every_shortcut(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    window.tree.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)
    shown = window.findChild(HelpWindow)
    assert isinstance(shown, HelpWindow) and shown.isVisible()
    text = shown.browser.toPlainText()
    for task in (
        "记录走访",
        "单位登记",
        "导出台账",
        "快捷键一览",
        "放弃已输入的内容",
        "Ctrl+Enter",
    ):
        assert task in text
    keyed = [
        a
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty() and a.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    ]
    assert len(keyed) >= 10
    for action in keyed:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys in text, action.text()
        assert plain_text(action.text()) in text
    assert "http" not in shown.browser.toHtml().split("<body")[1]  # nothing to fetch
    qtbot.keyClick(window.tree, Qt.Key.Key_F1)  # once more: the same window, raised
    assert len(window.findChildren(HelpWindow)) == 1
    shown.close()


def test_f1_inside_a_form_leaves_the_form_open(qtbot: Any, window: MainWindow) -> None:
    page = window.officers
    window.tabs.setCurrentWidget(page)
    page.table.selectRow(0)
    seen: dict[str, Any] = {}

    def press(dialog: OfficerDialog) -> None:
        qtbot.keyClick(dialog.name, Qt.Key.Key_F1)
        found = dialog.findChild(HelpWindow)
        seen["help"] = isinstance(found, HelpWindow) and found.isVisible()
        seen["usable"] = found is not None and found.parentWidget() is dialog  # not blocked
        seen["form"] = dialog.isVisible()
        dialog.reject()

    modal = Modal(OfficerDialog, press)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    modal.check()
    assert seen == {"help": True, "usable": True, "form": True}
