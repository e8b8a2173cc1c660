"""Window-wide actions of the visit work: the intervals and default deadlines settings and
the ledger export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.ui.work.context import Desk
from desktop.ui.work.exporting import LEDGER_FOLDER, export_folder, rows_written, written


class VisitWork(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.parent)
        self.desk = desk

    def edit_intervals(self) -> None:
        from desktop.ui.dialogs.cadence_dialog import CadenceDialog

        db = self.desk.database()
        if db is None:
            return
        dialog = CadenceDialog(self.desk.parent, db)
        if dialog.exec():
            self.desk.refresh()
            self.desk.notify(
                self.tr("Next-due dates of {n} enterprises recalculated.").format(n=dialog.moved),
                8000,
            )

    def edit_deadlines(self) -> None:
        """The deadline the visit form proposes for each kind of hazard (also reached from
        the form's 默认整改期限… button)."""
        from desktop.ui.dialogs.deadline_dialog import DeadlineDialog

        db = self.desk.database()
        if db is not None:
            DeadlineDialog(self.desk.parent, db, self.desk.settings).exec()

    def export_visits(self) -> None:
        """The visit ledger of the selected unit, written on a worker thread; the file is
        offered in the folder last used for ledgers (the documents folder at first)."""
        from desktop.services.exports import commands

        db, scope = self.desk.database(), self.desk.scope()
        if db is None:
            return
        title = commands.ledger_title(db, scope, None, None)
        folder = export_folder(self.desk.settings)
        name, _ = QFileDialog.getSaveFileName(
            self.desk.parent,
            self.tr("Export the visit ledger"),
            str(folder / f"{title}.xlsx"),
            "Excel (*.xlsx)",
        )
        if not name:
            return
        path = Path(name)
        self.desk.settings.set_text(LEDGER_FOLDER, str(path.parent))
        self.desk.jobs.run(
            self.desk.parent,
            self.tr("Writing the visit ledger…"),
            lambda progress, cancelled: commands.export_visits(
                db, path, scope, progress=progress, cancelled=cancelled
            ),
            lambda n: written(
                self.desk,
                self.tr("Export the visit ledger"),
                self.tr("{n} visits written to {path}.").format(n=n, path=name),
                path,
            ),
            counting=rows_written,
        )
