"""Window-wide actions of the visit work: the intervals setting and the ledger export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.ui.errors import show_error
from desktop.ui.worker import Task

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class VisitWork(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None

    def edit_intervals(self) -> None:
        from desktop.ui.dialogs.cadence_dialog import CadenceDialog

        w = self.window
        if w.db is None:
            return
        dialog = CadenceDialog(w, w.db)
        if dialog.exec():
            w.pages_changed()
            w.statusBar().showMessage(
                self.tr("Next-due dates of {n} enterprises recalculated.").format(n=dialog.moved),
                8000,
            )

    def export_visits(self) -> None:
        """The visit ledger of the selected unit, written on a worker thread."""
        from desktop.services.exports import commands

        w = self.window
        if w.db is None:
            return
        db, scope = w.db, w.scope
        title = commands.ledger_title(db, scope, None, None)
        name, _ = QFileDialog.getSaveFileName(
            w, self.tr("Export the visit ledger"), f"{title}.xlsx", "Excel (*.xlsx)"
        )
        if not name:
            return
        task = Task(
            w,
            self.tr("Writing the visit ledger…"),
            lambda progress, cancelled: commands.export_visits(
                db, Path(name), scope, progress=progress, cancelled=cancelled
            ),
        )
        task.done.connect(lambda n, error: self._export_done(name, n, error))
        task.start()
        self.task = task

    def _export_done(self, path: str, n: int | None, error: BaseException | None) -> None:
        if error is not None:
            show_error(self.window, error)
            return
        self.window.statusBar().showMessage(
            self.tr("{n} visits written to {path}.").format(n=n, path=path), 10000
        )
