"""Which database the window works on: a file chosen (File > Open database…), this PC's
connection (File > Database connection…), and a plain file from an earlier version,
encrypted at an administrator's first login."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from desktop import paths
from desktop.domain.messages import UserError
from desktop.ui.errors import show_error
from desktop.ui.work.context import Desk

if TYPE_CHECKING:
    from desktop.services.database import Database


class DatabaseWork(QObject):
    def __init__(
        self,
        desk: Desk,
        label: QLabel,  # the status bar's name of the open database
        open_database: Callable[[str | Path], bool],
    ) -> None:
        super().__init__(desk.parent)
        self.desk, self.label, self._open = desk, label, open_database

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.desk.parent,
            QCoreApplication.translate("MainWindow", "Open database"),
            str(paths.user_data_dir()),
            QCoreApplication.translate(
                "MainWindow", "Desk databases (*.sqlite3 *.db);;All files (*)"
            ),
        )
        if name:
            self._open(name)

    def edit_connection(self) -> None:
        """File > Database connection…: choose, test and save this PC's database, then
        perhaps switch to it at once (it is opened at every start from now on)."""
        from desktop.services.maintenance.connection import target_of
        from desktop.ui.dialogs.database_dialog import DatabaseDialog

        db = self.desk.database()
        dialog = DatabaseDialog(self.desk.parent, self.desk.settings, target_of(db) if db else None)
        if not dialog.exec() or dialog.saved is None:
            return
        probe = dialog.saved
        if db is not None and db.display_name == probe.display_name:
            return  # already open here
        answer = QMessageBox.question(
            self.desk.parent,
            QCoreApplication.translate("MainWindow", "Database connection"),
            QCoreApplication.translate(
                "MainWindow",
                "Saved: the program opens {name} when it starts. Open it in this window now?",
            ).format(name=probe.display_name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._open(probe.target)

    def encrypted(self, db: Database) -> Database:
        """The database to work on from now on: a plain file from an earlier version, once
        an administrator has logged in, encrypted (the services say how, kill-safe), with
        its recovery key to show once; else `db` itself."""
        from desktop.services.accounts.keys import RECOVERY_SHOWN
        from desktop.services.maintenance import encryption

        if not encryption.needs_encrypting(db):
            return db
        user = self.desk.user()
        if user is None or not user.role.manages:
            return db  # stays plain until an administrator logs in
        self.label.setText(QCoreApplication.translate("MainWindow", "Encrypting the database…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = encryption.encrypt_desk(db)
        except UserError as error:
            QApplication.restoreOverrideCursor()
            self.label.setText(db.display_name)
            show_error(self.desk.parent, error)  # the plain file is unchanged and stays in use
            return db
        QApplication.restoreOverrideCursor()
        self.label.setText(done.db.display_name)
        done.db.memo[RECOVERY_SHOWN] = done.recovery
        return done.db
