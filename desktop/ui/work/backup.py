"""Keeping the database safe from the window: the check and the daily backup behind it after
each login, backups and restores by hand, the backup folder, and recovery after damage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from desktop.domain.messages import UserError
from desktop.services.database import Database
from desktop.ui.errors import show_error, translate
from desktop.ui.work.context import BACKUP_FOLDER, Desk, backup_folder
from desktop.ui.worker import Task


class BackupWork(QObject):
    def __init__(
        self,
        desk: Desk,
        close_database: Callable[[], None],
        open_database: Callable[[str], bool],
    ) -> None:
        super().__init__(desk.parent)
        self.desk = desk
        self._close_database = close_database  # a restore replaces the open file
        self._open_database = open_database
        self.task: Task | None = None  # the check and backup behind the window

    def folder(self) -> Path:
        return backup_folder(self.desk.settings)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self.desk.parent, self.tr("Backup folder"), str(self.folder())
        )
        if name:
            self.desk.settings.set_text(BACKUP_FOLDER, name)

    def after_login(self, db: Database) -> None:
        """Behind the window, without a dialog: quick_check reads the whole file; a whole
        file then gets its copy of the day (at most one a day), and rotation thins the old
        ones."""
        from desktop.services.maintenance import backups, checks

        folder = self.folder()

        def run(_progress: Any, _cancelled: Any) -> tuple[list[str], Path | None]:
            problems = checks.quick_check(db)
            if problems:
                return problems, None
            try:
                return [], backups.automatic_backup(db, folder)
            except UserError:  # a full disk or a folder gone: the next start tries again
                return [], None

        def then(outcome: tuple[list[str], Path | None]) -> None:
            problems, made = outcome
            if problems:
                self.offer_recovery(db.display_name, problems, db.key)
            elif made is not None:
                self.desk.notify(self.tr("Today's backup: {path}").format(path=made), 8000)

        self.task = self.desk.jobs.run(self.desk.parent, None, run, then)

    def offer_recovery(self, name: str, problems: list[str], key: bytes | None = None) -> None:
        """The check found damage: offer the newest whole backup in its place."""
        from desktop.services.maintenance import backups

        detail = "; ".join(problems[:3])
        good = backups.newest_good(self.folder(), Path(name), key)
        if good is None:
            QMessageBox.warning(
                self.desk.parent,
                self.tr("Check database"),
                self.tr(
                    "The database {path} is damaged ({detail}). Save nothing more in it: "
                    "restore the latest backup (File > Restore from backup)."
                ).format(path=name, detail=detail),
            )
            return
        answer = QMessageBox.question(
            self.desk.parent,
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
        db = self.desk.database()
        if db is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.desk.parent,
            self.tr("Back up to"),
            str(self.folder() / "policedesk-backup.sqlite3"),
            self.tr("Desk databases (*.sqlite3)"),
        )
        if not name:
            return
        from desktop.services.accounts import audit
        from desktop.services.maintenance import checks

        def run(_progress: Any, _cancelled: Any) -> None:
            checks.backup(db, Path(name))
            with db.transaction() as s:
                audit.record(db, s, audit.BACKUP, label=name)

        self.desk.jobs.run(
            self.desk.parent,
            self.tr("Backing up…"),
            run,
            lambda _none: self.desk.notify(self.tr("Backed up to {path}").format(path=name), 8000),
        )

    def restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.desk.parent,
            self.tr("Restore from backup"),
            str(self.folder()),
            self.tr("Desk databases (*.sqlite3 *.db);;All files (*)"),
        )
        if not name or self.desk.database() is None:
            return
        answer = QMessageBox.question(
            self.desk.parent,
            self.tr("Restore"),
            self.tr(
                "Replace the open database with this backup? The current file is kept aside first."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._restore_from(Path(name))

    def _restore_from(self, backup: Path) -> None:
        """Every check runs while the database stays open; only a backup that passed puts it
        down (and the window's hold on its file), and the window then opens the file again:
        the restored one, or the old one if the replacement itself failed."""
        from desktop.services.maintenance import checks

        db = self.desk.database()
        if db is None:
            return
        target = db.display_name
        closed = False

        def close() -> None:
            nonlocal closed
            closed = True
            self._close_database()

        try:
            try:
                aside = checks.restore(db, backup, close=close)
            except UserError as error:
                theirs = self._backup_key(db, backup, error)
                if theirs is None:
                    raise
                aside = checks.restore(db, backup, close=close, backup_key=theirs)
        except UserError as error:
            show_error(self.desk.parent, error)
        else:
            QMessageBox.information(
                self.desk.parent,
                self.tr("Restore"),
                self.tr("The backup was restored. The replaced file is kept as {path}.").format(
                    path=aside or "-"
                ),
            )
        if closed:
            self._open_database(target)

    def _backup_key(self, db: Any, backup: Path, error: UserError) -> bytes | None:
        """A backup made under another key (this desk is new: a new computer): the logged-in
        administrator's password in that backup unwraps its key. None: not that case, or
        the password was not given or does not open it."""
        from desktop.services.accounts import keys
        from desktop.services.maintenance.restores import FOREIGN_KEY

        user = db.actor
        if error.message != FOREIGN_KEY or db.key is None or user is None:
            return None
        password, ok = QInputDialog.getText(
            self.desk.parent,
            self.tr("Restore"),
            self.tr(
                "This backup was made under another key (another computer's desk). Give "
                "{user}'s password as it was in that backup:"
            ).format(user=user.username),
            QLineEdit.EchoMode.Password,
        )
        return keys.peek(backup, user.username, password) if ok and password else None

    def check(self) -> None:
        from desktop.services.maintenance import checks

        db = self.desk.database()
        if db is None:
            return
        self.desk.jobs.run(
            self.desk.parent,
            self.tr("Checking the database…"),
            lambda _progress, _cancelled: checks.check(db),
            self._checked,
        )

    def _checked(self, report: Any) -> None:
        if report.ok:
            QMessageBox.information(
                self.desk.parent,
                self.tr("Check database"),
                self.tr("The database is whole: no problems found."),
            )
            return
        lines = report.lines(translate)
        more = len(lines) - 30
        QMessageBox.warning(
            self.desk.parent,
            self.tr("Check database"),
            "\n".join(lines[:30])
            + ("\n" + self.tr("… and {n} more").format(n=more) if more > 0 else ""),
        )
