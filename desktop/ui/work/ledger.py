"""Window-wide actions of the ledgers: export any ledger of the selected unit, and import
enterprises from a sheet; both on a worker thread behind a progress dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from desktop.domain.hierarchy import NodeKind
from desktop.ui.work.context import Desk, backup_folder
from desktop.ui.work.exporting import export_folder, rows_written, written
from desktop.ui.worker import Job


class LedgerWork(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.parent)
        self.desk = desk

    def _folder(self, key: str) -> Path:
        return export_folder(self.desk.settings, key)

    def export_ledger(self) -> None:
        from desktop.services.exports import ledgers
        from desktop.services.jurisdiction import hierarchy
        from desktop.ui.dialogs.ledger_dialog import LedgerDialog

        w, db, scope = self.desk.parent, self.desk.database(), self.desk.scope()
        user = self.desk.user()
        if db is None or user is None:
            return
        unit = (
            hierarchy.node(db, scope).name
            if scope is not None
            else "、".join(n.name for n in hierarchy.roots(db))
        )
        dialog = LedgerDialog(
            w,
            unit,
            self._folder("ledgers/folder"),
            user.role.may_unmask,
            self.desk.settings.text("ledgers/last"),
            above_station=scope is None or scope.kind == NodeKind.BUREAU,
        )
        if not dialog.exec():
            return
        choice = dialog.choice()
        self.desk.settings.set_text("ledgers/last", choice.kind)
        self.desk.settings.set_text("ledgers/folder", str(choice.path.parent))
        self._run(
            self.tr("Writing the ledger…"),
            lambda progress, cancelled: ledgers.export_ledger(
                db,
                choice.kind,
                choice.path,
                scope,
                choice.start,
                choice.end,
                reveal=choice.reveal,
                per_station=choice.per_station,
                leave_out=choice.leave_out,
                paper=choice.paper,
                progress=progress,
                cancelled=cancelled,
            ),
            None,
            lambda n: written(
                self.desk,
                self.tr("Export a ledger"),
                self.tr("{n} rows written to {path}.").format(n=n, path=choice.path),
                choice.path,
            ),
            counting=rows_written,
        )

    def import_enterprises(self) -> None:
        self.import_records("enterprises", self.tr("Import enterprises"))

    def import_officers(self) -> None:
        self.import_records("officers", self.tr("Import officers"))

    def import_visits(self) -> None:
        self.import_records("visits", self.tr("Import visits"))

    def import_boundaries(self) -> None:
        """Grid cells' boundaries from GeoJSON, all or none, for the map."""
        from desktop.services.reports import grid_map

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            w,
            self.tr("Import grid boundaries"),
            str(self._folder("imports/folder")),
            self.tr("GeoJSON (*.geojson *.json)"),
        )
        if not name:
            return
        self._run(
            self.tr("Reading {file}…").format(file=Path(name).name),
            lambda progress, cancelled: grid_map.import_boundaries(db, Path(name)),
            lambda n: self.tr("{n} grid cells have their boundary now.").format(n=n),
            lambda _n: self.desk.refresh(),
        )

    def import_records(self, kind: str, title: str) -> None:
        from desktop.services.imports import sheets

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            w,
            title,
            str(self._folder("imports/folder")),
            self.tr("Workbooks and CSV files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        if not name:
            return
        self.desk.settings.set_text("imports/folder", str(Path(name).parent))
        self._run(
            self.tr("Reading {file}…").format(file=Path(name).name),
            lambda progress, cancelled: sheets.plan_import(
                db, kind, Path(name), progress=progress, cancelled=cancelled
            ),
            None,
            lambda plan: self._review(plan, title),
        )

    def _review(self, plan: Any, title: str) -> None:
        """The preview; on Import, the good rows go in after a copy of the database."""
        from desktop.services.imports import sheets
        from desktop.ui.dialogs.import_dialog import ImportDialog

        w, db = self.desk.parent, self.desk.database()
        if db is None:
            return
        dialog = ImportDialog(w, db, plan, title)
        if not dialog.exec():
            return
        plan, folder = dialog.plan, backup_folder(self.desk.settings)
        self._run(
            self.tr("Importing…"),
            lambda progress, cancelled: sheets.apply_import(
                db, plan, folder, progress=progress, cancelled=cancelled
            ),
            lambda n: self.tr("{n} records imported from {file}.").format(n=n, file=plan.path.name),
            lambda _n: self.desk.refresh(),
        )

    def _run(self, title: str, job: Job, said: Any, then: Any = None, counting: Any = None) -> None:
        def done(result: Any) -> None:
            if said is not None:
                self.desk.notify(said(result), 10000)
            if then is not None:
                then(result)

        self.desk.jobs.run(self.desk.parent, title, job, done, counting)
