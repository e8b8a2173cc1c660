"""Help > About: the program's version, the open database's schema revision, and where the
data and the backups are (what an administrator asks for when moving a desk or reporting a
fault). Every value can be selected and copied."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

import desktop
from desktop import paths

if TYPE_CHECKING:
    from desktop.services.database import Database
    from desktop.ui.work.context import Desk


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, db: Database | None, backups: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        heading = QLabel(
            "<b>"
            + self.tr("Community Policing Desk")
            + "</b><br>"
            + self.tr("For station clerks, community officers and leaders of the three-level grid.")
        )
        form = QFormLayout()
        self.version = self._value(desktop.__version__)
        self.schema = self._value(self._schema_text(db))
        self.database = self._value(db.display_name if db is not None else "—")
        self.data_folder = self._value(str(paths.user_data_dir()))
        on_server = db is not None and not db.is_sqlite
        self.backups = self._value(
            self.tr("Made on the server by its administrator (pg_dump)")
            if on_server
            else str(backups)
        )
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Database schema:"), self.schema)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Data folder:"), self.data_folder)
        form.addRow(self.tr("Backups:"), self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _schema_text(self, db: Database | None) -> str:
        if db is None:
            return self.tr("No database is open")
        from desktop.services.maintenance.about import schema_version

        schema = schema_version(db)
        if schema.database == schema.program:
            return schema.program
        return self.tr("{database} (this program: {program})").format(
            database=schema.database or "—", program=schema.program
        )

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label


def show_about(desk: Desk) -> None:
    """The box over the window, for the database open now (if any)."""
    from desktop.ui.work.context import backup_folder

    AboutDialog(desk.parent, desk.database(), backup_folder(desk.settings)).exec()
