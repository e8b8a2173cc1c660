"""Keeping the database safe from the window: the check and the daily backup behind it after
each login, backups and restores by hand, the backup folder, and recovery after damage."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop import paths
from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.ui.errors import show_error, translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class BackupWork(QObject):
    damaged = Signal(str, list)  # database, problems found by the check behind the window
    backed_up = Signal(str)  # today's automatic copy

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.damaged.connect(self._offer_recovery)
        self.backed_up.connect(
            lambda path: window.statusBar().showMessage(
                self.tr("Today's backup: {path}").format(path=path), 8000
            )
        )
        self._worker: threading.Thread | None = None

    def folder(self) -> Path:
        chosen = self.window.settings.text("backup/folder")
        return Path(chosen) if chosen else paths.backup_dir()

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self.window, self.tr("Backup folder"), str(self.folder())
        )
        if name:
            self.window.settings.set_text("backup/folder", name)

    def after_login(self, db: Database) -> None:
        """Behind the window: quick_check reads the whole file; a whole file then gets its
        copy of the day (at most one a day), and rotation thins the old ones."""
        from desktop.services.maintenance import backups, checks

        folder = self.folder()

        def run() -> None:
            problems = checks.quick_check(db)
            if problems:
                self.damaged.emit(db.display_name, problems)
                return
            try:
                made = backups.automatic_backup(db, folder)
            except UserError:  # a full disk or a folder gone: the next start tries again
                return
            if made is not None:
                self.backed_up.emit(str(made))

        self._worker = threading.Thread(target=run, name="check-and-backup", daemon=True)
        self._worker.start()

    def _offer_recovery(self, name: str, problems: list[str]) -> None:
        from desktop.services.maintenance import backups

        detail = "; ".join(problems[:3])
        good = backups.newest_good(self.folder(), Path(name))
        if good is None:
            QMessageBox.warning(
                self.window,
                self.tr("Check database"),
                self.tr(
                    "The database {path} is damaged ({detail}). Save nothing more in it: "
                    "restore the latest backup (File > Restore from backup)."
                ).format(path=name, detail=detail),
            )
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Check database"),
            self.tr(
                "The database {path} is damaged ({detail}). Restore the newest whole backup, "
                "{backup} of {time}? The damaged file is kept aside."
            ).format(
                path=name,
                detail=detail,
                backup=good.path.name,
                time=good.taken.strftime("%Y-%m-%d %H:%M"),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._restore_from(good.path)

    def backup(self) -> None:
        window = self.window
        if window.db is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Back up to"),
            str(self.folder() / "policedesk-backup.sqlite3"),
            self.tr("Desk databases (*.sqlite3)"),
        )
        if not name:
            return
        from desktop.services.accounts import audit
        from desktop.services.maintenance import checks

        try:
            checks.backup(window.db, Path(name))
            with window.db.transaction() as s:
                audit.record(window.db, s, audit.BACKUP, label=name)
        except UserError as error:
            show_error(window, error)
            return
        window.statusBar().showMessage(self.tr("Backed up to {path}").format(path=name), 8000)

    def restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(self.folder()),
            self.tr("Desk databases (*.sqlite3 *.db);;All files (*)"),
        )
        if not name or self.window.db is None:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore"),
            self.tr(
                "Replace the open database with this backup? The current file is kept aside first."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._restore_from(Path(name))

    def _restore_from(self, backup: Path) -> None:
        from desktop.services.accounts import audit
        from desktop.services.maintenance import checks

        window = self.window
        if window.db is None:
            return
        target = window.db.display_name
        user = window.session.user
        window.close_database()
        try:
            aside = checks.restore(target, backup)
        except UserError as error:
            show_error(window, error)
        else:
            QMessageBox.information(
                window,
                self.tr("Restore"),
                self.tr("The backup was restored. The replaced file is kept as {path}.").format(
                    path=aside or "-"
                ),
            )
        if window.open_database(target) and window.db is not None:
            with window.db.transaction() as s:
                who = (user.id, user.label) if user is not None else None
                audit.record(window.db, s, audit.RESTORE_DATABASE, label=str(backup), user=who)

    def check(self) -> None:
        from desktop.services.maintenance import checks

        window = self.window
        if window.db is None:
            return
        report = checks.check(window.db)
        if report.ok:
            QMessageBox.information(
                window,
                self.tr("Check database"),
                self.tr("The database is whole: no problems found."),
            )
            return
        lines = report.lines(translate)
        more = len(lines) - 30
        QMessageBox.warning(
            window,
            self.tr("Check database"),
            "\n".join(lines[:30])
            + ("\n" + self.tr("… and {n} more").format(n=more) if more > 0 else ""),
        )
