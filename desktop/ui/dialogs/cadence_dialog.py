"""走访周期: the days between visits for each risk grade, shared by every desk."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.services import reference
from desktop.services.database import Database
from desktop.services.register import cadence
from desktop.ui.widgets.form import FormDialog, optional_number


class CadenceDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed

    def __init__(self, parent: QWidget | None, db: Database) -> None:
        super().__init__(parent, self.tr("Visit intervals"))
        self.db = db
        note = QLabel(
            self.tr(
                "An enterprise is due for its next visit this many days after the last one. "
                "An interval set on the enterprise itself wins."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        current = cadence.intervals(db)
        self.edits: dict[str, QLineEdit] = {}
        for code, name in reference.choices(db, "risk_grade"):
            label = self.tr("Risk grade {grade}: every (days)").format(grade=name)
            self.edits[code] = self.number(code, label, current.get(code))
        self.moved: int | None = None

    def collect(self) -> dict[str, int | None]:
        return {code: optional_number(edit) for code, edit in self.edits.items()}

    def save(self, form: dict[str, int | None]) -> int:
        self.moved = cadence.set_intervals(self.db, form)
        return self.moved
