"""整改期限默认值: the days each kind of hazard gets to be put right, which the visit form
proposes as the deadline of a hazard found (a setting of this desk)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError
from desktop.services import reference
from desktop.services.database import Database
from desktop.ui.settings import Settings
from desktop.ui.widgets.form import FormDialog, optional_number

MAX_DAYS = 365
_RANGE = QT_TRANSLATE_NOOP(
    "Messages", "Write a number of days from 1 to 365, or leave it empty for no deadline."
)


class DeadlineDialog(FormDialog):
    def __init__(self, parent: QWidget | None, db: Database, settings: Settings) -> None:
        super().__init__(parent, self.tr("Default deadlines of hazards"))
        self.settings = settings
        note = QLabel(
            self.tr(
                "Days from the visit to the deadline that the visit form proposes for a "
                "hazard of each kind. Empty: no deadline is proposed."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.edits: dict[str, QLineEdit] = {}
        for code, name in reference.choices(db, "hazard_kind"):
            self.edits[code] = self.number(code, name, settings.deadline_days(code))
            self.edits[code].setPlaceholderText(self.tr("none"))

    def collect(self) -> dict[str, int | None]:
        days = {code: optional_number(edit) for code, edit in self.edits.items()}
        wrong = [
            FieldError(code, _RANGE)
            for code, n in days.items()
            if n is not None and not 0 < n <= MAX_DAYS
        ]
        if wrong:
            raise ValidationError(wrong)
        return days

    def save(self, form: dict[str, int | None]) -> dict[str, int | None]:
        for code, days in form.items():
            self.settings.set_deadline_days(code, days)
        return form
