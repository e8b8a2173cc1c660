"""The next step of a hazard or unstable factor: who took it, when, and a note."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain import findings as lifecycle
from desktop.domain import palette
from desktop.domain.dates import BAD_DATE, format_date, parse_date
from desktop.domain.hierarchy import NodeRef
from desktop.domain.messages import QT_TRANSLATE_NOOP, FieldError, ValidationError
from desktop.services.database import Database
from desktop.services.jurisdiction import officers
from desktop.services.register import findings, search
from desktop.services.register.findings import FindingRow, FindingUpdate
from desktop.ui.settings import Settings
from desktop.ui.widgets.form import FormDialog
from desktop.ui.widgets.pickers import PeopleEdit

_WHO = QT_TRANSLATE_NOOP("Messages", "Name the officer who took this step.")
_LAST = "finding/officer"  # the setting: who took the clerk's last step


class FindingStepDialog(FormDialog):
    confirm_discard = True  # Esc asks before losing what was typed
    help_anchor = "finding"

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        scope: NodeRef | None,
        item: FindingRow,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Follow up"))
        self.db, self.item = db, item
        self.settings = settings or Settings()
        due = format_date(item.due_date) if item.due_date else "—"
        about = QLabel(
            f"{item.enterprise}\n{item.kind}：{item.description}\n"
            + self.tr("Deadline {due}, responsible {who}, now: {status}").format(
                due=due, who=item.responsible or "—", status=item.status_name
            )
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        if item.progress:
            history = QLabel(item.progress)
            history.setObjectName("history")
            history.setStyleSheet(f"color: {palette.MUTED_TEXT};")
            self.form.addRow(self.tr("So far"), history)
        names = findings.status_names(db, item.category)  # a concern's 化解中, a hazard's 整改中
        # Forward steps first, in order; a failed recheck (back to rectifying) last.
        here = lifecycle.ORDER.index(lifecycle.Status(item.status))
        possible = [s for s in lifecycle.ORDER if lifecycle.can_move(item.status, s)]
        possible.sort(key=lambda s: (lifecycle.ORDER.index(s) < here, lifecycle.ORDER.index(s)))
        steps = [(s.value, names.get(s.value, s.value)) for s in possible]
        self.step = self.combo(
            "status", self.tr("Next step"), steps, steps[0][0] if steps else None
        )
        self.on = self.line("on", self.tr("Date"), format_date(date.today()), 20)
        self.officer = PeopleEdit(multiple=False)
        self.officer.set_people(officers.people(db, scope))
        self.officer.set_ids([self._likely_officer()])
        self.add("officer_id", self.tr("Officer"), self.officer)
        self.note = self.text_box("note", self.tr("Note"), None)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(bool(steps))

    def _likely_officer(self) -> uuid.UUID | None:
        """Who took the clerk's last step (one officer often follows up a day's items) while
        still on the list, else the community officer of the enterprise's grid cell."""
        try:
            last = uuid.UUID(self.settings.text(_LAST))
        except ValueError:
            last = None
        if any(p.id == last for p in self.officer.people):
            return last
        pick = search.pick(self.db, self.item.enterprise_id)
        return pick.community_officer_id if pick else None

    def collect(self) -> tuple[FindingUpdate, uuid.UUID, date]:
        errors = []
        on = date.today()
        try:
            on = parse_date(self.on.text()) or on
        except ValueError:
            errors.append(FieldError("on", BAD_DATE))
        ids, _unknown, _ambiguous = self.officer.resolve()
        if len(ids) != 1:
            errors.append(FieldError("officer_id", _WHO))
        if errors:
            raise ValidationError(errors)
        update = FindingUpdate(
            self.item.id, self.item.version, self.step.currentData(), self.note.toPlainText()
        )
        return update, ids[0], on

    def save(self, form: tuple[FindingUpdate, uuid.UUID, date]) -> bool:
        update, officer, on = form
        findings.advance_finding(self.db, update, officer, on)
        self.settings.set_text(_LAST, str(officer))
        return True
