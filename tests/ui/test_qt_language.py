"""Qt's own dialogs speak the program's language, and so do the window titles."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QFileDialog,
    QLabel,
    QTreeView,
)

from desktop import i18n
from desktop.ui.app import make_application

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def shown_words(dialog: QFileDialog) -> list[str]:
    """The texts of the dialog's labels, buttons, tooltips and column headers."""
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() or w.toolTip() for w in dialog.findChildren(QAbstractButton)]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts += [str(model.headerData(c, view.header().orientation())) for c in range(4)]
    return [t for t in texts if t]


@pytest.mark.parametrize("mode", ["open", "save", "folder"])
def test_the_file_dialog_speaks_chinese(qtbot: Any, tmp_path: Path, mode: str) -> None:
    make_application()
    dialog = QFileDialog(None, "选择文件", str(tmp_path), "Excel 工作簿 (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode == "save":
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == "folder":
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    words = shown_words(dialog)
    assert "查找范围(&L)：" in words  # "&Look in:" until the supplement
    if mode != "folder":
        assert "文件类型(&T)：" in words
    english = [t for t in words if LATIN_WORD.search(t.replace("Excel", ""))]
    assert english == []


@pytest.fixture
def restored() -> Iterator[QApplication]:
    app = make_application()
    name, locale = app.applicationDisplayName(), QLocale()
    yield app
    app.setApplicationDisplayName(name)
    QLocale.setDefault(locale)


def test_install_names_the_window_titles_in_chinese(restored: QApplication) -> None:
    """Qt appends the display name to every title: translated after the translators are in,
    not before (it read "… — Community Policing Desk")."""
    restored.setApplicationDisplayName("Community Policing Desk")
    restored.setProperty("policedesk_translated", False)  # as before the first install
    i18n.install(restored)
    assert restored.applicationDisplayName() == "社区警务工作台"


def test_install_gives_qt_widgets_the_chinese_locale(qtbot: Any, restored: QApplication) -> None:
    QLocale.setDefault(QLocale("en_US"))
    restored.setProperty("policedesk_translated", False)
    i18n.install(restored)
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    assert calendar.locale().monthName(3) == "三月"


def test_the_qt_supplement_is_compiled(tmp_path: Path) -> None:
    ts = TRANSLATIONS / "qtbase_more_zh_CN.ts"
    built = tmp_path / "built.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(ts), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes()


def test_install_happens_once(restored: QApplication) -> None:
    """Every window test makes the application again: the locale is set once, not while
    the last test's background jobs may still be running."""
    i18n.install(restored)
    QLocale.setDefault(QLocale("en_US"))
    i18n.install(restored)
    assert QLocale().name() == "en_US"
