"""The absence form: who, what kind (休假, 培训, 病假, 调休), from which day to which."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.dates import BAD_DATE, parse_date
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import FieldError, ValidationError
from desktop.services import reference
from desktop.services.database import Database
from desktop.services.jurisdiction import officers
from desktop.services.patrol import deployment
from desktop.ui.models.pinyin import in_pinyin_order
from desktop.ui.widgets.form import FormDialog


@dataclass
class AbsenceForm:
    officer: uuid.UUID | None = None
    first: date | None = None
    last: date | None = None
    kind: str = "leave"
    notes: str = ""
    id: uuid.UUID | None = None


class AbsenceDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed
    help_anchor = "patrol"

    def __init__(
        self, parent: QWidget | None, db: Database, scope: NodeRef | None, form: AbsenceForm
    ) -> None:
        super().__init__(parent, self.tr("Absence") if form.id else self.tr("New absence"))
        self.db, self.original = db, form
        # The scope's own people: their absences are the ones its lists show.
        people = in_pinyin_order(
            [
                (o.id, f"{o.name} {o.badge_no or ''}".strip())
                for o in officers.list_officers(db, scope, limit=5000, active_only=True)
            ],
            lambda p: p[1],
        )
        self.officer = self.combo("officer", self.tr("Officer"), people, form.officer, "")
        self.officer.setEditable(True)  # type a name among a station's people
        self.officer.setInsertPolicy(self.officer.InsertPolicy.NoInsert)
        kinds = reference.choices(db, "absence_kind")
        self.kind = self.combo("kind", self.tr("Kind"), kinds, form.kind)
        self.first = self.line("first", self.tr("First day"), _text(form.first), 20)
        self.last = self.line("last", self.tr("Last day"), _text(form.last), 20)
        for edit in (self.first, self.last):
            edit.setPlaceholderText("2026-12-05")
        self.notes = self.text_box("notes", self.tr("Notes"), form.notes)

    def _officer(self) -> uuid.UUID | None:
        index = self.officer.findText(self.officer.currentText().strip())
        return self.officer.itemData(index) if index >= 0 else None

    def collect(self) -> AbsenceForm:
        errors: list[FieldError] = []
        days: list[date | None] = []
        for name, edit in (("first", self.first), ("last", self.last)):
            days.append(_day(edit, name, errors))
        if errors:
            raise ValidationError(errors)
        return AbsenceForm(
            self._officer(),
            days[0],
            days[1],
            self.kind.currentData(),
            self.notes.toPlainText(),
            self.original.id,
        )

    def attempt(self) -> Any:
        self.clear_errors()
        try:
            return self.save(self.collect())
        except ValidationError as error:
            self.show_errors(error)
        return None

    def save(self, form: AbsenceForm) -> Any:
        return deployment.save_absence(
            self.db, form.officer, form.first, form.last, form.kind, form.notes, ident=form.id
        )


def _text(day: date | None) -> str:
    return day.isoformat() if day else ""


def _day(edit: QLineEdit, name: str, errors: list[FieldError]) -> date | None:
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError:
        errors.append(FieldError(name, BAD_DATE))
        return None
