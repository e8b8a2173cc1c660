"""The end of an export: what was written where, with 打开文件 and 打开所在文件夹, as the
desktop programs clerks know end theirs (the status line alone was missed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


class WrittenBox(QMessageBox):
    def __init__(self, parent: QWidget | None, title: str, text: str, path: Path) -> None:
        super().__init__(QMessageBox.Icon.Information, title, text, parent=parent)
        self.path = path
        self.open_file = self.addButton(
            self.tr("&Open the file"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_file.setObjectName("open_file")
        self.open_folder = self.addButton(
            self.tr("Open the &folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.open_folder.setObjectName("open_folder")
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Close))

    def run(self) -> None:
        """Shown without blocking: the window goes on (and a job's end never waits on it)."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(self._chosen)
        self.open()

    def _chosen(self, _result: int) -> None:
        clicked = self.clickedButton()
        if clicked is self.open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        elif clicked is self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def show_written(parent: QWidget | None, title: str, text: str, path: Path) -> None:
    WrittenBox(parent, title, text, path).run()
