"""Window-wide actions of data exchange: write this desk's package, import another desk's
(shown first, written after a copy of the database), and settle the conflicts it left."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop import paths
from desktop.ui.work.context import Desk, backup_folder
from desktop.ui.worker import Job

FOLDER = "exchange/folder"


class ExchangeWork(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.parent)
        self.desk = desk

    def after_login(self, db: Any) -> None:
        """Conflicts left by an earlier import are said at once, to whoever may settle them."""
        from desktop.services.exchange import conflicts

        user = self.desk.user()
        if user is None or not user.role.manages:
            return
        waiting = conflicts.count_open(db)
        if waiting:
            self.desk.notify(
                self.tr("{n} data conflicts wait for a choice: File > Data conflicts.").format(
                    n=waiting
                ),
                30000,
            )

    def _folder(self) -> Path:
        chosen = self.desk.settings.text(FOLDER)
        return Path(chosen) if chosen else paths.documents_dir()

    def _files(self) -> str:
        return self.tr("Data packages (*.zip)")

    def export_package(self) -> None:
        from desktop.services.exchange import merge

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        suggested = self._folder() / self.tr("data package {day}.zip").format(
            day=date.today().isoformat()
        )
        name, _ = QFileDialog.getSaveFileName(
            w, self.tr("Write a data package"), str(suggested), self._files()
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".zip") else Path(name + ".zip")
        self.desk.settings.set_text(FOLDER, str(path.parent))
        self._run(
            self.tr("Writing the data package…"),
            lambda progress, cancelled: merge.export_package(
                db, path, progress=progress, cancelled=cancelled
            ),
            lambda done: QMessageBox.information(
                w,
                self.tr("Data package"),
                self.tr(
                    "{path}: package {sequence} of this desk, {n} records changed since the "
                    "last one. Take it to the other desk and import it there."
                ).format(path=done.path, sequence=done.sequence, n=done.records),
            ),
        )

    def import_package(self) -> None:
        """Read and check the whole package first (a dry run), show what it brings, and
        import it only when the user says so."""
        from desktop.services.exchange import merge

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            w, self.tr("Import a data package"), str(self._folder()), self._files()
        )
        if not name:
            return
        path = Path(name)
        self.desk.settings.set_text(FOLDER, str(path.parent))
        self._run(
            self.tr("Reading {file}…").format(file=path.name),
            lambda progress, cancelled: merge.import_package(
                db, path, dry_run=True, progress=progress, cancelled=cancelled
            ),
            lambda preview: self._confirm(path, preview),
        )

    def _confirm(self, path: Path, preview: Any) -> None:
        from desktop.services.exchange import merge
        from desktop.ui.dialogs.exchange_dialog import SummaryDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        dialog = SummaryDialog(w, preview, asking=True)
        if not dialog.exec() or preview.already:
            return
        folder = backup_folder(self.desk.settings)
        self._run(
            self.tr("Importing {file}…").format(file=path.name),
            lambda progress, cancelled: merge.import_package(
                db, path, backup_folder=folder, progress=progress, cancelled=cancelled
            ),
            self._imported,
        )

    def _imported(self, result: Any) -> None:
        from desktop.ui.dialogs.exchange_dialog import SummaryDialog

        self.desk.reload_tree()
        self.desk.refresh()
        SummaryDialog(self.desk.parent, result, asking=False).exec()
        if result.total("conflicts"):
            self.show_conflicts()

    def show_conflicts(self) -> None:
        from desktop.ui.dialogs.exchange_dialog import ConflictsDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        ConflictsDialog(w, db).exec()
        self.desk.refresh()

    def _run(self, title: str, job: Job, then: Any) -> None:
        self.desk.jobs.run(self.desk.parent, title, job, then)
